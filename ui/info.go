package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
)

// openInfo covers the article with what the screen had to cut (i): the
// status message and the focused finding, every field in full.
func (m *Model) openInfo() {
	text := m.infoText()
	m.openPane(func(w int) []string {
		return strings.Split(lipgloss.Wrap(text, max(w, 1), ""), "\n")
	}, m.keys.Full)
	m.setInfo("the message and the finding in full — i or esc closes")
}

// infoText is the status message, then the focused finding in full.
func (m *Model) infoText() string {
	st := m.styles
	lines := []string{st.Bold.Render("Message"), m.bar.msg, ""}
	if m.focus < 0 {
		return strings.Join(append(lines, "No finding is focused."), "\n")
	}
	s := m.a.Span(m.focus)
	lines = append(lines, st.Bold.Render("Finding"), spanTitle(st, m.a, m.focus),
		textLine(m.a, s, m.anteSummary()), fmt.Sprintf("origin: %s · confidence %.2f", s.Origin, s.Confidence))
	for i, p := range s.Proposals {
		line := fmt.Sprintf("proposal %d: %q", i+1, p.Text)
		if p.Note != "" {
			line += " (" + p.Note + ")"
		}
		lines = append(lines, line)
	}
	if s.Message != "" {
		lines = append(lines, "why: "+s.Message)
	}
	if s.Note != "" {
		lines = append(lines, "note: "+strconv.Quote(s.Note))
	}
	return strings.Join(lines, "\n")
}
