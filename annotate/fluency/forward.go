package fluency

import (
	"math"
	"slices"
)

// pass is the forward algorithm over a window, one word at a time: the
// probability of each tag pair for the last two words given the words so
// far, kept scaled to sum to 1, and the scaling so far, whose log is the
// window's score (log P(words) − Σ log P(word)).
type pass struct {
	m     *Model
	a, b  []cand    // the tags of the word before last, and of the last word
	alpha []float64 // alpha[x*len(b)+y]: tags a[x], b[y]
	next  []float64
	scale float64 // product of the step factors (a log per step would cost more than the step)
}

// start empties the window: nothing is known about the text before it.
func (p *pass) start(m *Model) {
	p.m, p.a, p.b, p.scale = m, m.none, m.none, 1
	p.alpha = append(p.alpha[:0], 1)
}

// fork makes p a copy of q, to go on from the same words another way.
func (p *pass) fork(q *pass) {
	p.m, p.a, p.b, p.scale = q.m, q.a, q.b, q.scale
	p.alpha = append(p.alpha[:0], q.alpha...)
}

// score returns the window's score so far.
func (p *pass) score() float64 { return math.Log(p.scale) }

// step adds a word with likely tags c and returns the factor by which it
// changed the window's probability: P(word | words before) / P(word).
func (p *pass) step(c []cand) float64 {
	n := len(p.m.tags)
	nb, nc := len(p.b), len(c)
	p.next = slices.Grow(p.next[:0], nb*nc)[:nb*nc]
	clear(p.next)
	for x, ta := range p.a {
		for y, tb := range p.b {
			w := p.alpha[x*nb+y]
			if w == 0 {
				continue
			}
			row := p.m.trans[(int(ta.tag)*(n+1)+int(tb.tag))*n : (int(ta.tag)*(n+1)+int(tb.tag)+1)*n]
			out := p.next[y*nc : (y+1)*nc]
			for z, tc := range c {
				out[z] += w * float64(row[tc.tag])
			}
		}
	}
	var sum float64
	for y := range nb {
		out := p.next[y*nc : (y+1)*nc]
		for z, tc := range c {
			out[z] *= float64(tc.r)
			sum += out[z]
		}
	}
	if sum > 0 {
		inv := 1 / sum
		for i := range p.next {
			p.next[i] *= inv
		}
	}
	p.scale *= sum
	p.a, p.b = p.b, c
	p.alpha, p.next = p.next, p.alpha
	return sum
}
