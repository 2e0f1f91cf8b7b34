package ui

import (
	"cmp"
	"slices"

	"corefix/model"
)

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

// orderKind is an order n and p can walk the spans in.
type orderKind struct {
	name string
	// sort puts span indices in this order; nil keeps text order.
	sort func(spans []model.Span, idx []int)
}

// orders are the orders o switches between.
var orders = []orderKind{
	{"text", nil},
	{"confidence", func(spans []model.Span, idx []int) {
		// Most confident first: the surest fixes are the quickest work.
		slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(spans[y].Confidence, spans[x].Confidence) })
	}},
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
	spans := m.art.spans
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	var at int // the focus's place in idx; between places when none
	switch sort := orders[m.order].sort; {
	case sort != nil:
		sort(spans, idx)
		at = slices.Index(idx, m.focus)
		if m.focus < 0 && dir < 0 {
			at = n
		}
	case m.focus >= 0:
		at = m.focus
	default:
		at = m.art.spanFrom(m.anchor)
		if dir > 0 {
			at--
		}
	}
	f := filters[m.filter]
	wantPending := dir > 0 && f.name != "decided"
	for pass := 0; pass < 2; pass++ {
		for k := 1; k <= n; k++ {
			j := idx[((at+dir*k)%n+n)%n]
			s := spans[j]
			if f.keep(s) && (!wantPending || s.Status == model.Pending) {
				if j == m.focus {
					return false
				}
				m.setFocus(j)
				return true
			}
		}
		wantPending = false
	}
	return false
}
