package annotate

import "math"

// Two substitutions side by side ("visas to enter" → "U.S. President
// Donald Trump ’s Washington D.C.") leave one hunk with two
// representatives, and nothing in the text says where the first replaced
// slice ends. The mechanism does: each slice is as long as the mention it
// was meant for, and the mentions of one entity in one article tend to
// have the same length (a pronoun, a surname). So the cut is the most
// likely one under each representative's slice lengths elsewhere in the
// article, smoothed towards short mentions.

// splitJoined cuts every substitution whose resolved side is exactly a
// run of representatives into one substitution per representative.
func (a *alignment) splitJoined(subs []substitution, inv []rep) []substitution {
	lengths := make(map[int]map[int]int) // representative → slice length → count
	for _, s := range subs {
		if len(s.reps) == 1 && s.b2-s.b1 == len(inv[s.reps[0]].ids) && s.a2 > s.a1 {
			if lengths[s.reps[0]] == nil {
				lengths[s.reps[0]] = make(map[int]int)
			}
			lengths[s.reps[0]][s.a2-s.a1]++
		}
	}
	var out []substitution
	for _, s := range subs {
		if !a.joined(s, inv) {
			out = append(out, s)
			continue
		}
		cuts := bestCuts(s.a2-s.a1, s.reps, lengths)
		a1, b1 := s.a1, s.b1
		for k, r := range s.reps {
			n := len(inv[r].ids)
			out = append(out, substitution{hunk: hunk{a1: a1, a2: a1 + cuts[k], b1: b1, b2: b1 + n}, reps: []int{r}})
			a1, b1 = a1+cuts[k], b1+n
		}
	}
	return out
}

// joined reports whether s replaced words with two or more whole
// representatives and nothing else, with at least a word for each.
func (a *alignment) joined(s substitution, inv []rep) bool {
	if len(s.reps) < 2 || s.a2-s.a1 < len(s.reps) {
		return false
	}
	n := 0
	for _, r := range s.reps {
		n += len(inv[r].ids)
	}
	return n == s.b2-s.b1
}

// bestCuts splits n replaced tokens among reps (each at least one) to
// maximise the likelihood of the slice lengths: dynamic programming over
// (representative, tokens used).
func bestCuts(n int, reps []int, lengths map[int]map[int]int) []int {
	logp := func(r, l int) float64 {
		// Add-one smoothing over a prior that halves with each token.
		total := 0
		for _, c := range lengths[r] {
			total += c
		}
		return math.Log((float64(lengths[r][l]) + math.Pow(0.5, float64(l))) / float64(total+1))
	}
	m := len(reps)
	score := make([][]float64, m+1)
	from := make([][]int, m+1)
	for k := range score {
		score[k] = make([]float64, n+1)
		from[k] = make([]int, n+1)
		for u := range score[k] {
			score[k][u] = math.Inf(-1)
		}
	}
	score[0][0] = 0
	for k := 1; k <= m; k++ {
		for u := k; u <= n-(m-k); u++ {
			for l := 1; l <= u-(k-1); l++ {
				if v := score[k-1][u-l] + logp(reps[k-1], l); v > score[k][u] {
					score[k][u], from[k][u] = v, l
				}
			}
		}
	}
	cuts := make([]int, m)
	for k, u := m, n; k > 0; k-- {
		cuts[k-1] = from[k][u]
		u -= from[k][u]
	}
	return cuts
}
