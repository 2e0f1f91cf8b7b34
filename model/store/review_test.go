package store

import (
	"errors"
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
	defer r.Close()
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

// twoDocs writes a two-document dataset and opens its database.
func twoDocs(t *testing.T) *Store {
	t.Helper()
	ds := filepath.Join(t.TempDir(), "news.jsonl")
	data := `{"id":"a","text":"They The Democrats the election ."}` + "\n" + `{"id":"b","text":"Sessions Sessions reporters ."}` + "\n"
	if err := os.WriteFile(ds, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(DefaultPath(ds), Options{Dataset: ds})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func firstWord(doc, _ *model.Document) ([]model.Finding, error) {
	return []model.Finding{{Start: 0, End: strings.Index(doc.Text, " "), Category: model.Overwrite, Confidence: 0.9,
		Proposals: []model.Proposal{{Text: "X"}}}}, nil
}

// Two editors on one database as the same annotator: the second is
// refused, naming the holder, unless it only looks; another annotator
// works alongside.
func TestSecondReviewAsTheSameAnnotatorIsRefused(t *testing.T) {
	s := twoDocs(t)
	r, err := NewReview(s, "alice", firstWord)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.SetPosition("b", model.Place{}); err != nil {
		t.Fatal(err)
	}
	_, err = NewReview(s, "alice", firstWord)
	var le *model.LockedError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), s.Path()) || !strings.Contains(le.Holder, "alice (pid ") {
		t.Fatalf("second review as alice: error %v, want one naming %s and alice's process", err, s.Path())
	}
	bob, err := NewReview(s, "bob", firstWord)
	if err != nil {
		t.Fatalf("bob alongside alice: %v", err)
	}
	bob.Close()

	look, err := ReadOnlyReview(s, "alice", firstWord)
	if err != nil {
		t.Fatalf("read-only review beside the holder: %v", err)
	}
	a, _, err := look.Load(0)
	if err != nil {
		t.Fatal(err)
	}
	a.Accept(0, 0)
	if err := look.Save(a); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("read-only Save: error %v, want a refusal", err)
	}
	if err := look.SetPosition("a", model.Place{}); err != nil {
		t.Fatal(err)
	}
	if doc, _, _, _ := look.Position(); doc != 1 {
		t.Errorf("after a read-only look the holder's position is document %d, want 1 (unmoved)", doc)
	}
	if _, ok, _ := s.LoadAnnotation("a", "alice"); ok {
		t.Error("a read-only review saved an annotation")
	}

	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	r2, err := NewReview(s, "alice", firstWord)
	if err != nil {
		t.Fatalf("review once the holder closed: %v", err)
	}
	r2.Close()
}

// A save never overwrites a row it did not see: a writer that ignores the
// lock (another machine on a shared disk, a script) saved in between, so
// the save is refused as a change on disk, and ForceSave overwrites once
// the user says so.
func TestReviewSaveNoticesAnotherWriter(t *testing.T) {
	s := twoDocs(t)
	r, err := NewReview(s, "alice", firstWord)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	mine, _, err := r.Load(0)
	if err != nil {
		t.Fatal(err)
	}
	theirs, _, _ := r.Load(0)
	theirs.Reject(0)
	if err := s.SaveAnnotation(theirs); err != nil { // no lock, no version: the other writer
		t.Fatal(err)
	}
	mine.Accept(0, 0)
	err = r.Save(mine)
	if !errors.Is(err, model.ErrChangedOnDisk) || !strings.Contains(err.Error(), s.Path()) {
		t.Fatalf("save over another writer's row: error %v, want ErrChangedOnDisk naming %s", err, s.Path())
	}
	if got, _, _ := s.LoadAnnotation("a", "alice"); got.Span(0).Status != model.Rejected {
		t.Errorf("the other writer's decision became %s", got.Span(0).Status)
	}
	if err := r.ForceSave(mine); err != nil {
		t.Fatal(err)
	}
	mine.Reset(0)
	if err := r.Save(mine); err != nil {
		t.Errorf("save after ForceSave: %v (the row is this review's own now)", err)
	}
}
