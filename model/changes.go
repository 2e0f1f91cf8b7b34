package model

import "strings"

// Change is one rewrite the corrected text makes: the words [Start, End)
// of the text (bytes; Old) become New.
type Change struct {
	Start, End int
	Old, New   string
}

// Changes lists what the accepted and edited spans rewrite, in text
// order, each cut to the words that differ: a span "they Democrats"
// fixed to "they were" changes "Democrats" into "were". A fix that
// changes nothing is no change.
func (a *Annotation) Changes() []Change {
	var out []Change
	for _, s := range a.spans.all() {
		if !s.Status.Changes() {
			continue
		}
		old := a.Doc.Text[s.Start:s.End]
		if old == s.Replacement {
			continue
		}
		oa, ob, na, nb := differingWords(old, s.Replacement)
		out = append(out, Change{Start: s.Start + oa, End: s.Start + ob, Old: old[oa:ob], New: s.Replacement[na:nb]})
	}
	return out
}

// differingWords returns the byte ranges [oa, ob) of old and [na, nb) of
// repl left once the words both start and end with are cut away. Words
// are separated by spaces; a range that loses all its words keeps the
// space after them, so removing "b" from "a b c" removes "b ".
func differingWords(old, repl string) (oa, ob, na, nb int) {
	wo, wr := words(old), words(repl)
	p := 0
	for p < len(wo) && p < len(wr) && old[wo[p][0]:wo[p][1]] == repl[wr[p][0]:wr[p][1]] {
		p++
	}
	q := 0
	for q < min(len(wo), len(wr))-p {
		x, y := wo[len(wo)-1-q], wr[len(wr)-1-q]
		if old[x[0]:x[1]] != repl[y[0]:y[1]] {
			break
		}
		q++
	}
	from := func(ws [][2]int, s string) int {
		if p < len(ws) {
			return ws[p][0]
		}
		return len(s)
	}
	to := func(ws [][2]int, s string) int {
		if q > 0 {
			return ws[len(ws)-q][0]
		}
		return len(s)
	}
	oa, ob, na, nb = from(wo, old), to(wo, old), from(wr, repl), to(wr, repl)
	// Both keep words: the space before the common end belongs to neither.
	for ob > oa && nb > na && old[ob-1] == ' ' && repl[nb-1] == ' ' {
		ob, nb = ob-1, nb-1
	}
	return oa, ob, na, nb
}

// words returns the byte ranges of the space-separated words of s.
func words(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		if s[i] == ' ' {
			i++
			continue
		}
		j := strings.IndexByte(s[i:], ' ')
		if j < 0 {
			j = len(s) - i
		}
		out = append(out, [2]int{i, i + j})
		i += j
	}
	return out
}
