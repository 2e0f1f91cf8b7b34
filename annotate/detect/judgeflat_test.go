package detect

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// walkTrees is the judge's arithmetic read straight off its trees, node by
// node and bin by bin, as the trainer defines it: what Probability's
// padded, flattened trees must reproduce to the last bit.
func walkTrees(j *Judge, x []float64) float64 {
	z := j.base
	for _, t := range j.trees {
		n := 0
		for t[n].Feature >= 0 {
			if JudgeBin(x[t[n].Feature]) <= t[n].Bin {
				n = t[n].Left
			} else {
				n = t[n].Right
			}
		}
		z += t[n].Value
	}
	return sigmoid(z)
}

// TestProbabilityWalksTrees compares Probability, and kindProbability on
// a candidate of one kind, with walkTrees on the shipped judge and on one
// whose trees have leaves at every depth and split on two kinds' features,
// for feature values at, just below and between the bins' edges.
func TestProbabilityWalksTrees(t *testing.T) {
	t.Parallel()
	uneven, err := NewJudge(0.1, [][]JudgeNode{
		{{Feature: -1, Value: 0.5}},
		{{Feature: 3, Bin: 10, Left: 1, Right: 2}, {Feature: -1, Value: -1}, {Feature: 7, Bin: 20, Left: 3, Right: 4},
			{Feature: -1, Value: 2}, {Feature: perKind + 3, Bin: 25, Left: 5, Right: 6}, {Feature: -1, Value: -3}, {Feature: -1, Value: 4}},
	}, 0.5, JudgeTraining{})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	x := make([]float64, numJudgeFeatures)
	for name, j := range map[string]*Judge{"shipped": shippedJudge(), "uneven": uneven} {
		for range 5000 {
			for k := range x {
				b := rng.IntN(JudgeBins - 1) // the last bin's cut is +Inf
				switch rng.IntN(4) {
				case 0:
					x[k] = binCut(b)
				case 1:
					x[k] = math.Nextafter(binCut(b), -2)
				case 2:
					x[k] = rng.Float64()*2 - 1
				default:
					x[k] = 0
				}
			}
			if got, want := j.Probability(x), walkTrees(j, x); got != want {
				t.Fatalf("%s judge: Probability %v, the trees say %v", name, got, want)
			}
			// The same values as a candidate of one kind has them.
			kind := rng.IntN(numKinds)
			clear(x[:kind*perKind])
			clear(x[(kind+1)*perKind:])
			if got, want := j.kindProbability(kind, x, new([]float64)), walkTrees(j, x); got != want {
				t.Fatalf("%s judge, kind %d: kindProbability %v, the trees say %v", name, kind, got, want)
			}
		}
	}
}

// BenchmarkJudgeProbability: the shipped judge on candidates of every
// kind in turn, as judgeFindings rates them, with values spread over the
// bins.
func BenchmarkJudgeProbability(b *testing.B) {
	j := shippedJudge()
	rng := rand.New(rand.NewPCG(1, 2))
	xs := make([][]float64, 256)
	for i := range xs {
		xs[i] = make([]float64, numJudgeFeatures)
		kind := i % numKinds
		for k := kind * perKind; k < (kind+1)*perKind; k++ {
			xs[i][k] = rng.Float64()*2 - 1
		}
	}
	var i int
	var leaves []float64
	for b.Loop() {
		k := i % len(xs)
		j.kindProbability(k%numKinds, xs[k], &leaves)
		i++
	}
}

// sortBySpan puts candidates in the order of a stable sort by first
// token, then last, moving whole candidates along its cycles. Each
// candidate's kind holds its place before the sort, to tell them apart.
func TestSortBySpan(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(3, 4))
	b := new(judgeBuffers)
	for range 200 {
		seen := map[[2]int]bool{}
		b.cands = b.cands[:0]
		for range rng.IntN(60) {
			i := rng.IntN(40)
			j := i + rng.IntN(4)
			if !seen[[2]int{i, j}] {
				seen[[2]int{i, j}] = true
				b.cands = append(b.cands, judged{i: i, j: j, vec: judgeVec{kind: len(b.cands)}})
			}
		}
		want := slices.Clone(b.cands)
		slices.SortStableFunc(want, func(x, y judged) int {
			if x.i != y.i {
				return x.i - y.i
			}
			return x.j - y.j
		})
		b.sortBySpan()
		for k := range want {
			if w, g := want[k], b.cands[k]; w.i != g.i || w.j != g.j || w.vec.kind != g.vec.kind {
				t.Fatalf("place %d holds candidate %d [%d, %d], want %d [%d, %d]", k, g.vec.kind, g.i, g.j, w.vec.kind, w.i, w.j)
			}
		}
	}
}
