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

// spot is a place as a key knows it: a model.Place whose Top is the byte
// offset of the first character on screen, not its code point offset.
// Counting the code points before a byte offset takes the document's
// offset index, which a 20 MB article takes some 20 ms to build (see
// model.Document.RuneOffset): a key must not wait for it. So the editor
// keeps spots and converts one (place) only where a place is written: in
// the save or position Cmd, or once the program ended.
type spot model.Place

// place is s as the model keeps it, Top in code points.
func (s spot) place(d *model.Document) model.Place {
	p := model.Place(s)
	p.Top = d.RuneOffset(s.Top)
	return p
}

// spotOf is place p of document d as a spot; its Top is -1 when it is
// outside the text (a place is no reason to fail: checked when read from a
// file, not from a database).
func spotOf(d *model.Document, p model.Place) spot {
	s := spot(p)
	b, err := d.ByteOffset(p.Top)
	if err != nil {
		b = -1
	}
	s.Top = b
	return s
}

// spot is where the editor is now.
func (m *Model) spot() spot {
	s := spot{Focus: m.focus, Top: m.resumeTop}
	if m.filter > 0 {
		s.Filter = filters[m.filter].name
	}
	if m.order > 0 {
		s.Order = orders[m.order].name
	}
	if m.art.rows != nil {
		s.Top = m.art.rows[m.art.top].start.src
	}
	s.Top = max(s.Top, 0)
	return s
}

// restore goes to spot s: the filter and order it names (the defaults for
// names the editor does not know), the focus, and the scroll once the
// article is laid out (see scrollToResume).
func (m *Model) restore(s spot) {
	m.filter = max(slices.IndexFunc(filters, func(f filter) bool { return f.name == s.Filter }), 0)
	m.order = max(slices.IndexFunc(orders, func(o orderKind) bool { return o.name == s.Order }), 0)
	m.art.SetFilter(filters[m.filter].keep)
	m.resumeTop = s.Top
	if s.Focus >= 0 && s.Focus < m.a.Len() {
		m.setFocus(s.Focus)
	} else {
		m.focusFirst()
	}
	if m.art.rows != nil && m.resumeTop >= 0 {
		m.scrollToResume()
	}
}

// scrollToResume scrolls to the first character on screen restore was
// given, keeping the focus on screen.
func (m *Model) scrollToResume() {
	m.art.Scroll(rowAt(m.art.rows, pos{src: m.resumeTop}) - m.art.top)
	m.resumeTop = -1
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
	s, last := m.spot(), spot{} // none saved nor read: the first span at the top is no place to keep
	if m.placeSaved != nil {
		last = *m.placeSaved
	}
	if m.target.ReadOnly() || m.waiting() || s == last || m.savedVersion != m.version || m.saveErr != nil {
		return nil
	}
	m.placeSaved = &s
	m.stampPlace()
	err := m.target.Save(m.a.Snapshot())
	if err == nil || errors.Is(err, model.ErrChangedOnDisk) {
		return nil
	}
	return fmt.Errorf("where you stopped was not saved in %s: %w", m.target.Name(), err)
}

// stampPlace puts the place the last save took (placeSaved) into the
// annotation, for a save made once the program ended: the saves made
// meanwhile put theirs into their snapshot, in their Cmd (see saveCmd).
// It reads nothing else of the editor, which a panic may have left
// broken. A dataset records the place with the position instead.
func (m *Model) stampPlace() {
	if m.docs != nil || m.placeSaved == nil {
		return
	}
	p := m.placeSaved.place(m.a.Doc)
	m.a.Place = &p
}
