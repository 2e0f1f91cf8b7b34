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
	// prob[cur][y*na+x] times norm is the probability of the tag pair x,
	// y of the word before last (na tags) and the last word: the pairs of
	// one tag of the last word side by side, as a step adds them up. A
	// step writes the next pairs into prob[1-cur] as they sum, and the
	// step after scales each as it reads it (norm, 1 over their sum),
	// which multiplies the same numbers as scaling them all in place
	// would, without a pass over them.
	prob  [2][]float64
	norm  float64
	acc   []float64 // stepMany's sums
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
	if len(p.acc) < most {
		p.acc = make([]float64, most)
	}
}

// start empties the window: nothing is known about the text before it.
func (p *pass) start(m *Model) {
	p.ready(m)
	for k := range 2 {
		p.ntags[k] = copy(p.tags[k], m.none)
	}
	p.cur, p.scale, p.norm = 0, 1, 1
	p.prob[0][0] = 1
}

// fork makes p a copy of q, to go on from the same words another way.
func (p *pass) fork(q *pass) {
	p.ready(q.m)
	for k := range 2 {
		p.ntags[k] = copy(p.tags[k], q.tags[k][:q.ntags[k]])
	}
	p.last, p.cur, p.scale, p.norm = q.last, 0, q.scale, q.norm
	copy(p.prob[0], q.prob[q.cur][:q.ntags[0]*q.ntags[1]])
}

// score returns the window's score so far.
func (p *pass) score() float64 { return math.Log(p.scale) }

// step adds a word with likely tags c and returns the factor by which it
// changed the window's probability: P(word | words before) / P(word).
func (p *pass) step(c []cand) float64 {
	// The indices are masked to 0 or 1, which the compiler knows to be
	// in bounds: a step is a few dozen instructions, and checks and
	// slice headers were a fifth of them.
	next := p.prob[(p.cur^1)&1][:p.ntags[p.last&1]*len(c)]
	sum := p.sums(c, next)
	p.norm = 1
	if sum > 0 {
		p.norm = 1 / sum
	}
	p.scale *= sum
	// The word before last is forgotten: its buffer takes c.
	p.last ^= 1
	tags := p.tags[p.last&1][:len(c)]
	for i, t := range c {
		tags[i] = t
	}
	p.ntags[p.last&1] = len(c)
	p.cur ^= 1
	return sum
}

// sums writes into next the probability of each tag pair of the last
// word (y) and this one (z), at z*nb+y, after the word before (x),
// scaled by this word's factors, and returns their total, added up in
// the order of y, then z. A word of few tags, nearly every word
// (Params.Cands), is summed in registers by a loop for its number of
// tags: most words have one or two, and summing four for them was a
// tenth of the pass.
func (p *pass) sums(c []cand, next []float64) float64 {
	switch len(c) {
	case 1:
		return p.stepOne(c[0], next)
	case 2:
		return p.stepTwo(c[0], c[1], next)
	case 3, fewTags:
		return p.stepFew(c, next)
	}
	return p.stepMany(c, next)
}

// fewTags is the most tags of a word stepFew takes.
const fewTags = 4

// before returns what a step reads of p: the tags of the word before
// last and of the last word, and the probabilities of their pairs (to be
// scaled by p.norm).
func (p *pass) before() (a, b []cand, alpha []float64) {
	last, before := p.last&1, (p.last^1)&1
	a, b = p.tags[before][:p.ntags[before]], p.tags[last][:p.ntags[last]]
	return a, b, p.prob[p.cur&1][:len(a)*len(b)]
}

// A step finds the probability of tag c after tags a and b in
// Model.trans at a·(n+1)·n + b·n + c for n tags: the offset of a, the
// context of a row, is a's tag times ctxStride(n).
func ctxStride(n int) int { return (n + 1) * n }

// stepOne is stepFew for a word of one tag, c.
func (p *pass) stepOne(c cand, next []float64) float64 {
	a, b, alpha := p.before()
	trans, n, norm := p.m.trans, len(p.m.tags), p.norm
	hi, na := ctxStride(n), len(a)
	next = next[:len(b)]
	t, r := int(c.tag), float64(c.r)
	var sum float64
	for y, tb := range b {
		at := int(tb.tag)*n + t
		wy := alpha[y*na:][:na]
		var s float64
		for x, ta := range a {
			s += wy[x] * norm * float64(trans[int(ta.tag)*hi+at])
		}
		next[y] = s * r
		sum += next[y]
	}
	return sum
}

