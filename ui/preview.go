package ui

import "strings"

// preview shows the corrected text (every accepted or edited span
// applied), wrapped like the article, for reading the result as a whole.
type preview struct {
	st     stream
	rows   []row
	width  int
	height int
	top    int
}

// newPreview wraps text and starts the view at byte offset at.
func newPreview(text string, width, height, at int) *preview {
	p := &preview{st: stream{text: text}}
	p.SetSize(width, height)
	p.top = rowAt(p.rows, pos{src: at}) - height/3
	p.Scroll(0)
	return p
}

// SetSize re-wraps at a new width, keeping the top row's text in view.
func (p *preview) SetSize(w, h int) {
	anchor := pos{}
	if p.rows != nil {
		anchor = p.rows[p.top].start
	}
	if w != p.width || p.rows == nil {
		p.rows = wrap(&p.st, w)
	}
	p.width, p.height = w, h
	p.top = rowAt(p.rows, anchor)
	p.Scroll(0)
}

// Scroll moves the view by n rows.
func (p *preview) Scroll(n int) {
	p.top = max(min(p.top+n, len(p.rows)-p.height), 0)
}

// View draws the visible rows, exactly height lines.
func (p *preview) View() string {
	lines := make([]string, p.height)
	for i := range lines {
		if r := p.top + i; r < len(p.rows) {
			lines[i] = rowText(&p.st, p.rows[r])
		}
	}
	return strings.Join(lines, "\n")
}
