package model

import (
	"errors"
	"testing"
	"time"
)

// newTestAnnotation returns an annotation of "They The Democrats the election ."
// with one finding on "The Democrats" and a fixed clock.
func newTestAnnotation(t *testing.T) *Annotation {
	t.Helper()
	doc := NewDocument("t", "", "They The Democrats the election . It is he he .")
	fs := []Finding{
		{Start: 5, End: 18, Category: Overwrite, Confidence: 0.9,
			Proposals: []Proposal{{Text: "lost"}, {Text: Placeholder}}},
		{Start: 43, End: 45, Category: Overwrite, Confidence: 0.8,
			Proposals: []Proposal{{Text: "said"}}},
	}
	a, err := NewAnnotation(doc, fs, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	clock := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	a.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return a
}

func TestDecisionsAndCorrectedText(t *testing.T) {
	a := newTestAnnotation(t)
	if got := a.Span(0).ID; got != "f0001" {
		t.Errorf("first span id = %q, want f0001", got)
	}
	if err := a.Accept(0, 0); err != nil {
		t.Fatal(err)
	}
	if err := a.Edit(1, "said"); err != nil {
		t.Fatal(err)
	}
	want := "They lost the election . It is he said ."
	if got := a.CorrectedText(); got != want {
		t.Errorf("CorrectedText = %q, want %q", got, want)
	}
	if err := a.Reject(0); err != nil {
		t.Fatal(err)
	}
	want = "They The Democrats the election . It is he said ."
	if got := a.CorrectedText(); got != want {
		t.Errorf("after reject: CorrectedText = %q, want %q", got, want)
	}
	c := a.Counts()
	if c[Rejected] != 1 || c[Edited] != 1 || c[Pending] != 0 {
		t.Errorf("Counts = %v", c)
	}
	if err := a.Accept(0, 5); !errors.Is(err, ErrProposal) {
		t.Errorf("Accept of a missing proposal: err = %v, want ErrProposal", err)
	}
	if err := a.Reject(7); !errors.Is(err, ErrNoSpan) {
		t.Errorf("Reject(7): err = %v, want ErrNoSpan", err)
	}
}

func TestOverlappingFindingsRefused(t *testing.T) {
	doc := NewDocument("t", "", "abcdef")
	_, err := NewAnnotation(doc, []Finding{
		{Start: 0, End: 3, Category: Other}, {Start: 2, End: 4, Category: Other},
	}, FromDetector)
	if !errors.Is(err, ErrOverlap) {
		t.Errorf("err = %v, want ErrOverlap", err)
	}
}

func TestManualSpans(t *testing.T) {
	a := newTestAnnotation(t)
	for _, r := range [][2]int{{0, 6}, {17, 20}, {41, 44}, {3, 3}, {-1, 2}, {40, 999}} {
		if _, err := a.AddManual(r[0], r[1], Other); err == nil {
			t.Errorf("AddManual(%d,%d) overlapping/invalid: no error", r[0], r[1])
		}
	}
	i, err := a.AddManual(34, 36, Other) // "It"
	if err != nil {
		t.Fatal(err)
	}
	if i != 1 || a.Len() != 3 || a.Span(1).Origin != FromManual || a.Span(1).ID != "m001" {
		t.Fatalf("manual span at %d of %d: %+v", i, a.Len(), a.Span(1))
	}
	if a.Find(35) != 1 || a.Find(33) != -1 || a.Find(5) != 0 {
		t.Errorf("Find: %d %d %d", a.Find(35), a.Find(33), a.Find(5))
	}
	if err := a.Remove(0); !errors.Is(err, ErrNotManual) {
		t.Errorf("Remove detector span: err = %v", err)
	}
	if err := a.Remove(1); err != nil || a.Len() != 2 {
		t.Errorf("Remove manual: err %v, len %d", err, a.Len())
	}
}

func TestUndoRedo(t *testing.T) {
	a := newTestAnnotation(t)
	orig := a.CorrectedText()
	if _, err := a.Undo(); !errors.Is(err, ErrNothing) {
		t.Errorf("Undo on fresh: %v", err)
	}
	_ = a.Accept(0, 0)
	_ = a.Edit(1, "x")
	m, _ := a.AddManual(34, 36, Other)
	_ = a.Edit(m, "She")
	after := a.CorrectedText()
	steps := 0
	for a.CanUndo() {
		if _, err := a.Undo(); err != nil {
			t.Fatal(err)
		}
		steps++
	}
	if steps != 4 || a.CorrectedText() != orig || a.Len() != 2 {
		t.Fatalf("after %d undos: %q (len %d), want %q", steps, a.CorrectedText(), a.Len(), orig)
	}
	for _, s := range a.Spans() {
		if s.Status != Pending {
			t.Errorf("span %s status %s after undo, want pending", s.ID, s.Status)
		}
	}
	for a.CanRedo() {
		if _, err := a.Redo(); err != nil {
			t.Fatal(err)
		}
	}
	if got := a.CorrectedText(); got != after {
		t.Errorf("after redo: %q, want %q", got, after)
	}
	// A new change clears the redo list.
	_, _ = a.Undo()
	_ = a.Reject(0)
	if a.CanRedo() {
		t.Errorf("redo still available after a new change")
	}
	// Deciding the same thing again is not a change.
	n := len(a.undo)
	_ = a.Reject(0)
	if len(a.undo) != n {
		t.Errorf("no-op decision recorded in history")
	}
}
