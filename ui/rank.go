package ui

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"corefix/model"
)

// rank is the spans in a sorting order.
type rank struct {
	order int // index into orders
	gen   int // the article's gen it is of (see article.Reset)
	es    []rankEntry
	// arrived are the spans inserted since es was last caught up, in
	// text order: es's span indices do not count them yet. Putting a
	// span in es costs a pass over es, so the spans of a region that
	// the detectors found come in with one pass (see catchUp).
	arrived []rankEntry
	moved   []int32 // catchUp's table, kept so that a key allocates none
}

// rankEntry is a span in a rank.
type rankEntry struct {
	key  float64
	span int32       // index in the annotation
	kind model.Kinds // so that n walks the rank without reading spans
}

// cmp orders entries as a rank does.
func (x rankEntry) cmp(y rankEntry) int {
	if c := cmp.Compare(y.key, x.key); c != 0 {
		return c
	}
	return cmp.Compare(x.span, y.span)
}

// newRank sorts the spans of a, those of an article of gen gen, in the
// given order. It leaves room for marks: a mark put in place would
// otherwise copy the whole rank (5 MB at 20 MB) on a key.
func newRank(a *model.Annotation, order, gen int) *rank {
	r := &rank{order: order, gen: gen}
	es := make([]rankEntry, a.Len(), a.Len()+a.Len()/64+64)
	for i := range es {
		s := a.Span(i)
		es[i] = r.entry(i, &s)
	}
	r.es = radixSort(es)
	// catchUp's table, made here, in the background, and its pages
	// touched (a large make leaves fresh pages to the system): made by
	// the first key that puts a mark in place, after thenRelease handed
	// the free memory back, it faulted them in, 4 ms at 20 MB.
	r.moved = make([]int32, cap(r.es)+1)
	clear(r.moved)
	return r
}

// radixBits is the width of a digit of radixSort: 6 passes over 64 bits,
// with a count table that stays in the cache.
const radixBits = 11

// radixSort sorts es, given in text order, in rank order: by sortKey, a
// digit at a time from the lowest, each pass stable, so that equal keys
// keep text order. At 340,000 spans it takes 8 ms where a comparison sort
// took 68, which is what a key that needs the rank before it is built in
// the background waits for. It returns es or a slice of the same length
// and capacity.
func radixSort(es []rankEntry) []rankEntry {
	buf := make([]rankEntry, len(es), cap(es))
	count := make([]int, 1<<radixBits)
	digit := func(e rankEntry, shift int) uint64 { return sortKey(e.key) >> shift & (1<<radixBits - 1) }
	for shift := 0; shift < 64; shift += radixBits {
		clear(count)
		for _, e := range es {
			count[digit(e, shift)]++
		}
		if len(es) == 0 || count[digit(es[0], shift)] == len(es) {
			continue // every key has this digit: the pass would change nothing
		}
		sum := 0
		for d, c := range count {
			count[d], sum = sum, sum+c
		}
		for _, e := range es {
			d := digit(e, shift)
			buf[count[d]] = e
			count[d]++
		}
		es, buf = buf, es
	}
	return es
}

// sortKey maps a key to an integer in rank order (rankEntry.cmp): the
// highest key first, NaN last (cmp.Compare has it the lowest), 0 and -0
// alike.
func sortKey(f float64) uint64 {
	switch {
	case f != f:
		return math.MaxUint64
	case f == 0:
		f = 0 // -0 too
	}
	b := math.Float64bits(f)
	if b>>63 == 0 {
		return ^(b | 1<<63) // not negative: the higher the bits, the higher the key
	}
	return b // negative: the higher the bits, the lower the key
}

// entry is the entry of span at, s.
func (r *rank) entry(at int, s *model.Span) rankEntry {
	return rankEntry{key: orders[r.order].key(*s), span: int32(at), kind: model.KindOf(s)}
}

// place is where span at, s, is in es, at counting none of the arrivals.
func (r *rank) place(at int, s *model.Span) int {
	p, ok := slices.BinarySearchFunc(r.es, r.entry(at, s), rankEntry.cmp)
	if !ok {
		panic(fmt.Sprintf("span %d is not in the %s order", at, orders[r.order].name))
	}
	return p
}

