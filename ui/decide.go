package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// accept takes proposal n of the focused span. A proposal holding the
// placeholder ▢ names a word the tool cannot guess, so it opens the input
// with the placeholder's place ready for typing instead.
func (m *Model) accept(n int) tea.Cmd {
	if m.focus < 0 {
		return nil
	}
	s := m.a.Span(m.focus)
	if n >= len(s.Proposals) {
		m.setError("%s has no proposal %d — e to type a fix", s.ID, n+1)
		return nil
	}
	if p := s.Proposals[n].Text; strings.Contains(p, model.Placeholder) {
		cmd := m.startEdit(p)
		m.setInfo("type the missing word")
		return cmd
	}
	return m.decide("accepted", true, func(i int) error { return m.a.Accept(i, n) })
}

// decide applies a decision to the focused span, saves, and moves on to
// the next pending span when advance is set.
func (m *Model) decide(what string, advance bool, do func(int) error) tea.Cmd {
	if m.focus < 0 {
		return nil // no span to decide on; the detail panel says m marks one
	}
	i := m.focus
	if err := do(i); err != nil {
		m.setError("%v", err)
		return nil
	}
	m.changed()
	s := m.a.Span(i)
	m.setInfo("%s %s — %s", s.ID, what, m.a.Describe())
	if advance {
		m.step(1)
	}
	return m.save()
}

// history runs undo or redo and focuses the span it touched.
func (m *Model) history(what string, do func() (int, error)) tea.Cmd {
	i, err := do()
	if err != nil {
		m.setError("%v", err)
		return nil
	}
	m.changed()
	m.setFocus(i) // clamped: undoing a mark can leave fewer spans
	m.setInfo("%s — %s", what, m.a.Describe())
	return m.save()
}

// changed catches the views up with a change to the annotation.
func (m *Model) changed() {
	m.version++
	m.art.Refresh()
}
