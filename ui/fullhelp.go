package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// openHelp covers the article with every key of the current mode (?).
func (m *Model) openHelp() {
	km, st := m.helpKeys(), m.styles
	m.openPane(func(w int) []string { return fullHelp(km, st, w) }, key.Binding{})
	m.setInfo("all keys — a dim one cannot act now: press it to see why")
}

// fullHelp lays out every binding of km in as many columns as fit w
// cells, in the order of its groups, under a title. Unlike the short help
// it lists the bindings that cannot act now too, dimmed, so it is
// complete whatever the state: the keys are the key map's, never written
// by hand.
func fullHelp(km help.KeyMap, st *Styles, w int) []string {
	var all []key.Binding
	for _, group := range km.FullHelp() {
		all = append(all, group...)
	}
	const gap = 3
	cols, rows := helpColumns(all, w, gap)
	lines := []string{st.Bold.Render("All keys") + st.Dim.Render(" (dim: cannot act now)")}
	for r := range rows {
		var line strings.Builder
		for c, col := range cols {
			if r >= len(col.items) {
				break
			}
			if c > 0 {
				line.WriteString(strings.Repeat(" ", gap))
			}
			descW := col.descW
			if c == len(cols)-1 {
				descW = 0 // nothing to its right: no padding to trail the line
			}
			line.WriteString(helpItem(col.items[r], st, col.keyW, descW))
		}
		lines = append(lines, line.String())
	}
	return lines
}

// helpColumn is one column of the full help and the widths of its keys
// and descriptions.
type helpColumn struct {
	items       []key.Binding
	keyW, descW int
}

// helpColumns splits all into the most columns (filled top to bottom)
// that fit w cells with gap between them, and the rows they take.
func helpColumns(all []key.Binding, w, gap int) ([]helpColumn, int) {
	for n := len(all); n > 1; n-- {
		rows := (len(all) + n - 1) / n
		cols, width := splitColumns(all, rows), -gap
		for _, c := range cols {
			width += c.keyW + 1 + c.descW + gap
		}
		if width <= w {
			return cols, rows
		}
	}
	return splitColumns(all, len(all)), len(all)
}

// splitColumns cuts all into columns of rows bindings.
func splitColumns(all []key.Binding, rows int) []helpColumn {
	var cols []helpColumn
	for i := 0; i < len(all); i += max(rows, 1) {
		c := helpColumn{items: all[i:min(i+rows, len(all))]}
		for _, b := range c.items {
			c.keyW = max(c.keyW, lipgloss.Width(b.Help().Key))
			c.descW = max(c.descW, lipgloss.Width(b.Help().Desc))
		}
		cols = append(cols, c)
	}
	return cols
}

// helpItem is one binding: its keys and what it does, padded to a column.
func helpItem(b key.Binding, st *Styles, keyW, descW int) string {
	k, d := b.Help().Key, b.Help().Desc
	k += strings.Repeat(" ", keyW-lipgloss.Width(k))
	d += strings.Repeat(" ", max(descW-lipgloss.Width(d), 0))
	if !b.Enabled() {
		return st.Dim.Faint(true).Render(k + " " + d)
	}
	return st.Help.FullKey.Render(k) + " " + st.Help.FullDesc.Render(d)
}
