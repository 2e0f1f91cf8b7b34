package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"

	"corefix/model"
)

// detailPanel describes the focused span.
type detailPanel struct {
	width, height int
}

// SetSize sets the panel's width and rows.
func (d *detailPanel) SetSize(w, h int) { d.width, d.height = w, h }

// View describes span i of a (-1 for none). ante says which entity the
// span mentions ("" when none is known). Lines come in order of use, so a
// short panel keeps the useful ones: what the span is, the proposals to
// pick from, its text (and the words the substitution replaced, and its
// entity), the editor's note, then the detector's reason, which gets the
// rows left over. i for a full view of all of it.
func (d detailPanel) View(st *Styles, a *model.Annotation, i int, ante string) string {
	switch {
	case a.Len() == 0:
		return "No findings. m marks a span the detector missed."
	case i < 0:
		return "No finding on screen: n goes to the next one, p to the previous, or click one."
	}
	s := a.Span(i)
	lines := []string{spanTitle(st, a, i), proposalsLine(st, s), textLine(a, s, ante)}
	if s.Note != "" {
		lines = append(lines, "note: "+strconv.Quote(s.Note))
	}
	if s.Message != "" && len(lines) < d.height {
		why := lipgloss.Wrap("why: "+s.Message, max(d.width, 1), "")
		for _, l := range strings.Split(why, "\n") {
			lines = append(lines, st.Dim.Render(l))
		}
	}
	return strings.Join(fit(strings.Join(lines, "\n"), d.height, d.width), "\n")
}

// spanTitle is span i's number, id, category, confidence, rule and status.
func spanTitle(st *Styles, a *model.Annotation, i int) string {
	s := a.Span(i)
	title := fmt.Sprintf("%s %s %s %.0f%%", st.Bold.Render(fmt.Sprintf("%d/%d", i+1, a.Len())), s.ID,
		st.Category[s.Category].Render(string(s.Category)), s.Confidence*100)
	if s.Rule != "" {
		title += " · " + s.Rule
	}
	return title + " · " + status(s)
}

// textLine is the span's text (beside the original words, when known) and
// the entity it mentions.
func textLine(a *model.Annotation, s model.Span, ante string) string {
	text := a.Doc.Text[s.Start:s.End]
	line := fmt.Sprintf("text: %q", text)
	if s.Original != nil {
		line = fmt.Sprintf("original: %q  now: %q", *s.Original, text)
	}
	if ante != "" {
		line += " · " + ante
	}
	return line
}

// status is a span's status with its replacement.
func status(s model.Span) string {
	if s.Status.Changes() {
		return fmt.Sprintf("%s → %q", s.Status, s.Replacement)
	}
	return string(s.Status)
}

// proposalsLine numbers the proposals as the 1–9 keys take them.
func proposalsLine(st *Styles, s model.Span) string {
	if len(s.Proposals) == 0 {
		return st.Dim.Render("no proposals — e to type a fix")
	}
	parts := make([]string, len(s.Proposals))
	for i, p := range s.Proposals {
		t := p.Text
		if t == "" {
			t = emptyReplacement
		}
		parts[i] = fmt.Sprintf("%s %s", st.Bold.Render(fmt.Sprint(i+1)), t)
		if p.Note != "" {
			parts[i] += st.Dim.Render(" (" + p.Note + ")")
		}
	}
	return strings.Join(parts, "   ")
}
