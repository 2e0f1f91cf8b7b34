package fluency

import (
	"cmp"
	"math"
	"slices"
)

// model derives every probability from the counts.
func (c *counts) model() *Model {
	n := len(c.tags)
	m := &Model{p: c.p, tags: c.tags, prior: make([]float64, n), words: make(map[string]candRange, len(c.words))}
	total := 0
	for _, u := range c.uni {
		total += u
	}
	for t, u := range c.uni {
		m.prior[t] = float64(u) / float64(total)
	}
	m.trans = c.transitions(m.prior)
	m.logTrans = make([]float64, len(m.trans))
	for k, p := range m.trans {
		m.logTrans[k] = math.Log(float64(p))
	}
	m.none = []cand{{tag: Tag(n), p: 1, r: 1}}
	// A word of any kind could have any tag, each as likely as in text;
	// the rarest tags, together less likely than Trim, are left out so
	// that the word costs a pass little more than an ordinary one.
	// It is the first list of m.cands, so every list a word's lookup
	// names is a candRange.
	m.cands = make([]cand, 0, 4*len(c.words))
	left := 1.0
	for _, t := range byPrior(m.prior) {
		if left < c.p.Trim {
			break
		}
		m.cands = append(m.cands, cand{tag: Tag(t), p: float32(m.prior[t]), r: 1})
		left -= m.prior[t]
	}
	m.wildRange = candRange{n: int32(len(m.cands))}
	m.wild = m.list(m.wildRange)
	var guessOf []*suffixNode
	m.guess, guessOf = newGuesser(c, m)
	var list []cand
	for i, w := range c.words {
		// A seen word's tags, pulled toward the guess for its shape and
		// ending in proportion to how rarely it was seen (add-β).
		list = list[:0]
		denom := float64(w.total) + c.p.Known
		for k, t := range w.tags {
			list = addTag(list, Tag(t), float32(float64(w.count[k])/denom))
		}
		var guess candRange
		if node := guessOf[i]; node != nil {
			guess = node.cands // a rare word: found building the guesser
		} else {
			guess = m.guess.cands(w.form)
		}
		for _, g := range m.list(guess) {
			list = addTag(list, g.tag, float32(c.p.Known/denom)*g.p)
		}
		r := candRange{off: int32(len(m.cands))}
		m.cands = append(m.cands, m.prune(list)...)
		r.n = int32(len(m.cands)) - r.off
		m.words[w.form] = r
	}
	m.owned, m.ownedBase = c.ownedWords()
	var buf []cand
	for _, w := range c.probe {
		var p pass
		p.start(m)
		obs := m.observe(w, "", &buf)
		m.probes = append(m.probes, obs)
		m.probeSelf = append(m.probeSelf, p.run([][]cand{obs}))
	}
	// The possessive clitic Possessive inserts: the treebank's tag for
	// it alone, for "’s" is also "is" and "has" ("Norton’s insane").
	// A model without the tag (a test's few words) has no opinion.
	for t, tg := range m.tags {
		if tg.xpos == "POS" && m.prior[t] > 0 {
			m.clitic = []cand{{tag: Tag(t), p: 1, r: float32(1 / m.prior[t])}}
			var p pass
			p.start(m)
			m.cliticSelf = p.run([][]cand{m.clitic})
		}
	}
	return m
}

// byPrior returns the tags, likeliest first (the lowest ID on ties).
func byPrior(prior []float64) []int {
	tags := make([]int, len(prior))
	for t := range tags {
		tags[t] = t
	}
	slices.SortFunc(tags, func(a, b int) int { return cmp.Or(cmp.Compare(prior[b], prior[a]), cmp.Compare(a, b)) })
	return tags
}

// addTag adds p to tag's probability in list.
func addTag(list []cand, tag Tag, p float32) []cand {
	for i := range list {
		if list[i].tag == tag {
			list[i].p += p
			return list
		}
	}
	return append(list, cand{tag: tag, p: p})
}

// prune keeps the likeliest tags of list — at least P ≥ Prune, at most
// Cands, never none — sets their factors, and returns them, reusing
// list's storage.
func (m *Model) prune(list []cand) []cand {
	slices.SortFunc(list, func(x, y cand) int { return cmp.Or(cmp.Compare(y.p, x.p), cmp.Compare(x.tag, y.tag)) })
	n := 1
	for n < len(list) && n < m.p.Cands && float64(list[n].p) >= m.p.Prune {
		n++
	}
	for i := range list[:n] {
		list[i].r = float32(float64(list[i].p) / m.prior[list[i].tag])
	}
	return list[:n]
}

