package ui

import tea "charm.land/bubbletea/v2"

// The mouse does what clicking and scrolling do in brat or INCEpTION: a
// click on a finding focuses it, a click on the strip jumps to that part
// of the article, the wheel scrolls. The keyboard does all of it too.

// wheelRows is how far one notch of the wheel scrolls.
const wheelRows = 3

// click handles a mouse click (the left button) in the review.
func (m *Model) click(ms tea.Mouse) {
	if ms.Button != tea.MouseLeft || !m.reviewing() {
		return
	}
	l := m.lay
	switch row := ms.Y - l.Header; {
	case row >= 0 && row < l.Article:
		i := m.art.spanAt(m.art.top+row, ms.X)
		if i < 0 {
			m.setInfo("no finding there — click a highlighted one")
			return
		}
		m.focusOnScreen(i)
		m.setInfo("%s — %s", m.a.Span(i).ID, m.a.Describe())
	case row == l.Article && l.Strip > 0:
		// The strip: each cell is an equal share of the text.
		off := int(int64(ms.X) * int64(len(m.a.Doc.Text)) / int64(max(l.Width, 1)))
		first, _ := m.art.rowsOf(off, off+1)
		m.scroll(first - m.art.top - l.Article/3)
	}
}

// wheel scrolls whatever is on screen: the article, the preview or a
// panel over them.
func (m *Model) wheel(ms tea.Mouse) {
	n := wheelRows
	switch ms.Button {
	case tea.MouseWheelUp:
		n = -n
	case tea.MouseWheelDown:
	default:
		return
	}
	switch md := m.mode.(type) {
	case reviewMode:
		m.scroll(n)
	case *preview:
		md.scroll(n)
	case *paneMode:
		md.scroll(n)
	}
}
