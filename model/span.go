package model

import (
	"slices"
	"time"
)

// Status is the editor's decision on a span.
type Status string

// Span statuses, as in docs/formats.md.
const (
	Pending  Status = "pending"  // undecided
	Accepted Status = "accepted" // a proposal taken; Replacement is its text
	Edited   Status = "edited"   // the editor typed Replacement
	Rejected Status = "rejected" // not broken; the text stays
)

// Statuses lists every status in display order.
var Statuses = []Status{Pending, Accepted, Edited, Rejected}

// Valid reports whether s is a known status.
func (s Status) Valid() bool {
	for _, k := range Statuses {
		if s == k {
			return true
		}
	}
	return false
}

// Changes reports whether a span with this status rewrites the text.
func (s Status) Changes() bool { return s == Accepted || s == Edited }

// Origin says where a span came from.
type Origin string

// Span origins.
const (
	FromDetector  Origin = "detector"
	FromAlignment Origin = "alignment"
	FromManual    Origin = "manual"
	// FromResolver spans are the substitutions of corefix resolve, for an
	// editor to check before the resolved text is used.
	FromResolver Origin = "resolver"
)

// OriginFor is where the found spans of a document come from: the aligner
// when its original text is known (orig non-nil), the detectors otherwise.
func OriginFor(orig *Document) Origin {
	if orig != nil {
		return FromAlignment
	}
	return FromDetector
}

// Valid reports whether o is a known origin.
func (o Origin) Valid() bool {
	return slices.Contains(origins, o)
}

// Span is a finding under review: the finding plus the editor's decision.
type Span struct {
	Finding
	Origin      Origin
	Status      Status
	Replacement string // meaningful when Status.Changes()
	Note        string
	Updated     time.Time // zero until decided
}

// Overlaps reports whether the half-open ranges of a and b intersect.
func (s Span) Overlaps(start, end int) bool {
	return s.Start < end && start < s.End
}
