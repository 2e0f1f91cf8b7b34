package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// paneMode is text drawn over the article, strip and detail rows, page by
// page: the full help (?) and a message in full (i). It remembers the mode
// it was opened from and returns there. Nothing can be decided while it
// covers the article, so every other key only says how to close it.
type paneMode struct {
	build  func(width int) []string // the text, laid out for a width
	lines  []string
	top    int
	height int
	under  mode        // the mode to return to
	toggle key.Binding // the key that opened it also closes it (unset: none)
}

// openPane covers the article with the text build lays out; toggle, when
// set, is the key that opened it, which closes it too.
func (m *Model) openPane(build func(width int) []string, toggle key.Binding) {
	if toggle.Enabled() {
		toggle.SetHelp(toggle.Help().Key, "close")
	}
	p := &paneMode{build: build, under: m.mode, toggle: toggle}
	p.setSize(m.lay)
	m.mode = p
}

// setSize lays the text out again for l.
func (p *paneMode) setSize(l layout) {
	p.lines = p.build(l.Width)
	p.height = l.overlayRows()
	p.scroll(0)
}

// scroll moves the text by n rows.
func (p *paneMode) scroll(n int) { p.top = max(min(p.top+n, len(p.lines)-p.height), 0) }

// atEnd reports that the last row is on screen.
func (p *paneMode) atEnd() bool { return p.top+p.height >= len(p.lines) }

// View draws the visible rows, exactly height lines.
func (p *paneMode) View() string {
	out := make([]string, p.height)
	copy(out, p.lines[min(p.top, len(p.lines)):])
	return strings.Join(out, "\n")
}

// key pages through the text, or closes it.
func (p *paneMode) key(m *Model, msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	page := max(p.height-1, 1)
	switch {
	case key.Matches(msg, k.More):
		if p.atEnd() {
			m.mode = p.under
			return nil
		}
		p.scroll(page)
	case key.Matches(msg, k.PageUp):
		p.scroll(-page)
	case key.Matches(msg, k.Down):
		p.scroll(1)
	case key.Matches(msg, k.Up):
		p.scroll(-1)
	case key.Matches(msg, k.Close), key.Matches(msg, p.toggle):
		m.mode = p.under
	default:
		m.setInfo("%s: %s pages on, esc closes", msg.String(), k.More.Help().Key)
	}
	return nil
}

// help is the keys of the pane; More says "close" on the last page.
func (p *paneMode) help(k *KeyMap) help.KeyMap {
	b := bindings{k.More, k.PageUp, k.Down, k.Up, k.Close}
	if p.toggle.Enabled() {
		b = append(b, p.toggle)
	}
	return b
}
