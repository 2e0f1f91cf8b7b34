package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
	"unsafe"
)

// TestSpanSeqMatchesSlice drives a spanSeq and a plain slice with the
// same random inserts, removals and changes, taking snapshots on the way:
// the sequence must always hold what the slice holds, and every snapshot
// what the slice held when it was taken.
func TestSpanSeqMatchesSlice(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var want []Span
	q := newSpanSeq(nil)
	type snap struct {
		q    spanSeq
		want []Span
	}
	var snaps []snap
	next := 0
	for step := range 20000 {
		switch op := rng.IntN(10); {
		case op < 5 || len(want) == 0:
			i := rng.IntN(len(want) + 1)
			next++
			s := Span{Finding: Finding{Start: next}}
			want = slices.Insert(want, i, s)
			q.insert(i, s)
		case op < 7:
			i := rng.IntN(len(want))
			want = slices.Delete(want, i, i+1)
			q.remove(i)
		default:
			i := rng.IntN(len(want))
			s := want[i]
			s.Note = string(rune('a' + step%26))
			want[i] = s
			q.set(i, s)
		}
		if step%997 == 0 {
			snaps = append(snaps, snap{q.share(), slices.Clone(want)})
		}
		if q.Len() != len(want) {
			t.Fatalf("step %d: %d spans, want %d", step, q.Len(), len(want))
		}
	}
	if got := q.slice(); !slices.EqualFunc(got, want, func(a, b Span) bool { return a.Start == b.Start && a.Note == b.Note }) {
		t.Fatal("the sequence differs from the slice")
	}
	for i := range want {
		if q.at(i).span().Start != want[i].Start {
			t.Fatalf("at(%d) = %d, want %d", i, q.at(i).span().Start, want[i].Start)
		}
	}
	for k, s := range snaps {
		if got := s.q.slice(); !slices.EqualFunc(got, s.want, func(a, b Span) bool { return a.Start == b.Start && a.Note == b.Note }) {
			t.Fatalf("snapshot %d changed after it was taken", k)
		}
	}
}

// TestSpanSeqFillsInOrder: spans arriving in order, as a detection's
// regions bring them (the one on screen first, then the others from the
// start), fill their blocks rather than leaving each half empty.
func TestSpanSeqFillsInOrder(t *testing.T) {
	n := 10*spanBlockSize + 3
	q := newSpanSeq(nil)
	for k := n / 2; k < n; k++ {
		q.insert(q.Len(), Span{Finding: Finding{Start: k}})
	}
	for k := range n / 2 {
		q.insert(k, Span{Finding: Finding{Start: k}})
	}
	for i := range n {
		if q.at(i).span().Start != i {
			t.Fatalf("at(%d) = %d, want %d", i, q.at(i).span().Start, i)
		}
	}
	// One block partly filled at the end of each run, the rest full.
	if most := n/spanBlockSize + 2; len(q.blocks) > most {
		t.Errorf("%d spans in %d blocks, want at most %d", n, len(q.blocks), most)
	}
}

// TestSpanSeqSearch finds by a predicate across blocks.
func TestSpanSeqSearch(t *testing.T) {
	spans := make([]Span, 1000)
	for i := range spans {
		spans[i].Start = 2 * i
	}
	q := newSpanSeq(spans)
	for _, off := range []int{-1, 0, 1, 511, 512, 1998, 1999} {
		got := q.search(func(s *storedSpan) bool { return int(s.start) >= off })
		want := min(max((off+1)/2, 0), 1000)
		if got != want {
			t.Errorf("search start >= %d = %d, want %d", off, got, want)
		}
	}
}

// TestSpanSeqNext finds the next span of a kind as a plain scan does,
// both ways, from every index.
func TestSpanSeqNext(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	spans := make([]Span, 3000)
	for i := range spans {
		spans[i] = Span{Finding: Finding{Start: i, Category: Categories[rng.IntN(5)]}, Status: Pending}
		if rng.IntN(40) == 0 {
			spans[i].Status = Rejected
		}
	}
	q := newSpanSeq(slices.Clone(spans))
	q.set(1500, Span{Finding: Finding{Start: 1500, Category: Quote}, Status: Edited})
	spans[1500] = q.at(1500).span()
	for _, want := range []Kinds{AllKinds, StatusKinds(Rejected), StatusKinds(Edited), CategoryKinds(Quote) & StatusKinds(Pending), StatusKinds(Accepted)} {
		for i := -1; i <= len(spans); i++ {
			for _, dir := range []int{1, -1} {
				exp := -1
				for j := i + dir; j >= 0 && j < len(spans); j += dir {
					if KindOf(&spans[j])&want != 0 {
						exp = j
						break
					}
				}
				if got := q.next(i, dir, want); got != exp {
					t.Fatalf("next(%d, %d, %x) = %d, want %d", i, dir, want, got, exp)
				}
			}
		}
	}
}

