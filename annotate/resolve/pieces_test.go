package resolve

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"corefix/model"
)

func span(s, e int) model.TokenSpan { return model.TokenSpan{Start: s, End: e} }

// The placements on eight words, worked out by hand.
func TestPlacements(t *testing.T) {
	// Mention [1,3) then [4,5): the list shrinks by one after the first,
	// so the second lands on word 5.
	targets := []model.TokenSpan{span(1, 3), span(4, 5)}
	if diff := cmp.Diff([]Piece{{0, 1, -1}, {1, 3, 0}, {3, 4, -1}, {4, 5, -1}, {5, 6, 1}, {6, 7, -1}, {7, 8, -1}}, Shrink(8, targets)); diff != "" {
		t.Errorf("Shrink (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Piece{{0, 1, -1}, {1, 3, 0}, {3, 4, -1}, {4, 5, 1}, {5, 6, -1}, {6, 7, -1}, {7, 8, -1}}, InPlace(8, targets, false)); diff != "" {
		t.Errorf("InPlace (-want +got):\n%s", diff)
	}
	// Past the end: skipped; running past it: cut.
	if diff := cmp.Diff([]Piece{{0, 2, 0}, {2, 3, 1}}, Shrink(3, []model.TokenSpan{span(0, 2), span(1, 4), span(5, 6)})); diff != "" {
		t.Errorf("Shrink at the end (-want +got):\n%s", diff)
	}
	// Nested mentions [1,4) and [2,3): an enclosing mention wins in
	// place; in word slots the later one writes its first word's slot.
	nested := []model.TokenSpan{span(2, 3), span(1, 4)}
	if diff := cmp.Diff([]Piece{{0, 1, -1}, {1, 4, 1}, {4, 5, -1}}, InPlace(5, nested, false)); diff != "" {
		t.Errorf("InPlace nested (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Piece{{0, 1, -1}, {1, 4, 1}, {4, 5, -1}}, InPlace(5, nested, true)); diff != "" {
		t.Errorf("slots, enclosing last (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Piece{{0, 1, -1}, {1, 2, 0}, {2, 4, 1}, {4, 5, -1}}, InPlace(5, []model.TokenSpan{span(1, 4), span(2, 4)}, true)); diff != "" {
		t.Errorf("slots, inner last (-want +got):\n%s", diff)
	}
}

// shrinkByCopy is Shrink as the seed wrote it, one slice rewritten at
// every replacement: the reference for the Fenwick-tree list.
func shrinkByCopy(words int, targets []model.TokenSpan) []Piece {
	list := make([]Piece, words)
	for i := range list {
		list[i] = Piece{Lo: i, Hi: i + 1, Sub: -1}
	}
	for k, t := range targets {
		s, e := t.Start, min(t.End, len(list))
		if s >= len(list) {
			continue
		}
		list = slices.Replace(list, s, e, Piece{Lo: list[s].Lo, Hi: list[e-1].Hi, Sub: k})
	}
	return list
}

// Shrink gives the seed's list on random mentions: overlapping, nested,
// past the end, repeated, most of the list gone.
func TestShrinkIsTheSeedsList(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 2000 {
		words := rng.IntN(40)
		targets := make([]model.TokenSpan, rng.IntN(30))
		for k := range targets {
			s := rng.IntN(words + 5)
			targets[k] = span(s, s+1+rng.IntN(6))
		}
		if diff := cmp.Diff(shrinkByCopy(words, targets), Shrink(words, targets)); diff != "" {
			t.Fatalf("round %d, %d words, %v (-seed's +Shrink):\n%s", round, words, targets, diff)
		}
	}
}

// inPlaceBySlots is InPlace as it was first written, a slot and an
// emptied flag per word: the reference for the pieces made as read.
func inPlaceBySlots(words int, targets []model.TokenSpan, nested bool) []Piece {
	slot := make([]int, words)
	for i := range slot {
		slot[i] = -1
	}
	emptied := make([]bool, words)
	if nested {
		for k, t := range targets {
			slot[t.Start], emptied[t.Start] = k, false
			for i := t.Start + 1; i < t.End; i++ {
				slot[i], emptied[i] = -1, true
			}
		}
	} else {
		order := make([]int, len(targets))
		for k := range order {
			order[k] = k
		}
		slices.SortStableFunc(order, func(a, b int) int {
			if c := targets[a].Start - targets[b].Start; c != 0 {
				return c
			}
			return targets[b].End - targets[a].End
		})
		taken := 0
		for _, k := range order {
			if t := targets[k]; t.Start >= taken {
				slot[t.Start], taken = k, t.End
				for i := t.Start + 1; i < t.End; i++ {
					emptied[i] = true
				}
			}
		}
	}
	var ps []Piece
	for i := range slot {
		if emptied[i] {
			ps[len(ps)-1].Hi = i + 1
			continue
		}
		ps = append(ps, Piece{Lo: i, Hi: i + 1, Sub: slot[i]})
	}
	return ps
}

// InPlace gives the slots' pieces on random mentions, nested, crossing,
// repeated and starting together, in place and in word slots.
func TestInPlaceIsTheSlots(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 4000 {
		words := rng.IntN(40)
		var targets []model.TokenSpan
		for range rng.IntN(30) {
			if words == 0 {
				break
			}
			s := rng.IntN(words)
			targets = append(targets, span(s, s+1+rng.IntN(min(6, words-s))))
		}
		nested := round%2 == 1
		if diff := cmp.Diff(inPlaceBySlots(words, targets, nested), InPlace(words, targets, nested), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("round %d, %d words, nested %v, %v (-slots +InPlace):\n%s", round, words, nested, targets, diff)
		}
	}
}

// A replay's shrinking list yields each piece once no later target can
// change it, and is reused from one pipeline to the next, put back after
// one stopped early: on random targets, some left out, every pipeline
// read whole gives the seed's list.
func TestShrunkYieldsFinalPieces(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, words := range []int{0, 1, 7, 40} {
		var l shrinking
		for round := range 500 {
			targets := make([]model.TokenSpan, rng.IntN(30))
			for k := range targets {
				s := rng.IntN(words + 5)
				targets[k] = span(s, s+1+rng.IntN(6))
			}
			after := make([]int, len(targets)+1)
			after[len(targets)] = words
			for k := len(targets) - 1; k >= 0; k-- {
				after[k] = min(after[k+1], targets[k].Start)
			}
			kept := make([]bool, len(targets))
			var want []model.TokenSpan
			var index []int // the target each of want is
			for k := range targets {
				if kept[k] = rng.IntN(3) > 0; kept[k] {
					want = append(want, targets[k])
					index = append(index, k)
				}
			}
			include := func(k int) bool { return kept[k] }
			if round%2 == 0 { // a pipeline given up on after a few pieces
				stop := rng.IntN(5)
				for range l.shrunk(words, targets, include, after) {
					if stop--; stop < 0 {
						break
					}
				}
				continue
			}
			seed := shrinkByCopy(words, want)
			for i := range seed {
				if seed[i].Changed() {
					seed[i].Sub = index[seed[i].Sub]
				}
			}
			if diff := cmp.Diff(seed, slices.AppendSeq([]Piece{}, l.shrunk(words, targets, include, after))); diff != "" {
				t.Fatalf("%d words, round %d, %v kept %v (-seed's +shrunk):\n%s", words, round, targets, kept, diff)
			}
		}
	}
}
