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
	sort func(a *model.Annotation, idx []int)
}

// orders are the orders o switches between.
var orders = []orderKind{
	{"text", nil},
	{"confidence", func(a *model.Annotation, idx []int) {
		// Most confident first: the surest fixes are the quickest work.
		conf := make([]float64, a.Len())
		for i := range conf {
			conf[i] = a.Span(i).Confidence
		}
		slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(conf[y], conf[x]) })
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
// of other kinds; other orders walk their sorted list.
func (m *Model) nextIn(dir int, want model.Kinds) int {
	n := m.a.Len()
	if orders[m.order].sort != nil {
		idx, place := m.ordered()
		at := n
		if m.focus >= 0 {
			at = place[m.focus]
		} else if dir > 0 {
			at = -1
		}
		for k := 1; k <= n; k++ {
			j := idx[((at+dir*k)%n+n)%n]
			if s := m.a.Span(j); model.KindOf(&s)&want != 0 {
				return j
			}
		}
		return -1
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
		from = n
	}
	return m.a.Next(from, dir, want)
}

// ordered returns the span indices in the current order and each span's
// place in it, sorted again only when spans were added or removed since.
func (m *Model) ordered() (idx, place []int) {
	o := &m.sorted
	if o.order != m.order || o.art != m.art || o.gen != m.art.gen || o.inserts != m.inserts || len(o.idx) != m.a.Len() {
		*o = sortedSpans{order: m.order, art: m.art, gen: m.art.gen, inserts: m.inserts}
		o.idx = make([]int, m.a.Len())
		for i := range o.idx {
			o.idx[i] = i
		}
		orders[m.order].sort(m.a, o.idx)
		o.place = make([]int, len(o.idx))
		for k, i := range o.idx {
			o.place[i] = k
		}
	}
	return o.idx, o.place
}

// sortedSpans is the span order of a sorting orderKind, with what it was
// sorted from.
type sortedSpans struct {
	order, gen, inserts int
	art                 *article
	idx, place          []int
}
