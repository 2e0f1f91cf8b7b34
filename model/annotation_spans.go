package model

import (
	"iter"
	"slices"
	"sort"
	"unsafe"
)

// spanBlockSize is how many spans a block of a spanSeq holds at most.
// Small enough that copying a block (on the first change after a
// snapshot) or shifting spans inside one (a mark) costs microseconds,
// large enough that a 400,000-span article has under 2,000 blocks. A
// block is made with room for one more (an insertion before its split)
// in spanBlockBytes: an allocation over 32 kB takes whole pages of the
// runtime's, and 257 spans of 208 bytes took 7 pages, 7% of them unused
// (5 MB of a 20 MB article's spans, as they arrive).
const spanBlockSize = int(spanBlockBytes/unsafe.Sizeof(storedSpan{})) - 1

// spanBlockBytes is the room made for a block: 7 of the runtime's 8 kB
// pages.
const spanBlockBytes = 7 << 13

// blockRoom is an empty block's spans with room for spanBlockSize+1.
func blockRoom() []storedSpan { return make([]storedSpan, 0, spanBlockSize+1) }

// spanSeq is an annotation's spans in text order, kept in blocks so that
// every change costs what one block costs, not what the article costs:
// changing a span copies at most its block, inserting or deleting one
// moves at most a block's spans and the block index. Blocks are shared
// with snapshots and never written once shared (copy on write), so a
// snapshot costs the block index alone.
type spanSeq struct {
	blocks []*spanBlock
	first  []int // index of the first span of each block
	n      int
	gen    int // blocks made before this generation may be shared
}

type spanBlock struct {
	spans []storedSpan
	gen   int   // the generation that made the block
	kinds Kinds // the kinds of its spans, so a search skips blocks without
}

// recount sets b.kinds from its spans.
func (b *spanBlock) recount() {
	b.kinds = 0
	for i := range b.spans {
		b.kinds |= b.spans[i].kind()
	}
}

// newSpanSeq holds spans.
func newSpanSeq(spans []Span) spanSeq {
	var q spanSeq
	for i := range spans {
		q.push(&spans[i])
	}
	return q
}

// push appends s to a sequence being made (no snapshot shares it yet),
// filling its last block before it makes another: the spans of a file
// are pushed as they are read, where holding them all as Spans first
// took 71 MB at 20 MB. A block grows by doubling up to its room, so a
// short document's spans take little more than they fill.
func (q *spanSeq) push(s *Span) {
	k := len(q.blocks) - 1
	if k < 0 || len(q.blocks[k].spans) >= spanBlockSize {
		q.blocks = append(q.blocks, &spanBlock{gen: q.gen})
		q.first = append(q.first, q.n)
		k++
	}
	b := q.blocks[k]
	if len(b.spans) == cap(b.spans) {
		b.spans = append(make([]storedSpan, 0, min(max(2*cap(b.spans), 8), spanBlockSize+1)), b.spans...)
	}
	b.spans = append(b.spans, store(s))
	b.kinds |= KindOf(s)
	q.n++
}

// Len is the number of spans.
func (q *spanSeq) Len() int { return q.n }

// locate returns the block holding span i and i's index in it.
func (q *spanSeq) locate(i int) (int, int) {
	k := sort.SearchInts(q.first, i+1) - 1
	return k, i - q.first[k]
}

// at returns span i.
func (q *spanSeq) at(i int) *storedSpan {
	k, j := q.locate(i)
	return &q.blocks[k].spans[j]
}

// own makes block k this sequence's own (a copy when a snapshot may
// share it) and returns it.
func (q *spanSeq) own(k int) *spanBlock {
	b := q.blocks[k]
	if b.gen < q.gen {
		b = &spanBlock{spans: append(blockRoom(), b.spans...), gen: q.gen, kinds: b.kinds}
		q.blocks[k] = b
	}
	return b
}

// set replaces span i.
func (q *spanSeq) set(i int, s Span) {
	k, j := q.locate(i)
	b := q.own(k)
	b.spans[j] = store(&s)
	b.recount()
}

