package main

import (
	"strings"
	"testing"

	"corefix/annotate/eval"
)

// recallAt reads the most recall among the cuts that keep the precision,
// whatever the order of the cuts, and 0 when none keeps it.
func TestRecallAt(t *testing.T) {
	curve := []eval.Tally{
		{OnGold: 80, False: 20, Found: 70, Gold: 100}, // P 0.80, R 0.70
		{OnGold: 85, False: 10, Found: 60, Gold: 100}, // P 0.89, R 0.60
		{OnGold: 50, False: 5, Found: 45, Gold: 100},  // P 0.91, R 0.45
		{OnGold: 0, False: 0, Found: 0, Gold: 100},    // nothing shown
	}
	for _, c := range []struct{ p, want float64 }{{0.90, 0.45}, {0.85, 0.60}, {0.75, 0.70}, {0.95, 0}} {
		if got := recallAt(curve, c.p); got != c.want {
			t.Errorf("recallAt(%.2f) = %.2f, want %.2f", c.p, got, c.want)
		}
	}
}

// pooled adds the folds of a variant together and reports the variants
// with gold spans, in the order first seen.
func TestPooled(t *testing.T) {
	var p pooled
	cut := func(onGold, found int) []eval.Tally {
		return []eval.Tally{{OnGold: onGold, Found: found, Gold: 10}}
	}
	p.add("seedbug", eval.Tally{OnGold: 9, False: 1, Found: 8, Gold: 10}, cut(9, 8))
	p.add("resolved", eval.Tally{False: 3}, cut(0, 0))
	p.add("seedbug", eval.Tally{OnGold: 1, False: 1, Found: 1, Gold: 10}, cut(1, 1))
	var b strings.Builder
	p.report(&b)
	want := "all genres seedbug    judge P=0.833 R=0.450 F1=0.584 (10 on gold, 2 false, 0 neutral; 9/20 found), R@P0.90 0.450 R@P0.85 0.450\n"
	if b.String() != want {
		t.Errorf("report:\n%s\nwant\n%s", b.String(), want)
	}
}
