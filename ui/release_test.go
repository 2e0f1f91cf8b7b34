package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// shortAndLong returns the fixture's findings and two articles they fit:
// the fixture's text, under releaseFrom, and that text repeated past it.
func shortAndLong(t *testing.T) ([]model.Finding, []string) {
	fx := fixture(t)
	var fs []model.Finding
	for _, s := range fx.Spans() {
		fs = append(fs, s.Finding)
	}
	long := strings.Repeat(fx.Doc.Text+"\n", releaseFrom/len(fx.Doc.Text)+1)
	return fs, []string{fx.Doc.Text, long}
}

// TestSpansGivenReleaseMemory: spans found before the editor shows them
// (replayed from clusters before the program started, or a dataset's
// document detected or aligned as it loads) leave that work's garbage,
// which a long article's editor hands back to the system as it does
// after finding or reading the spans itself (thenRelease); a short one's
// does not bother.
func TestSpansGivenReleaseMemory(t *testing.T) {
	fs, texts := shortAndLong(t)
	for _, text := range texts {
		a, err := model.NewAnnotation(model.NewDocument("news", "", text), fs, model.FromAlignment)
		if err != nil {
			t.Fatal(err)
		}
		m := New(a, displayOnly("news.corefix.json"), Options{Title: "news"})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if got, want := releases(m, m.detectGo()), len(text) > releaseFrom; got != want {
			t.Errorf("a %d-byte article with its spans: memory released %v, want %v", len(text), got, want)
		}
	}

	var b strings.Builder
	for i, text := range texts {
		line, err := json.Marshal(map[string]string{"id": fmt.Sprintf("d%d", i), "text": text})
		if err != nil {
			t.Fatal(err)
		}
		b.Write(append(line, '\n'))
	}
	path := filepath.Join(t.TempDir(), "news.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	m := resumeModel(t, openDataset(t, path), 80, 24)
	m.gotoDoc(1)
	if !releases(m, m.settle()) || m.a.Doc.ID != "d1" {
		t.Errorf("on the dataset's %d-byte document %s: memory not released, want released on d1", len(m.a.Doc.Text), m.a.Doc.ID)
	}
}

// TestWholeSaveReleasesMemory: a save that writes a long article's
// annotation file whole (the first, with no file yet) hands the memory
// its encoding took back to the system; one that appends a decision to
// the journal does not, nor a whole save of a short article.
func TestWholeSaveReleasesMemory(t *testing.T) {
	fs, texts := shortAndLong(t)
	for _, text := range texts {
		a, err := model.NewAnnotation(model.NewDocument("news", "", text), fs, model.FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "news.corefix.json")
		m := New(a, openWorkfile(t, path), Options{Title: "news"})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_, cmd := m.Update(keyMsg("s"))
		if got, want := releases(m, cmd), len(text) > releaseFrom; got != want {
			t.Errorf("a %d-byte article saved whole: memory released %v, want %v", len(text), got, want)
		}
		_, cmd = m.Update(keyMsg("r"))
		if releases(m, cmd) {
			t.Errorf("a %d-byte article: memory released after a decision appended to the journal", len(text))
		}
		if _, err := os.Stat(model.JournalPath(path)); err != nil || m.unsaved() {
			t.Errorf("a %d-byte article: the decision is not in the journal (%v; unsaved %v)", len(text), err, m.unsaved())
		}
	}
}

// releases runs cmd as the program would, feeding m the documents it
// loads and the ends of its saves, and reports whether it hands memory
// back (releaseMemory, which it does not run).
func releases(m *Model, cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	if reflect.ValueOf(cmd).Pointer() == reflect.ValueOf(releaseMemory).Pointer() {
		return true
	}
	var cmds []tea.Cmd
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		cmds = msg
	case docLoadedMsg, savedMsg:
		_, next := m.Update(msg)
		cmds = []tea.Cmd{next}
	default:
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.CanConvert(cmdsType) {
			cmds = v.Convert(cmdsType).Interface().([]tea.Cmd)
		}
	}
	found := false
	for _, c := range cmds {
		found = releases(m, c) || found
	}
	return found
}
