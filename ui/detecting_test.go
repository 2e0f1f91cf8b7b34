package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
	"corefix/ui/varied"
)

// regionsOf is a Detection of the findings fs, cut into regions that
// start at the byte offsets cuts (the first 0) and end at the text's
// end: what cmd/corefix wires in, without the detectors, which the
// editor cannot import. Its findings come with IDs of their own (p1…),
// in the order found; hold, when set, holds Prepare back until closed;
// refuse, when set, is Prepare's error.
type regionsOf struct {
	fs     []model.Finding
	cuts   []int
	hold   chan struct{}
	refuse error
	asked  []int // the regions, in the order Find was asked for them
	ids    int
}

func (r *regionsOf) Prepare() (int, error) {
	if r.hold != nil {
		<-r.hold
	}
	return len(r.cuts) - 1, r.refuse
}

func (r *regionsOf) Preparing() string { return "recurring phrases (2/11)" }

func (r *regionsOf) Bounds(k int) (int, int) { return r.cuts[k], r.cuts[k+1] }

func (r *regionsOf) Find(k int) ([]model.Finding, error) {
	r.asked = append(r.asked, k)
	var out []model.Finding
	for _, f := range r.fs {
		if f.Start >= r.cuts[k] && f.Start < r.cuts[k+1] {
			r.ids++
			f.ID = fmt.Sprintf("p%d", r.ids)
			out = append(out, f)
		}
	}
	return out, nil
}

// detectionStep runs cmd and hands m the detection's message in it (the
// end of the pass, or a region's findings), returning what m asks next;
// nil when cmd holds none.
func detectionStep(m *Model, cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		for _, c := range msg {
			if next := detectionStep(m, c); next != nil {
				return next
			}
		}
	case preparedMsg, regionMsg:
		_, next := m.Update(msg)
		if next == nil {
			return func() tea.Msg { return nil }
		}
		return next
	}
	return nil
}

