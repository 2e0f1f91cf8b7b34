package ui

import (
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
	"github.com/charmbracelet/x/vt"

	"corefix/model"
)

// vtScreen replays the program's output into a virtual terminal, because
// the output is a stream of cell diffs that only makes sense applied to a
// screen: after the first frame, only the cells that changed are written,
// so a text on screen need not appear whole in the bytes.
type vtScreen struct {
	emu *vt.Emulator
	r   io.Reader
}

// startProgram runs m in a w×h test terminal with deterministic output
// (no colour, a fixed environment) and a screen that replays it.
func startProgram(t *testing.T, m tea.Model, w, h int) (*teatest.TestModel, *vtScreen) {
	tm := teatest.NewTestModel(t, m,
		teatest.WithInitialTermSize(w, h),
		teatest.WithProgramOptions(
			tea.WithColorProfile(colorprofile.ASCII),
			tea.WithEnvironment([]string{"TERM=xterm-256color", "TERM_PROGRAM=teatest"}),
		),
	)
	return tm, newVTScreen(tm, w, h)
}

func newVTScreen(tm *teatest.TestModel, w, h int) *vtScreen {
	emu := vt.NewEmulator(w, h)
	// Without a TTY the renderer writes bare "\n"; LNM makes it CR+LF.
	_, _ = emu.Write([]byte(ansi.SetModeLineFeedNewLine))
	go func() { _, _ = io.Copy(io.Discard, emu) }() // drain replies to queries
	return &vtScreen{emu: emu, r: io.TeeReader(tm.Output(), emu)}
}

// waitFor blocks until the screen shows want. The limit only ends a
// test that would hang; it is generous for loaded machines under -race.
func (s *vtScreen) waitFor(t *testing.T, want string) {
	t.Helper()
	teatest.WaitFor(t, s.r, func([]byte) bool { return strings.Contains(s.emu.String(), want) },
		teatest.WithDuration(20*time.Second))
}

// TestEndToEnd drives the real program: open, next, accept, edit, save,
// quit, then reads the saved file.
func TestEndToEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sample.corefix.json")
	m := New(fixture(t), openWorkfile(t, path), Options{Title: "sample"})
	tm, s := startProgram(t, m, 80, 24)
	s.waitFor(t, "4/10 f0004")
	tm.Type("n")
	s.waitFor(t, "5/10 f0005")
	tm.Type("a")
	s.waitFor(t, "f0005 accepted")
	tm.Type("e")
	s.waitFor(t, "fix> is")
	tm.Type(" truly")
	s.waitFor(t, "fix> is truly")
	// The real terminal cursor sits after the text, on the status row
	// (2 header + 15 article + 1 strip + 4 detail rows above it).
	teatest.WaitFor(t, s.r, func([]byte) bool {
		p := s.emu.CursorPosition()
		return p.X == len("fix> is truly") && p.Y == 22
	}, teatest.WithDuration(5*time.Second))
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	s.waitFor(t, "f0006 edited")
	tm.Type("s")
	s.waitFor(t, "saved to")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))

	a, err := model.ReadAnnotationFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if s := spanByID(t, a, "f0005"); s.Status != model.Accepted || s.Replacement != "lost" {
		t.Errorf("saved f0005 = %s %q, want accepted \"lost\"", s.Status, s.Replacement)
	}
	if s := spanByID(t, a, "f0006"); s.Status != model.Edited || s.Replacement != "is truly" {
		t.Errorf("saved f0006 = %s %q, want edited \"is truly\"", s.Status, s.Replacement)
	}
	for _, want := range []string{"They lost the election", "It is truly a total witch hunt"} {
		if !strings.Contains(a.CorrectedText(), want) {
			t.Errorf("corrected text lacks %q", want)
		}
	}
}

// TestDatasetEndToEnd drives the real program over a dataset in a
// database: open, decide, next document, decide, quit; then reopens it and
// finds the same document, span and decisions.
func TestDatasetEndToEnd(t *testing.T) {
	path := writeDataset(t, t.TempDir(), 3)
	var d *testDataset
	open := func() (*Model, *teatest.TestModel, *vtScreen) {
		d = openDataset(t, path)
		doc, pos, err := d.resume()
		if err != nil {
			t.Fatal(err)
		}
		m := newDatasetModel(d.dataset, doc, pos, Options{})
		tm, s := startProgram(t, m, 120, 30)
		t.Cleanup(func() {
			if t.Failed() {
				t.Logf("the screen:\n%s", s.emu.String())
			}
		})
		return m, tm, s
	}
	m, tm, s := open()
	s.waitFor(t, "doc 1/3")
	tm.Type("a")
	s.waitFor(t, "f0001 accepted")
	tm.Type("]")
	s.waitFor(t, "doc 2/3")
	tm.Type("r")
	s.waitFor(t, "f0001 rejected")
	tm.Type("n")
	s.waitFor(t, "3/10 f0003")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
	if err := m.end(nil); err != nil {
		t.Fatal(err)
	}
	d.review.Close() // as cmd/corefix does once the editor ended

	m, tm, s = open()
	s.waitFor(t, "resumed at document 2/3 d1")
	s.waitFor(t, "3/10 f0003")
	if got := spanByID(t, m.a, "f0001").Status; got != model.Rejected {
		t.Errorf("reopened d1 f0001 is %s, want rejected", got)
	}
	tm.Type("[")
	s.waitFor(t, "doc 1/3")
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(20*time.Second))
	if got := spanByID(t, m.a, "f0001").Status; got != model.Accepted {
		t.Errorf("reopened d0 f0001 is %s, want accepted", got)
	}
}
