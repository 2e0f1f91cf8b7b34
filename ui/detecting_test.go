package ui

import (
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
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
	if m.a.Len() != len(fs) || m.detecting() || m.focus < 0 {
		t.Fatalf("after the findings: %d spans (want %d), detecting %v, focus %d", m.a.Len(), len(fs), m.detecting(), m.focus)
	}
	id := m.a.Span(m.focus).ID
	press(t, m, "r")
	if got := spanByID(t, saved(t, m), id).Status; got != model.Rejected {
		t.Errorf("%s saved as %s after r, want rejected", id, got)
	}
}