// A block's room takes no more memory than its spans fill, within one
// span: the runtime rounds an allocation over 32 kB up to whole pages,
// which spanBlockBytes is.
func TestSpanBlockFillsItsPages(t *testing.T) {
	size := uint64(unsafe.Sizeof(storedSpan{}))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	roomSink = blockRoom() // kept, so it is not made on the stack
	runtime.ReadMemStats(&after)
	used := uint64(cap(roomSink)) * size
	if got := after.TotalAlloc - before.TotalAlloc; got >= used+size {
		t.Errorf("room for %d spans took %d bytes, %d of them filled", cap(roomSink), got, used)
	}
}

// roomSink holds TestSpanBlockFillsItsPages's block.
var roomSink []storedSpan

// TestStoredSpanIs72Bytes pins the size of a span as the blocks hold it:
// a 20 MB article has 340,000 of them, where every 8 bytes is 2.7 MB.
func TestStoredSpanIs72Bytes(t *testing.T) {
	if n := unsafe.Sizeof(storedSpan{}); n != 72 {
		t.Errorf("a stored span is %d bytes, want 72", n)
	}
}

// TestSpanSeqPushFills: spans pushed as a file is read fill blocks of
// spanBlockSize, and a short document's take room for little more than
// its spans.
func TestSpanSeqPushFills(t *testing.T) {
	for _, n := range []int{1, 9, 3*spanBlockSize + 1} {
		spans := make([]Span, n)
		for i := range spans {
			spans[i].Start = i
		}
		q := newSpanSeq(spans)
		if want := (n + spanBlockSize - 1) / spanBlockSize; len(q.blocks) != want {
			t.Errorf("%d spans in %d blocks, want %d", n, len(q.blocks), want)
		}
		for k, b := range q.blocks {
			if k < len(q.blocks)-1 && len(b.spans) != spanBlockSize {
				t.Errorf("%d spans: block %d holds %d, want %d", n, k, len(b.spans), spanBlockSize)
			}
			if c := cap(b.spans); c > max(2*len(b.spans), 8) {
				t.Errorf("%d spans: block %d has room for %d, holds %d", n, k, c, len(b.spans))
			}
		}
		for i := range n {
			if got := q.at(i).span().Start; got != i {
				t.Fatalf("%d spans: at(%d) = %d", n, i, got)
			}
		}
	}
}

// TestStoredIDs: every ID comes back as it went in, and only one that
// foundID or manualID does not make takes a span's extra.
func TestStoredIDs(t *testing.T) {
	for _, tt := range []struct {
		id    string
		extra bool
	}{
		{"f0001", false}, {"f9999", false}, {"f12345", false}, {"f0000", false}, {"f4294967295", false},
		{"m001", false}, {"m999", false}, {"m1000", false},
		{"", false}, {"f", true}, {"m", true}, {"f001", true}, {"f01234", true}, {"m01", true}, {"m0001", true},
		{"f4294967296", true}, {"f+123", true}, {"f-001", true}, {"x0001", true}, {"T3", true}, {"fé000", true},
	} {
		p := store(&Span{Finding: Finding{ID: tt.id}})
		if got := p.ID(); got != tt.id {
			t.Errorf("ID %q stored comes back %q", tt.id, got)
		}
		if (p.extra != nil) != tt.extra {
			t.Errorf("ID %q: extra %v, want %v", tt.id, p.extra != nil, tt.extra)
		}
	}
}

// TestSetFoundIDLeavesExtra: a span renumbered (AllFound) has its extra
// copied, which a snapshot's span may share, and dropped when the ID was
// all it held.
func TestSetFoundIDLeavesExtra(t *testing.T) {
	p := store(&Span{Finding: Finding{ID: "T1"}, Note: "n"})
	shared := p.extra
	p.setFoundID(7)
	if p.ID() != "f0007" || p.span().Note != "n" || shared.id != "T1" {
		t.Errorf("renumbered: %q with note %q, the shared extra's ID %q", p.ID(), p.span().Note, shared.id)
	}
	q := store(&Span{Finding: Finding{ID: "T2"}})
	if q.setFoundID(1); q.extra != nil {
		t.Errorf("an extra of no more than an ID is kept: %+v", *q.extra)
	}
}

// TestNumberedIDIsSprintf: IDs are made as fmt made them.
func TestNumberedIDIsSprintf(t *testing.T) {
	for _, n := range []int{0, 1, 9, 10, 99, 100, 999, 1000, 9999, 10000, 339569, math.MaxUint32, math.MaxInt64} {
		if got, want := foundID(n), fmt.Sprintf("f%04d", n); got != want {
			t.Errorf("foundID(%d) = %q, want %q", n, got, want)
		}
		if got, want := manualID(n), fmt.Sprintf("m%03d", n); got != want {
			t.Errorf("manualID(%d) = %q, want %q", n, got, want)
		}
	}
}
