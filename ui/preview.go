package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// preview shows the corrected text (every accepted or edited span
// applied), wrapped like the article, for reading the result as a whole.
// It is a mode: while it is open, View shows it in the article's place
// and the keys scroll it.
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

// key scrolls the preview, or closes it.
func (p *preview) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Preview), key.Matches(msg, k.Cancel):
		m.mode = reviewMode{}
		m.setInfo("back to the article")
	case key.Matches(msg, k.Down):
		p.Scroll(1)
	case key.Matches(msg, k.Up):
		p.Scroll(-1)
	case key.Matches(msg, k.PageDown):
		p.Scroll(max(p.height-1, 1))
	case key.Matches(msg, k.PageUp):
		p.Scroll(-max(p.height-1, 1))
	case key.Matches(msg, k.Home):
		p.Scroll(-len(p.rows))
	case key.Matches(msg, k.End):
		p.Scroll(len(p.rows))
	case key.Matches(msg, k.Quit):
		return m.quit()
	}
	return nil
}

// help is the keys of the preview.
func (p *preview) help(k *KeyMap) help.KeyMap {
	return bindings{k.Down, k.Up, k.PageDown, k.PageUp, k.Preview, k.Quit}
}

// openPreview shows the corrected text, starting where the focus is.
func (m *Model) openPreview() {
	at, _ := m.art.Visible()
	if m.focus >= 0 {
		at = m.a.Span(m.focus).Start
	}
	// Offsets move by the length change of every decided span before at.
	shift := 0
	for _, s := range m.art.spans {
		if s.Start >= at {
			break
		}
		if s.Status.Changes() {
			shift += len(s.Replacement) - (s.End - s.Start)
		}
	}
	m.mode = newPreview(m.a.CorrectedText(), m.lay.Width, m.lay.Article, at+shift)
	m.setInfo("corrected text — d or esc returns")
}
