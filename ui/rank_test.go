package ui

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"corefix/model"
)

// TestRankMovesASpanWhoseKeyChanged: a change that moves a span in the
// order (none of the editor's does: a finding keeps its confidence) puts
// it where a sort from scratch does.
func TestRankMovesASpanWhoseKeyChanged(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 18))
	doc, fs := wordsAndFindings(rng, 60)
	before, err := model.NewAnnotation(doc, fs, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 7, len(fs) - 1} {
		moved := slices.Clone(fs)
		moved[i].Confidence = 1 - moved[i].Confidence/2
		after, err := model.NewAnnotation(doc, moved, model.FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		r := newRank(before, byConfidence, 0)
		b, a := before.Span(i), after.Span(i)
		r.spanChanged(i, &b, &a)
		r.catchUp()
		got := make([]int, len(r.es))
		for p, e := range r.es {
			got[p] = int(e.span)
		}
		if want := wantOrder(after); !slices.Equal(got, want) {
			t.Errorf("span %d from %v to %v: order %v, want %v", i, b.Confidence, a.Confidence, got, want)
		}
	}
}

// TestRadixSortAgreesWithCmp: the radix sort that builds a rank puts
// entries in the order the rank's binary searches expect (rankEntry.cmp),
// for any keys: equal ones (text order decides), 0 and -0, infinities,
// negatives and NaN; round ones, whose low digits are all 0; and ones
// that differ from 0.3 in one bit, any of them.
func TestRadixSortAgreesWithCmp(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 21))
	var bits []float64
	for b := range 62 {
		bits = append(bits, math.Float64frombits(math.Float64bits(0.3)^1<<b))
	}
	for _, keys := range [][]float64{
		{0, math.Copysign(0, -1), 1, 0.5, 0.5 + 1e-16, -0.25, -1e300, math.Inf(1), math.Inf(-1), math.NaN(), math.SmallestNonzeroFloat64, 0.1},
		{0, 0.25, 0.5, 0.75, 1},
		bits,
	} {
		for _, n := range []int{0, 1, 2, 17, 1000} {
			es := make([]rankEntry, n)
			for i := range es {
				es[i] = rankEntry{key: keys[rng.IntN(len(keys))], span: int32(i)}
			}
			want := slices.Clone(es)
			slices.SortStableFunc(want, rankEntry.cmp)
			got := radixSort(slices.Clone(es))
			for p := range want {
				if got[p].span != want[p].span {
					t.Fatalf("keys %v, %d entries: place %d holds span %d (key %v), want %d (key %v)", keys, n, p, got[p].span, got[p].key, want[p].span, want[p].key)
				}
			}
		}
	}
}
