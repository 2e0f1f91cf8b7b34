package model

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

// foundFixture is a text with four findings, the way a detector of the
// whole text numbers them.
func foundFixture() (*Document, []Finding) {
	doc := NewDocument("t", "", "They The Democrats the election . It is he he . Sessions Sessions said . We we won .")
	fs := []Finding{
		{ID: "f0001", Start: 5, End: 18, Category: Overwrite, Confidence: 0.9, Proposals: []Proposal{{Text: "lost"}}},
		{ID: "f0002", Start: 43, End: 45, Category: Overwrite, Confidence: 0.8, Proposals: []Proposal{{Text: "said"}}},
		{ID: "f0003", Start: 57, End: 65, Category: Overwrite, Confidence: 0.7, Proposals: []Proposal{{Text: "he"}}},
		{ID: "f0004", Start: 75, End: 77, Category: Overwrite, Confidence: 0.6, Proposals: []Proposal{{Text: "did"}}},
	}
	return doc, fs
}

// TestAddFoundThenAllFound gives an annotation its findings in two
// regions, the later one first, with decisions and an undo before the
// earlier arrives: the decisions stay on their spans, undo and redo still
// act on them, and once all are found the spans and IDs are those of an
// annotation started with every finding, and a new lineage.
func TestAddFoundThenAllFound(t *testing.T) {
	doc, fs := foundFixture()
	a, err := NewAnnotation(doc, nil, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	var heard []int
	a.Watch(func(at int, before, after *Span) {
		if before == nil {
			heard = append(heard, at)
		}
	})
	later := []Finding{fs[2], fs[3]}
	later[0].ID, later[1].ID = "f0001", "f0002" // provisional: in the order found
	if err := a.AddFound(later, FromDetector); err != nil {
		t.Fatal(err)
	}
	if err := a.Accept(0, 0); err != nil { // "Sessions Sessions" → he
		t.Fatal(err)
	}
	if err := a.Reject(1); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Undo(); err != nil { // the reject
		t.Fatal(err)
	}
	earlier := []Finding{fs[0], fs[1]}
	earlier[0].ID, earlier[1].ID = "f0003", "f0004"
	if err := a.AddFound(earlier, FromDetector); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(heard, []int{0, 1, 0, 1}) {
		t.Errorf("the watcher heard insertions at %v, want [0 1 0 1]", heard)
	}
	if got := a.Span(2); got.Start != 57 || got.Status != Accepted {
		t.Fatalf("the accepted span moved or lost its decision: %+v", got)
	}
	if err := a.AddFound([]Finding{{ID: "x", Start: 40, End: 44, Category: Overwrite}}, FromDetector); !errors.Is(err, ErrOverlap) {
		t.Errorf("an overlapping finding: %v, want ErrOverlap", err)
	}
	line := a.line
	if err := a.AllFound(); err != nil {
		t.Fatal(err)
	}
	if a.line == line || a.changes != nil {
		t.Error("AllFound kept the lineage: the next save would append to a journal of other spans")
	}
	if _, err := a.Redo(); err != nil { // the reject, on the span now f0004
		t.Fatal(err)
	}
	want, err := NewAnnotation(doc, fs, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range a.Spans() {
		w := want.Span(i)
		s.Status, s.Replacement, s.Updated = w.Status, w.Replacement, w.Updated
		if !reflect.DeepEqual(s, w) {
			t.Errorf("span %d: %+v\nwant %+v", i, s, w)
		}
	}
	if a.Len() != len(fs) || a.Span(2).Status != Accepted || a.Span(3).Status != Rejected || a.Pending() != 2 {
		t.Errorf("%d spans, %s and %s, %d pending; want 4, accepted and rejected, 2 pending", a.Len(), a.Span(2).Status, a.Span(3).Status, a.Pending())
	}
	for _, c := range append(a.undo, a.redo...) {
		for _, s := range []*Span{c.Before, c.After} {
			if s != nil && s.ID != a.Span(c.At).ID {
				t.Errorf("the history holds %s at %d, where %s is", s.ID, c.At, a.Span(c.At).ID)
			}
		}
	}
}

// manyFound is an annotation of a long text given n findings in two
// regions, the later first, with IDs in the order found.
func manyFound(t *testing.T, n int) *Annotation {
	t.Helper()
	doc := NewDocument("t", "", strings.Repeat("he he . ", n))
	a, err := NewAnnotation(doc, nil, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	fs := make([]Finding, n)
	for i := range fs {
		fs[i] = Finding{ID: fmt.Sprintf("r%d", i), Start: 8 * i, End: 8*i + 5, Category: Overwrite, Confidence: 0.5}
	}
	for _, region := range [][]Finding{fs[n/2:], fs[:n/2]} {
		if err := a.AddFound(region, FromDetector); err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// AllFound numbers the spans where they are: a copy of them all (208
// bytes a span) came on top of a long article's spans and the antecedent
// panel's analysis. What it allocates is the new IDs, 15 bytes a
// span, and under the race detector, whose sync.Pool drops a quarter of
// what is put back, fmt's printers too (87 bytes a span in all).
func TestAllFoundCopiesNoSpans(t *testing.T) {
	const n = 20000
	a := manyFound(t, n)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	if err := a.AllFound(); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if got := after.TotalAlloc - before.TotalAlloc; got > n*uint64(unsafe.Sizeof(Span{}))/2 {
		t.Errorf("AllFound of %d spans allocated %d bytes, %d a span", n, got, got/n)
	}
	for i, s := range a.Spans() {
		if want := foundID(i + 1); s.ID != want {
			t.Fatalf("span %d is %s, want %s", i, s.ID, want)
		}
	}
}

// A snapshot taken while the findings arrive keeps their IDs: AllFound
// renumbers copies of the blocks it shares.
func TestAllFoundLeavesSnapshots(t *testing.T) {
	a := manyFound(t, 1000)
	snap := a.Snapshot()
	old := snap.Spans()
	if err := a.AllFound(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(snap.Spans(), old) {
		t.Error("AllFound renumbered the spans of a snapshot")
	}
	if got := a.Span(0).ID; got != "f0001" {
		t.Errorf("the first span is %s, want f0001", got)
	}
}

// Findings that arrive with equal messages and proposal lists, each its
// own copy as a detector makes them, share one copy of each as spans;
// the list is clipped, so an append to one span's is no write to the
// others'.
func TestAddFoundSharesTables(t *testing.T) {
	doc, _ := foundFixture()
	a, err := NewAnnotation(doc, nil, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	finding := func(start int) Finding {
		ps := make([]Proposal, 1, 4)
		ps[0] = Proposal{Text: strings.Repeat("he", 1), Note: "type it"}
		return Finding{ID: fmt.Sprint(start), Start: start, End: start + 2, Category: Overwrite,
			Message: fmt.Sprintf("a %s is repeated", "word"), Proposals: ps}
	}
	if err := a.AddFound([]Finding{finding(43), finding(75)}, FromDetector); err != nil {
		t.Fatal(err)
	}
	if err := a.AddFound([]Finding{finding(5)}, FromDetector); err != nil {
		t.Fatal(err)
	}
	first := a.Span(0)
	for i := 1; i < a.Len(); i++ {
		s := a.Span(i)
		if unsafe.StringData(s.Message) != unsafe.StringData(first.Message) || &s.Proposals[0] != &first.Proposals[0] {
			t.Errorf("span %d holds its own message or proposals", i)
		}
	}
	if cap(first.Proposals) != len(first.Proposals) {
		t.Errorf("the shared proposals have room for %d, %d held", cap(first.Proposals), len(first.Proposals))
	}
}
