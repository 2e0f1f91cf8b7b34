package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// The first frame waits for nothing that grows with the article: an
// annotation started without its spans shows its article at once, and
// the spans come in a Cmd after the first frame, from one of two places.
// A saved annotation (Options.Load) is read from its file, checked and
// replayed with its journal (a second or more at 20 MB); a new one is
// found by the detectors (Options.Detect), all together when found:
// they read the whole document at once — recurring mentions, drift — so
// region by region would not find what they find. Meanwhile the header
// counts the seconds and the article scrolls and searches; nothing can
// be decided or marked, and nothing is saved: the annotation would be
// saved without its spans, over the file.

// foundMsg brings the findings of the document on screen.
type foundMsg struct {
	a   *model.Annotation // the annotation they are for
	fs  []model.Finding
	err error
}

// loadedMsg brings the saved annotation Options.Load read.
type loadedMsg struct {
	a   *model.Annotation
	err error
}

// detectTickMsg redraws the header's count of seconds while waiting.
type detectTickMsg struct{}

// detectGoMsg starts the work after the first frame: loading the saved
// annotation, the detectors, or the mention analysis.
type detectGoMsg struct{}

// firstFrameTime is how long that work waits, after the first layout, for
// the first frame to be drawn: started with the program, the detectors
// took the CPU and the allocator from it (3.8 s to the first frame of a
// 20 MB article through a terminal, instead of about one).
const firstFrameTime = 200 * time.Millisecond

// detectCmd runs the detectors in the background.
func detectCmd(a *model.Annotation, detect func() ([]model.Finding, error)) tea.Cmd {
	return func() tea.Msg {
		fs, err := detect()
		return foundMsg{a: a, fs: fs, err: err}
	}
}

// readCmd reads the saved annotation in the background.
func readCmd(load func() (*model.Annotation, error)) tea.Cmd {
	return func() tea.Msg {
		a, err := load()
		return loadedMsg{a: a, err: err}
	}
}

// detectTick asks for a redraw in a quarter of a second.
func detectTick() tea.Cmd {
	return tea.Tick(250*time.Millisecond, func(time.Time) tea.Msg { return detectTickMsg{} })
}

// waiting reports whether the spans are not here yet: being read from
// the annotation file or found by the detectors.
func (m *Model) waiting() bool { return m.detect != nil || m.load != nil }

// startWaiting is the Cmd of Init: the header's clock while the spans
// are awaited.
func (m *Model) startWaiting() tea.Cmd {
	if !m.waiting() {
		return nil
	}
	m.detectStart = time.Now()
	return detectTick()
}

// laidOut starts the work after the first frame a moment after the first
// layout, when the first frame is being drawn.
func (m *Model) laidOut() tea.Cmd {
	if m.detectAsked {
		return nil
	}
	m.detectAsked = true
	return tea.Tick(firstFrameTime, func(time.Time) tea.Msg { return detectGoMsg{} })
}

// detectGo starts loading the saved annotation, or the detectors, or,
// with the spans here, the mention analysis; and wrapping the rest of
// the article when the first frame wrapped only its head.
func (m *Model) detectGo() tea.Cmd {
	wrap := m.art.wrapCmd()
	switch {
	case m.load != nil:
		return tea.Batch(readCmd(m.load), wrap)
	case m.detect != nil:
		return tea.Batch(detectCmd(m.a, m.detect), wrap)
	}
	return tea.Batch(m.findEntities(), wrap)
}

// found gives the annotation its findings and focuses the first pending
// one, or the first on screen when the reader scrolled meanwhile; then
// the mention analysis starts.
func (m *Model) found(msg foundMsg) tea.Cmd {
	if msg.a != m.a || m.detect == nil {
		return nil
	}
	m.detect = nil
	took := time.Since(m.detectStart).Round(100 * time.Millisecond)
	if msg.err == nil {
		msg.err = m.a.SetFindings(msg.fs, m.origin)
	}
	if msg.err != nil {
		m.setError("finding the spans failed: %v — m marks spans by hand", msg.err)
		return nil
	}
	m.art.Reset()
	m.inserts++
	if m.art.top == 0 {
		m.focusFirst()
	} else {
		m.follow()
	}
	m.setInfo("%d findings in %s — n next, a accept, r reject, e edit, ? keys", m.a.Len(), took)
	return m.findEntities()
}

// loaded puts the saved annotation in place of the article shown
// meanwhile and goes where it was left, or stays where the reader
// scrolled meanwhile; then the mention analysis starts. An annotation
// that cannot be read (damaged, made for another text, a journal that
// does not fit) stops the editor, which returns the error (see end): it
// is said as it was before the editor opened, and nothing is written.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if m.load == nil {
		return nil
	}
	m.load = nil
	if msg.err != nil {
		m.loadErr = msg.err
		return tea.Quit
	}
	moved, top := m.art.top != 0, 0
	if m.art.rows != nil {
		top = m.art.rows[m.art.top].start.src
	}
	m.a = msg.a
	m.setArticle(msg.a)
	if m.width > 0 {
		m.art.SetSize(m.lay.Width, m.lay.Article)
	}
	place := model.Place{Focus: -1}
	if msg.a.Place != nil {
		place = *msg.a.Place
		m.placeSaved = place
	}
	m.restore(place)
	if moved && m.art.rows != nil {
		m.art.Scroll(rowAt(m.art.rows, pos{src: top}) - m.art.top)
		m.follow()
	}
	if !m.target.ReadOnly() {
		m.setInfo("resumed %s: %s — ? keys", m.target.Name(), m.a.Describe())
	}
	m.resumeDraft()
	return m.findEntities()
}

// waitState is the header's word while the spans are awaited, "" once
// they are here.
func (m *Model) waitState() string {
	secs := int(time.Since(m.detectStart).Seconds())
	switch {
	case m.load != nil:
		return fmt.Sprintf("reading your decisions… %ds", secs)
	case m.detect != nil:
		return fmt.Sprintf("finding spans… %ds", secs)
	}
	return ""
}

// waitNote is the detail panel's text while the spans are awaited.
func (m *Model) waitNote() string {
	if m.load != nil {
		return fmt.Sprintf("Reading %s: your findings and decisions come in a moment. Read on meanwhile.", m.target.Name())
	}
	return "The detectors are looking for broken substitutions: the findings come all together when found. Read on meanwhile."
}
