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
type strip struct {
	cells []stripCell
}

type stripCell struct {
	n       int  // spans starting in the cell
	pending bool // one of them is pending
	changed bool // one of them rewrites the text
	focus   bool
	visible bool
}

// stripGlyphs grow with the number of spans in a cell.
var stripGlyphs = []string{"·", "▂", "▄", "▆", "█"}

// compute fills width cells for spans (those the filter keeps), the focus
// and the visible byte range [vs, ve) of a text of n bytes.
func (s *strip) compute(width, n int, spans []model.Span, keep func(model.Span) bool, focus, vs, ve int) {
	s.cells = make([]stripCell, width)
	if width == 0 {
		return
	}
	cell := func(off int) int {
		if n == 0 {
			return 0
		}
		return min(int(int64(off)*int64(width)/int64(n)), width-1)
	}
	for i, sp := range spans {
		c := &s.cells[cell(sp.Start)]
		if i == focus {
			c.focus = true
		}
		if !keep(sp) {
			continue
		}
		c.n++
		c.pending = c.pending || sp.Status == model.Pending
		c.changed = c.changed || sp.Status.Changes()
	}
	for c := cell(vs); c <= cell(max(ve-1, vs)); c++ {
		s.cells[c].visible = true
	}
}

// View draws the strip.
func (s *strip) View(st *Styles) string {
	var b strings.Builder
	for _, c := range s.cells {
		g := stripGlyphs[min(c.n, len(stripGlyphs)-1)]
		key := [4]bool{c.n > 0 && c.pending, c.n > 0 && c.changed, c.focus, c.visible}
		b.WriteString(st.paint(key, func() lipgloss.Style {
			var style lipgloss.Style
			switch {
			case key[0]:
				style = st.Category[model.Overwrite]
			case key[1]:
				style = st.Accepted
			case c.n > 0:
				style = st.Rejected
			default:
				style = st.StripEmpty
			}
			if c.focus {
				style = st.Focus.Inherit(style)
			}
			if c.visible {
				style = st.StripView.Inherit(style)
			}
			return style
		}, g))
	}
	return b.String()
}
