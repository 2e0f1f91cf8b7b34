package fluency

import "math"

// pass is the forward algorithm over a window, one word at a time: the
// probability of each tag pair for the last two words given the words so
// far, kept scaled to sum to 1, and the log of the scaling so far — the
// window's score (log P(words) − Σ log P(word)).
type pass struct {
	m     *Model
	a, b  []cand    // the tags of the word before last, and of the last word
	alpha []float64 // alpha[x*len(b)+y]: tags a[x], b[y]
	next  []float64
	score float64
}

// start empties the window: nothing is known about the text before it.
func (p *pass) start(m *Model) {
	p.m, p.a, p.b, p.score = m, m.none, m.none, 0
	p.alpha = append(p.alpha[:0], 1)
}

// fork makes p a copy of q, to go on from the same words another way.
func (p *pass) fork(q *pass) {
	p.m, p.a, p.b, p.score = q.m, q.a, q.b, q.score
	p.alpha = append(p.alpha[:0], q.alpha...)
}

// step adds a word with likely tags c and returns how much it changed the
// score: log P(word | words before) − log P(word).
func (p *pass) step(c []cand) float64 {
	n := len(p.m.tags)
	nb, nc := len(p.b), len(c)
	p.next = p.next[:0]
	for range nb * nc {
		p.next = append(p.next, 0)
	}
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
		for i := range p.next {
			p.next[i] /= sum
		}
	}
	delta := math.Log(sum)
	p.score += delta
	p.a, p.b = p.b, c
	p.alpha, p.next = p.next, p.alpha
	return delta
}
