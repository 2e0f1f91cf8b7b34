package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/model"
)

// TestReview follows the editor over a two-document dataset, the second
// with an "original": detection only where nothing is saved, exact mode
// from the record, the documents done, and the position kept.
func TestReview(t *testing.T) {
	dir := t.TempDir()
	ds := filepath.Join(dir, "news.jsonl")
	data := `{"id":"a","text":"They The Democrats the election ."}` + "\n" +
		`{"id":"b","text":"Sessions Sessions reporters .","original":"Sessions told reporters ."}` + "\n"
	if err := os.WriteFile(ds, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(DefaultPath(ds), Options{Dataset: ds})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var detected []string // the documents detect ran on, with their original
	detect := func(doc, orig *model.Document) ([]model.Finding, error) {
		o := ""
		if orig != nil {
			o = orig.Text
		}
		detected = append(detected, doc.ID+"|"+o)
		i := strings.Index(doc.Text, " ")
		return []model.Finding{{Start: 0, End: i, Category: model.Overwrite, Confidence: 0.9}}, nil
	}
	r, err := NewReview(s, "alice", detect)
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != 2 || r.Name() != s.Path() {
		t.Errorf("Len %d, Name %s; want 2 and %s", r.Len(), r.Name(), s.Path())
	}
	if _, _, ok, err := r.Position(); ok || err != nil {
		t.Errorf("Position before any: ok %v, err %v; want none", ok, err)
	}

	b, resumed, err := r.Load(1)
	if err != nil || resumed {
		t.Fatalf("first Load(1): resumed %v, err %v", resumed, err)
	}
	if b.Original == nil || b.Original.Path != s.Dataset() || b.Span(0).Origin != model.FromAlignment {
		t.Errorf("b from a record with an original: Original %+v, origin %s; want the dataset and alignment", b.Original, b.Span(0).Origin)
	}
	if err := b.Reject(0); err != nil {
		t.Fatal(err)
	}
	if err := r.Save(b); err != nil {
		t.Fatal(err)
	}
	if err := r.SetPosition("b", model.Place{Focus: 0, Filter: "pending", Order: "confidence", Top: 9}); err != nil {
		t.Fatal(err)
	}
	b, resumed, err = r.Load(1)
	if err != nil || !resumed || b.Span(0).Status != model.Rejected {
		t.Errorf("Load(1) once saved: resumed %v, err %v; want the rejected span back", resumed, err)
	}
	if want := []string{"b|Sessions told reporters ."}; strings.Join(detected, ",") != strings.Join(want, ",") {
		t.Errorf("detect ran on %q, want %q (only before the save)", detected, want)
	}
	if n, err := r.Done(); n != 1 || err != nil {
		t.Errorf("Done = %d, %v; want 1", n, err)
	}
	if doc, place, ok, err := r.Position(); doc != 1 || place != (model.Place{Focus: 0, Filter: "pending", Order: "confidence", Top: 9}) || !ok || err != nil {
		t.Errorf("Position = %d, %+v, %v, %v; want document 1, span 0, the filter, order and top set", doc, place, ok, err)
	}
}
