package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
	"corefix/model/store"
)

// writeDataset writes a JSON Lines dataset of n documents to dir: the
// fixture's article, the same with a sentence added, and a clean article,
// in turn, with ids d0, d1, ...
func writeDataset(t testing.TB, dir string, n int) string {
	t.Helper()
	text := fixture(t).Doc.Text
	var b strings.Builder
	for i := range n {
		rec := map[string]string{"id": fmt.Sprintf("d%d", i), "text": text}
		switch i % 3 {
		case 1:
			rec["text"] = text + " One more sentence."
		case 2:
			rec["text"] = "A clean article."
		}
		line, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		b.Write(line)
		b.WriteByte('\n')
	}
	path := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// fixtureDetect finds the fixture's spans in every text that starts with
// the fixture's article, and nothing elsewhere.
func fixtureDetect(t testing.TB) store.Detect {
	fx := fixture(t)
	return func(doc, _ *model.Document) ([]model.Finding, error) {
		if !strings.HasPrefix(doc.Text, fx.Doc.Text) {
			return nil, nil
		}
		var fs []model.Finding
		for _, s := range fx.Spans() {
			fs = append(fs, s.Finding)
		}
		return fs, nil
	}
}

// testDataset is a dataset under review in a real database, which the
// tests also read (and break) behind the editor's back.
type testDataset struct {
	*dataset
	store  *store.Store
	review *store.Review
}

// openDataset opens the review database of the dataset at path as
// annotator "test", detecting with detect, as cmd/corefix does.
func openDatasetWith(t testing.TB, path string, detect store.Detect) *testDataset {
	t.Helper()
	s, err := store.Open(store.DefaultPath(path), store.Options{Dataset: path})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	r, err := store.NewReview(s, "test", detect)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return &testDataset{dataset: &dataset{Documents: r}, store: s, review: r}
}

// openDataset opens the dataset at path with the fixture's findings.
func openDataset(t testing.TB, path string) *testDataset {
	return openDatasetWith(t, path, fixtureDetect(t))
}

// resumeModel opens the editor on d where the annotator stopped, at w×h.
func resumeModel(t testing.TB, d *testDataset, w, h int) *Model {
	t.Helper()
	doc, pos, err := d.resume()
	if err != nil {
		t.Fatal(err)
	}
	m := newDatasetModel(d.dataset, doc, pos, Options{})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// docAt reports the document on screen and the focused span's id.
func docAt(m *Model) string { return fmt.Sprintf("%s/%s", m.a.Doc.ID, focused(m)) }

func TestDatasetNextPrevDocument(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	m := resumeModel(t, d, 80, 24)
	if got := docAt(m); got != "d0/f0001" {
		t.Fatalf("first open at %s, want d0/f0001 (the first document, its first span)", got)
	}
	tests := []struct {
		keys []string
		want string
	}{
		{[]string{"]"}, "d1/f0001"},
		{[]string{"]"}, "d2/"}, // no findings
		{[]string{"]"}, "d2/"}, // the last one
		{[]string{"[", "["}, "d0/f0001"},
		{[]string{"["}, "d0/f0001"},
		{[]string{"]", "]", "["}, "d1/f0001"}, // keys ahead of the loading
	}
	for _, tt := range tests {
		press(t, m, tt.keys...)
		if got := docAt(m); got != tt.want {
			t.Errorf("after %v at %s, want %s", tt.keys, got, tt.want)
		}
	}
	if !strings.Contains(screen(m), "doc 2/3") {
		t.Errorf("the header does not say doc 2/3:\n%s", screen(m))
	}
}

func TestDatasetKeysOnlyInDatasetMode(t *testing.T) {
	m := newTestModel(t, 80, 24)
	for _, k := range []string{"]", "["} {
		press(t, m, k)
		if m.keys.NextDoc.Enabled() || m.keys.PrevDoc.Enabled() || !strings.Contains(m.bar.msg, k+": moves between the documents of a dataset; this is a single file") {
			t.Errorf("%s in a single file: offered, or the status %q does not say why it does nothing", k, m.bar.msg)
		}
	}
	d := openDataset(t, writeDataset(t, t.TempDir(), 2))
	m = resumeModel(t, d, 80, 24)
	if !m.keys.NextDoc.Enabled() || m.keys.PrevDoc.Enabled() {
		t.Error("on the first of two documents, want ] and not [")
	}
	press(t, m, "]")
	if m.keys.NextDoc.Enabled() || !m.keys.PrevDoc.Enabled() {
		t.Error("on the last of two documents, want [ and not ]")
	}
	if press(t, m, "]"); !strings.Contains(m.bar.msg, "this is the last document (2 of 2)") {
		t.Errorf("] on the last document: status %q", m.bar.msg)
	}
}

func TestDatasetResumesWhereTheAnnotatorStopped(t *testing.T) {
	path := writeDataset(t, t.TempDir(), 3)
	d := openDataset(t, path)
	m := resumeModel(t, d, 80, 24)
	if !strings.HasPrefix(m.bar.msg, "document 1/3 d0") {
		t.Errorf("first open says %q, want document 1/3 d0", m.bar.msg)
	}
	press(t, m, "]", "a", "n", "n")
	want := docAt(m)
	if err := m.keepPosition(nil); err != nil { // as Run does at quit
		t.Fatal(err)
	}
	d.review.Close() // the editor quits
	m = resumeModel(t, openDataset(t, path), 80, 24)
	if got := docAt(m); got != want || !strings.HasPrefix(m.bar.msg, "resumed at document 2/3 d1") {
		t.Errorf("reopened at %s saying %q, want %s and resumed at document 2/3 d1", got, m.bar.msg, want)
	}
	if got := spanByID(t, m.a, "f0001").Status; got != model.Accepted {
		t.Errorf("reopened f0001 is %s, want accepted", got)
	}
}

func TestDatasetMovesOnlyOnceSaved(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	m := resumeModel(t, d, 80, 24)
	_, save := m.Update(keyMsg("a")) // the save (and a position write) is running
	var res result
	_, cmd := m.Update(keyMsg("]"))
	run(m, cmd, &res)
	if m.a.Doc.ID != "d0" {
		t.Fatalf("] left d0 while its decision was being saved")
	}
	run(m, save, &res)
	if m.a.Doc.ID != "d1" {
		t.Errorf("once saved, ] did not move on: at %s", m.a.Doc.ID)
	}
	a, ok, err := d.store.LoadAnnotation("d0", "test")
	if err != nil || !ok || a.Span(0).Status != model.Accepted {
		t.Errorf("d0 in the database: ok %v, err %v; want f0001 accepted", ok, err)
	}
}

func TestDatasetProgress(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	m := resumeModel(t, d, 120, 40)
	if got := screen(m); !strings.Contains(got, "doc 1/3 · 0 done") || !strings.Contains(got, "0/10 reviewed") {
		t.Errorf("at first the header does not say doc 1/3 · 0 done, 0/10 reviewed:\n%s", got)
	}
	press(t, m, strings.Split(strings.Repeat("r", 10), "")...) // every span
	if got := screen(m); !strings.Contains(got, "doc 1/3 · 1 done") {
		t.Errorf("with d0 done the header does not say 1 done:\n%s", got)
	}
	press(t, m, "]", "]", "s", "[")
	if got := screen(m); !strings.Contains(got, "doc 2/3 · 2 done") {
		t.Errorf("with d0 and d2 (no findings, saved) done the header does not say 2 done:\n%s", got)
	}
	press(t, m, "[", "x")
	if got := screen(m); !strings.Contains(got, "doc 1/3 · 1 done") {
		t.Errorf("with d0 reopened to pending the header does not say 1 done:\n%s", got)
	}
}

func TestDatasetHeaderFits(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	for _, size := range [][2]int{{40, 12}, {80, 24}, {120, 40}} {
		m := resumeModel(t, d, size[0], size[1])
		first, _, _ := strings.Cut(screen(m), "\n")
		if !strings.Contains(first, "doc 1/3 · 0 done") || !strings.Contains(first, "0/10 reviewed") {
			t.Errorf("at %v the header lacks the dataset or the document progress: %q", size, first)
		}
		if bars := strings.Count(first, "░") > 0; bars != (size[0] >= 100) {
			t.Errorf("at %v the header has bars %v: %q", size, bars, first)
		}
	}
}

func TestDatasetStaysWhileNotSaved(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	m := resumeModel(t, d, 80, 24)
	d.store.Close() // every save fails from now on
	press(t, m, "a", "]")
	if m.a.Doc.ID != "d0" || !m.bar.isErr || !strings.Contains(m.bar.msg, "stays open until it is saved") {
		t.Errorf("] with a failed save: at %s, status %q; want to stay on d0 with the error", m.a.Doc.ID, m.bar.msg)
	}
	if got := spanByID(t, m.a, "f0001").Status; got != model.Accepted || !m.unsaved() {
		t.Errorf("the unsaved decision is %s (unsaved %v), want it kept", got, m.unsaved())
	}
}

func TestDatasetKeysTypedWhileMovingGoToTheNextDocument(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	m := resumeModel(t, d, 80, 24)
	_, load := m.Update(keyMsg("]"))
	var res result
	for _, k := range []string{"r", "]", "r"} { // typed before d1 arrives
		_, cmd := m.Update(keyMsg(k))
		run(m, cmd, &res)
	}
	if m.a.Doc.ID != "d0" || m.a.Span(0).Status != model.Pending {
		t.Fatalf("keys typed while moving acted on d0")
	}
	run(m, load, &res)
	if m.a.Doc.ID != "d2" {
		t.Errorf("after ] r ] r at %s, want d2", m.a.Doc.ID)
	}
	d1, ok, err := d.store.LoadAnnotation("d1", "test")
	if err != nil || !ok || d1.Span(0).Status != model.Rejected {
		t.Errorf("d1 in the database: ok %v, err %v; want f0001 rejected", ok, err)
	}
	if _, ok, _ := d.store.LoadAnnotation("d0", "test"); ok {
		t.Error("d0 was saved, though nothing was decided there")
	}
}

func TestDatasetCtrlCWhileMoving(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	m := resumeModel(t, d, 80, 24)
	_, load := m.Update(keyMsg("]"))
	if res := press(t, m, "ctrl+c"); !res.quit {
		t.Error("ctrl+c while moving did not quit")
	}
	run(m, load, &result{})
}

func TestDatasetLoadErrorStays(t *testing.T) {
	path := writeDataset(t, t.TempDir(), 3)
	m := resumeModel(t, openDataset(t, path), 80, 24)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Another program rewrites the dataset under the editor.
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), `"d1"`, `"x1"`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, load := m.Update(keyMsg("]"))
	m.Update(keyMsg("r")) // typed for d1, before it fails to load
	run(m, load, &result{})
	if m.a.Doc.ID != "d0" || m.moving() || !m.bar.isErr || !strings.Contains(m.bar.msg, "changed") {
		t.Errorf("] to a changed record: at %s (moving %v), status %q; want to stay on d0 with the error", m.a.Doc.ID, m.moving(), m.bar.msg)
	}
	if got := m.a.Span(0).Status; got != model.Pending {
		t.Errorf("r typed for the document that failed to load acted on d0: f0001 %s", got)
	}
}

func TestDatasetEndAfterAFailure(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	m := resumeModel(t, d, 80, 24)
	press(t, m, "n")
	m.Update(keyMsg("a")) // the save Cmd is dropped: unsaved
	m.saving = false
	err := m.end(tea.ErrProgramPanic)
	if err == nil || !strings.Contains(err.Error(), "saved in "+d.Name()) {
		t.Errorf("end after a panic = %v, want the work saved in %s", err, d.Name())
	}
	if a, ok, _ := d.store.LoadAnnotation("d0", "test"); !ok || a.Span(1).Status != model.Accepted {
		t.Error("the decision made before the panic is not in the database")
	}
	if pos, ok, _ := d.store.LastPosition("test"); !ok || pos.DocID != "d0" || pos.Span != m.focus {
		t.Errorf("position %+v, want d0 span %d", pos, m.focus)
	}

	d.store.Close() // now the database cannot be written either
	m.Update(keyMsg("a"))
	m.saving = false
	err = m.end(tea.ErrProgramPanic)
	rescue := d.RescuePath(m.a)
	if err == nil || !strings.Contains(err.Error(), rescue) {
		t.Fatalf("end with the database gone = %v, want the work in %s", err, rescue)
	}
	if a, err := model.ReadAnnotationFile(rescue); err != nil || a.Span(2).Status != model.Accepted {
		t.Errorf("rescue file: %v", err)
	}
}

// TestDatasetKeysAheadSayWhy: a key typed while moving acts on the
// document it was typed for as if pressed there: r on a document without
// findings says why it cannot act.
func TestDatasetKeysAheadSayWhy(t *testing.T) {
	d := openDataset(t, writeDataset(t, t.TempDir(), 3))
	m := resumeModel(t, d, 80, 24)
	press(t, m, "]")
	if focused(m) == "" {
		t.Fatalf("d1 opened without a focus (%s): the test needs one to leave", docAt(m))
	}
	_, cmd := m.Update(keyMsg("]")) // to d2, a clean article
	m.Update(keyMsg("r"))
	run(m, cmd, &result{})
	if docAt(m) != "d2/" || !m.bar.isErr || !strings.HasPrefix(m.bar.msg, "r: ") {
		t.Errorf("r typed while moving to %s: status %q, want why it cannot act", docAt(m), m.bar.msg)
	}
}
