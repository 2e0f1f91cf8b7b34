package detect

import "corefix/model"

// Copies side by side. A drifting pipeline lands a copy right after
// another copy or mention of the same kind ("said Trump Trump the
// election", "the election The Democrats"), and the text alone does not
// say which of the two overwrote words: in the judge's held-out errors a
// quarter of the false findings of the drifting variants sat right beside
// a candidate that was the broken one (docs/experiments.md, "Session 7").
// So in a drifting document a finding takes in a candidate that touches
// it and is not shown itself — as the collision rule's span covers both
// words — and its proposals keep that neighbour's words as written.

// widenSideBySide widens each finding out[n], made from candidate
// cands[at[n]], over an unshown candidate that ends just before it or
// starts just after it (the shortest such on each side), unless another
// finding already covers the neighbour's tokens.
func (a *Analysis) widenSideBySide(cands []judged, at []int, out []model.Finding) {
	// Covered tokens, by token from the first candidate's: only the
	// tokens the candidates span, since a region's candidates span a
	// sliver of a long text (at 20 MB, a slice for every token in each
	// of 320 regions was a gigabyte of garbage).
	lo, hi := 0, -1
	if len(cands) > 0 {
		lo, hi = cands[0].i, cands[0].j
	}
	for _, c := range cands {
		lo, hi = min(lo, c.i), max(hi, c.j)
	}
	covered := make([]bool, hi-lo+1)
	shown := make([]bool, len(cands))
	take := func(m int) {
		for t := cands[m].i; t <= cands[m].j; t++ {
			covered[t-lo] = true
		}
	}
	for _, k := range at {
		shown[k] = true
		take(k)
	}
	free := func(m int) bool {
		for t := cands[m].i; t <= cands[m].j; t++ {
			if covered[t-lo] {
				return false
			}
		}
		return !shown[m]
	}
	text := a.doc.Text
	for n, k := range at {
		c, f := &cands[k], &out[n]
		// Candidates are sorted by first token, then last: the shortest
		// one ending at c.i-1 is the last such before k, the shortest
		// starting at c.j+1 the first after it.
		before := -1
		for m := k - 1; m >= 0 && cands[m].i >= c.i-a.rules().Limits.MaxMention.Value; m-- {
			if cands[m].j == c.i-1 && (before < 0 || cands[m].i > cands[before].i) {
				before = m
			}
		}
		if before >= 0 && free(before) {
			take(before)
			start := a.toks[cands[before].i].Start
			widen(f, text[start:f.Start], "")
			f.Start = int(start)
		}
		after := -1
		for m := k + 1; m < len(cands) && cands[m].i <= c.j+1; m++ {
			if cands[m].i == c.j+1 {
				after = m
				break
			}
		}
		if after >= 0 && free(after) {
			take(after)
			end := a.toks[cands[after].j].End
			widen(f, "", text[f.End:end])
			f.End = int(end)
		}
	}
}

// widen puts the words before and after a finding's span, as written,
// around each of its proposals.
func widen(f *model.Finding, before, after string) {
	ps := make([]model.Proposal, len(f.Proposals))
	for k, p := range f.Proposals {
		p.Text = before + p.Text + after
		ps[k] = p
	}
	f.Proposals = ps
}

// joinSideBySide makes one finding of each run of findings shown as
// broken (confidence model.BrokenThreshold or more) whose candidates
// touch (cands[at[n]] starts right after cands[at[n-1]] ends): the most
// confident one's category, rule and message, its proposals with the
// others' first proposals in their places and the words between as
// written. A finding listed only for checking is never joined, so no
// span is shown as broken that was not. out is sorted by candidate, as
// at is; the joined findings overwrite it from the start (each run is
// read before its finding is written) and the rest is cleared.
func (a *Analysis) joinSideBySide(cands []judged, at []int, out []model.Finding) []model.Finding {
	broken := func(n int) bool { return out[n].Confidence >= model.BrokenThreshold }
	joined := 0
	for n := 0; n < len(out); {
		run := n + 1
		for run < len(out) && broken(run-1) && broken(run) && cands[at[run]].i == cands[at[run-1]].j+1 {
			run++
		}
		out[joined] = a.join(out[n:run])
		joined++
		n = run
	}
	clear(out[joined:]) // out may be DetectWith's pooled buffer: keep no findings alive there
	return out[:joined]
}

// join returns one finding for fs, findings side by side in text order.
func (a *Analysis) join(fs []model.Finding) model.Finding {
	if len(fs) == 1 {
		return fs[0]
	}
	best := 0
	for k, f := range fs {
		if f.Confidence > fs[best].Confidence {
			best = k
		}
	}
	j := fs[best]
	j.Start, j.End = fs[0].Start, fs[len(fs)-1].End
	text := a.doc.Text
	ps := make([]model.Proposal, len(fs[best].Proposals))
	for p, own := range fs[best].Proposals {
		s := ""
		for k, f := range fs {
			if k > 0 {
				s += text[fs[k-1].End:f.Start]
			}
			switch {
			case k == best:
				s += own.Text
			case len(f.Proposals) > 0:
				s += f.Proposals[0].Text
			default:
				s += text[f.Start:f.End]
			}
		}
		own.Text = s
		ps[p] = own
	}
	j.Proposals = ps
	return j
}
