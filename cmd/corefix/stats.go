package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"

	"corefix/model"
	"corefix/model/store"
)

// statsOptions are the flags of `corefix stats`.
type statsOptions struct {
	src annotationSource
}

func statsCommand() command {
	return command{
		name: "stats", args: "--db PATH | FILE...",
		summary: "Count spans by status and category and decisions per hour, with bar charts.\n" +
			"Decision times are the spans' updated times (UTC); with --db, also each annotator's progress.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &statsOptions{}
			o.src.declare(fs, "count only this annotator's work")
			return func(args []string) error { return runStats(e, o, args) }
		},
	}
}

func runStats(e *env, o *statsOptions, args []string) error {
	if err := o.src.check(args); err != nil {
		return err
	}
	st := model.NewStats()
	w := bufio.NewWriter(e.stdout)
	if o.src.db == "" {
		for a, err := range annotationFiles(o.src.files) {
			if err != nil {
				return err
			}
			st.Add(a)
		}
	} else if err := statsDB(w, st, o); err != nil {
		return err
	}
	writeStats(w, st)
	return w.Flush()
}

// statsDB tallies the database and prints each annotator's progress
// through the dataset first.
func statsDB(w io.Writer, st *model.Stats, o *statsOptions) error {
	s, err := o.src.open(false)
	if err != nil {
		return err
	}
	defer s.Close()
	names := []string{o.src.annotator}
	if o.src.annotator == "" {
		if names, err = s.Annotators(); err != nil {
			return err
		}
	} else if _, err := oneAnnotator(s, o.src.annotator); err != nil {
		return err
	}
	for _, name := range names {
		p, err := s.Progress(name)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s: %d of %d documents done, %d in progress, %d untouched\n",
			name, p.Done, p.Total, p.InProgress, p.Untouched)
	}
	if err := listSetAside(w, s, o.src.annotator); err != nil {
		return err
	}
	for r, err := range s.Annotations(o.src.annotator) {
		if err != nil {
			return err
		}
		st.Add(r.Annotation)
	}
	fmt.Fprintln(w)
	return nil
}

// listSetAside lists the annotations set aside because their document's
// text changed: they count nowhere else, so this is where they are seen.
func listSetAside(w io.Writer, s *store.Store, annotator string) error {
	n := 0
	for r, err := range s.SetAside(annotator) {
		if err != nil {
			return err
		}
		if n == 0 {
			fmt.Fprintln(w, "set aside, made for a text the dataset has changed since (export --set-aside writes them):")
		}
		n++
		fmt.Fprintf(w, "  %s by %s: %s; set aside %s\n", r.DocID, r.Annotator, r.Annotation.Describe(), r.SetAside.Format("2006-01-02 15:04"))
	}
	return nil
}

// chartWidth is the longest bar, in cells: fits 80 columns with labels.
const chartWidth = 40

// maxHours bounds the hourly chart to a screenful: the recent hours.
const maxHours = 24

func writeStats(w io.Writer, st *model.Stats) {
	fmt.Fprintf(w, "%d document(s), %d span(s), %d decision(s)\n", st.Documents, st.Spans, st.Decisions())
	var rows []chartRow
	for _, s := range model.Statuses {
		rows = append(rows, chartRow{string(s), st.ByStatus[s]})
	}
	writeChart(w, "\nspans by status", rows)
	rows = rows[:0]
	for _, c := range model.Categories {
		rows = append(rows, chartRow{string(c), st.ByCategory[c]})
	}
	writeChart(w, "\nspans by category", rows)
	hours := st.Hours()
	title := "\ndecisions per hour (UTC): none with a time"
	if rate, ok := st.PerHour(); ok {
		title = fmt.Sprintf("\ndecisions per hour (UTC), %.1f per hour worked", rate)
	}
	if len(hours) > maxHours {
		title += fmt.Sprintf(" (the last %d of %d hours)", maxHours, len(hours))
		hours = hours[len(hours)-maxHours:]
	}
	rows = rows[:0]
	for _, h := range hours {
		rows = append(rows, chartRow{h.Hour.Format("2006-01-02 15h"), h.Count})
	}
	writeChart(w, title, rows)
}

// chartRow is one labelled bar.
type chartRow struct {
	label string
	n     int
}

// writeChart prints rows as horizontal bars scaled to the largest.
func writeChart(w io.Writer, title string, rows []chartRow) {
	fmt.Fprintln(w, title)
	most, width := 0, 0
	for _, r := range rows {
		most = max(most, r.n)
		width = max(width, len(r.label))
	}
	for _, r := range rows {
		line := fmt.Sprintf("  %-*s %5d %s", width, r.label, r.n, bar(r.n, most, chartWidth))
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
}

// eighths are the partial block characters, so a bar's length is exact
// to an eighth of a cell.
var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// bar draws n out of most as at most width cells of block characters.
func bar(n, most, width int) string {
	if most <= 0 || n <= 0 {
		return ""
	}
	e := (n*width*8 + most/2) / most // length in eighths of a cell, rounded
	if e == 0 {
		e = 1 // a non-zero count always shows
	}
	return strings.Repeat("█", e/8) + eighths[e%8]
}
