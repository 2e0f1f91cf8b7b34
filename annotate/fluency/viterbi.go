package fluency

import "math"

// Tags returns the likeliest tag of each word (Viterbi over tag pairs),
// reading words as one stream the way the signals do. It is how the
// model's tagging accuracy is measured (corefix-lab fluency-eval).
func (m *Model) Tags(words []string) []Tag {
	var v viterbi
	return v.tag(m, words, nil)
}

// viterbi is Tags' work: kept by a caller that tags many short windows
// (Slot), so tagging one costs no allocation.
type viterbi struct {
	buf  []cand   // mixed tag lists
	obs  [][]cand // each word's likely tags
	best []float64
	from []int32
	at   []int     // where each word's pairs start in best and from
	logR []float64 // the log of each of a word's tags' factor r
	tags []Tag
}

// tag is Tags in v's buffers, looking words up through cache when it is
// not nil (it must be in use for m): the tags are v's until its next call.
func (v *viterbi) tag(m *Model, words []string, cache *wordCache) []Tag {
	if len(words) == 0 {
		return nil
	}
	n := len(m.tags)
	v.buf, v.obs = v.buf[:0], v.obs[:0]
	for k, w := range words {
		prev := ""
		if k > 0 {
			prev = words[k-1]
		}
		lk := cache.lookupOr(m, w)
		v.obs = append(v.obs, m.resolve(lk, prev, &v.buf))
	}
	// best[at[k]+y*len(obs[k])+z]: the best log score of a tagging of
	// words ..k ending in tags obs[k-1][y], obs[k][z]; from says which tag
	// of word k-2 it came through.
	v.best, v.from, v.at = v.best[:0], v.from[:0], v.at[:0]
	prevB, prevA := m.none, m.none
	score := []float64{0}
	for _, c := range v.obs {
		nb, nc := len(prevA), len(c)
		at := len(v.best)
		v.at = append(v.at, at)
		v.logR = v.logR[:0]
		for _, tc := range c {
			v.logR = append(v.logR, math.Log(float64(tc.r)))
		}
		for y, tb := range prevA {
			for z, tc := range c {
				top, arg := math.Inf(-1), int32(0)
				for x, ta := range prevB {
					row := (int(ta.tag)*(n+1) + int(tb.tag)) * n
					if s := score[x*nb+y] + m.logTrans[row+int(tc.tag)]; s > top {
						top, arg = s, int32(x)
					}
				}
				v.best = append(v.best, top+v.logR[z])
				v.from = append(v.from, arg)
			}
		}
		prevB, prevA, score = prevA, c, v.best[at:at+nb*nc]
	}
	// The best final pair, then back through from.
	last := len(words) - 1
	nc := len(v.obs[last])
	top := 0
	for i, s := range score {
		if s > score[top] {
			top = i
		}
	}
	v.tags = append(v.tags[:0], make([]Tag, len(words))...)
	y, z := top/nc, top%nc
	for k := last; k >= 0; k-- {
		v.tags[k] = v.obs[k][z].tag
		x := int(v.from[v.at[k]+y*len(v.obs[k])+z])
		y, z = x, y
	}
	return v.tags
}
