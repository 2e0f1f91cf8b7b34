package fluency

import (
	"slices"

	"corefix/model"
)

// A long text's profile need not be held whole (at 20 MB, 30 MB of
// float64s): a reader keeps the forward pass's state every few thousand
// tokens and recomputes the stretch it reads from the state before it.

// Mark is the state of Profile's forward pass before a token: the likely
// tags of the two words before it and the probability of each pair of
// their tags. The pass's scaling so far is left out: no value of the
// profile reads it.
type Mark struct {
	before, last []cand
	prob         []float64
}

// mark returns p's state.
func (p *pass) mark() Mark {
	a, b := p.tags[1-p.last][:p.ntags[1-p.last]], p.tags[p.last][:p.ntags[p.last]]
	return Mark{before: slices.Clone(a), last: slices.Clone(b), prob: slices.Clone(p.prob[p.cur][:len(a)*len(b)])}
}

// resume makes p go on from the state k, as the pass that marked it did.
func (p *pass) resume(m *Model, k Mark) {
	p.ready(m)
	p.ntags[0] = copy(p.tags[0], k.before)
	p.ntags[1] = copy(p.tags[1], k.last)
	p.last, p.cur, p.scale = 1, 0, 1
	copy(p.prob[0], k.prob)
}

// ProfileMarks makes the profile of every token of toks, every tokens at
// a time, hands each stretch's values to f (from token lo on; vals is
// reused once f returns) and returns the pass's marks before tokens 0,
// every, 2·every…: ProfileFrom goes on from any of them.
func (m *Model) ProfileMarks(text string, toks []model.Token, every int, f func(lo int, vals []float64)) []Mark {
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.pass[0].start(m)
	marks := make([]Mark, 0, len(toks)/every+1)
	vals := make([]float64, 0, every)
	for lo := 0; lo < len(toks); lo += every {
		marks = append(marks, s.pass[0].mark())
		f(lo, s.profile(m, text, toks, lo, min(len(toks), lo+every), vals[:0]))
	}
	return marks
}

// ProfileFrom appends to out the profile of toks[lo:hi] that Profile(text,
// toks, 0, hi) gives, to the bit, where k is its pass's mark before
// token lo (ProfileMarks').
func (m *Model) ProfileFrom(text string, toks []model.Token, k Mark, lo, hi int, out []float64) []float64 {
	hi = min(len(toks), hi)
	if lo >= hi {
		return out
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.pass[0].resume(m, k)
	return s.profile(m, text, toks, lo, hi, slices.Grow(out, hi-lo))
}
