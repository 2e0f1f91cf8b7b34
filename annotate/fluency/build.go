package fluency

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Schema is the first line of a data file.
const Schema = "corefix.fluency/v1"

// Word is one token of a tagged corpus.
type Word struct{ Form, UPOS, XPOS string }

// Settings are what Write needs besides the corpus: the cuts that keep
// the data file small, and the model's Params, written into it.
type Settings struct {
	MinTag     int // a tag pair seen fewer times merges into a kept one
	MinWord    int // a word form seen fewer times is left to the guesser
	MinTrigram int // a trigram seen fewer times is left out
	Params     Params
	// Probes are the pronouns Span.Pron tries in place of a span: the
	// words a correct substitution stands for.
	Probes []string
}

// Counter collects a tagged corpus document by document for Write.
type Counter struct {
	docs [][]Word
}

// Add appends one document, in reading order: its tags count as one
// stream, across sentence boundaries.
func (c *Counter) Add(doc []Word) {
	if len(doc) > 0 {
		c.docs = append(c.docs, slices.Clone(doc))
	}
}

// pair is a tag as the corpus spells it.
type pair struct{ upos, xpos string }

// Write writes the data file for the documents added so far. comments
// go on lines of their own after the schema (source, credit, settings).
// The output depends only on the documents, their order and s.
func (c *Counter) Write(w io.Writer, s Settings, comments []string) error {
	if err := s.Params.check(); err != nil {
		return err
	}
	if len(s.Probes) == 0 || slices.ContainsFunc(s.Probes, func(p string) bool { return p == "" || strings.ContainsAny(p, "\t\n") }) {
		return fmt.Errorf("probes %q: want one or more words", s.Probes)
	}
	tags, id := c.tagSet(s.MinTag)
	if len(tags) == 0 {
		return fmt.Errorf("no tags: the corpus is empty")
	}
	if len(tags) >= noneLimit {
		return fmt.Errorf("%d tags: at most %d fit (raise the tag cut)", len(tags), noneLimit-1)
	}
	uni := make([]int, len(tags))
	bi := map[[2]int]int{}
	tri := map[[3]int]int{}
	words := map[string]map[int]int{}
	owned := map[string]int{}
	for _, doc := range c.docs {
		prev := [2]int{-1, -1}
		for at, wd := range doc {
			if at > 0 && possessor(doc[at-1].XPOS) {
				owned[strings.ToLower(Key(wd.Form))]++
			}
			t := id[pair{wd.UPOS, wd.XPOS}]
			uni[t]++
			if prev[1] >= 0 {
				bi[[2]int{prev[1], t}]++
			}
			if prev[0] >= 0 {
				tri[[3]int{prev[0], prev[1], t}]++
			}
			prev = [2]int{prev[1], t}
			k := Key(wd.Form)
			if words[k] == nil {
				words[k] = map[int]int{}
			}
			words[k][t]++
		}
	}
	out := bufio.NewWriter(w)
	fmt.Fprintln(out, Schema)
	for _, line := range comments {
		fmt.Fprintf(out, "# %s\n", strings.ReplaceAll(line, "\n", " "))
	}
	for _, f := range s.Params.fields() {
		fmt.Fprintf(out, "param\t%s\t%s\n", f.name, f.value())
	}
	fmt.Fprintf(out, "probe\t%s\n", strings.Join(s.Probes, "\t"))
	for i, t := range tags {
		fmt.Fprintf(out, "tag\t%d\t%s\t%s\t%d\n", i, t.upos, t.xpos, uni[i])
	}
	for _, k := range slices.SortedFunc(maps.Keys(bi), func(a, b [2]int) int { return slices.Compare(a[:], b[:]) }) {
		fmt.Fprintf(out, "bi\t%d\t%d\t%d\n", k[0], k[1], bi[k])
	}
	for _, k := range slices.SortedFunc(maps.Keys(tri), func(a, b [3]int) int { return slices.Compare(a[:], b[:]) }) {
		if tri[k] >= s.MinTrigram {
			fmt.Fprintf(out, "tri\t%d\t%d\t%d\t%d\n", k[0], k[1], k[2], tri[k])
		}
	}
	for _, form := range slices.Sorted(maps.Keys(words)) {
		byTag, total := words[form], 0
		for _, n := range byTag {
			total += n
		}
		if total < s.MinWord || form == "" || strings.ContainsAny(form, "\t\n") {
			continue
		}
		out.WriteString("word\t" + form)
		for _, t := range slices.Sorted(maps.Keys(byTag)) {
			out.WriteString("\t" + strconv.Itoa(t) + ":" + strconv.Itoa(byTag[t]))
		}
		out.WriteByte('\n')
	}
	for _, form := range slices.Sorted(maps.Keys(owned)) {
		if form != "" && !strings.ContainsAny(form, "\t\n") {
			fmt.Fprintf(out, "owned\t%s\t%d\n", form, owned[form])
		}
	}
	return out.Flush()
}

// possessor reports whether a word of tag xpos owns the word after it:
// a possessive pronoun ("his", "whose") or the clitic ’s.
func possessor(xpos string) bool {
	return xpos == "PRP$" || xpos == "WP$" || xpos == "POS"
}

// tagSet picks the tags: every UPOS/XPOS pair seen at least minTag times,
// commonest first. A rarer pair (often an annotation slip) joins the
// commonest kept pair with its XPOS, else with its UPOS, else the
// commonest tag. id maps every pair of the corpus to its tag.
func (c *Counter) tagSet(minTag int) (tags []pair, id map[pair]int) {
	count := map[pair]int{}
	for _, doc := range c.docs {
		for _, wd := range doc {
			count[pair{wd.UPOS, wd.XPOS}]++
		}
	}
	all := slices.SortedFunc(maps.Keys(count), func(a, b pair) int {
		return cmp.Or(count[b]-count[a], cmp.Compare(a.upos, b.upos), cmp.Compare(a.xpos, b.xpos))
	})
	id = map[pair]int{}
	for _, p := range all {
		if count[p] >= minTag {
			id[p] = len(tags)
			tags = append(tags, p)
		}
	}
	for _, p := range all {
		if _, ok := id[p]; ok || len(tags) == 0 {
			continue
		}
		id[p] = 0
		for _, same := range []func(pair) bool{
			func(k pair) bool { return k.xpos == p.xpos },
			func(k pair) bool { return k.upos == p.upos },
		} {
			if i := slices.IndexFunc(tags, same); i >= 0 {
				id[p] = i
				break
			}
		}
	}
	return tags, id
}
