package fluency

import "math"

// pass is the forward algorithm over a window, one word at a time: the
// probability of each tag pair for the last two words given the words so
// far, kept scaled to sum to 1, and the scaling so far, whose log is the
// window's score (log P(words) − Σ log P(word)).
//
// The tag lists and probabilities live in buffers of the pass's own, found
// by index, so a step writes no pointers: in a pooled pass on the heap
// each pointer written costs a write barrier while the collector runs.
type pass struct {
	m *Model
	// tags[last] are the likely tags of the last word (ntags[last] of
	// them), tags[1-last] those of the word before it.
	tags  [2][]cand
	ntags [2]int
	last  int
	// prob[cur][x*nb+y] is the probability of the tag pair x, y of the
	// word before last and the last word (nb tags); step writes the next
	// pairs into prob[1-cur].
	prob  [2][]float64
	cur   int
	scale float64 // product of the step factors (a log per step would cost more than the step)
}

// ready gives p buffers for the longest tag lists of m.
func (p *pass) ready(m *Model) {
	p.m = m
	most := max(m.p.Cands, len(m.wild), len(m.none))
	for k := range 2 {
		if len(p.tags[k]) < most {
			p.tags[k] = make([]cand, most)
			p.prob[k] = make([]float64, most*most)
		}
	}
}

// start empties the window: nothing is known about the text before it.
func (p *pass) start(m *Model) {
	p.ready(m)
	for k := range 2 {
		p.ntags[k] = copy(p.tags[k], m.none)
	}
	p.cur, p.scale = 0, 1
	p.prob[0][0] = 1
}

// fork makes p a copy of q, to go on from the same words another way.
func (p *pass) fork(q *pass) {
	p.ready(q.m)
	for k := range 2 {
		p.ntags[k] = copy(p.tags[k], q.tags[k][:q.ntags[k]])
	}
	p.last, p.cur, p.scale = q.last, 0, q.scale
	copy(p.prob[0], q.prob[q.cur][:q.ntags[0]*q.ntags[1]])
}

// score returns the window's score so far.
func (p *pass) score() float64 { return math.Log(p.scale) }

// step adds a word with likely tags c and returns the factor by which it
// changed the window's probability: P(word | words before) / P(word).
func (p *pass) step(c []cand) float64 {
	n := len(p.m.tags)
	trans := p.m.trans
	a, b := p.tags[1-p.last][:p.ntags[1-p.last]], p.tags[p.last][:p.ntags[p.last]]
	nb, nc := len(b), len(c)
	alpha, next := p.prob[p.cur], p.prob[1-p.cur][:nb*nc]
	clear(next)
	for x, ta := range a {
		ctx := int(ta.tag) * (n + 1)
		wx := alpha[x*nb : (x+1)*nb]
		for y, tb := range b {
			w := wx[y]
			if w == 0 {
				continue
			}
			row := trans[(ctx+int(tb.tag))*n:][:n]
			out := next[y*nc:][:nc]
			for z, tc := range c {
				out[z] += w * float64(row[tc.tag])
			}
		}
	}
	var sum float64
	for y := range nb {
		out := next[y*nc:][:nc]
		for z, tc := range c {
			out[z] *= float64(tc.r)
			sum += out[z]
		}
	}
	if sum > 0 {
		inv := 1 / sum
		for i := range next {
			next[i] *= inv
		}
	}
	p.scale *= sum
	// The word before last is forgotten: its buffer takes c.
	p.last = 1 - p.last
	p.ntags[p.last] = copy(p.tags[p.last], c)
	p.cur = 1 - p.cur
	return sum
}
