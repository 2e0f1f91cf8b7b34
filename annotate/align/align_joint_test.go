package align

import (
	"slices"
	"testing"
)

// The drifts of one hunk's slices are tied by their turns.
func TestDriftTied(t *testing.T) {
	tests := []struct {
		name                 string
		i, j                 int
		k, lens, reps, turns []int
		want                 bool
	}{
		// One representative twice: the second slice drifted by what
		// the first saved, no more, no less.
		{"same entity, saved one", 0, 1, []int{3, 4}, []int{2, 1}, []int{0, 0}, []int{0}, true},
		{"same entity, drift too large", 0, 1, []int{3, 5}, []int{2, 1}, []int{0, 0}, []int{0}, false},
		// An earlier turn's slice pushed the later one.
		{"earlier turn first, pushed", 0, 1, []int{3, 4}, []int{2, 1}, []int{0, 1}, []int{0, 5}, true},
		{"earlier turn first, not pushed", 0, 1, []int{3, 3}, []int{2, 1}, []int{0, 1}, []int{0, 5}, false},
		// A later turn's slice saw all the earlier one saw.
		{"later turn first, drift no larger", 0, 1, []int{3, 3}, []int{2, 1}, []int{0, 1}, []int{5, 0}, true},
		{"later turn first, drift larger", 0, 1, []int{3, 4}, []int{2, 1}, []int{0, 1}, []int{5, 0}, false},
		// A slice between, written before the right one, counts.
		{"slice between counts", 0, 2, []int{3, 0, 5}, []int{1, 3, 1}, []int{0, 1, 2}, []int{0, 1, 5}, true},
		{"slice between counts, too little", 0, 2, []int{3, 0, 4}, []int{1, 3, 1}, []int{0, 1, 2}, []int{0, 1, 5}, false},
		// No mention chosen, or a turn unknown: nothing to tie.
		{"no mention", 0, 1, []int{-1, 0}, []int{2, 1}, []int{0, 1}, []int{0, 5}, true},
		{"turn unknown", 0, 1, []int{3, 0}, []int{2, 1}, []int{0, 1}, []int{-1, 5}, true},
	}
	for _, tt := range tests {
		if got := driftTied(tt.i, tt.j, tt.k, tt.lens, tt.reps, tt.turns); got != tt.want {
			t.Errorf("%s: driftTied = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Two cuts whose slices each find a full mention: only one keeps the
// drifts tied, and the joint cut takes it.
func TestJointCuts(t *testing.T) {
	mentions := map[[3]int][]mentionAt{
		{0, 0, 1}: {{k: 5, v: 1}},
		{0, 0, 2}: {{k: 2, v: 1}},
		{1, 1, 2}: {{k: 5, v: 1}},
		{1, 2, 1}: {{k: 2, v: 1}},
	}
	flat := func(k, from, l int) float64 { return 0 }
	find := func(k, from, l int) []mentionAt { return mentions[[3]int{k, from, l}] }
	// Turns 0 then 1: the second slice was pushed by the first.
	if got := jointCuts(&shipped(t).Split, 3, []int{0, 1}, []int{0, 1}, flat, find); !slices.Equal(got, []int{1, 2}) {
		t.Errorf("jointCuts = %v, want [1 2]", got)
	}
	// Turns 1 then 0: both cuts keep the ties (the second slice saw
	// no more than the first); on a tie the earlier slice takes more.
	if got := jointCuts(&shipped(t).Split, 3, []int{0, 1}, []int{1, 0}, flat, find); !slices.Equal(got, []int{2, 1}) {
		t.Errorf("jointCuts, later turn first = %v, want [2 1]", got)
	}
	// Too many cuts to weigh jointly: left to bestCuts.
	if got := jointCuts(&shipped(t).Split, 400, []int{0, 1, 2, 3, 4}, []int{0, 1, 2, 3, 4}, flat, find); got != nil {
		t.Errorf("jointCuts of a long hunk = %v, want nil", got)
	}
}
