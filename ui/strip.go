package ui

import (
	"math/bits"
	"strings"

	"charm.land/lipgloss/v2"

	"corefix/model"
)

// strip is a one-row map of the article: each cell stands for an equal
// share of the text and shows how many findings sit there, so an editor
// sees drift growing along the article. The focused span's cell is
// reversed and the visible part underlined.
//
// Update brings it up to date (see sync) and View only draws the row it
// keeps: the counts change with the findings, decisions, filter and width,
// the row also with the focus, the scrolling and the styles, and neither
// with the many messages that change none of them.
type strip struct {
	cells    []stripCell
	cellsFor stripCounts // what cells were counted from
	changes  int         // counts the changes since (see spanChanged)
	row      string
	rowFor   stripMarks // what row was drawn from
}

// stripCell counts the spans starting in a cell, per kind (the bit index
// of model.KindOf), so that a filter's counts are sums of a few numbers
// and a decision changes two of them.
type stripCell [32]int32

// sum counts the spans of the cell whose kind is in want.
func (c *stripCell) sum(want model.Kinds) int {
	n := 0
	for want != 0 {
		b := bits.TrailingZeros32(uint32(want))
		n += int(c[b])
		want &^= 1 << b
	}
	return n
}

// stripCounts is what the counts are counted from: the article and its
// spans (the article and the times they were all replaced) and the width.
type stripCounts struct {
	art        *article
	gen, width int
}

// stripMarks is what the drawn row depends on besides the counts.
type stripMarks struct {
	counts        stripCounts
	changes       int
	kinds         model.Kinds
	focus, vs, ve int
	styles        *Styles
}

// stripGlyphs grow with the number of spans in a cell.
var stripGlyphs = []string{"·", "▂", "▄", "▆", "█"}

// sync recounts and redraws the strip when what it shows changed: the
// spans of art of the given kinds (a filter's), in width cells, with span
// focus and the visible rows marked. Counting reads every span, so it
// happens only when the width changes or all spans are replaced;
// decisions update the counts one span at a time (spanChanged).
func (s *strip) sync(art *article, kinds model.Kinds, width, focus int, st *Styles) {
	c := stripCounts{art: art, gen: art.gen, width: width}
	if c != s.cellsFor {
		s.count(art, width)
		s.cellsFor = c
	}
	vs, ve := art.Visible()
	k := stripMarks{counts: c, changes: s.changes, kinds: kinds, focus: focus, vs: vs, ve: ve, styles: st}
	if k != s.rowFor {
		s.row = s.draw(art, kinds, focus, vs, ve, st)
		s.rowFor = k
	}
}

// cellOf is the cell of byte offset off in a text of n bytes.
func (s *strip) cellOf(off, n int) int {
	if n == 0 {
		return 0
	}
	return min(int(int64(off)*int64(len(s.cells))/int64(n)), len(s.cells)-1)
}

// count fills width cells with the spans of art.
func (s *strip) count(art *article, width int) {
	s.cells = make([]stripCell, width)
	if width == 0 {
		return
	}
	n := len(art.st.text)
	for i := range art.a.Len() {
		sp := art.a.Span(i)
		s.cells[s.cellOf(sp.Start, n)][kindIndex(&sp)]++
	}
}

// spanChanged updates the counts after one change of a span of a text of
// n bytes (see model.Annotation.Watch).
func (s *strip) spanChanged(n int, before, after *model.Span) {
	s.changes++
	if len(s.cells) == 0 {
		return
	}
	if before != nil {
		s.cells[s.cellOf(before.Start, n)][kindIndex(before)]--
	}
	if after != nil {
		s.cells[s.cellOf(after.Start, n)][kindIndex(after)]++
	}
}

// kindIndex is the bit index of a span's kind.
func kindIndex(sp *model.Span) int { return bits.TrailingZeros32(uint32(model.KindOf(sp))) }

// draw draws the counted cells of the given kinds, marking the cell of
// span focus (whatever its kind) and the cells of the visible byte range
// [vs, ve).
func (s *strip) draw(art *article, kinds model.Kinds, focus, vs, ve int, st *Styles) string {
	if len(s.cells) == 0 {
		return ""
	}
	n := len(art.st.text)
	focusCell := -1
	if focus >= 0 && focus < art.a.Len() {
		focusCell = s.cellOf(art.a.Span(focus).Start, n)
	}
	first, last := s.cellOf(vs, n), s.cellOf(max(ve-1, vs), n)
	pending, changing := kinds&model.StatusKinds(model.Pending), kinds&changingKinds()
	var b strings.Builder
	for i := range s.cells {
		c := &s.cells[i]
		some := c.sum(kinds)
		l := stripLook{
			some:    some > 0,
			pending: c.sum(pending) > 0,
			changed: c.sum(changing) > 0,
			focus:   i == focusCell,
			visible: i >= first && i <= last,
		}
		pre, suf := st.sgrOf(l, func() lipgloss.Style { return l.style(st) })
		b.WriteString(pre + stripGlyphs[min(some, len(stripGlyphs)-1)] + suf)
	}
	return b.String()
}

// View draws the strip as sync left it.
func (s *strip) View() string { return s.row }

// stripLook is everything that decides how a strip cell is drawn.
type stripLook struct {
	some, pending, changed, focus, visible bool
}

// stripLooks lists every stripLook, for NewStyles to keep.
func stripLooks() []stripLook {
	var out []stripLook
	for i := range 1 << 5 {
		bit := func(n int) bool { return i&(1<<n) != 0 }
		out = append(out, stripLook{some: bit(0), pending: bit(1), changed: bit(2), focus: bit(3), visible: bit(4)})
	}
	return out
}

// style is the style of a cell that looks like l.
func (l stripLook) style(st *Styles) lipgloss.Style {
	var style lipgloss.Style
	switch {
	case l.pending:
		style = st.Category[model.Overwrite]
	case l.changed:
		style = st.Accepted
	case l.some:
		style = st.Rejected
	default:
		style = st.StripEmpty
	}
	if l.focus {
		style = st.Focus.Inherit(style)
	}
	if l.visible {
		style = st.StripView.Inherit(style)
	}
	return style
}
