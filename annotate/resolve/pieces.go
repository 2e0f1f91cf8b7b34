package resolve

import (
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
func Shrink(words int, targets []model.TokenSpan) []Piece {
	list := untouched(words)
	for k, t := range targets {
		s, e := t.Start, min(t.End, len(list))
		if s >= len(list) {
			continue
		}
		list = slices.Replace(list, s, e, Piece{Lo: list[s].Lo, Hi: list[e-1].Hi, Sub: k})
	}
	return list
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
