package ui

import (
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// here is where an editor is: document, focus, filter, order and the
// first character on screen.
type here struct {
	doc, focus, filter, order string
	top                       int
}

func hereOf(m *Model) here {
	return here{m.a.Doc.ID, focused(m), filters[m.filter].name, orders[m.order].name, m.art.rows[m.art.top].start.src}
}

// TestResumeSingleFile: quitting saves where the editor was, and the next
// editor on the file opens there: focus, filter, order and scroll, also at
// another terminal size (the same first character on screen).
func TestResumeSingleFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.corefix.json")
	m := New(fixture(t), openWorkfile(t, path), Options{Title: "sample"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	press(t, m, "f", "o", "n", "n", "j", "j", "j")
	want := hereOf(m)
	if want.filter != "pending" || want.order != "confidence" || want.top == 0 || want.focus == "f0004" {
		t.Fatalf("the test did not move: %+v", want)
	}
	if err := m.end(nil); err != nil { // as Run does when the program quits
		t.Fatal(err)
	}
	a, err := model.ReadAnnotationFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if a.Describe() != fixture(t).Describe() || !a.Updated.Equal(fixture(t).Updated) {
		t.Errorf("saving the place changed the decisions or their time: %s, updated %v", a.Describe(), a.Updated)
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		m2 := New(a.Snapshot(), displayOnly(path), Options{Resumed: true})
		m2.Update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		if got := hereOf(m2); got != want {
			t.Errorf("%dx%d: reopened at %+v, want %+v", size[0], size[1], got, want)
		}
	}
}

// TestResumeKeepsUnsavedDecisionsUnsaved: a user who quit without saving
// a decision does not get it saved along with the place.
func TestResumeKeepsUnsavedDecisionsUnsaved(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.corefix.json")
	m := New(fixture(t), openWorkfile(t, path), Options{Title: "sample"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(keyMsg("a")) // its save Cmd is dropped: the decision stays unsaved
	m.saving = false
	press(t, m, "j", "j")
	if err := m.end(nil); err != nil {
		t.Fatal(err)
	}
	if a, err := model.ReadAnnotationFile(path); err == nil {
		t.Errorf("the place was saved with the unsaved decision: %s", a.Describe())
	}
}

// TestResumeDataset: the dataset's position keeps the filter, the order
// and the scroll besides the document and the focus.
func TestResumeDataset(t *testing.T) {
	path := writeDataset(t, t.TempDir(), 3)
	d := openDataset(t, path)
	m := resumeModel(t, d, 80, 24)
	press(t, m, "]", "f", "o", "n", "j", "j")
	want := hereOf(m)
	if err := m.end(nil); err != nil {
		t.Fatal(err)
	}
	d.review.Close() // the editor quits
	m = resumeModel(t, openDataset(t, path), 80, 24)
	if got := hereOf(m); got != want {
		t.Errorf("reopened at %+v, want %+v", got, want)
	}
}
