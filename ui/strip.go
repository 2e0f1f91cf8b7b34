package ui

import (
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
	row      string
	rowFor   stripMarks // what row was drawn from
}

// stripCell counts the spans the filter keeps that start in a cell.
type stripCell struct {
	n       int  // spans starting in the cell
	pending bool // one of them is pending
	changed bool // one of them rewrites the text
}

// stripCounts is what the counts depend on: the article's spans (the
// article and the generation of its spans), the filter and the width.
type stripCounts struct {
	art           *article
	gen           int
	filter, width int
}

// stripMarks is what the drawn row depends on besides the counts.
type stripMarks struct {
	counts        stripCounts
	focus, vs, ve int
	styles        *Styles
}

// stripGlyphs grow with the number of spans in a cell.
var stripGlyphs = []string{"·", "▂", "▄", "▆", "█"}

// sync recounts and redraws the strip when what it shows changed: the
// spans of art that keep keeps (filter names it), in width cells, with
// span focus and the visible rows marked.
func (s *strip) sync(art *article, filter int, keep func(model.Span) bool, width, focus int, st *Styles) {
	c := stripCounts{art: art, gen: art.gen, filter: filter, width: width}
	if c != s.cellsFor {
		s.count(art, keep, width)
		s.cellsFor = c
	}
	vs, ve := art.Visible()
	k := stripMarks{counts: c, focus: focus, vs: vs, ve: ve, styles: st}
	if k != s.rowFor {
		s.row = s.draw(art, focus, vs, ve, st)
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

// count fills width cells with the spans of art that keep keeps.
func (s *strip) count(art *article, keep func(model.Span) bool, width int) {
	s.cells = make([]stripCell, width)
	if width == 0 {
		return
	}
	n := len(art.st.text)
	for _, sp := range art.spans {
		if !keep(sp) {
			continue
		}
		c := &s.cells[s.cellOf(sp.Start, n)]
		c.n++
		c.pending = c.pending || sp.Status == model.Pending
		c.changed = c.changed || sp.Status.Changes()
	}
}

// draw draws the counted cells, marking the cell of span focus (whether
// the filter keeps it or not) and the cells of the visible byte range
// [vs, ve).
func (s *strip) draw(art *article, focus, vs, ve int, st *Styles) string {
	if len(s.cells) == 0 {
		return ""
	}
	n := len(art.st.text)
	focusCell := -1
	if focus >= 0 && focus < len(art.spans) {
		focusCell = s.cellOf(art.spans[focus].Start, n)
	}
	first, last := s.cellOf(vs, n), s.cellOf(max(ve-1, vs), n)
	var b strings.Builder
	for i, c := range s.cells {
		l := stripLook{
			some:    c.n > 0,
			pending: c.n > 0 && c.pending,
			changed: c.n > 0 && c.changed,
			focus:   i == focusCell,
			visible: i >= first && i <= last,
		}
		pre, suf := st.sgrOf(l, func() lipgloss.Style { return l.style(st) })
		b.WriteString(pre + stripGlyphs[min(c.n, len(stripGlyphs)-1)] + suf)
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
