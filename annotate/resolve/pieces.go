package resolve

import (
	"iter"
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

// Shrink is the seed's bug: for each target in the order given,
// list[s:e] = [replacement] on one list, in the mention's own word
// indices, although every earlier replacement of a longer mention made
// the list shorter — so later replacements land too far right and
// overwrite the words after their mention. Indices past the end are
// skipped, a mention running past it is cut there.
//
// The list is not rewritten in place: on a long text with thousands of
// mentions, copying its tail at every replacement was quadratic (89 s
// of a replay's 112 CPU-s on a 1.77 MB pair). A piece is kept at its first
// word, which no later replacement changes; a Fenwick tree of the pieces
// still in the list finds the one at a list index, and each word's piece
// leaves the list at most once.
func Shrink(words int, targets []model.TokenSpan) []Piece {
	var l shrinking
	all := func(int) bool { return true }
	return slices.AppendSeq(make([]Piece, 0, words), l.shrunk(words, targets, all, nil))
}

// shrinking is Shrink's list: the pieces, each at its first word (its
// slot), in list order through next. Its buffers are kept across reset:
// a replay tries the list once per pipeline.
type shrinking struct {
	len     int   // pieces in the list
	tree    []int // Fenwick tree over slots: 1 for a slot holding a piece
	next    []int // the next slot holding a piece (words at the end)
	sub     []int // the substitution written at a slot (-1: the word's own)
	written []int // the slots substitutions were written at since the list was made
	gone    []int // the slots that left the list since
}

// reset makes the list of words untouched words. A list of as many words
// is put back by undoing what was written: a pipeline given up on early
// wrote little, and making the list anew was an O(n) pass per pipeline.
func (l *shrinking) reset(words int) {
	l.len = words
	if l.tree != nil && len(l.next) == words {
		for _, s := range l.written {
			l.next[s], l.sub[s] = s+1, -1
		}
		for _, g := range l.gone {
			for i := g + 1; i < len(l.tree); i += i & -i {
				l.tree[i]++
			}
		}
		l.written, l.gone = l.written[:0], l.gone[:0]
		return
	}
	l.tree, l.next, l.sub = make([]int, words+1), make([]int, words), make([]int, words)
	for i := 1; i <= words; i++ {
		l.tree[i] = i & -i // every slot holds its word
	}
	for i := range words {
		l.next[i], l.sub[i] = i+1, -1
	}
}

// shrunk resets the list, writes the targets include keeps in order,
// substitution k over target k, and yields the pieces in list order.
// A replacement at list index s leaves the list before s alone, so once
// the targets from k on all start at or after after[k], the pieces
// before that index are final: they are yielded then, and a reader that
// stops at one has not written the targets after (after nil: every piece
// at the end).
func (l *shrinking) shrunk(words int, targets []model.TokenSpan, include func(int) bool, after []int) iter.Seq[Piece] {
	return func(yield func(Piece) bool) {
		l.reset(words)
		done, slot := 0, 0 // pieces yielded; the slot of the next, which no later replacement removes
		final := func(upTo int) bool {
			for ; done < min(upTo, l.len); done++ {
				if !yield(Piece{Lo: slot, Hi: l.next[slot], Sub: l.sub[slot]}) {
					return false
				}
				slot = l.next[slot]
			}
			return true
		}
		for k, t := range targets {
			if include(k) {
				l.write(t, k)
			}
			if after != nil && !final(after[k+1]) {
				return
			}
		}
		final(words)
	}
}

// write is list[s:e] = [substitution k] for the target's s and e, cut at
// the list's end; nothing when s is past it.
func (l *shrinking) write(t model.TokenSpan, k int) {
	if t.Start >= l.len {
		return
	}
	l.replace(t.Start, min(t.End, l.len), k)
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
		l.gone = append(l.gone, gone)
	}
	l.len -= e - s - 1
	l.sub[first] = k
	l.written = append(l.written, first)
}

