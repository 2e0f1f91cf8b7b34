package resolve

import (
	"math/bits"
	"slices"

	"corefix/model"
)

// Piece is a stretch of a rewritten text: it stands for the words
// [Lo, Hi) of the original and is written either as those words (Sub < 0)
// or as the replacement of substitution Sub. The pieces of a text tile
// its words in order, which is what tells exactly which words each
// replacement stands in for.
type Piece struct{ Lo, Hi, Sub int }

// Changed reports whether the piece is a substitution's.
func (p Piece) Changed() bool { return p.Sub >= 0 }

// untouched is one piece per word.
func untouched(words int) []Piece {
	ps := make([]Piece, words)
	for i := range ps {
		ps[i] = Piece{Lo: i, Hi: i + 1, Sub: -1}
	}
	return ps
}

// Shrink is the seed's bug: for each target in the order given,
// list[s:e] = [replacement] on one list, in the mention's own word
// indices, although every earlier replacement of a longer mention made
// the list shorter — so later replacements land too far right and
// overwrite the words after their mention. Indices past the end are
// skipped, a mention running past it is cut there.
//
// The list is not rewritten in place: on a long text with thousands of
// mentions, copying its tail at every replacement was quadratic (80 s
// of a replay's 110 s on a 1.77 MB pair). A piece is kept at its first
// word, which no later replacement changes; a Fenwick tree of the pieces
// still in the list finds the one at a list index, and each word's piece
// leaves the list at most once.
func Shrink(words int, targets []model.TokenSpan) []Piece {
	l := newShrinking(words)
	for k, t := range targets {
		if t.Start >= l.len {
			continue
		}
		l.replace(t.Start, min(t.End, l.len), k)
	}
	return l.pieces()
}

// shrinking is Shrink's list: the pieces, each at its first word (its
// slot), in list order through next.
type shrinking struct {
	len  int   // pieces in the list
	tree []int // Fenwick tree over slots: 1 for a slot holding a piece
	next []int // the next slot holding a piece (words at the end)
	sub  []int // the substitution written at a slot (-1: the word's own)
}

func newShrinking(words int) *shrinking {
	l := &shrinking{len: words, tree: make([]int, words+1), next: make([]int, words), sub: make([]int, words)}
	for i := 1; i <= words; i++ {
		l.tree[i] = i & -i // every slot holds its word
	}
	for i := range words {
		l.next[i], l.sub[i] = i+1, -1
	}
	return l
}

// at is the slot of the piece at list index i.
func (l *shrinking) at(i int) int {
	pos, left := 0, i+1
	for step := 1 << (bits.Len(uint(len(l.tree)-1)) - 1); step > 0; step >>= 1 {
		if next := pos + step; next < len(l.tree) && l.tree[next] < left {
			pos, left = next, left-l.tree[next]
		}
	}
	return pos
}

// replace writes substitution k over the pieces at list indices [s, e),
// s < e <= l.len: the first piece takes the others' words.
func (l *shrinking) replace(s, e, k int) {
	first := l.at(s)
	for range e - s - 1 {
		gone := l.next[first]
		l.next[first] = l.next[gone]
		for i := gone + 1; i < len(l.tree); i += i & -i {
			l.tree[i]--
		}
	}
	l.len -= e - s - 1
	l.sub[first] = k
}

// pieces is the list: each piece runs from its slot to the next one.
func (l *shrinking) pieces() []Piece {
	ps := make([]Piece, 0, l.len)
	for i := 0; i < len(l.next); i = l.next[i] {
		ps = append(ps, Piece{Lo: i, Hi: l.next[i], Sub: l.sub[i]})
	}
	return ps
}

// InPlace writes every replacement over its own mention. Without nested,
// a mention overlapping one already taken is left alone, the longer of
// two starting together going first, so an enclosing mention wins over
// the ones inside it; with nested, each mention writes its replacement
// into its first word's slot and empties the others, later ones
// overwriting earlier ones, as resolvers built on word slots do.
func InPlace(words int, targets []model.TokenSpan, nested bool) []Piece {
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
			ps[len(ps)-1].Hi = i + 1 // an emptied slot belongs to the piece before
			continue
		}
		ps = append(ps, Piece{Lo: i, Hi: i + 1, Sub: slot[i]})
	}
	return ps
}
