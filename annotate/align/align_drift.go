package align

import (
	"sort"

	"corefix/annotate/lexicon"
)

// Drift is the shrinkage of the pipeline's token list before a point: each
// mention of n tokens replaced by one list element earlier saves n-1. So
// a substitution can have drifted at most by what the mentions before it
// saved, and one with nothing saved before it replaced its mention in
// place. Those savings are the visible slices (a slice is as long as its
// mention) and the representatives' own first mentions, which the
// pipeline replaced by themselves: no difference in the text, but the
// list shrank all the same. Where there is room, the drift leaves
// footprints: the mention k tokens left of its slice (mentionOverlaps),
// a possessive ’s swallowed after it (dropsClitic).

// driftRoom returns, for each substitution in text order, the most tokens
// it can have drifted: the tokens saved by the slices and by the first
// mentions of multi-token representatives that start before it.
func (a *alignment) driftRoom(subs []substitution) []int {
	type saving struct{ at, n int }
	var savings []saving
	firsts := make(map[string]bool)
	var key []byte
	for _, s := range subs {
		if s.a2-s.a1 > 1 {
			savings = append(savings, saving{s.a1, s.a2 - s.a1 - 1})
		}
		rep := a.rid[s.b1:s.b2]
		if key = appendKey(key[:0], rep); len(rep) > 1 && !firsts[string(key)] {
			firsts[string(key)] = true
			if p := a.origIndex(rep); p >= 0 {
				savings = append(savings, saving{p, len(rep) - 1})
			}
		}
	}
	sort.Slice(savings, func(i, j int) bool { return savings[i].at < savings[j].at })
	room := make([]int, len(subs))
	k, saved := 0, 0
	for i, s := range subs {
		for ; k < len(savings) && savings[k].at < s.a1; k++ {
			saved += savings[k].n
		}
		room[i] = saved
	}
	return room
}

// mentionOverlaps reports whether the whole mention the substitution was
// meant for stands in the original starting k tokens before the replaced
// slice, 1 ≤ k ≤ its length, while the slice itself is a lesser fit: "The
// study focuses" → "The The study", the mention "The study" kept in part
// and the slice shifted one token onto the verb. A correct substitution
// replaces its mention in place (drift 0).
func (a *alignment) mentionOverlaps(s substitution, room int) bool {
	if s.a1 == s.a2 || s.b1 == s.b2 {
		return false
	}
	l := s.a2 - s.a1
	words := a.contentWords(a.rid[s.b1:s.b2])
	if a.mentionScore(words, s.a1, l) == 1 {
		return false
	}
	for k := 1; k <= min(l, room) && k <= s.a1; k++ {
		if a.mentionScore(words, s.a1-k, l) == 1 {
			return true
		}
	}
	return false
}

// dropsClitic reports whether the replaced slice ends in a possessive ’s
// that the representative lacks ("Warhol ’s" → "a major Warhol donor
// program"). A correct resolver may do that to a possessor (GUM's clean
// resolutions do, and their gold accepts it); in a drifting document it is
// a slice that swallowed the ’s of a phrase after its mention.
func (a *alignment) dropsClitic(s substitution) bool {
	return s.a1 < s.a2 && s.b1 < s.b2 && endsWithClitic(a.ot[s.a2-1].Text(a.orig.Text)) &&
		!endsWithClitic(a.rt[s.b2-1].Text(a.doc.Text))
}

// insideName reports whether the replaced slice starts inside a proper
// name and ends before its last word: the original words just before and
// just after it are capitalised past a sentence start, as is its first
// word ("the Kennedy [Space] Center"). A mention takes in a name whole,
// so such a slice is the drift's: a shifted replacement cuts names
// anywhere, a resolver at most replaces a nested name whole.
func (a *alignment) insideName(s substitution) bool {
	if s.a1 < 1 || s.a2 >= len(a.ot) || s.a1 == s.a2 || s.b1 == s.b2 {
		return false
	}
	if s.a1 >= 2 && endsSentence(a.ot[s.a1-2].Text(a.orig.Text)) || s.a1 == 1 {
		return false
	}
	return a.origClass(s.a1-1) == lexicon.Cap && a.origClass(s.a1) == lexicon.Cap && a.origClass(s.a2) == lexicon.Cap
}
