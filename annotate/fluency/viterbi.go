package fluency

import "math"

// Tags returns the likeliest tag of each word (Viterbi over tag pairs),
// reading words as one stream the way the signals do. It is how the
// model's tagging accuracy is measured (corefix-lab fluency-eval).
func (m *Model) Tags(words []string) []Tag {
	if len(words) == 0 {
		return nil
	}
	n := len(m.tags)
	var buf []cand
	obs := make([][]cand, len(words))
	for k, w := range words {
		prev := ""
		if k > 0 {
			prev = words[k-1]
		}
		obs[k] = m.observe(w, prev, &buf)
	}
	// best[k][y*len(obs[k])+z]: the best log score of a tagging of words
	// ..k ending in tags obs[k-1][y], obs[k][z]; from says which tag of
	// word k-2 it came through.
	best := make([][]float64, len(words))
	from := make([][]int32, len(words))
	prevB, prevA := m.none, m.none
	score := []float64{0}
	for k, c := range obs {
		nb, nc := len(prevA), len(c)
		best[k] = make([]float64, nb*nc)
		from[k] = make([]int32, nb*nc)
		for y, tb := range prevA {
			for z, tc := range c {
				top, arg := math.Inf(-1), int32(0)
				for x, ta := range prevB {
					row := (int(ta.tag)*(n+1) + int(tb.tag)) * n
					if v := score[x*nb+y] + math.Log(float64(m.trans[row+int(tc.tag)])); v > top {
						top, arg = v, int32(x)
					}
				}
				best[k][y*nc+z] = top + math.Log(float64(tc.r))
				from[k][y*nc+z] = arg
			}
		}
		prevB, prevA, score = prevA, c, best[k]
	}
	// The best final pair, then back through from.
	last := len(words) - 1
	nc := len(obs[last])
	top := 0
	for i, v := range score {
		if v > score[top] {
			top = i
		}
	}
	tags := make([]Tag, len(words))
	y, z := top/nc, top%nc
	for k := last; k >= 0; k-- {
		tags[k] = obs[k][z].tag
		x := int(from[k][y*len(obs[k])+z])
		y, z = x, y
	}
	return tags
}
