package ui

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

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

// topRunes is the first character on m's screen in code points, counted
// here rather than with the document's offset index; it fails the test
// where that is its byte offset too.
func topRunes(t *testing.T, m *Model) int {
	t.Helper()
	top := m.art.rows[m.art.top].start.src
	n := utf8.RuneCountInString(m.a.Doc.Text[:top])
	if n == top {
		t.Fatalf("the test did not scroll past a multi-byte character: top %d", top)
	}
	return n
}

// focusOn presses n until span id is focused.
func focusOn(t *testing.T, m *Model, id string) {
	t.Helper()
	for range m.a.Len() {
		if focused(m) == id {
			return
		}
		press(t, m, "n")
	}
	t.Fatalf("n never reached %s", id)
}

// pastQuotes opens the fixture in a temporary file at 80x24 on a copy of
// its document (whose offset index is built only when built is set), its
// focus on f0008: past the article's first curly quote, where the first
// character on screen has a byte offset other than its code point one.
func pastQuotes(t *testing.T, built bool) *Model {
	t.Helper()
	a := fixture(t)
	a.Doc = model.NewDocument(a.Doc.ID, a.Doc.Path, a.Doc.Text)
	if built {
		a.Doc.RuneCount()
	}
	m := New(a, openWorkfile(t, filepath.Join(t.TempDir(), "sample.corefix.json")), Options{Title: "sample"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	focusOn(t, m, "f0008")
	return m
}

// TestSavedPlaceInCodePoints: a decision's save writes the first character
// on screen in code points, as the file format says, though its key only
// knows the byte offset (the conversion waits for the save's Cmd, see
// spot), and the editor reopens there; the file is the same whether the
// document's offset index was built before the key or by the save.
func TestSavedPlaceInCodePoints(t *testing.T) {
	var files [2][]byte
	for i, built := range []bool{false, true} {
		m := pastQuotes(t, built)
		press(t, m, "r") // and on to f0010
		a := saved(t, m)
		if got, want := a.Place.Top, topRunes(t, m); got != want {
			t.Errorf("built %v: saved top %d, want %d (code points)", built, got, want)
		}
		m2 := New(a, displayOnly(m.target.Name()), Options{Resumed: true})
		m2.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if got, want := hereOf(m2), hereOf(m); got != want {
			t.Errorf("built %v: reopened at %+v, want %+v", built, got, want)
		}
		data, err := os.ReadFile(m.target.Name())
		if err != nil {
			t.Fatal(err)
		}
		files[i] = data
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Errorf("the saved file depends on when the offset index was built:\n%s\n%s", files[0], files[1])
	}
}

// TestEndSavesPlaceInCodePoints: the place saved once the program ended
// is in code points too, whether it ended well (the place where the
// editor is) or failed (the place of the last save, with its work).
func TestEndSavesPlaceInCodePoints(t *testing.T) {
	m := pastQuotes(t, false)
	m.Update(keyMsg("r")) // on to f0010; its save Cmd is dropped, finish saves it
	want := topRunes(t, m)
	press(t, m, "k", "k") // not saved
	if err := m.end(errors.New("killed")); err == nil {
		t.Fatal("a failed run ended without an error")
	}
	a := saved(t, m)
	if got := a.Place.Top; got != want {
		t.Errorf("failed run: saved top %d, want %d, the last save's", got, want)
	}
	if got := spanByID(t, a, "f0008").Status; got != model.Rejected {
		t.Errorf("failed run: f0008 %v, want its rejection saved", got)
	}

	m = pastQuotes(t, false)
	press(t, m, "n") // f0010
	if err := m.end(nil); err != nil {
		t.Fatal(err)
	}
	if got, want := saved(t, m).Place.Top, topRunes(t, m); got != want {
		t.Errorf("quit: saved top %d, want %d", got, want)
	}
}

// TestResumeDatasetPlaceInCodePoints: the dataset's position keeps the
// first character on screen in code points, written in the position's
// Cmd and once the program ended, and reopens there.
func TestResumeDatasetPlaceInCodePoints(t *testing.T) {
	path := writeDataset(t, t.TempDir(), 3)
	d := openDataset(t, path)
	m := resumeModel(t, d, 80, 24)
	top := func(when string) {
		t.Helper()
		p, _, err := d.store.LastPosition("test")
		if err != nil {
			t.Fatal(err)
		}
		if want := topRunes(t, m); p.Top != want {
			t.Errorf("%s: position top %d, want %d (code points)", when, p.Top, want)
		}
	}
	focusOn(t, m, "f0010")
	top("moved")
	press(t, m, "k") // scrolling alone is written at the end
	if err := m.end(nil); err != nil {
		t.Fatal(err)
	}
	top("ended")
	want := hereOf(m)
	d.review.Close() // the editor quits
	m = resumeModel(t, openDataset(t, path), 80, 24)
	if got := hereOf(m); got != want {
		t.Errorf("reopened at %+v, want %+v", got, want)
	}
}
