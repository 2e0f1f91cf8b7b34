package ui

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
	"corefix/ui/varied"
)

// TestFirstFrameBeforeFindings opens an annotation without findings
// whose detection is held back: the first frame shows the article and
// says the spans are being found, scrolling works, deciding, marking and
// saving wait; once the findings arrive the first pending one is focused
// and decisions are saved.
func TestFirstFrameBeforeFindings(t *testing.T) {
	base := fixture(t)
	fs := make([]model.Finding, 0, base.Len())
	for _, s := range base.Spans() {
		fs = append(fs, s.Finding)
	}
	a, err := model.NewAnnotation(base.Doc, nil, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	detect := func() ([]model.Finding, error) {
		<-release
		return fs, nil
	}
	target := openWorkfile(t, filepath.Join(t.TempDir(), "sample.corefix.json"))
	m := New(a, target, Options{Title: "sample", Detect: detect, Origin: model.FromDetector})
	m.Update(tea.WindowSizeMsg{Width: 88, Height: 26})
	screen := m.View().Content
	if !strings.Contains(screen, "finding spans") || !strings.Contains(screen, "Trump") {
		t.Fatalf("first frame without the article or the detection's progress:\n%s", screen)
	}
	press(t, m, "j", "a", "m", "s")
	if m.a.Len() != 0 || m.art.top != 1 || !inMode[reviewMode](m) || m.version != 0 {
		t.Fatalf("before the findings: %d spans, top %d, mode %T, version %d; want none, scrolled, reviewing, nothing saved", m.a.Len(), m.art.top, m.mode, m.version)
	}
	cmd := m.detectGo()
	close(release)
	m.Update(cmd())
	if m.a.Len() != len(fs) || m.waiting() || m.focus < 0 {
		t.Fatalf("after the findings: %d spans (want %d), detecting %v, focus %d", m.a.Len(), len(fs), m.waiting(), m.focus)
	}
	id := m.a.Span(m.focus).ID
	press(t, m, "r")
	if got := spanByID(t, saved(t, m), id).Status; got != model.Rejected {
		t.Errorf("%s saved as %s after r, want rejected", id, got)
	}
}

// TestFirstFrameBeforeSavedAnnotation opens a saved annotation whose
// reading is held back: the first frame shows the article and says the
// decisions are being read, nothing can be decided or saved; once read,
// the editor goes where the annotation was left (its place and draft),
// and decisions are saved over the file.
func TestFirstFrameBeforeSavedAnnotation(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.corefix.json")
	saved := fixture(t)
	saved.Place = &model.Place{Focus: 3, Top: 0}
	if err := model.SaveAnnotation(path, saved); err != nil {
		t.Fatal(err)
	}
	target := openWorkfile(t, path)
	w := target.(fileTarget).Workfile
	release := make(chan struct{})
	load := func() (*model.Annotation, error) {
		<-release
		return w.Load()
	}
	bare, err := model.NewAnnotation(saved.Doc, nil, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	m := New(bare, target, Options{Title: "sample", Load: load})
	m.Update(tea.WindowSizeMsg{Width: 88, Height: 26})
	screen := m.View().Content
	if !strings.Contains(screen, "reading your decisions") || !strings.Contains(screen, "Trump") || strings.Contains(screen, "0/0 reviewed") {
		t.Fatalf("first frame without the article, or not saying the decisions are being read:\n%s", screen)
	}
	press(t, m, "a", "s")
	if m.a.Len() != 0 || m.version != 0 || !m.bar.isErr {
		t.Fatalf("before the annotation is read: %d spans, version %d, status %q; want none, nothing saved, s refused", m.a.Len(), m.version, m.bar.msg)
	}
	cmd := m.detectGo()
	close(release)
	m.Update(cmd())
	if m.waiting() || m.a.Len() != saved.Len() || focused(m) != saved.Span(3).ID {
		t.Fatalf("after reading: waiting %v, %d spans (want %d), focus %s (want %s, the saved place)", m.waiting(), m.a.Len(), saved.Len(), focused(m), saved.Span(3).ID)
	}
	id := focused(m)
	press(t, m, "r")
	b, err := model.ReadAnnotationFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := spanByID(t, b, id).Status; got != model.Rejected {
		t.Errorf("%s saved as %s after r, want rejected", id, got)
	}
}

// TestSavedAnnotationThatCannotBeRead: when the saved annotation cannot
// be read (here: damaged), the editor quits and Run's error is the
// loader's, and the file is left as it was.
func TestSavedAnnotationThatCannotBeRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.corefix.json")
	damaged := []byte(`{"schema":"corefix.annotation/v2","generation":1,"document":{`)
	if err := os.WriteFile(path, damaged, 0o644); err != nil {
		t.Fatal(err)
	}
	target := openWorkfile(t, path)
	w := target.(fileTarget).Workfile
	bare, err := model.NewAnnotation(fixture(t).Doc, nil, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	m := New(bare, target, Options{Title: "sample", Load: w.Load})
	m.Update(tea.WindowSizeMsg{Width: 88, Height: 26})
	var res result
	run(m, m.detectGo(), &res)
	if !res.quit {
		t.Error("the editor did not quit when the annotation could not be read")
	}
	_, cmd := m.Update(loadedMsg{err: errors.New("unused")}) // a second answer changes nothing
	if cmd != nil {
		t.Error("a second loadedMsg was acted on")
	}
	err = m.end(nil)
	if err == nil || !strings.Contains(err.Error(), "truncated JSON") {
		t.Errorf("the editor ended with %v; want the loader's error (truncated JSON)", err)
	}
	if got, _ := os.ReadFile(path); string(got) != string(damaged) {
		t.Errorf("the damaged file was written: %q", got)
	}
}

// TestFirstFrameWrapsTheHead: while the spans are awaited, the first
// frame wraps only the first screens of a long article; the rest comes
// wrapped from the background (the same rows as wrapping it whole), or
// at once when a key wants it first, and a late background result then
// changes nothing.
func TestFirstFrameWrapsTheHead(t *testing.T) {
	text := varied.Text(300 << 10)
	want := wrap(&stream{text: text}, 80)
	for _, keyFirst := range []bool{false, true} {
		a, err := model.NewAnnotation(model.NewDocument("varied", "varied.txt", text), nil, model.FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		never := make(chan struct{})
		defer close(never)
		m := New(a, displayOnly("varied.corefix.json"), Options{Detect: func() ([]model.Finding, error) { <-never; return nil, nil }})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		if !m.art.head || len(m.art.rows) != headScreens*m.lay.Article || !slices.Equal(m.art.rows, want[:len(m.art.rows)]) {
			t.Fatalf("first layout: head %v, %d rows (want the first %d of the whole %d)", m.art.head, len(m.art.rows), headScreens*m.lay.Article, len(want))
		}
		if !strings.Contains(m.View().Content, strings.Fields(text)[0]) {
			t.Fatalf("the first frame does not show the article:\n%s", m.View().Content)
		}
		wrapped := m.art.wrapCmd()()
		if keyFirst {
			press(t, m, "end")
			if m.art.head || m.art.top != len(want)-m.lay.Article {
				t.Fatalf("end before the background rows: head %v, top %d, want %d", m.art.head, m.art.top, len(want)-m.lay.Article)
			}
		}
		m.Update(wrapped)
		if m.art.head || !slices.Equal(m.art.rows, want) {
			t.Errorf("key first %v: head %v, %d rows; want the whole article's %d", keyFirst, m.art.head, len(m.art.rows), len(want))
		}
	}
}
