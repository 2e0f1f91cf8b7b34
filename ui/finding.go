package ui

import (
	"fmt"
	"runtime/debug"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// Detection finds the spans of an article region by region
// (Options.Detect): a pass over the whole text first (Prepare), then the
// findings of each region on their own, in whatever order the editor
// asks (the region on screen first). cmd/corefix wires in the detectors,
// which the editor cannot import. Its methods are called from one
// goroutine at a time.
type Detection interface {
	// Prepare makes the pass over the whole text and returns the number
	// of regions it is cut into. Its error refuses the text: the editor
	// ends with it, writing nothing.
	Prepare() (int, error)
	// Preparing says what the pass is at, for the header ("recurring
	// phrases (2/11)"): it may be called while Prepare runs.
	Preparing() string
	// Bounds returns region k's byte range; the regions cover the text
	// in order.
	Bounds(k int) (start, end int)
	// Find returns region k's findings, sorted, overlapping no other
	// region's, with IDs unique among all the regions' (AllFound
	// numbers them in text order at the end).
	Find(k int) ([]model.Finding, error)
}

// detecting is the state of a Detection while its regions are found.
type detecting struct {
	d  Detection
	mu sync.Mutex // one Find at a time: a Cmd's, or finish's
	// starts are the regions' first bytes, nil until prepared; done
	// says which regions' findings are in, left how many are not.
	starts []int
	done   []bool
	left   int
	found  int // findings in so far
}

// preparedMsg ends the pass over the whole text.
type preparedMsg struct {
	a      *model.Annotation // the annotation it is for
	starts []int
	err    error
}

// regionMsg brings the findings of region k.
type regionMsg struct {
	a   *model.Annotation
	k   int
	fs  []model.Finding
	err error
}

// prepareCmd makes the pass over the whole text in the background.
func prepareCmd(a *model.Annotation, det *detecting) tea.Cmd {
	return func() tea.Msg {
		det.mu.Lock()
		defer det.mu.Unlock()
		n, err := det.d.Prepare()
		starts := make([]int, n)
		for k := range starts {
			starts[k], _ = det.d.Bounds(k)
		}
		return preparedMsg{a: a, starts: starts, err: err}
	}
}

// regionCmd finds region k in the background.
func regionCmd(a *model.Annotation, det *detecting, k int) tea.Cmd {
	return func() tea.Msg {
		det.mu.Lock()
		defer det.mu.Unlock()
		fs, err := det.d.Find(k)
		return regionMsg{a: a, k: k, fs: fs, err: err}
	}
}

// prepared starts finding the regions, the one on screen first.
func (m *Model) prepared(msg preparedMsg) tea.Cmd {
	det := m.detect
	if det == nil || msg.a != m.a {
		return nil
	}
	if msg.err != nil {
		// The pass refused the text as a whole (exact mode: the two texts
		// are not an original and its resolution), so no span came and
		// nothing can have been decided: the editor ends with the error,
		// as the command would have before it opened, and writes nothing
		// (an annotation without spans would reopen as a finished review).
		m.openErr = msg.err
		return tea.Quit
	}
	det.starts, det.done, det.left = msg.starts, make([]bool, len(msg.starts)), len(msg.starts)
	if det.left == 0 {
		return m.allFound()
	}
	return regionCmd(m.a, det, m.nextRegion())
}

// nextRegion is the region to find next: the first not found yet from
// the top of the screen on, then from the start of the text.
func (m *Model) nextRegion() int {
	det := m.detect
	vs, _ := m.art.Visible()
	from := 0
	for from+1 < len(det.starts) && det.starts[from+1] <= vs {
		from++
	}
	for k := range det.starts {
		if r := (from + k) % len(det.starts); !det.done[r] {
			return r
		}
	}
	return -1
}

// regionFound gives the annotation region k's findings, keeping the
// focus on its span (it never jumps: findings only come in around it)
// or, with none, focusing the first on screen; then it asks for the
// next region, or ends when that was the last.
func (m *Model) regionFound(msg regionMsg) tea.Cmd {
	det := m.detect
	if det == nil || msg.a != m.a || det.done == nil || det.done[msg.k] {
		return nil
	}
	if msg.err == nil {
		msg.err = m.addFound(msg.fs)
	}
	if msg.err != nil {
		return m.detectFailed(msg.err)
	}
	det.done[msg.k] = true
	det.left--
	det.found += len(msg.fs)
	if m.reviewing() && m.focus < 0 {
		m.follow()
	}
	if det.left == 0 {
		return m.allFound()
	}
	return regionCmd(m.a, det, m.nextRegion())
}

// addFound adds findings to the annotation, keeping the focus on the
// span it is on.
func (m *Model) addFound(fs []model.Finding) error {
	if len(fs) == 0 {
		return nil
	}
	at := -1
	if m.focus >= 0 {
		at = m.a.Span(m.focus).Start
	}
	if err := m.a.AddFound(fs, m.origin); err != nil {
		return err
	}
	if m.rank != nil {
		m.rank.catchUp() // now, with the region's spans, rather than on a key
	}
	if at >= 0 {
		m.focusOnScreen(m.a.Search(func(s *model.Span) bool { return s.Start >= at }))
	}
	m.art.dirty() // the new spans are highlighted where drawn
	return nil
}

// allFound ends the detection: the findings get their IDs in text order,
// the decisions made meanwhile are saved, and the work that waits for
// the spans starts.
func (m *Model) allFound() tea.Cmd {
	if err := m.a.AllFound(); err != nil {
		return m.detectFailed(err)
	}
	m.detect = nil
	took := time.Since(m.detectStart).Round(100 * time.Millisecond)
	m.setInfo("%d findings in %s — n next, a accept, r reject, e edit, ? keys", m.a.Len(), took)
	if m.focus < 0 && m.art.top == 0 {
		m.focusFirst()
	}
	cmd := m.spansHere()
	if m.unsaved() {
		cmd = tea.Batch(cmd, m.save())
	}
	return m.thenRelease(cmd)
}

// thenRelease runs cmd, the work that starts once the spans are here
// (the antecedent panel's mentions, the confidence order, a save), and
// after it, on a long article, releaseMemory: how the spans came (the
// detection's whole-text pass, or the annotation file parsed) and that
// work leave most of the heap garbage, but the editor then allocates
// too little for the collector to run again: a 20 MB article held 1.3
// GB of RSS for as long as it was open, of which the editor uses a
// seventh.
func (m *Model) thenRelease(cmd tea.Cmd) tea.Cmd {
	if len(m.a.Doc.Text) <= releaseFrom {
		return cmd
	}
	return tea.Sequence(cmd, releaseMemory)
}

// releaseFrom is the text length from which thenRelease hands memory
// back to the system.
const releaseFrom = 1 << 20

// releaseMemory collects the garbage and returns its memory to the
// system.
func releaseMemory() tea.Msg {
	debug.FreeOSMemory()
	return nil
}

// detectFailed stops the detection: what was found stays, and the
// reader can mark the rest by hand.
func (m *Model) detectFailed(err error) tea.Cmd {
	m.detect = nil
	if m.a.AllFound() != nil {
		err = fmt.Errorf("%w, and the findings cannot be numbered", err)
	}
	m.setError("finding the spans failed: %v — m marks spans by hand", err)
	if m.unsaved() {
		return m.save()
	}
	return nil
}

// findRest finds, here and now, the regions not found yet: when the
// editor stops (a signal, a panic) with decisions made meanwhile, they
// are saved with every finding or not at all.
func (m *Model) findRest() error {
	det := m.detect
	det.mu.Lock()
	defer det.mu.Unlock()
	if det.done == nil {
		return fmt.Errorf("the spans were not found yet")
	}
	for k, done := range det.done {
		if done {
			continue
		}
		fs, err := det.d.Find(k)
		if err == nil {
			err = m.a.AddFound(fs, m.origin)
		}
		if err != nil {
			return err
		}
	}
	m.detect = nil
	return m.a.AllFound()
}

// progress is the header's word on the detection: the regions searched
// and the findings found so far.
func (det *detecting) progress(secs int) string {
	if det.starts == nil {
		return fmt.Sprintf("finding spans: whole text, %s… %ds", det.d.Preparing(), secs)
	}
	n := len(det.starts)
	return fmt.Sprintf("finding spans: %d%% (%d/%d regions), %d found, %ds", 100*(n-det.left)/n, n-det.left, n, det.found, secs)
}

// saveWhy says why nothing is saved while the regions are being found.
func (det *detecting) saveWhy() string {
	if det.starts == nil {
		return "nothing to save before the spans are found"
	}
	return fmt.Sprintf("saved once every region is searched (%d of %d left); your decisions wait here till then", det.left, len(det.starts))
}
