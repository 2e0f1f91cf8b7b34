package model

import (
	"fmt"
	"time"
	"unique"
	"unsafe"
)

// storedSpan is a span as an annotation's blocks hold it. A Span takes
// 208 bytes, and a 20 MB article has 340,000 of them, nearly all
// pending: its category, origin and status are one of a few names each
// (an index here), its rule and message one of a few dozen (a unique
// handle), its offsets fit in 32 bits (MaxText), and its replacement,
// note and time are set only once it is decided, so they live apart
// (decided, nil until then).
type storedSpan struct {
	id         string
	rule       unique.Handle[string]
	message    unique.Handle[string]
	proposals  *Proposal // the first of nProposals: Proposals without its length and capacity
	original   *string
	confidence float64
	decided    *decision
	start, end int32
	nProposals uint32
	category   uint8 // 1 + the index in Categories, 0 for ""
	origin     uint8 // 1 + the index in origins, 0 for ""
	status     uint8 // 1 + the index in Statuses, 0 for ""
}

// decision is what a span holds once decided or noted.
type decision struct {
	replacement string
	note        string
	updated     time.Time
}

// origins lists every origin.
var origins = []Origin{FromDetector, FromAlignment, FromManual, FromResolver}

// store is s as a block holds it. s must have been validated: known
// category, origin and status, offsets within MaxText.
func store(s *Span) storedSpan {
	p := storedSpan{
		id:         s.ID,
		rule:       unique.Make(s.Rule),
		message:    unique.Make(s.Message),
		proposals:  unsafe.SliceData(s.Proposals),
		original:   s.Original,
		confidence: s.Confidence,
		start:      int32(s.Start),
		end:        int32(s.End),
		nProposals: uint32(len(s.Proposals)),
		category:   nameIndex(Categories, s.Category),
		origin:     nameIndex(origins, s.Origin),
		status:     nameIndex(Statuses, s.Status),
	}
	if s.Replacement != "" || s.Note != "" || !s.Updated.IsZero() {
		p.decided = &decision{replacement: s.Replacement, note: s.Note, updated: s.Updated}
	}
	return p
}

// span is p as a Span.
func (p *storedSpan) span() Span {
	s := Span{
		Finding: Finding{
			ID: p.id, Start: int(p.start), End: int(p.end),
			Category: nameAt(Categories, p.category), Rule: p.rule.Value(),
			Confidence: p.confidence, Message: p.message.Value(),
			Proposals: unsafe.Slice(p.proposals, p.nProposals), Original: p.original,
		},
		Origin: nameAt(origins, p.origin),
		Status: nameAt(Statuses, p.status),
	}
	if d := p.decided; d != nil {
		s.Replacement, s.Note, s.Updated = d.replacement, d.note, d.updated
	}
	return s
}

// kind is KindOf the span p holds.
func (p *storedSpan) kind() Kinds {
	return kindBit(nameAt(Statuses, p.status), nameAt(Categories, p.category))
}

// nameIndex is 1 + the index of v in names, 0 for "". Validation lets no
// other value in, so another is a bug.
func nameIndex[T ~string](names []T, v T) uint8 {
	if v == "" {
		return 0
	}
	for i, n := range names {
		if n == v {
			return uint8(i + 1)
		}
	}
	panic(fmt.Sprintf("model: unknown %T %q", v, v))
}

// nameAt is the name nameIndex gave index i.
func nameAt[T ~string](names []T, i uint8) T {
	if i == 0 {
		return ""
	}
	return names[i-1]
}
