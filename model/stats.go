package model

import (
	"maps"
	"slices"
	"time"
)

// Stats tallies annotations for `corefix stats`: spans by status and by
// category, and decisions by clock hour (from each span's updated time,
// so the rate reflects when decisions were made, not when files were
// saved).
type Stats struct {
	Documents  int
	Spans      int
	ByStatus   map[Status]int
	ByCategory map[Category]int
	perHour    map[time.Time]int
}

// HourCount is the number of decisions made in one clock hour (UTC).
type HourCount struct {
	Hour  time.Time
	Count int
}

// NewStats starts an empty tally.
func NewStats() *Stats {
	return &Stats{ByStatus: make(map[Status]int), ByCategory: make(map[Category]int), perHour: make(map[time.Time]int)}
}

// Add counts one annotation.
func (st *Stats) Add(a *Annotation) {
	st.Documents++
	for _, s := range a.spans.all() {
		st.Spans++
		st.ByStatus[s.Status]++
		st.ByCategory[s.Category]++
		// A pending span may carry a time (a note was set, or a decision
		// undone): only decided spans are decisions.
		if s.Status != Pending && !s.Updated.IsZero() {
			st.perHour[s.Updated.UTC().Truncate(time.Hour)]++
		}
	}
}

// Decisions is the number of decided spans with a decision time.
func (st *Stats) Decisions() int {
	n := 0
	for _, c := range st.perHour {
		n += c
	}
	return n
}

// Hours lists the hours in which decisions were made, in time order.
// Hours without decisions are left out: a chart of a week's work would
// otherwise be mostly nights.
func (st *Stats) Hours() []HourCount {
	hours := slices.SortedFunc(maps.Keys(st.perHour), func(a, b time.Time) int { return a.Compare(b) })
	out := make([]HourCount, len(hours))
	for i, h := range hours {
		out[i] = HourCount{h, st.perHour[h]}
	}
	return out
}

// PerHour is the mean number of decisions per hour with any decision;
// ok is false when there is none.
func (st *Stats) PerHour() (rate float64, ok bool) {
	if len(st.perHour) == 0 {
		return 0, false
	}
	return float64(st.Decisions()) / float64(len(st.perHour)), true
}
