package ui

import (
	"errors"
	"fmt"
	"slices"

	"corefix/model"
)

// The editor reopens where it was left: the focused span, the filter and
// order of n and p, and the first character on screen. A single file keeps
// this place in the annotation file (model.Place, saved with every
// decision and once more at the end); a dataset keeps it with the
// annotator's position in the review database.

// place is where the editor is now.
func (m *Model) place() model.Place {
	p := model.Place{Focus: m.focus, Top: m.resumeTop}
	if m.filter > 0 {
		p.Filter = filters[m.filter].name
	}
	if m.order > 0 {
		p.Order = orders[m.order].name
	}
	if m.art.rows != nil {
		p.Top = m.a.Doc.RuneOffset(m.art.rows[m.art.top].start.src)
	}
	p.Top = max(p.Top, 0)
	return p
}

// restore goes to place p: the filter and order it names (the defaults
// for names the editor does not know), the focus, and the scroll once the
// article is laid out (see scrollToResume).
func (m *Model) restore(p model.Place) {
	m.filter = max(slices.IndexFunc(filters, func(f filter) bool { return f.name == p.Filter }), 0)
	m.order = max(slices.IndexFunc(orders, func(o orderKind) bool { return o.name == p.Order }), 0)
	m.art.SetFilter(filters[m.filter].keep)
	m.resumeTop = p.Top
	if p.Focus >= 0 && p.Focus < m.a.Len() {
		m.setFocus(p.Focus)
	} else {
		m.focusFirst()
	}
	if m.art.rows != nil {
		m.scrollToResume()
	}
}

// scrollToResume scrolls to the first character on screen restore was
// given, keeping the focus on screen.
func (m *Model) scrollToResume() {
	b, err := m.a.Doc.ByteOffset(m.resumeTop)
	m.resumeTop = -1
	if err != nil {
		return // checked when loaded; a place is no reason to fail
	}
	m.art.Scroll(rowAt(m.art.rows, pos{src: b}) - m.art.top)
	if m.focus >= 0 && !m.onScreen(m.focus) {
		s := m.a.Span(m.focus)
		m.art.Reveal(s.Start, s.End)
	}
}

// keepPlace saves where the editor was left in a single file, once the
// program ended, when that changed since the last save and everything
// else is saved: the place alone must never write decisions the user
// chose not to save. A file another program changed is left alone.
func (m *Model) keepPlace() error {
	p := m.place()
	if m.target.ReadOnly() || m.waiting() || p == m.placeSaved || m.savedVersion != m.version || m.saveErr != nil {
		return nil
	}
	m.a.Place = &p
	err := m.target.Save(m.a.Snapshot())
	if err == nil || errors.Is(err, model.ErrChangedOnDisk) {
		return nil
	}
	return fmt.Errorf("where you stopped was not saved in %s: %w", m.target.Name(), err)
}

// stampPlace puts where the editor is into the annotation before a save
// of a single file takes its snapshot. (A dataset records the place with
// the position instead.)
func (m *Model) stampPlace() {
	if m.docs != nil {
		return
	}
	p := m.place()
	m.a.Place, m.placeSaved = &p, p
}
