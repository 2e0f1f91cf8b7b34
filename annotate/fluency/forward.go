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
	a, b := p.tags[1-p.last][:p.ntags[1-p.last]], p.tags[p.last][:p.ntags[p.last]]
	next := p.prob[1-p.cur][:len(b)*len(c)]
	sum := p.sums(a, b, c, next)
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

// sums writes into next the probability of each tag pair of the last
// word (b) and this one (c), after the word before (a), scaled by this
// word's factors, and returns their total. A word of few tags, nearly
// every word (Params.Cands), is summed in registers by a loop for its
// number of tags: most words have one or two, and summing four for them
// was a tenth of the pass.
func (p *pass) sums(a, b, c []cand, next []float64) float64 {
	switch len(c) {
	case 1:
		return p.stepOne(a, b, c[0], next)
	case 2:
		return p.stepTwo(a, b, c[0], c[1], next)
	case 3, fewTags:
		return p.stepFew(a, b, c, next)
	}
	return p.stepMany(a, b, c, next)
}

// fewTags is the most tags of a word stepFew takes.
const fewTags = 4

// stepOne is stepFew for a word of one tag, c.
func (p *pass) stepOne(a, b []cand, c cand, next []float64) float64 {
	n := len(p.m.tags)
	trans := p.m.trans
	alpha := p.prob[p.cur]
	nb := len(b)
	t, r := int(c.tag), float64(c.r)
	var sum float64
	for y, tb := range b {
		var s float64
		for x, ta := range a {
			s += alpha[x*nb+y] * float64(trans[(int(ta.tag)*(n+1)+int(tb.tag))*n+t])
		}
		next[y] = s * r
		sum += next[y]
	}
	return sum
}

// stepTwo is stepFew for a word of two tags, c and d.
func (p *pass) stepTwo(a, b []cand, c, d cand, next []float64) float64 {
	n := len(p.m.tags)
	trans := p.m.trans
	alpha := p.prob[p.cur]
	nb := len(b)
	tc, rc, td, rd := int(c.tag), float64(c.r), int(d.tag), float64(d.r)
	var sum float64
	for y, tb := range b {
		var sc, sd float64
		for x, ta := range a {
			w := alpha[x*nb+y]
			row := trans[(int(ta.tag)*(n+1)+int(tb.tag))*n:][:n]
			sc += w * float64(row[tc])
			sd += w * float64(row[td])
		}
		next[2*y], next[2*y+1] = sc*rc, sd*rd
		sum += next[2*y]
		sum += next[2*y+1]
	}
	return sum
}

// stepFew is sums for a word of three or fewTags tags: for each tag
// pair of the last word and this one, the paths through each tag of the
// word before added up in registers, where stepMany adds them in memory.
// The sums are the same to the bit: each adds the same products in the
// same order (a zero product stepMany skips adds nothing to a sum of
// non-negative terms), then scales them by the word's factors and totals
// them the same way. stepOne and stepTwo do the same with fewer sums.
func (p *pass) stepFew(a, b, c []cand, next []float64) float64 {
	n := len(p.m.tags)
	trans := p.m.trans
	alpha := p.prob[p.cur]
	nb, nc := len(b), len(c)
	t0, r0 := int(c[0].tag), float64(c[0].r)
	t1, r1 := int(c[1].tag), float64(c[1].r)
	t2, r2 := int(c[2].tag), float64(c[2].r)
	// A fourth tag slot left unused reads column 0 and is never stored.
	var t3 int
	var r3 float64
	if nc == 4 {
		t3, r3 = int(c[3].tag), float64(c[3].r)
	}
	var sum float64
	for y, tb := range b {
		var s0, s1, s2, s3 float64
		for x, ta := range a {
			w := alpha[x*nb+y]
			row := trans[(int(ta.tag)*(n+1)+int(tb.tag))*n:][:n]
			s0 += w * float64(row[t0])
			s1 += w * float64(row[t1])
			s2 += w * float64(row[t2])
			s3 += w * float64(row[t3])
		}
		out := next[y*nc:][:nc]
		out[0], out[1], out[2] = s0*r0, s1*r1, s2*r2
		sum += out[0]
		sum += out[1]
		sum += out[2]
		if nc == 4 {
			out[3] = s3 * r3
			sum += out[3]
		}
	}
	return sum
}

// stepMany is step's sums for a word of any number of tags: the
// probability of each tag pair of the last word and this one, scaled by
// this word's factors, into next; it returns their total.
func (p *pass) stepMany(a, b, c []cand, next []float64) float64 {
	n := len(p.m.tags)
	trans := p.m.trans
	alpha := p.prob[p.cur]
	nb, nc := len(b), len(c)
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
	return sum
}
