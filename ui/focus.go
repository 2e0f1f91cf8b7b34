package ui

import "corefix/model"

// The focused finding is the one every decision applies to, so it is
// always on screen and drawn reversed: whatever moves the view (scrolling,
// a search, the mouse wheel, marking) moves the focus along to a finding
// on screen, or to none, and then the decision keys wait for n, p or a
// click instead of acting on a finding out of sight.

// setFocus focuses span i (-1 for none) and brings it into view.
func (m *Model) setFocus(i int) {
	m.focusOnScreen(min(i, m.a.Len()-1))
	if m.focus >= 0 {
		s := m.a.Span(m.focus)
		m.art.Reveal(s.Start, s.End)
	}
}

// focusOnScreen focuses span i (-1 for none), which is on screen already.
func (m *Model) focusOnScreen(i int) {
	m.focus = i
	m.art.SetFocus(i)
	if i < 0 {
		m.anchor, _ = m.art.Visible()
	}
}

// focusFirst focuses the first pending span (or the first span).
func (m *Model) focusFirst() {
	for i := 0; i < m.a.Len(); i++ {
		if m.a.Span(i).Status == model.Pending {
			m.setFocus(i)
			return
		}
	}
	m.setFocus(min(0, m.a.Len()-1))
}

// onScreen reports whether some of span i is in the visible rows.
func (m *Model) onScreen(i int) bool {
	vs, ve := m.art.Visible()
	s := m.a.Span(i)
	return s.End > vs && s.Start < ve
}

// follow runs after the view moved: a focus that left the screen (or no
// focus) goes to the first finding on screen the filter keeps, or to none.
func (m *Model) follow() {
	if m.art.height == 0 || m.focus >= 0 && m.onScreen(m.focus) {
		return // nothing on screen before the first size (or in a 0-row article)
	}
	vs, ve := m.art.Visible()
	keep := filters[m.filter].keep
	for i := m.art.spanFrom(vs); i < m.a.Len(); i++ {
		s := m.a.Span(i)
		if s.Start >= ve {
			break
		}
		if keep(s) {
			m.focusOnScreen(i)
			return
		}
	}
	m.focusOnScreen(-1)
}

// step moves the focus to the next (dir 1) or previous (dir -1) span the
// filter keeps, in the current order, wrapping around. Going forward,
// pending spans come first because they are the work left (all spans once
// none is pending, or under the "decided" filter); going back visits every
// span, so the one just decided is one key away. Without a focus, text
// order starts from the screen (or the search match). It reports whether
// the focus moved.
func (m *Model) step(dir int) bool {
	n := m.a.Len()
	if n == 0 {
		return false
	}
	f := filters[m.filter]
	wantPending := dir > 0 && f.name != "decided"
	for pass := 0; pass < 2; pass++ {
		want := f.kinds
		if wantPending {
			want &= model.StatusKinds(model.Pending)
		}
		j := m.nextIn(dir, want)
		if j >= 0 {
			if j == m.focus {
				return false
			}
			m.setFocus(j)
			return true
		}
		wantPending = false
	}
	return false
}

// nextIn is the span step goes to among the given kinds, -1 for none.
// In text order it asks the annotation, which skips whole blocks of spans
// of other kinds; other orders walk their rank.
func (m *Model) nextIn(dir int, want model.Kinds) int {
	if orders[m.order].key != nil {
		r := m.ranked()
		at := -1
		switch {
		case m.focus >= 0:
			s := m.a.Span(m.focus)
			at = r.place(m.focus, &s)
		case dir < 0:
			at = len(r.es)
		}
		return r.next(at, dir, want)
	}
	at := m.focus
	if at < 0 {
		at = m.art.spanFrom(m.anchor)
		if dir > 0 {
			at--
		}
	}
	if j := m.a.Next(at, dir, want); j >= 0 {
		return j
	}
	from := -1 // wrap around
	if dir < 0 {
		from = m.a.Len()
	}
	return m.a.Next(from, dir, want)
}
