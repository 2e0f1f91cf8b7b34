package ui

import (
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// The first frame does not wait for the findings: an annotation started
// without them (Options.Detect) shows its article at once, the detectors
// run in a Cmd, and the findings arrive all together when found, while
// the header counts the seconds and the article scrolls and searches.
// (The detectors read the whole document at once — recurring mentions,
// drift — so region by region would not find what they find.) Until
// then nothing can be decided or marked, and nothing is saved: the
// annotation would be saved without its findings.

// foundMsg brings the findings of the document on screen.
type foundMsg struct {
	a   *model.Annotation // the annotation they are for
	fs  []model.Finding
	err error
}

// detectTickMsg redraws the header's count of seconds while detecting.
type detectTickMsg struct{}

// detectGoMsg starts the detectors, once the first frame is out.
type detectGoMsg struct{}

// firstFrameTime is how long the detectors wait, after the first layout,
// for the first frame to be drawn: started with the program, they took
// the CPU and the allocator from it (3.8 s to the first frame of a 20 MB
// article through a terminal, instead of about one).
const firstFrameTime = 200 * time.Millisecond

// detectCmd runs the detectors in the background.
func detectCmd(a *model.Annotation, detect func() ([]model.Finding, error)) tea.Cmd {
	return func() tea.Msg {
		fs, err := detect()
		return foundMsg{a: a, fs: fs, err: err}
	}
}

// detectTick asks for a redraw in a quarter of a second.
func detectTick() tea.Cmd {
	return tea.Tick(250*time.Millisecond, func(time.Time) tea.Msg { return detectTickMsg{} })
}

// detecting reports whether the findings are still being looked for.
func (m *Model) detecting() bool { return m.detect != nil }

// startDetecting is the Cmd of Init for an annotation waiting for its
// findings (the mention analysis waits for them too), else the mention
// analysis.
func (m *Model) startDetecting() tea.Cmd {
	if !m.detecting() {
		return m.findEntities()
	}
	m.detectStart = time.Now()
	return detectTick()
}

// laidOut starts the detectors a moment after the first layout, when the
// first frame is being drawn.
func (m *Model) laidOut() tea.Cmd {
	if !m.detecting() || m.detectAsked {
		return nil
	}
	m.detectAsked = true
	return tea.Tick(firstFrameTime, func(time.Time) tea.Msg { return detectGoMsg{} })
}

// detectGo starts the detectors.
func (m *Model) detectGo() tea.Cmd {
	if !m.detecting() {
		return nil
	}
	return detectCmd(m.a, m.detect)
}

// found gives the annotation its findings and focuses the first pending
// one, or the first on screen when the reader scrolled meanwhile; then
// the mention analysis starts.
func (m *Model) found(msg foundMsg) tea.Cmd {
	if msg.a != m.a || !m.detecting() {
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

// detectState is the header's word while detecting, "" once done.
func (m *Model) detectState() string {
	if !m.detecting() {
		return ""
	}
	return fmt.Sprintf("finding spans… %ds", int(time.Since(m.detectStart).Seconds()))
}
