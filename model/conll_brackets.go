package model

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bracket is one coreference bracket of the CoNLL formats on a word: a
// mention of cluster Cluster that opens there, closes there, or both (a
// mention of one word).
type bracket struct {
	Cluster     int
	Open, Close bool
}

// wordBrackets puts doc's mentions into brackets, word by word, in the
// order the readers (entityReader) pair back into the same mentions.
// They pair a closing bracket with the latest opened one of its cluster,
// so on each word come first the mentions that end there, of one cluster
// the latest begun first (GUM writes "1)(2)" too); then those that begin
// there, of one cluster the longest first. Between clusters the order is
// theirs. Mentions of one cluster that overlap by two words or more,
// neither inside the other, cannot be written so: that is an error, as is
// a mention outside the words.
func wordBrackets(doc *CorefDocument) ([][]bracket, error) {
	type mention struct {
		cluster int
		span    TokenSpan
	}
	ends := make([][]mention, len(doc.Tokens))
	starts := make([][]mention, len(doc.Tokens))
	for c, cl := range doc.Clusters {
		for _, m := range cl.Mentions {
			if m.Start < 0 || m.Start >= m.End || m.End > len(doc.Tokens) {
				return nil, fmt.Errorf("cluster %q: mention [%d, %d) is not a range of the %d words", cl.ID, m.Start, m.End, len(doc.Tokens))
			}
			starts[m.Start] = append(starts[m.Start], mention{c, m})
			if m.Len() > 1 {
				ends[m.End-1] = append(ends[m.End-1], mention{c, m})
			}
		}
	}
	out := make([][]bracket, len(doc.Tokens))
	open := make([][]TokenSpan, len(doc.Clusters)) // per cluster, as a reader stacks them
	for w := range doc.Tokens {
		slices.SortStableFunc(ends[w], func(a, b mention) int {
			return cmp.Or(cmp.Compare(a.cluster, b.cluster), cmp.Compare(b.span.Start, a.span.Start))
		})
		slices.SortStableFunc(starts[w], func(a, b mention) int {
			return cmp.Or(cmp.Compare(a.cluster, b.cluster), cmp.Compare(b.span.End, a.span.End))
		})
		for _, m := range ends[w] {
			stack := open[m.cluster]
			if top := stack[len(stack)-1]; top != m.span {
				return nil, fmt.Errorf("cluster %q: mentions [%d, %d) and [%d, %d) cross, which brackets cannot write",
					doc.Clusters[m.cluster].ID, top.Start, top.End, m.span.Start, m.span.End)
			}
			open[m.cluster] = stack[:len(stack)-1]
			out[w] = append(out[w], bracket{Cluster: m.cluster, Close: true})
		}
		for _, m := range starts[w] {
			one := m.span.Len() == 1
			if !one {
				open[m.cluster] = append(open[m.cluster], m.span)
			}
			out[w] = append(out[w], bracket{Cluster: m.cluster, Open: true, Close: one})
		}
	}
	return out, nil
}

// sentenceSpans cuts the words of doc into the sentences a CoNLL file
// writes: a new one wherever a sentence or a paragraph of doc starts or
// ends, so sentences that cover the words are kept as they are, and a
// document that marks none is one sentence.
func sentenceSpans(doc *CorefDocument) []TokenSpan {
	n := len(doc.Tokens)
	cut := map[int]bool{0: true, n: true}
	for _, spans := range [][]TokenSpan{doc.Sentences, doc.Paragraphs} {
		for _, s := range spans {
			cut[min(max(s.Start, 0), n)], cut[min(max(s.End, 0), n)] = true, true
		}
	}
	bounds := make([]int, 0, len(cut))
	for b := range cut {
		bounds = append(bounds, b)
	}
	slices.Sort(bounds)
	var out []TokenSpan
	for i := 1; i < len(bounds); i++ {
		out = append(out, TokenSpan{bounds[i-1], bounds[i]})
	}
	return out
}

// checkField refuses a value a CoNLL column cannot hold: empty, not
// UTF-8, holding a control character (a tab or a line break ends the
// column or the line), any white space when spaces is false (CoNLL-2012
// splits its columns at white space; CoNLL-U's MISC holds none), or any
// of reserved.
func checkField(what, v string, spaces bool, reserved string) error {
	switch {
	case v == "":
		return fmt.Errorf("%s is empty", what)
	case !utf8.ValidString(v):
		return fmt.Errorf("%s %q is not valid UTF-8", what, v)
	case strings.ContainsAny(v, reserved):
		return fmt.Errorf("%s %q holds one of %q", what, v, reserved)
	}
	for _, r := range v {
		if unicode.IsControl(r) || !spaces && unicode.IsSpace(r) {
			return fmt.Errorf("%s %q holds white space or a control character", what, v)
		}
	}
	return nil
}
