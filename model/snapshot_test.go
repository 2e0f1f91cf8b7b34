package model

import "testing"

func TestSnapshotIsIndependent(t *testing.T) {
	doc := NewDocument("d", "", "he he said")
	a, err := NewAnnotation(doc, []Finding{{Start: 3, End: 5, Category: Overwrite, Confidence: 0.9,
		Proposals: []Proposal{{Text: "told"}}}}, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	snap := a.Snapshot()
	if err := a.Accept(0, 0); err != nil {
		t.Fatal(err)
	}
	if got := snap.Span(0).Status; got != Pending {
		t.Errorf("snapshot span status = %s after the original changed, want pending", got)
	}
	if got, want := snap.CorrectedText(), "he he said"; got != want {
		t.Errorf("snapshot CorrectedText() = %q, want %q", got, want)
	}
	if snap.CanUndo() {
		t.Error("snapshot has history, want none")
	}
}