// InPlace writes every replacement over its own mention. Without nested,
// a mention overlapping one already taken is left alone, the longer of
// two starting together going first, so an enclosing mention wins over
// the ones inside it; with nested, each mention writes its replacement
// into its first word's slot and empties the others, later ones
// overwriting earlier ones, as resolvers built on word slots do.
func InPlace(words int, targets []model.TokenSpan, nested bool) []Piece {
	all := func(int) bool { return true }
	// Made for a piece per word, not grown: on 295,089 words growing it
	// was half of corefix's own resolution in a replay.
	return slices.AppendSeq(make([]Piece, 0, words), placed(words, targets, byStart(targets), all, nested))
}

// byStart orders targets as InPlace takes them: by start, the longer of
// two starting together first, then as given.
func byStart(targets []model.TokenSpan) []int {
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
	return order
}

// placed is InPlace's pieces in text order for the targets include
// keeps, order being byStart's. They are made as they are read, each
// from the targets starting at or before it, so a replay that stops at
// the first piece that does not fit has done no more.
func placed(words int, targets []model.TokenSpan, order []int, include func(int) bool, nested bool) iter.Seq[Piece] {
	if nested {
		return slotted(words, targets, order, include)
	}
	return func(yield func(Piece) bool) {
		i := 0 // the next word to write: every target before it is taken
		for _, k := range order {
			t := targets[k]
			if t.Start < i || !include(k) {
				continue
			}
			for ; i < t.Start; i++ {
				if !yield(Piece{Lo: i, Hi: i + 1, Sub: -1}) {
					return
				}
			}
			if !yield(Piece{Lo: t.Start, Hi: t.End, Sub: k}) {
				return
			}
			i = t.End
		}
		for ; i < words; i++ {
			if !yield(Piece{Lo: i, Hi: i + 1, Sub: -1}) {
				return
			}
		}
	}
}

// slotted is placed with nested: a word's slot is the last target
// covering it, the one with the highest index; it is that target's when
// the target starts there, emptied (part of the piece before) when it
// started earlier. The targets covering the word are kept in a heap by
// index, those ending before it dropped when they come on top.
func slotted(words int, targets []model.TokenSpan, order []int, include func(int) bool) iter.Seq[Piece] {
	return func(yield func(Piece) bool) {
		var covering maxHeap
		next := 0
		var cur Piece
		for i := range words {
			for ; next < len(order) && targets[order[next]].Start <= i; next++ {
				if k := order[next]; include(k) {
					covering.push(k)
				}
			}
			for len(covering) > 0 && targets[covering[0]].End <= i {
				covering.pop()
			}
			sub := -1
			if len(covering) > 0 {
				if targets[covering[0]].Start < i {
					cur.Hi = i + 1 // emptied
					continue
				}
				sub = covering[0]
			}
			if i > 0 && !yield(cur) {
				return
			}
			cur = Piece{Lo: i, Hi: i + 1, Sub: sub}
		}
		if words > 0 {
			yield(cur)
		}
	}
}

// maxHeap is a binary heap of target indices, the highest on top.
type maxHeap []int

func (h *maxHeap) push(k int) {
	*h = append(*h, k)
	a := *h
	for i := len(a) - 1; i > 0; {
		up := (i - 1) / 2
		if a[up] >= a[i] {
			break
		}
		a[up], a[i] = a[i], a[up]
		i = up
	}
}

func (h *maxHeap) pop() {
	a := *h
	last := len(a) - 1
	a[0] = a[last]
	a = a[:last]
	for i := 0; ; {
		big, l, r := i, 2*i+1, 2*i+2
		if l < len(a) && a[l] > a[big] {
			big = l
		}
		if r < len(a) && a[r] > a[big] {
			big = r
		}
		if big == i {
			break
		}
		a[big], a[i] = a[i], a[big]
		i = big
	}
	*h = a
}
