package annotate

import "sort"

// Drift is the shrinkage of the pipeline's token list before a point: each
// mention of n tokens replaced by one list element earlier saves n-1. So
// a substitution can have drifted at most by what the mentions before it
// saved, and one with nothing saved before it replaced its mention in
// place. Those savings are the visible slices (a slice is as long as its
// mention) and the representatives' own first mentions, which the
// pipeline replaced by themselves: no difference in the text, but the
// list shrank all the same.

// driftRoom returns, for each substitution in text order, the most tokens
// it can have drifted: the tokens saved by the slices and by the first
// mentions of multi-token representatives that start before it.
func (a *alignment) driftRoom(subs []substitution) []int {
	type saving struct{ at, n int }
	var savings []saving
	firsts := make(map[string]bool)
	for _, s := range subs {
		if s.a2-s.a1 > 1 {
			savings = append(savings, saving{s.a1, s.a2 - s.a1 - 1})
		}
		if rep := a.rid[s.b1:s.b2]; len(rep) > 1 && !firsts[key(rep)] {
			firsts[key(rep)] = true
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