// insert puts s at index i (i == Len appends), splitting a full block.
func (q *spanSeq) insert(i int, s Span) {
	if len(q.blocks) == 0 {
		q.blocks = []*spanBlock{{spans: []storedSpan{store(&s)}, gen: q.gen, kinds: KindOf(&s)}}
		q.first = []int{0}
		q.n = 1
		return
	}
	k, j := 0, 0
	if i == q.n {
		k = len(q.blocks) - 1
		j = len(q.blocks[k].spans)
	} else if k, j = q.locate(i); j == 0 && k > 0 {
		// Between two blocks, after the first: spans arriving in
		// order go on where the last one went.
		k, j = k-1, len(q.blocks[k-1].spans)
	}
	if full := len(q.blocks[k].spans) >= spanBlockSize; full && (j == 0 || j == len(q.blocks[k].spans)) {
		// Before or after a full block: a block of its own. Spans
		// arriving in order (a detection's regions) then fill blocks,
		// where splitting each full block in half left them all half
		// empty (a 20 MB article's spans took 148 MB, not 67).
		at := k
		if j > 0 {
			at = k + 1
		}
		nb := &spanBlock{spans: append(blockRoom(), store(&s)), gen: q.gen, kinds: KindOf(&s)}
		q.n++
		for x := at; x < len(q.first); x++ {
			q.first[x]++
		}
		q.blocks = slices.Insert(q.blocks, at, nb)
		q.first = slices.Insert(q.first, at, i)
		return
	}
	b := q.own(k)
	b.spans = append(b.spans, storedSpan{})
	copy(b.spans[j+1:], b.spans[j:])
	b.spans[j] = store(&s)
	b.kinds |= KindOf(&s)
	q.n++
	for x := k + 1; x < len(q.first); x++ {
		q.first[x]++
	}
	if len(b.spans) > spanBlockSize {
		half := len(b.spans) / 2
		tail := &spanBlock{spans: append(blockRoom(), b.spans[half:]...), gen: q.gen}
		b.spans = b.spans[:half]
		b.recount()
		tail.recount()
		q.blocks = append(q.blocks[:k+1], append([]*spanBlock{tail}, q.blocks[k+1:]...)...)
		q.first = append(q.first[:k+1], append([]int{q.first[k] + half}, q.first[k+1:]...)...)
	}
}

// remove deletes span i, and its block when that empties.
func (q *spanSeq) remove(i int) {
	k, j := q.locate(i)
	b := q.own(k)
	b.spans = append(b.spans[:j], b.spans[j+1:]...)
	b.recount()
	q.n--
	for x := k + 1; x < len(q.first); x++ {
		q.first[x]--
	}
	if len(b.spans) == 0 {
		q.blocks = append(q.blocks[:k], q.blocks[k+1:]...)
		q.first = append(q.first[:k], q.first[k+1:]...)
	}
}

// search is sort.Search over the spans: the first index whose span
// satisfies f (f false then true along the spans), Len when none does.
func (q *spanSeq) search(f func(s *storedSpan) bool) int {
	k := sort.Search(len(q.blocks), func(k int) bool {
		b := q.blocks[k].spans
		return f(&b[len(b)-1])
	})
	if k == len(q.blocks) {
		return q.n
	}
	b := q.blocks[k].spans
	return q.first[k] + sort.Search(len(b), func(j int) bool { return f(&b[j]) })
}

// all yields every span with its index, in text order.
func (q *spanSeq) all() iter.Seq2[int, Span] {
	return func(yield func(int, Span) bool) {
		for k, b := range q.blocks {
			for j := range b.spans {
				if !yield(q.first[k]+j, b.spans[j].span()) {
					return
				}
			}
		}
	}
}

// slice returns a copy of every span, in text order.
func (q *spanSeq) slice() []Span {
	out := make([]Span, 0, q.n)
	for _, b := range q.blocks {
		for j := range b.spans {
			out = append(out, b.spans[j].span())
		}
	}
	return out
}

// share returns a copy of the sequence that shares its blocks: from now
// on neither writes them (see own).
func (q *spanSeq) share() spanSeq {
	q.gen++
	return spanSeq{blocks: append([]*spanBlock(nil), q.blocks...), first: append([]int(nil), q.first...), n: q.n, gen: q.gen}
}

// next returns the index of the first span after i (dir 1) or before it
// (dir -1) whose kind is in want, -1 when there is none. Blocks without
// such a span are skipped whole.
func (q *spanSeq) next(i, dir int, want Kinds) int {
	if q.n == 0 {
		return -1
	}
	k, j := 0, 0
	switch {
	case i < 0:
		if dir < 0 {
			return -1
		}
		j = -1
	case i >= q.n:
		if dir > 0 {
			return -1
		}
		k = len(q.blocks) - 1
		j = len(q.blocks[k].spans)
	default:
		k, j = q.locate(i)
	}
	for k >= 0 && k < len(q.blocks) {
		b := q.blocks[k]
		if b.kinds&want != 0 {
			for j += dir; j >= 0 && j < len(b.spans); j += dir {
				if b.spans[j].kind()&want != 0 {
					return q.first[k] + j
				}
			}
		}
		k += dir
		if k >= 0 && k < len(q.blocks) && dir < 0 {
			j = len(q.blocks[k].spans)
		} else {
			j = -1
		}
	}
	return -1
}