// stepTwo is stepFew for a word of two tags, c and d.
func (p *pass) stepTwo(c, d cand, next []float64) float64 {
	a, b, alpha := p.before()
	trans, n, norm := p.m.trans, len(p.m.tags), p.norm
	hi, na, nb := ctxStride(n), len(a), len(b)
	tc, rc, td, rd := int(c.tag), float64(c.r), int(d.tag), float64(d.r)
	outC, outD := next[:nb], next[nb:][:nb]
	var sum float64
	for y, tb := range b {
		at := int(tb.tag) * n
		wy := alpha[y*na:][:na]
		var sc, sd float64
		for x, ta := range a {
			w := wy[x] * norm
			o := int(ta.tag)*hi + at
			sc += w * float64(trans[o+tc])
			sd += w * float64(trans[o+td])
		}
		outC[y], outD[y] = sc*rc, sd*rd
		sum += outC[y]
		sum += outD[y]
	}
	return sum
}

// stepFew is sums for a word of three or fewTags tags: for each tag
// pair of the last word and this one, the paths through each tag of the
// word before added up in registers, where stepMany adds them one pair at
// a time. The sums are the same to the bit: each adds the same products
// in the same order, then scales them by the word's factors and totals
// them the same way. stepOne and stepTwo do the same with fewer sums.
func (p *pass) stepFew(c []cand, next []float64) float64 {
	a, b, alpha := p.before()
	trans, n, norm := p.m.trans, len(p.m.tags), p.norm
	hi, na, nb, nc := ctxStride(n), len(a), len(b), len(c)
	t0, r0 := int(c[0].tag), float64(c[0].r)
	t1, r1 := int(c[1].tag), float64(c[1].r)
	t2, r2 := int(c[2].tag), float64(c[2].r)
	// A fourth tag slot left unused reads column 0 and is never stored.
	var t3 int
	var r3 float64
	if nc == 4 {
		t3, r3 = int(c[3].tag), float64(c[3].r)
	}
	out0, out1, out2 := next[:nb], next[nb:][:nb], next[2*nb:][:nb]
	var sum float64
	for y, tb := range b {
		at := int(tb.tag) * n
		wy := alpha[y*na:][:na]
		var s0, s1, s2, s3 float64
		for x, ta := range a {
			w := wy[x] * norm
			o := int(ta.tag)*hi + at
			s0 += w * float64(trans[o+t0])
			s1 += w * float64(trans[o+t1])
			s2 += w * float64(trans[o+t2])
			s3 += w * float64(trans[o+t3])
		}
		out0[y], out1[y], out2[y] = s0*r0, s1*r1, s2*r2
		sum += out0[y]
		sum += out1[y]
		sum += out2[y]
		if nc == 4 {
			next[3*nb+y] = s3 * r3
			sum += next[3*nb+y]
		}
	}
	return sum
}

// stepMany is step's sums for a word of any number of tags: the
// probability of each tag pair of the last word and this one, scaled by
// this word's factors, into next; it returns their total. Each pair's
// paths are added in the order of the word before's tags, as stepFew
// adds them, in p.acc: a path's weight is found once for all of this
// word's tags (the word of any kind has a few dozen).
func (p *pass) stepMany(c []cand, next []float64) float64 {
	a, b, alpha := p.before()
	trans, n, norm := p.m.trans, len(p.m.tags), p.norm
	hi, na, nb := ctxStride(n), len(a), len(b)
	acc := p.acc[:len(c)]
	var sum float64
	for y, tb := range b {
		at := int(tb.tag) * n
		wy := alpha[y*na:][:na]
		clear(acc)
		for x, ta := range a {
			w := wy[x] * norm
			row := trans[int(ta.tag)*hi+at:][:n]
			for z, tc := range c {
				acc[z] += w * float64(row[tc.tag])
			}
		}
		for z, tc := range c {
			next[z*nb+y] = acc[z] * float64(tc.r)
			sum += next[z*nb+y]
		}
	}
	return sum
}
