package main

import (
	"os"
	"runtime/debug"
	"testing"

	"corefix/model"
	"corefix/ui/varied"
)

// gcPercent reads the collector's goal.
func gcPercent() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestLeanCollectorNests checks that the goal is lowered for a long
// text only, stays lowered while any detection that lowered it runs
// (each restore counting once), at the lowest of their goals, and comes
// back after the last.
func TestLeanCollectorNests(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: leanCollector leaves the goal alone")
	}
	was := gcPercent()
	leanCollector(leanBytes-1, leanPercent)()
	if p := gcPercent(); p != was {
		t.Fatalf("a short text set the goal to %d, want %d", p, was)
	}
	first, second := leanCollector(leanBytes, leanPercent), leanCollector(leanBytes, leanPercent)
	if p := gcPercent(); p != leanPercent {
		t.Fatalf("goal %d during a long text's detection, want %d", p, leanPercent)
	}
	first()
	first()
	if p := gcPercent(); p != leanPercent {
		t.Fatalf("goal %d while a second detection runs, want %d", p, leanPercent)
	}
	kept := leanCollector(leanBytes, keptPercent)
	if p := gcPercent(); p != keptPercent {
		t.Fatalf("goal %d with a kept pass beside a detection, want %d", p, keptPercent)
	}
	second()
	if p := gcPercent(); p != keptPercent {
		t.Fatalf("goal %d with the kept pass alone, want %d", p, keptPercent)
	}
	kept()
	if p := gcPercent(); p != was {
		t.Fatalf("goal %d after the last, want %d", p, was)
	}
	kept()
	if p := gcPercent(); p != was {
		t.Fatalf("goal %d after a second restore of the last, want %d", p, was)
	}
}

// TestRegionsGoals checks the goals of a long text's detection in the
// editor: the pass's, then the lower one of rating its regions, then
// the goal from before once the last region is found.
func TestRegionsGoals(t *testing.T) {
	if os.Getenv("GOGC") != "" {
		t.Skip("GOGC is set: leanCollector leaves the goal alone")
	}
	if testing.Short() {
		t.Skip("a 1 MB detection: 1 s, 35 under the race detector")
	}
	was := gcPercent()
	d := detection(model.NewDocument("d", "", varied.Text(leanBytes)), nil)
	n, err := d.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	if p := gcPercent(); p != ratingPercent {
		t.Fatalf("goal %d while the regions are rated, want %d", p, ratingPercent)
	}
	for k := range n {
		if _, err := d.Find(k); err != nil {
			t.Fatal(err)
		}
	}
	if p := gcPercent(); p != was {
		t.Fatalf("goal %d after the last region, want %d", p, was)
	}
}
