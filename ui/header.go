package ui

import (
	"fmt"
	"strings"

	"corefix/model"
)

// header shows the article and where its work is saved, progress with a
// bar (in dataset mode the dataset's too), the count of spans per status,
// the filter and the save state; one row on small screens.
type header struct {
	width, height int
}

// headerData is what the header shows.
type headerData struct {
	title, path string
	counts      map[model.Status]int
	total       int                   // spans
	filter      string                // its name
	order       string                // the order n and p walk in
	state       string                // the styled save state
	docs        func(barW int) string // the dataset's progress; nil for a single file
	// waiting, while the spans are awaited, says what for (and how long)
	// in place of the progress and the counts, which are not known yet.
	waiting string
}

// SetSize sets the header's width and rows.
func (h *header) SetSize(w, rows int) { h.width, h.height = w, rows }

// View draws the header. With a dataset's progress too, narrow screens
// drop both bars and keep the figures.
func (h header) View(st *Styles, d headerData) string {
	barW := max(min(h.width/5, 30), 5)
	if d.docs != nil && h.width < 100 {
		barW = 0
	}
	done := d.total - d.counts[model.Pending]
	progress := fmt.Sprintf("%d/%d reviewed", done, d.total)
	switch {
	case d.waiting != "":
		progress = st.Dim.Render(d.waiting)
	case barW > 0:
		progress += " " + progressBar(st, done, d.total, barW)
	}
	if d.docs != nil {
		progress = d.docs(barW) + "  " + progress
	}
	if h.height < 2 {
		return spread(st.Title.Render(d.title)+" "+d.state, progress, h.width)
	}
	parts := make([]string, 0, len(model.Statuses))
	for _, s := range model.Statuses {
		parts = append(parts, fmt.Sprintf("%s %d", s, d.counts[s]))
	}
	line2 := strings.Join(parts, " · ")
	if d.waiting != "" && d.total == 0 {
		line2 = st.Dim.Render("no spans yet")
	}
	line2 += st.Dim.Render("  filter: " + d.filter)
	if d.order != orders[0].name {
		line2 += st.Dim.Render(" · by " + d.order)
	}
	line1 := st.Title.Render(d.title) + st.Dim.Render(" → "+d.path)
	return spread(line1, progress, h.width) + "\n" + spread(line2, d.state, h.width)
}

// progressBar draws done out of total as a bar of w cells (full when
// there is nothing to do).
func progressBar(st *Styles, done, total, w int) string {
	pct := 1.0
	if total > 0 {
		pct = float64(done) / float64(total)
	}
	fill := int(pct*float64(w) + 0.5)
	return st.Accepted.Render(strings.Repeat("█", fill)) + st.StripEmpty.Render(strings.Repeat("░", w-fill))
}
