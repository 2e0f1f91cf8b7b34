package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// The first frame waits for nothing that grows with the article: an
// annotation started without its spans shows its article at once, and
// the spans come in Cmds after the first frame, from one of two places.
// A saved annotation (Options.Load) is read from its file, checked and
// replayed with its journal (a second or more at 20 MB): meanwhile the
// article scrolls and searches, and nothing can be decided. A new one is
// found by the detectors (Options.Detect, see finding.go) region by
// region, the region on screen first: the findings already here can be
// decided meanwhile, and are saved once the last region's are found.

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
// with the spans here, the work that waits for them (spansHere); and
// wrapping the rest of the article when the first frame wrapped only its
// head. Spans that came with the annotation were found before the
// program started (replayed from clusters, or a dataset's document
// aligned or detected as it loaded), and that work's garbage is handed
// back as when they are found or read here (thenRelease).
func (m *Model) detectGo() tea.Cmd {
	wrap := m.art.wrapCmd()
	switch {
	case m.load != nil:
		return tea.Batch(readCmd(m.load), wrap)
	case m.detect != nil:
		return tea.Batch(prepareCmd(m.a, m.detect), wrap)
	}
	return tea.Batch(m.thenRelease(m.spansHere()), wrap)
}

// spansHere starts the work that waits for every span of the document on
// screen: the mention analysis, and the rank of the order o switches to.
func (m *Model) spansHere() tea.Cmd { return tea.Batch(m.findEntities(), m.rankCmd()) }

// loaded puts the saved annotation in place of the article shown
// meanwhile and goes where it was left, or stays where the reader
// scrolled meanwhile; then the work that waits for the spans starts. An
// annotation that cannot be read (damaged, made for another text, a
// journal that does not fit) stops the editor, which returns the error
// (see end): it is said as it was before the editor opened, and nothing
// is written.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if m.load == nil {
		return nil
	}
	m.load = nil
	if msg.err != nil {
		m.openErr = msg.err
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
	place := spot{Focus: -1}
	if msg.a.Place != nil {
		place = spotOf(msg.a.Doc, *msg.a.Place)
		m.placeSaved = &place
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
	return m.thenRelease(m.spansHere())
}

// waitState is the header's word while the spans are awaited, "" once
// they are here.
func (m *Model) waitState() string {
	secs := int(time.Since(m.detectStart).Seconds())
	switch {
	case m.load != nil:
		return fmt.Sprintf("reading your decisions… %ds", secs)
	case m.detect != nil:
		return m.detect.progress(secs)
	}
	return ""
}

// waitNote is the detail panel's text while the spans are awaited and
// none is focused.
func (m *Model) waitNote() string {
	if m.load != nil {
		return fmt.Sprintf("Reading %s: your findings and decisions come in a moment. Read on meanwhile.", m.target.Name())
	}
	return "The detectors are looking for broken substitutions, the part on screen first: findings appear as they are found, and can be decided at once. Read on meanwhile."
}
