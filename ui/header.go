package ui

import (
	"fmt"
	"strings"

	"corefix/model"
)

// header shows the article and its file, progress with a bar, the count of
// spans per status, the filter and the save state; one row on small
// screens.
type header struct {
	width, height int
}

// SetSize sets the header's width and rows.
func (h *header) SetSize(w, rows int) { h.width, h.height = w, rows }

// View draws the header; state is the styled save state.
func (h header) View(st *Styles, title, path string, counts map[model.Status]int, total int, filter, state string) string {
	done := total - counts[model.Pending]
	pct := 1.0
	if total > 0 {
		pct = float64(done) / float64(total)
	}
	barW := max(min(h.width/5, 30), 5)
	fill := int(pct*float64(barW) + 0.5)
	bar := st.Accepted.Render(strings.Repeat("█", fill)) + st.StripEmpty.Render(strings.Repeat("░", barW-fill))
	progress := fmt.Sprintf("%d/%d reviewed %s", done, total, bar)
	if h.height < 2 {
		return spread(st.Title.Render(title)+" "+state, progress, h.width)
	}
	parts := make([]string, 0, len(model.Statuses))
	for _, s := range model.Statuses {
		parts = append(parts, fmt.Sprintf("%s %d", s, counts[s]))
	}
	line2 := strings.Join(parts, " · ") + st.Dim.Render("  filter: "+filter)
	line1 := st.Title.Render(title) + st.Dim.Render(" → "+path)
	return spread(line1, progress, h.width) + "\n" + spread(line2, state, h.width)
}
