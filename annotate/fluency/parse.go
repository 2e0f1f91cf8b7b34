package fluency

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// counts is a data file as read, before any probability is derived.
type counts struct {
	p     Params
	tags  []pair
	uni   []int
	probe []string
	// bi and tri are the n-gram records in file order, tags then count;
	// where a record repeats, the last one counts (transitions).
	bi    [][3]int
	tri   [][4]int
	words []wordCount
	owned []ownedCount
}

// ownedCount is one owned record: a lower-case word form and how often
// it follows a possessive.
type ownedCount struct {
	form string
	n    int
}

// wordCount is one word record: a form and its tag counts.
type wordCount struct {
	form  string
	tags  []int
	count []int
	total int
}

// Parse reads a data file (the format is in the package doc) and derives
// the model from its counts.
func Parse(data []byte) (*Model, error) { return parseText(string(data)) }

// parseText is Parse of the data as a string: the embedded model's, read
// where it lies instead of copied.
func parseText(data string) (*Model, error) {
	c, err := readCounts(data)
	if err != nil {
		return nil, err
	}
	return c.model(), nil
}

// readCounts parses a data file's records and checks them.
func readCounts(data string) (*counts, error) {
	text := strings.TrimSuffix(data, "\n")
	first, rest, more := strings.Cut(text, "\n")
	if first != Schema {
		return nil, fmt.Errorf("not a fluency data file: the first line must be %q", Schema)
	}
	// The records of each kind are counted first, so the tables are
	// made at their size instead of regrown (the embedded file is read
	// at every start).
	c := &counts{
		bi:    make([][3]int, 0, strings.Count(rest, "\nbi\t")+1),
		tri:   make([][4]int, 0, strings.Count(rest, "\ntri\t")+1),
		words: make([]wordCount, 0, strings.Count(rest, "\nword\t")+1),
		owned: make([]ownedCount, 0, strings.Count(rest, "\nowned\t")+1),
	}
	seen := map[string]bool{}
	var f []string
	for n := 2; more; n++ {
		var line string
		line, rest, more = strings.Cut(rest, "\n")
		if strings.HasPrefix(line, "#") {
			continue
		}
		f = splitTabs(f[:0], line)
		if err := c.record(f, seen); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
	}
	for _, f := range c.p.fields() {
		if !seen["param "+f.name] {
			return nil, fmt.Errorf("param %s is missing", f.name)
		}
	}
	if len(c.tags) == 0 || len(c.probe) == 0 {
		return nil, fmt.Errorf("no tags or no probe words")
	}
	if err := c.checkOwned(); err != nil {
		return nil, err
	}
	return c, c.p.check()
}

// record adds one record (a line split at tabs).
func (c *counts) record(f []string, seen map[string]bool) error {
	ints := func(from int) ([]int, error) {
		out := make([]int, len(f)-from)
		for i := range out {
			v, err := strconv.Atoi(f[from+i])
			if err != nil || v < 0 {
				return nil, fmt.Errorf("%s: %q is not a count", f[0], f[from+i])
			}
			out[i] = v
		}
		return out, nil
	}
	tagIDs := func(v []int) error {
		for _, t := range v {
			if t >= len(c.tags) {
				return fmt.Errorf("%s: tag %d is not defined above", f[0], t)
			}
		}
		return nil
	}
	var want int
	switch f[0] {
	case "param":
		want = 3
	case "tag", "tri":
		want = 5
	case "bi":
		want = 4
	case "owned":
		want = 3
	case "word", "probe":
		want = len(f)
	}
	if want == 0 || len(f) != want || (f[0] == "word" && len(f) < 3) || (f[0] == "probe" && len(f) < 2) {
		return fmt.Errorf("not a record: %q", strings.Join(f, "\t"))
	}
	switch f[0] {
	case "param":
		if seen["param "+f[1]] {
			return fmt.Errorf("param %s twice", f[1])
		}
		seen["param "+f[1]] = true
		return c.p.set(f[1], f[2])
	case "probe":
		if c.probe != nil {
			return fmt.Errorf("probe twice")
		}
		c.probe = slices.Clone(f[1:]) // f is reused for the next line
	case "tag":
		v, err := ints(4)
		if err != nil {
			return err
		}
		if f[1] != strconv.Itoa(len(c.tags)) || len(c.tags) == noneLimit-1 {
			return fmt.Errorf("tag %s out of order (or too many tags)", f[1])
		}
		c.tags = append(c.tags, pair{f[2], f[3]})
		c.uni = append(c.uni, v[0])
	case "bi", "tri":
		v, err := ints(1)
		if err != nil {
			return err
		}
		if err := tagIDs(v[:len(v)-1]); err != nil {
			return err
		}
		if f[0] == "bi" {
			c.bi = append(c.bi, [3]int{v[0], v[1], v[2]})
		} else {
			c.tri = append(c.tri, [4]int{v[0], v[1], v[2], v[3]})
		}
	case "word":
		w := wordCount{form: f[1]}
		for _, tc := range f[2:] {
			t, n, ok := strings.Cut(tc, ":")
			ti, err1 := strconv.Atoi(t)
			ni, err2 := strconv.Atoi(n)
			if !ok || err1 != nil || err2 != nil || ti < 0 || ni <= 0 || ti >= len(c.tags) {
				return fmt.Errorf("word %s: %q is not TAG:COUNT with a defined tag", f[1], tc)
			}
			w.tags, w.count, w.total = append(w.tags, ti), append(w.count, ni), w.total+ni
		}
		c.words = append(c.words, w)
	case "owned":
		n, err := strconv.Atoi(f[2])
		if err != nil || n <= 0 {
			return fmt.Errorf("owned %s: %q is not a count", f[1], f[2])
		}
		c.owned = append(c.owned, ownedCount{f[1], n})
	}
	return nil
}

// splitTabs appends the fields of line, split at tabs, to f.
func splitTabs(f []string, line string) []string {
	for {
		field, rest, found := strings.Cut(line, "\t")
		f = append(f, field)
		if !found {
			return f
		}
		line = rest
	}
}
