package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// entityReader collects the mentions of one document from its Entity
// brackets.
type entityReader struct {
	name  string
	open  map[string][]openMention  // by bracket id (with a [i/n] part suffix)
	parts map[string]*discontinuous // closed parts of discontinuous mentions, by entity
	byID  map[string]*CorefCluster
	order []string // entity ids in order of first occurrence
}

type openMention struct{ start, line int }

// discontinuous is a mention whose parts are not all closed yet.
type discontinuous struct {
	start, line int // of the first part
}

func newEntityReader(name string) *entityReader {
	return &entityReader{name: name, open: map[string][]openMention{},
		parts: map[string]*discontinuous{}, byID: map[string]*CorefCluster{}}
}

// read parses one Entity value on word w, e.g. "(1-person(2)" or "1)".
func (r *entityReader) read(v string, w, line int, attrs []string) error {
	for i := 0; i < len(v); {
		if v[i] != '(' {
			k := strings.IndexByte(v[i:], ')')
			if k <= 0 {
				return lineError(r.name, line, "bad Entity %q: expected ENTITY) at %q", v, v[i:])
			}
			if err := r.close(v[i:i+k], w, line); err != nil {
				return err
			}
			i += k + 1
			continue
		}
		k := strings.IndexAny(v[i+1:], "()")
		end := len(v)
		if k >= 0 {
			end = i + 1 + k
		}
		values := strings.Split(v[i+1:end], "-")
		if values[0] == "" {
			return lineError(r.name, line, "bad Entity %q: a bracket without an entity id", v)
		}
		r.begin(values, w, line, attrs)
		i = end
		if end < len(v) && v[end] == ')' {
			if err := r.close(values[0], w, line); err != nil {
				return err
			}
			i++
		}
	}
	return nil
}

// begin opens a mention of the entity values[0] on word w.
func (r *entityReader) begin(values []string, w, line int, attrs []string) {
	key := values[0]
	r.open[key] = append(r.open[key], openMention{w, line})
	id, _, _ := splitPart(key)
	c := r.byID[id]
	if c == nil {
		c = &CorefCluster{ID: id}
		r.byID[id] = c
		r.order = append(r.order, id)
	}
	if c.Type == "" {
		if i := slices.Index(attrs, "etype"); i > 0 && i < len(values) {
			c.Type = values[i]
		}
	}
}

// close ends the innermost open mention of key on word w.
func (r *entityReader) close(key string, w, line int) error {
	stack := r.open[key]
	if len(stack) == 0 {
		return lineError(r.name, line, "Entity closes %q, which is not open", key)
	}
	m := stack[len(stack)-1]
	r.open[key] = stack[:len(stack)-1]
	id, part, parts := splitPart(key)
	span := TokenSpan{m.start, w + 1}
	if parts > 1 {
		// A discontinuous mention becomes one, from its first part to its
		// last, when the last part closes.
		d := r.parts[id]
		if d == nil {
			d = &discontinuous{m.start, m.line}
			r.parts[id] = d
		}
		d.start = min(d.start, m.start)
		if part < parts {
			return nil
		}
		span.Start = d.start
		delete(r.parts, id)
	}
	c := r.byID[id]
	c.Mentions = append(c.Mentions, span)
	return nil
}

// clusters returns the document's clusters once every bracket is closed.
func (r *entityReader) clusters() ([]CorefCluster, error) {
	// The first problem in the file is reported, whatever the map order.
	type problem struct {
		line int
		msg  string
	}
	var problems []problem
	for key, stack := range r.open {
		if len(stack) > 0 {
			problems = append(problems, problem{stack[0].line, fmt.Sprintf("Entity %q opens here and never closes", key)})
		}
	}
	for id, d := range r.parts {
		problems = append(problems, problem{d.line, fmt.Sprintf("discontinuous mention of entity %q starts here and misses its last part", id)})
	}
	if len(problems) > 0 {
		first := slices.MinFunc(problems, func(a, b problem) int {
			return cmp.Or(cmp.Compare(a.line, b.line), strings.Compare(a.msg, b.msg))
		})
		return nil, lineError(r.name, first.line, "%s", first.msg)
	}
	out := make([]CorefCluster, 0, len(r.order))
	for _, id := range r.order {
		c := *r.byID[id]
		sortSpans(c.Mentions)
		out = append(out, c)
	}
	return out, nil
}

// splitPart splits a bracket id "e5[1/2]" of a discontinuous mention into
// the entity "e5", part 1 and parts 2; a plain id has one part.
func splitPart(key string) (id string, part, parts int) {
	base, suffix, ok := strings.Cut(key, "[")
	if !ok || !strings.HasSuffix(suffix, "]") {
		return key, 1, 1
	}
	a, b, ok := strings.Cut(strings.TrimSuffix(suffix, "]"), "/")
	i, err1 := strconv.Atoi(a)
	n, err2 := strconv.Atoi(b)
	if !ok || err1 != nil || err2 != nil || i < 1 || i > n {
		return key, 1, 1
	}
	return base, i, n
}
