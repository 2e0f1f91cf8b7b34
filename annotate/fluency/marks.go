package fluency

import (
	"slices"

	"corefix/model"
)

// A long text's profile need not be held whole (at 20 MB, 30 MB of
// float64s): a reader makes it a stretch at a time as it reads on, keeping
// the forward pass's state every few thousand tokens to make a stretch
// again from the state before it.

// Mark is the state of Factors' forward pass before a token: the likely
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
	prob := slices.Clone(p.prob[p.cur][:len(a)*len(b)])
	for i := range prob {
		prob[i] *= p.norm
	}
	return Mark{before: slices.Clone(a), last: slices.Clone(b), prob: prob}
}

// resume makes p go on from the state k, as the pass that marked it did.
func (p *pass) resume(m *Model, k Mark) {
	p.ready(m)
	p.ntags[0] = copy(p.tags[0], k.before)
	p.ntags[1] = copy(p.tags[1], k.last)
	p.last, p.cur, p.scale, p.norm = 1, 0, 1, 1
	copy(p.prob[0], k.prob)
}

// ProfileStart is the mark before a text's first token: nothing is known
// about the words before it.
func (m *Model) ProfileStart() Mark {
	var p pass
	p.start(m)
	return p.mark()
}

// FactorsFrom appends to out the factors of toks[lo:hi] that
// Factors(text, toks, 0, hi) gives, to the bit, where k is its pass's mark
// before token lo (ProfileStart's, or one FactorsFrom returned), and
// returns the mark before token hi.
func (m *Model) FactorsFrom(text string, toks []model.Token, k Mark, lo, hi int, out []float64) ([]float64, Mark) {
	hi = min(len(toks), hi)
	if lo >= hi {
		return out, k
	}
	s := scratchPool.Get().(*scratch)
	defer scratchPool.Put(s)
	s.pass[0].resume(m, k)
	out = s.factors(m, text, toks, lo, hi, slices.Grow(out, hi-lo))
	return out, s.pass[0].mark()
}
