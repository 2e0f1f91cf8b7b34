package ui

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
	"corefix/model/store"
)

func TestReadOnlyRefusesDecisions(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.corefix.json")
	openWorkfile(t, path) // another editor holds it
	ro, err := model.OpenWorkfileReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	m := New(fixture(t), fileTarget{ro}, Options{Title: "sample"})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if got := screen(m); !strings.Contains(got, "READ-ONLY") {
		t.Errorf("the header does not say READ-ONLY:\n%s", got)
	}
	for _, k := range []string{"a", "enter", "1", "r", "e", "x", "m", "u", "ctrl+r", "s", "S"} {
		m.bar.msg = ""
		press(t, m, k)
		if !inMode[reviewMode](m) || !m.bar.isErr || !strings.Contains(m.bar.msg, "read-only") {
			t.Errorf("%s: mode %T, status %q; want a refusal in the status line", k, m.mode, m.bar.msg)
		}
	}
	if got := m.a.Describe(); got != fixture(t).Describe() || m.version != 0 {
		t.Errorf("decisions were taken: %s", got)
	}
	press(t, m, "n", "j", "/", "w", "i", "t", "c", "h", "enter", "f")
	if focused(m) == "f0004" || m.bar.isErr {
		t.Errorf("moving and searching: focus %s, status %q; want them to work", focused(m), m.bar.msg)
	}
	lines := strings.Split(screen(m), "\n")
	if help := lines[len(lines)-1]; strings.Contains(help, "accept") || strings.Contains(help, "undo") {
		t.Errorf("the help offers decisions:\n%s", help)
	}
	if res := press(t, m, "q"); !res.quit {
		t.Error("q did not quit at once: nothing can be unsaved")
	}
	if err := m.finish(errors.New("tty gone")); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("finish of a failed read-only run = %v, want it to say nothing was lost", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a read-only editor wrote the annotation file")
	}
}

// A dataset opened --read-only beside the annotator's own editor: the
// decisions are refused, moving between documents works, and where the
// holder stopped is left alone.
func TestReadOnlyDataset(t *testing.T) {
	path := writeDataset(t, t.TempDir(), 3)
	holder := openDataset(t, path) // the annotator's editor
	if err := holder.SetPosition("d2", model.Place{}); err != nil {
		t.Fatal(err)
	}
	look, err := store.ReadOnlyReview(holder.store, "test", fixtureDetect(t))
	if err != nil {
		t.Fatal(err)
	}
	d := &testDataset{dataset: &dataset{Documents: look}, store: holder.store, review: look}
	m := resumeModel(t, d, 80, 24)
	if got := screen(m); !strings.Contains(got, "READ-ONLY") || m.a.Doc.ID != "d2" {
		t.Fatalf("read-only dataset opens at %s, screen:\n%s\nwant d2 (the holder's place) and READ-ONLY", m.a.Doc.ID, got)
	}
	press(t, m, "r")
	if !m.bar.isErr || !strings.Contains(m.bar.msg, "read-only") || m.version != 0 {
		t.Errorf("r in a read-only dataset: status %q, version %d; want a refusal", m.bar.msg, m.version)
	}
	_, load := m.Update(keyMsg("["))
	run(m, load, &result{})
	if m.a.Doc.ID != "d1" {
		t.Errorf("[ in a read-only dataset went to %s, want d1", m.a.Doc.ID)
	}
	if err := m.keepPosition(nil); err != nil {
		t.Fatal(err)
	}
	if pos, _, _ := holder.store.LastPosition("test"); pos.DocID != "d2" {
		t.Errorf("a read-only look moved the holder's position to %s", pos.DocID)
	}
}
