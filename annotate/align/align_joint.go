package align

import (
	"math"
	"sort"
)

// The slices of one joined hunk were written in their representatives'
// turns, and the drift each saw is tied to the others' by what lies
// between them. Slices i < j, with turns ti and tj, lengths l and drifts
// k: everything that pushed slice i in its turn pushed slice j too when
// ti < tj, and slice i itself saved l_i - 1, so kj ≥ ki + l_i - 1 + (the
// slices between written before tj); when ti > tj, slice j saw nothing
// left of slice i that slice i did not, so kj ≤ ki + (the slices between
// written before tj); one representative twice (one turn, left to right)
// makes it an equality. The joint cut chooses each slice's mention among
// its best few (joint_candidates) so that the chosen drifts keep these
// ties.

// maxJointWork bounds the joint search: cuts times the choices of
// mentions it may weigh. Longer hunks are cut slice by slice.
const maxJointWork = 100000

// mentionAt is one candidate mention of a slice: drift k, score v.
type mentionAt struct {
	k int
	v float64
}

// mentionsBefore lists the best phrases of l original tokens starting k
// ≤ max_drift tokens before p as mentions of the entity with the content
// words words, best first, at most joint_candidates (see mentionBefore).
func (a *alignment) mentionsBefore(words map[string]bool, p, l, window int) []mentionAt {
	r := &a.rules.Split
	var out []mentionAt
	for k := 0; k <= r.MaxDrift.Value && k <= p; k++ {
		if p-k+l > len(a.ot) {
			continue
		}
		v := a.mentionScore(words, p-k, l)
		if v == 0 {
			continue
		}
		v *= a.wholeness(p-k, l)
		if k > window {
			v *= r.BeyondBound.Value
		}
		out = append(out, mentionAt{k, v})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].v > out[j].v })
	return out[:min(len(out), r.JointCandidates.Value)]
}

// driftTied reports whether drifts k[i] and k[j] of slices i < j (k < 0:
// no mention chosen) keep the ties of their turns; lens are the slice
// lengths, reps and turn the representatives and their turns.
func driftTied(i, j int, k, lens, reps, turn []int) bool {
	if k[i] < 0 || k[j] < 0 {
		return true
	}
	ti, tj := turn[reps[i]], turn[reps[j]]
	if ti < 0 || tj < 0 {
		return true
	}
	between := 0
	for h := i + 1; h < j; h++ {
		if th := turn[reps[h]]; reps[h] == reps[j] || th >= 0 && th < tj {
			between += lens[h] - 1
		}
	}
	switch {
	case reps[i] == reps[j]:
		return k[j] == k[i]+lens[i]-1+between
	case ti < tj:
		return k[j] >= k[i]+lens[i]-1+between
	case ti > tj:
		return k[j] <= k[i]+between
	}
	return true
}

// jointCuts cuts n replaced tokens among the representatives reps
// (turns turn) like bestCuts, but scores the slices' mentions jointly,
// weighed as r says: lengthScore(k, from, l) is a slice's score without
// its mention, mentions(k, from, l) its candidate mentions. It returns
// nil when the hunk has too many cuts to enumerate.
func jointCuts(r *splitRules, n int, reps, turn []int, lengthScore func(k, from, l int) float64, mentions func(k, from, l int) []mentionAt) []int {
	m := len(reps)
	work := binomial(n-1, m-1)
	for range m {
		if work *= r.JointCandidates.Value + 1; work > maxJointWork {
			return nil
		}
	}
	lens := make([]int, m)
	ks := make([]int, m)
	var best []int
	bestV := math.Inf(-1)
	var place func(slice, from int, v float64)
	// mentionSum is the best sum of mention scores over the candidates
	// of slices slice.. that keeps every tie with the drifts chosen.
	var mentionSum func(slice int, cand [][]mentionAt) float64
	mentionSum = func(slice int, cand [][]mentionAt) float64 {
		if slice == m {
			return 0
		}
		best := math.Inf(-1)
		for c := -1; c < len(cand[slice]); c++ {
			v := 0.0
			ks[slice] = -1
			if c >= 0 {
				ks[slice], v = cand[slice][c].k, cand[slice][c].v
			}
			ok := true
			for i := 0; i < slice && ok; i++ {
				ok = driftTied(i, slice, ks, lens, reps, turn)
			}
			if ok {
				best = max(best, v+mentionSum(slice+1, cand))
			}
		}
		return best
	}
	place = func(slice, from int, v float64) {
		if slice == m-1 {
			lens[slice] = n - from
			v += lengthScore(slice, from, lens[slice])
			cand := make([][]mentionAt, m)
			f := 0
			for i := range m {
				cand[i] = mentions(i, f, lens[i])
				f += lens[i]
			}
			if v += r.MentionWeight.Value * mentionSum(0, cand); v > bestV {
				bestV, best = v, append([]int(nil), lens...)
			}
			return
		}
		// Longest first: on a tie, earlier slices take more (as
		// bestCuts does).
		for l := n - (m - 1 - slice) - from; l >= 1; l-- {
			lens[slice] = l
			place(slice+1, from+l, v+lengthScore(slice, from, l))
		}
	}
	place(0, 0, 0)
	return best
}

// binomial is n choose k, saturating at a large value.
func binomial(n, k int) int {
	if k < 0 || k > n {
		return 0
	}
	r := 1
	for i := 1; i <= k; i++ {
		r = r * (n - k + i) / i
		if r > 1<<20 {
			return 1 << 20
		}
	}
	return r
}
