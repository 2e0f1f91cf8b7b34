package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// View draws the screen: header, article (or the corrected-text preview),
// strip, detail panel (or the antecedent panel), status line (or the
// input) and help; the full help and a message in full draw over the
// article, strip and detail rows. It changes nothing: what is costly to
// draw (the article's rows, the strip) Update drew already (see draw),
// and View puts it together.

func (m *Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion // click to focus, wheel to scroll
	v.WindowTitle = "corefix — " + m.title
	if m.width == 0 {
		return v // nothing is sized before the first WindowSizeMsg
	}
	l := m.lay
	var parts []string
	add := func(s string, n int) {
		parts = append(parts, fit(s, n, l.Width)...)
	}
	hd := headerData{title: m.title, path: m.target.Name(), counts: m.a.Counts(), total: m.a.Len(),
		filter: filters[m.filter].name, order: orders[m.order].name, state: m.saveState(), waiting: m.waitState()}
	if m.docs != nil {
		hd.docs = m.docsView
	}
	add(m.hdr.View(m.styles, hd), l.Header)
	switch md := m.mode.(type) {
	case *paneMode:
		add(md.View(), l.overlayRows())
	case *preview:
		add(md.View(), l.Article)
		m.addPanels(add)
	default:
		add(m.art.View(), l.Article)
		m.addPanels(add)
	}
	statusRow := len(parts)
	if m.typing() {
		add(m.input.View(), l.Status)
	} else {
		add(m.bar.MessageView(m.styles, l.Width, m.keys.Full.Enabled() && m.reviewing()), l.Status)
	}
	add(m.bar.HelpView(m.helpKeys()), l.Help)
	v.SetContent(strings.Join(parts, "\n"))
	if m.typing() && l.Status > 0 {
		if c := m.input.Cursor(); c != nil {
			c.Y += statusRow
			v.Cursor = c
		}
	}
	return v
}

// addPanels draws the strip and the detail panel, or the antecedent panel
// in the detail panel's place.
func (m *Model) addPanels(add func(string, int)) {
	add(m.strip.View(), m.lay.Strip)
	if mm, ok := m.mode.(*mentionsMode); ok {
		add(mm.panel(m, m.lay.Detail), m.lay.Detail)
		return
	}
	if m.waiting() && m.focus < 0 {
		add(m.waitNote(), m.lay.Detail)
		return
	}
	add(m.detail.View(m.styles, m.a, m.focus, m.anteSummary()), m.lay.Detail)
}

// anteSummary says which entity the focused span mentions, for the detail
// panel: "" when none is known. The entity is named only when the span
// holds more than its name (a copy that overwrote words), to keep the
// line short.
func (m *Model) anteSummary() string {
	if m.focus < 0 {
		return ""
	}
	s := m.a.Span(m.focus)
	ent, k, ok := m.entityOf(s)
	switch {
	case !ok:
		return ""
	case ent.Name == m.a.Doc.Text[s.Start:s.End]:
		return fmt.Sprintf("mention %d/%d (A)", k+1, len(ent.Mentions))
	}
	return fmt.Sprintf("mention %d/%d of %q (A)", k+1, len(ent.Mentions), ent.Name)
}

// fit makes s exactly n lines of at most w cells.
func fit(s string, n, w int) []string {
	if n <= 0 {
		return nil
	}
	lines := strings.SplitN(s, "\n", n+1)
	out := make([]string, n)
	for i := range out {
		if i < len(lines) && i < n {
			out[i] = ansi.Truncate(lines[i], w, "…")
		}
	}
	return out
}

// spread puts left and right on one row of w cells, cutting left first.
func spread(left, right string, w int) string {
	rw := lipgloss.Width(right)
	if rw >= w {
		return ansi.Truncate(right, w, "…")
	}
	left = ansi.Truncate(left, w-rw-1, "…")
	gap := w - rw - lipgloss.Width(left)
	return left + strings.Repeat(" ", gap) + right
}

// saveState says whether the file is up to date.
func (m *Model) saveState() string {
	switch {
	case m.target.ReadOnly():
		return m.styles.Error.Render("READ-ONLY")
	case m.saveErr != nil:
		return m.styles.Error.Render("NOT SAVED")
	case m.saving:
		return m.styles.Dim.Render("saving…")
	case m.unsaved():
		return m.styles.Dim.Render("unsaved")
	case m.version == 0:
		return ""
	}
	return m.styles.Info.Render("saved")
}
