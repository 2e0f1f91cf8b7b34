package ui

import (
	"fmt"
	"strings"

	"corefix/model"
)

// detailView describes the focused span. Lines come in order of use when
// the panel is short: what it is, the proposals to pick from, the words
// the substitution replaced, then the detector's reason.
func (m *Model) detailView() string {
	st := m.styles
	if m.focus < 0 {
		return "No findings. m marks a span the detector missed."
	}
	s := m.a.Span(m.focus)
	text := m.a.Doc.Text[s.Start:s.End]
	title := fmt.Sprintf("%s %s %s %.0f%%", st.Bold.Render(fmt.Sprintf("%d/%d", m.focus+1, m.a.Len())), s.ID,
		st.Category[s.Category].Render(string(s.Category)), s.Confidence*100)
	if s.Rule != "" {
		title += " · " + s.Rule
	}
	title += " · " + status(s)
	lines := []string{title, m.proposalsLine(s)}
	if s.Original != nil {
		lines = append(lines, fmt.Sprintf("original: %q  now: %q", *s.Original, text))
	} else {
		lines = append(lines, fmt.Sprintf("text: %q", text))
	}
	if s.Message != "" {
		lines = append(lines, st.Dim.Render("why: "+s.Message))
	}
	return strings.Join(lines, "\n")
}

// status is a span's status with its replacement.
func status(s model.Span) string {
	if s.Status.Changes() {
		return fmt.Sprintf("%s → %q", s.Status, s.Replacement)
	}
	return string(s.Status)
}

// proposalsLine numbers the proposals as the 1–9 keys take them.
func (m *Model) proposalsLine(s model.Span) string {
	if len(s.Proposals) == 0 {
		return m.styles.Dim.Render("no proposals — e to type a fix")
	}
	parts := make([]string, len(s.Proposals))
	for i, p := range s.Proposals {
		t := p.Text
		if t == "" {
			t = emptyReplacement
		}
		parts[i] = fmt.Sprintf("%s %s", m.styles.Bold.Render(fmt.Sprint(i+1)), t)
		if p.Note != "" {
			parts[i] += m.styles.Dim.Render(" (" + p.Note + ")")
		}
	}
	return strings.Join(parts, "   ")
}
