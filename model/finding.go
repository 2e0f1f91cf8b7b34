package model

import (
	"fmt"
	"sort"
	"strconv"
)

// Category classifies a finding; the values are the ones in docs/formats.md.
type Category string

// Categories of damage (and "substitution" for a correct-looking one).
const (
	Overwrite    Category = "overwrite"
	Possessive   Category = "possessive"
	Antecedent   Category = "antecedent"
	Quote        Category = "quote"
	Other        Category = "other"
	Substitution Category = "substitution"
)

// Categories lists every category in the order the editor's filter cycles.
var Categories = []Category{Overwrite, Possessive, Antecedent, Quote, Other, Substitution}

// Valid reports whether c is a known category.
func (c Category) Valid() bool {
	for _, k := range Categories {
		if c == k {
			return true
		}
	}
	return false
}

// Placeholder stands in a proposal for a word the tool knows is missing but
// cannot guess; the editor types it.
const Placeholder = "▢"

// BrokenThreshold is the confidence from which a finding counts as broken
// (scoring and --min-confidence use it).
const BrokenThreshold = 0.5

// Proposal is one candidate repair: Text replaces the finding's span.
type Proposal struct {
	Text string `json:"text"`
	Note string `json:"note,omitempty"`
}

// Finding is a suspected broken span: data only, with the fix as data.
// Start and End are byte offsets into the document text.
type Finding struct {
	ID         string
	Start, End int
	Category   Category
	Rule       string
	Confidence float64
	Message    string
	Proposals  []Proposal
	// Original holds the words the substitution replaced, when known
	// (exact mode); nil when unknown.
	Original *string
}

// Validate checks the finding against a text of length n bytes.
func (f Finding) Validate(n int) error {
	switch {
	case f.Start < 0 || f.End > n || f.Start >= f.End:
		return fmt.Errorf("span [%d,%d) is empty or outside the text", f.Start, f.End)
	case !f.Category.Valid():
		return fmt.Errorf("unknown category %q", f.Category)
	case f.Confidence < 0 || f.Confidence > 1:
		return fmt.Errorf("confidence %v outside [0,1]", f.Confidence)
	}
	return nil
}

// ValidateFindings checks a detector's output for a text of n bytes:
// every finding valid, sorted by start and, when disjoint, none
// overlapping the next (merged findings never overlap).
func ValidateFindings(n int, fs []Finding, disjoint bool) error {
	for i, f := range fs {
		if err := f.Validate(n); err != nil {
			return fmt.Errorf("finding %d (%s): %w", i, f.ID, err)
		}
		if i == 0 {
			continue
		}
		if p := fs[i-1]; p.Start > f.Start {
			return fmt.Errorf("findings not sorted: [%d,%d) before [%d,%d)", p.Start, p.End, f.Start, f.End)
		} else if disjoint && p.End > f.Start {
			return fmt.Errorf("findings overlap: [%d,%d) and [%d,%d)", p.Start, p.End, f.Start, f.End)
		}
	}
	return nil
}

// SortFindings orders findings by start, then end, and numbers their IDs
// f0001, f0002… in that order when they have none.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].Start != fs[j].Start {
			return fs[i].Start < fs[j].Start
		}
		return fs[i].End < fs[j].End
	})
	for i := range fs {
		if fs[i].ID == "" {
			fs[i].ID = foundID(i + 1)
		}
	}
}

// foundID is the ID of the n-th finding (from 1) of a document, in text
// order: f0001….
func foundID(n int) string { return numberedID('f', n, 4) }

// numberedID is prefix and n (n >= 0) in at least width digits, as
// fmt's %0*d writes it, in one allocation: a stored span's ID is made
// whenever the span is read (storedSpan.ID), and fmt.Sprintf was 0.39 s
// of the 0.45 s an editor's keys spent reading spans.
func numberedID(prefix byte, n, width int) string {
	var buf [24]byte
	b := append(buf[:0], prefix)
	var digits [20]byte
	d := strconv.AppendInt(digits[:0], int64(n), 10)
	for range width - len(d) {
		b = append(b, '0')
	}
	return string(append(b, d...))
}