// TestFindingsRegionByRegion opens an annotation without findings whose
// detection is held back: the first frame shows the article and says
// the spans are being found; scrolling works, deciding, marking and
// saving wait. The regions then come one at a time, the one on screen
// first, with the header counting them; the findings already there can
// be walked and decided, the focus stays on its span as others arrive,
// s says why it does not save yet. Once the last region is in, the spans
// are the detector's with their IDs in text order, the decisions made
// meanwhile are on them, and saved.
func TestFindingsRegionByRegion(t *testing.T) {
	base := fixture(t)
	fs := make([]model.Finding, 0, base.Len())
	for _, s := range base.Spans() {
		fs = append(fs, s.Finding)
	}
	if len(fs) < 6 {
		t.Fatalf("the fixture has %d findings, too few to cut", len(fs))
	}
	a, err := model.NewAnnotation(base.Doc, nil, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	det := &regionsOf{fs: fs, cuts: []int{0, fs[len(fs)/3].Start, fs[2*len(fs)/3].Start, len(a.Doc.Text)}, hold: make(chan struct{})}
	target := openWorkfile(t, filepath.Join(t.TempDir(), "sample.corefix.json"))
	m := New(a, target, Options{Title: "sample", Detect: det, Origin: model.FromDetector})
	m.Update(tea.WindowSizeMsg{Width: 88, Height: 26})
	screen := m.View().Content
	if !strings.Contains(screen, "finding spans: whole text, recurring phrases (2/11)") || !strings.Contains(screen, "Trump") {
		t.Fatalf("first frame without the article or the detection's progress:\n%s", screen)
	}
	press(t, m, "a", "m", "s")
	if m.a.Len() != 0 || !inMode[reviewMode](m) || m.version != 0 {
		t.Fatalf("before the findings: %d spans, mode %T, version %d; want none, reviewing, nothing saved", m.a.Len(), m.mode, m.version)
	}
	// Scrolled to the middle region, which comes first.
	m.art.Whole()
	row, _ := m.art.rowsOf(det.cuts[1], det.cuts[1]+1)
	m.art.Scroll(row + 1 - m.art.top) // the cut's row is the middle region's from the next one
	cmd := m.detectGo()
	close(det.hold)
	cmd = detectionStep(m, cmd) // the pass: the first region asked
	cmd = detectionStep(m, cmd) // the first region's findings
	if !slices.Equal(det.asked, []int{1}) || m.a.Len() == 0 || m.focus < 0 {
		t.Fatalf("after the first region: regions asked %v (want [1], the one on screen), %d spans, focus %d", det.asked, m.a.Len(), m.focus)
	}
	if screen := m.View().Content; !strings.Contains(screen, "(1/3 regions)") || !strings.Contains(screen, fmt.Sprintf("%d found", m.a.Len())) {
		t.Fatalf("the header does not count the regions and the findings:\n%s", screen)
	}
	first := m.a.Span(m.focus)
	press(t, m, "r")
	if got := m.a.Span(m.a.Find(first.Start)); got.Start != first.Start || got.Status != model.Rejected {
		t.Fatalf("r on %s during detection: %+v", first.ID, got)
	}
	after := m.a.Span(m.focus)
	press(t, m, "n")
	next := m.a.Span(m.focus)
	if next.Start == after.Start {
		t.Fatalf("n stayed on %s among %d findings", after.ID, m.a.Len())
	}
	res := press(t, m, "s")
	if res.quit || !m.bar.isErr || !strings.Contains(m.bar.msg, "every region") || m.savedVersion != 0 {
		t.Fatalf("s during detection: status %q, saved version %d; want a refusal saying why", m.bar.msg, m.savedVersion)
	}
	for cmd != nil && m.detect != nil {
		cmd = detectionStep(m, cmd)
		if got := m.a.Span(m.focus); got.Start != next.Start {
			t.Fatalf("the focus moved from %d to %d as a region came", next.Start, got.Start)
		}
	}
	if m.detect != nil || !slices.Equal(det.asked, []int{1, 2, 0}) {
		t.Fatalf("detecting %v, regions asked %v; want done, [1 2 0] (the screen's, then on, then from the start)", m.detect != nil, det.asked)
	}
	got := m.a.Spans()
	if len(got) != len(fs) {
		t.Fatalf("%d spans, want %d", len(got), len(fs))
	}
	for i, s := range got {
		if s.Finding.ID != fs[i].ID || s.Start != fs[i].Start || s.End != fs[i].End {
			t.Errorf("span %d: %s [%d, %d), want %s [%d, %d)", i, s.ID, s.Start, s.End, fs[i].ID, fs[i].Start, fs[i].End)
		}
	}
	run(m, cmd, &result{})
	id := m.a.Span(m.a.Find(first.Start)).ID
	if got := spanByID(t, saved(t, m), id).Status; got != model.Rejected {
		t.Errorf("%s, rejected during detection, saved as %s", id, got)
	}
}

// TestDetectionRefusesTheText: a detection whose pass refuses the text
// (exact mode given another article as the original) ends the editor with
// its error, and nothing is written, not even by q typed meanwhile.
func TestDetectionRefusesTheText(t *testing.T) {
	base := fixture(t)
	a, err := model.NewAnnotation(base.Doc, nil, model.FromAlignment)
	if err != nil {
		t.Fatal(err)
	}
	refusal := errors.New("other.txt does not look like the original of sample.txt")
	det := &regionsOf{cuts: []int{0, len(a.Doc.Text)}, refuse: refusal}
	path := filepath.Join(t.TempDir(), "sample.corefix.json")
	m := New(a, openWorkfile(t, path), Options{Title: "sample", Detect: det, Origin: model.FromAlignment})
	m.Update(tea.WindowSizeMsg{Width: 88, Height: 26})
	next := detectionStep(m, m.detectGo())
	if next == nil {
		t.Fatal("the refused pass asked for nothing")
	}
	if _, ok := next().(tea.QuitMsg); !ok {
		t.Fatalf("the refused pass did not end the editor; status %q", m.bar.msg)
	}
	press(t, m, "q")
	if err := m.end(nil); !errors.Is(err, refusal) {
		t.Errorf("the editor ended with %v, want %v", err, refusal)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("%s after a refused text: %v; want none written", path, err)
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
		m := New(a, displayOnly("varied.corefix.json"), Options{Detect: &regionsOf{hold: never, cuts: []int{0, len(text)}}})
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

// TestStoppedWhileFinding: the editor stops (a signal, a panic) with a
// decision made while the regions were being found. The rest are found
// then and there, and the file holds every finding with the decision;
// stopped before any decision, it writes nothing.
func TestStoppedWhileFinding(t *testing.T) {
	base := fixture(t)
	fs := make([]model.Finding, 0, base.Len())
	for _, s := range base.Spans() {
		fs = append(fs, s.Finding)
	}
	for _, decide := range []bool{false, true} {
		a, err := model.NewAnnotation(base.Doc, nil, model.FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		det := &regionsOf{fs: fs, cuts: []int{0, fs[len(fs)/2].Start, len(a.Doc.Text)}}
		path := filepath.Join(t.TempDir(), "sample.corefix.json")
		m := New(a, openWorkfile(t, path), Options{Title: "sample", Detect: det, Origin: model.FromDetector})
		m.Update(tea.WindowSizeMsg{Width: 88, Height: 26})
		cmd := detectionStep(m, m.detectGo()) // the pass
		detectionStep(m, cmd)                 // the first region
		if m.focus < 0 {
			t.Fatal("no finding focused after the first region")
		}
		at := m.a.Span(m.focus).Start
		if decide {
			press(t, m, "r")
		}
		err = m.finish(errors.New("hangup"))
		if !decide {
			if _, serr := os.Stat(path); err == nil || !strings.Contains(err.Error(), "nothing is lost") || serr == nil {
				t.Errorf("stopped before deciding: %v, file written %v; want nothing lost and no file", err, serr == nil)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), "your work is saved") {
			t.Fatalf("stopped after a decision: %v", err)
		}
		b, err := model.ReadAnnotationFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if b.Len() != len(fs) || b.Span(b.Find(at)).Status != model.Rejected {
			t.Errorf("saved %d spans (want %d), the one rejected %s", b.Len(), len(fs), b.Span(b.Find(at)).Status)
		}
		for i, s := range b.Spans() {
			if s.ID != fs[i].ID {
				t.Errorf("span %d saved as %s, want %s", i, s.ID, fs[i].ID)
			}
		}
	}
}

// TestQuitWhileFinding: q with a decision made while the regions are
// found asks as usual; y then waits for the last region, saves and
// quits.
func TestQuitWhileFinding(t *testing.T) {
	base := fixture(t)
	fs := make([]model.Finding, 0, base.Len())
	for _, s := range base.Spans() {
		fs = append(fs, s.Finding)
	}
	a, err := model.NewAnnotation(base.Doc, nil, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	det := &regionsOf{fs: fs, cuts: []int{0, fs[len(fs)/2].Start, len(a.Doc.Text)}}
	m := New(a, openWorkfile(t, filepath.Join(t.TempDir(), "sample.corefix.json")), Options{Title: "sample", Detect: det, Origin: model.FromDetector})
	m.Update(tea.WindowSizeMsg{Width: 88, Height: 26})
	cmd := detectionStep(m, m.detectGo())
	cmd = detectionStep(m, cmd)
	press(t, m, "r")
	if res := press(t, m, "q", "y"); res.quit || !strings.Contains(m.bar.msg, "once every region is searched") {
		t.Fatalf("y during detection: quit %v, status %q; want to wait for the last region", res.quit, m.bar.msg)
	}
	cmd = detectionStep(m, cmd)
	var res result
	run(m, cmd, &res)
	if !res.quit || m.unsaved() {
		t.Errorf("after the last region: quit %v, unsaved %v; want saved, then quit", res.quit, m.unsaved())
	}
	if got := saved(t, m); got.Len() != len(fs) || got.Counts()[model.Rejected] != 1 {
		t.Errorf("saved %d spans, %d rejected; want %d, 1", got.Len(), got.Counts()[model.Rejected], len(fs))
	}
}
