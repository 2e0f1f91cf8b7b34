package ui

import "corefix/model"

// A fix typed into the input but not committed (enter) is work too. When
// the editor stops while it is open (a signal, a closed terminal, a
// failure), keepDraft puts it in the annotation as its Draft, which finish
// saves (or rescues) with the decisions; the next editor on that
// annotation opens the input on it again (resumeDraft).

// keepDraft keeps the fix being typed, if any, in the annotation. After
// a panic the editor may be half-changed: a draft is not worth the save
// that follows, so a panic here is let go.
func (m *Model) keepDraft() {
	defer func() { _ = recover() }()
	if _, editing := m.mode.(editMode); editing && m.focus >= 0 {
		m.a.Draft = &model.Draft{Span: m.a.Span(m.focus).ID, Text: m.input.Value()}
	}
}

// resumeDraft opens the input on the annotation's draft, on its span, as
// it was when the editor stopped. The draft leaves the annotation: from
// now on it is in the input, and the next save writes the annotation
// without it (until then the file still holds it, so nothing is lost if
// this editor stops too).
func (m *Model) resumeDraft() {
	d := m.a.Draft
	if d == nil || m.target.ReadOnly() {
		return
	}
	m.a.Draft = nil
	for i := 0; i < m.a.Len(); i++ {
		if m.a.Span(i).ID == d.Span {
			m.setFocus(i)
			m.startInput(editMode{}, "fix> ", d.Text)
			m.setInfo("the fix you were typing for %s when corefix stopped — enter commits it, esc drops it", d.Span)
			return
		}
	}
}