// keep stores the likeliest tags of a P(tag | word) vector (see prune)
// and says where they are.
func (m *Model) keep(vec []float64) candRange {
	r := candRange{off: int32(len(m.cands))}
	best := 0
	for t, p := range vec {
		if p > vec[best] {
			best = t
		}
		if p >= m.p.Prune {
			m.cands = append(m.cands, cand{tag: Tag(t), p: float32(p)})
		}
	}
	if len(m.cands) == int(r.off) {
		m.cands = append(m.cands, cand{tag: Tag(best), p: float32(vec[best])})
	}
	r.n = int32(len(m.prune(m.cands[r.off:])))
	m.cands = m.cands[:r.off+r.n]
	return r
}

// transitions derives P(c | a, b) for every tag pair context by deleted
// interpolation of trigram, bigram and unigram estimates (Brants 2000,
// "TnT"): each n-gram's count goes to the order whose estimate, without
// that one occurrence, is best. A context that starts a window ("no tag")
// falls back to bigrams, then to the tag priors.
func (c *counts) transitions(prior []float64) []float32 {
	n := len(c.tags)
	// Each n-gram's count in its cell (a repeated record overwrites),
	// then the rows summed: counts are integers, so the sums are exact
	// in any order.
	bi := make([]float64, n*n)
	for _, r := range c.bi {
		bi[r[0]*n+r[1]] = float64(r[2])
	}
	biRow := make([]float64, n)
	for i, v := range bi {
		biRow[i/n] += v
	}
	tri := make([]float64, n*n*n)
	for _, r := range c.tri {
		tri[(r[0]*n+r[1])*n+r[2]] = float64(r[3])
	}
	triRow := make([]float64, n*n)
	for i, v := range tri {
		triRow[i/n] += v
	}
	var total float64
	for _, u := range c.uni {
		total += float64(u)
	}
	held := func(f, ctx float64) float64 { // an estimate without one occurrence
		if ctx <= 1 {
			return 0
		}
		return (f - 1) / (ctx - 1)
	}
	var l3 [3]float64 // unigram, bigram, trigram weights
	var l2 [2]float64 // unigram, bigram weights where no trigram context is known
	for i, f := range tri {
		if f == 0 {
			continue
		}
		b, t := i/n%n, i%n
		e := [3]float64{held(float64(c.uni[t]), total), held(bi[b*n+t], biRow[b]), held(f, triRow[i/n])}
		l3[argmax(e[:])] += f
	}
	for i, f := range bi {
		if f != 0 {
			e := [2]float64{held(float64(c.uni[i%n]), total), held(f, biRow[i/n])}
			l2[argmax(e[:])] += f
		}
	}
	normalize(l3[:])
	normalize(l2[:])
	trans := make([]float32, (n+1)*(n+1)*n)
	for a := 0; a <= n; a++ {
		for b := 0; b <= n; b++ {
			if a < n && b == n {
				continue // a known tag is never followed by "no tag"
			}
			row := trans[(a*(n+1)+b)*n : (a*(n+1)+b+1)*n]
			for t := range row {
				p := prior[t]
				switch {
				case b == n:
				case a == n || triRow[a*n+b] == 0:
					if biRow[b] > 0 {
						p = l2[0]*prior[t] + l2[1]*bi[b*n+t]/biRow[b]
					}
				default:
					p = l3[0]*prior[t] + l3[1]*bi[b*n+t]/biRow[b] + l3[2]*tri[(a*n+b)*n+t]/triRow[a*n+b]
				}
				row[t] = float32(p)
			}
		}
	}
	return trans
}

// argmax returns the index of the largest value, the first on ties.
func argmax(v []float64) int {
	best := 0
	for i := range v {
		if v[i] > v[best] {
			best = i
		}
	}
	return best
}

// normalize scales v to sum to 1 (all weight on the last entry when v
// sums to 0).
func normalize(v []float64) {
	var s float64
	for _, x := range v {
		s += x
	}
	for i := range v {
		if s == 0 {
			v[i] = 0
		} else {
			v[i] /= s
		}
	}
	if s == 0 {
		v[len(v)-1] = 1
	}
}