// next is the span at the first place after place at (dir 1) or before
// it (dir -1) whose kind is in want, going round, -1 when there is none;
// at may be -1 or len(es) to start from an end. It reads no span: a walk
// past every span costs about a millisecond at 20 MB.
func (r *rank) next(at, dir int, want model.Kinds) int {
	n := len(r.es)
	p := at
	for range n {
		p += dir
		switch p {
		case n:
			p = 0
		case -1:
			p = n - 1
		}
		if r.es[p].kind&want != 0 {
			return int(r.es[p].span)
		}
	}
	return -1
}

// spanChanged keeps the rank up to date with one change of the
// annotation (see model.Annotation.Watch): a decision changes the kind
// of an entry, an insert waits for the next catchUp, and a removal costs
// a pass over the rank, unless the span removed is still waiting (a mark
// undone).
func (r *rank) spanChanged(at int, before, after *model.Span) {
	switch {
	case before == nil:
		r.insert(at, after)
	case after == nil:
		r.remove(at, before)
	case r.entry(at, before).cmp(r.entry(at, after)) != 0:
		// The span moves in the order (no decision moves one: a finding
		// keeps its confidence).
		r.remove(at, before)
		r.insert(at, after)
	default:
		if j, waiting := r.arrival(at); waiting {
			r.arrived[j].kind = model.KindOf(after)
		} else {
			r.es[r.place(at-j, before)].kind = model.KindOf(after)
		}
	}
}

// arrival is where span at is, or would be, in arrived, and whether it
// is there: when it is not, at-j is its index in es, where the j
// arrivals before it do not count yet.
func (r *rank) arrival(at int) (j int, ok bool) {
	return slices.BinarySearchFunc(r.arrived, int32(at), func(e rankEntry, at int32) int { return cmp.Compare(e.span, at) })
}

// insert notes span at, s, inserted.
func (r *rank) insert(at int, s *model.Span) {
	if k := len(r.arrived); k > 0 && int(r.arrived[k-1].span) >= at {
		r.catchUp() // the insert moves a span that arrived before
	}
	r.arrived = append(r.arrived, r.entry(at, s))
}

// remove takes out span at, s, removed.
func (r *rank) remove(at int, s *model.Span) {
	j, waiting := r.arrival(at)
	if waiting {
		r.arrived = slices.Delete(r.arrived, j, j+1)
	} else {
		old := int32(at - j)
		p := r.place(int(old), s)
		r.es = slices.Delete(r.es, p, p+1)
		for q := range r.es {
			if r.es[q].span > old {
				r.es[q].span--
			}
		}
	}
	for k := j; k < len(r.arrived); k++ {
		r.arrived[k].span-- // the arrivals after it
	}
}

// catchUp puts the spans that arrived in es, with one pass over es
// however many arrived.
func (r *rank) catchUp() {
	k := len(r.arrived)
	if k == 0 {
		return
	}
	// moved[s] is how far span s of es moved on: one for each arrival
	// that went in at or before it. Arrival j went in before what was
	// span e.span - j of es, the arrivals before it counted out.
	r.moved = slices.Grow(r.moved[:0], len(r.es)+1)[:len(r.es)+1]
	moved := r.moved
	clear(moved)
	for j, e := range r.arrived {
		moved[int(e.span)-j]++
	}
	for s := 1; s < len(moved); s++ {
		moved[s] += moved[s-1]
	}
	for p := range r.es {
		r.es[p].span += moved[r.es[p].span]
	}
	// Merge from the end into the room appended there: the entries after
	// an arrival's place move on in one copy.
	slices.SortFunc(r.arrived, rankEntry.cmp)
	end := len(r.es) // es[:end] have not moved
	r.es = append(r.es, r.arrived...)
	for j := k - 1; j >= 0; j-- {
		p, _ := slices.BinarySearchFunc(r.es[:end], r.arrived[j], rankEntry.cmp)
		copy(r.es[p+j+1:end+j+1], r.es[p:end])
		r.es[p+j] = r.arrived[j]
		end = p
	}
	r.arrived = r.arrived[:0]
}
