package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// cellOf finds where on screen the article shows text: its column and
// row (0-based, in screen coordinates).
func cellOf(t *testing.T, m *Model, text string) (x, y int) {
	t.Helper()
	for y, line := range strings.Split(screen(m), "\n") {
		if y < m.lay.Header || y >= m.lay.Header+m.lay.Article {
			continue
		}
		if i := strings.Index(line, text); i >= 0 {
			return len([]rune(line[:i])), y
		}
	}
	t.Fatalf("%q is not on screen:\n%s", text, screen(m))
	return 0, 0
}

// TestMouseClickFocuses: a click on a finding focuses it (and the next
// decision applies to it); a click beside findings says so; a click on
// the strip jumps to that part of the article.
func TestMouseClickFocuses(t *testing.T) {
	m := newTestModel(t, 80, 24)
	x, y := cellOf(t, m, "The real story a total")
	m.Update(tea.MouseClickMsg{X: x + 4, Y: y, Button: tea.MouseLeft}) // on "real"
	if got := focused(m); got != "f0006" {
		t.Fatalf("click on The real story: focus %s, want f0006", got)
	}
	press(t, m, "r")
	if s := spanByID(t, m.a, "f0006"); s.Status != "rejected" {
		t.Errorf("r after the click: f0006 %s, want rejected", s.Status)
	}
	x, y = cellOf(t, m, "bowed to")
	m.Update(tea.MouseClickMsg{X: x, Y: y, Button: tea.MouseLeft})
	if !strings.Contains(m.bar.msg, "no finding there") || focused(m) != "f0007" {
		t.Errorf("click beside the findings: status %q, focus %s (want f0007 after r moved on)", m.bar.msg, focused(m))
	}
	m.Update(tea.MouseClickMsg{X: 79, Y: m.lay.Header + m.lay.Article, Button: tea.MouseLeft})
	if vs, _ := m.art.Visible(); vs < len(m.a.Doc.Text)/2 || (m.focus >= 0 && !m.onScreen(m.focus)) {
		t.Errorf("click at the strip's end: the article shows from %d of %d, focus %s", vs, len(m.a.Doc.Text), focused(m))
	}
}

// TestMouseWheelScrolls: the wheel scrolls the article (the focus follows)
// and the preview.
func TestMouseWheelScrolls(t *testing.T) {
	m := newTestModel(t, 80, 24)
	top := m.art.top
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if m.art.top != top+wheelRows {
		t.Errorf("wheel down: top %d, want %d", m.art.top, top+wheelRows)
	}
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelUp})
	if m.art.top != top {
		t.Errorf("wheel up: top %d, want %d", m.art.top, top)
	}
	press(t, m, "d")
	p := m.mode.(*preview)
	before := p.top
	m.Update(tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if p.top != before+wheelRows {
		t.Errorf("wheel in the preview: top %d, want %d", p.top, before+wheelRows)
	}
}
