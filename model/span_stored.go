package model

import (
	"fmt"
	"strconv"
	"time"
	"unique"
	"unsafe"
)

// storedSpan is a span as an annotation's blocks hold it. A Span takes
// 208 bytes, and a 20 MB article has 340,000 of them, nearly all
// pending: its ID is a number foundID made (f0001…), its category,
// origin and status are one of a few names each (an index here), its
// rule and message one of a few dozen (a unique handle), its offsets
// fit in 32 bits (MaxText), and its replacement, note and time are set
// only once it is decided, so they live apart (extra, nil until then).
type storedSpan struct {
	rule       unique.Handle[string]
	message    unique.Handle[string]
	proposals  *Proposal // the first of nProposals: Proposals without its length and capacity
	original   *string
	confidence float64
	extra      *spanExtra
	start, end int32
	nProposals uint32
	idNum      uint32 // the ID's number, unless idKind is idOther
	idKind     uint8
	category   uint8 // 1 + the index in Categories, 0 for ""
	origin     uint8 // 1 + the index in origins, 0 for ""
	status     uint8 // 1 + the index in Statuses, 0 for ""
}

// spanExtra is what few spans hold: a decision, a note, an ID that no
// number makes.
type spanExtra struct {
	id          string // when idKind is idOther
	replacement string
	note        string
	updated     time.Time
}

// How a stored span holds its ID.
const (
	idOther  uint8 = iota // as a string, in extra ("" without extra)
	idFound               // foundID(idNum)
	idManual              // manualID(idNum)
)

// origins lists every origin.
var origins = []Origin{FromDetector, FromAlignment, FromManual, FromResolver}

// store is s as a block holds it. s must have been validated: known
// category, origin and status, offsets within MaxText.
func store(s *Span) storedSpan {
	kind, num := packID(s.ID)
	p := storedSpan{
		rule:       unique.Make(s.Rule),
		message:    unique.Make(s.Message),
		proposals:  unsafe.SliceData(s.Proposals),
		original:   s.Original,
		confidence: s.Confidence,
		start:      int32(s.Start),
		end:        int32(s.End),
		nProposals: uint32(len(s.Proposals)),
		idNum:      num,
		idKind:     kind,
		category:   nameIndex(Categories, s.Category),
		origin:     nameIndex(origins, s.Origin),
		status:     nameIndex(Statuses, s.Status),
	}
	var other string
	if kind == idOther {
		other = s.ID
	}
	if other != "" || s.Replacement != "" || s.Note != "" || !s.Updated.IsZero() {
		p.extra = &spanExtra{id: other, replacement: s.Replacement, note: s.Note, updated: s.Updated}
	}
	return p
}

// packID is how a stored span holds id: the kind and number of the ID
// foundID or manualID makes of a number, idOther when neither makes it.
func packID(id string) (uint8, uint32) {
	if len(id) < 2 {
		return idOther, 0
	}
	kind, width := idFound, 4
	switch id[0] {
	case 'f':
	case 'm':
		kind, width = idManual, 3
	default:
		return idOther, 0
	}
	digits := id[1:]
	n, err := strconv.ParseUint(digits, 10, 32)
	// Padded to width with zeros, and no zero before a longer number.
	if err != nil || len(digits) < width || len(digits) > width && digits[0] == '0' {
		return idOther, 0
	}
	return kind, uint32(n)
}

// ID is the span's ID. One foundID or manualID makes is made again, a
// string each time: an editor asks for a few spans' at a time.
func (p *storedSpan) ID() string {
	switch p.idKind {
	case idFound:
		return foundID(int(p.idNum))
	case idManual:
		return manualID(int(p.idNum))
	}
	if p.extra == nil {
		return ""
	}
	return p.extra.id
}

// setFoundID gives p the ID foundID(n). The extra it had is copied, not
// changed: a snapshot's span may share it.
func (p *storedSpan) setFoundID(n int) {
	if p.idKind == idOther && p.extra != nil && p.extra.id != "" {
		e := *p.extra
		e.id = ""
		p.extra = &e
		if e == (spanExtra{}) {
			p.extra = nil
		}
	}
	p.idKind, p.idNum = idFound, uint32(n)
}

// span is p as a Span.
func (p *storedSpan) span() Span {
	s := Span{
		Finding: Finding{
			ID: p.ID(), Start: int(p.start), End: int(p.end),
			Category: nameAt(Categories, p.category), Rule: p.rule.Value(),
			Confidence: p.confidence, Message: p.message.Value(),
			Proposals: unsafe.Slice(p.proposals, p.nProposals), Original: p.original,
		},
		Origin: nameAt(origins, p.origin),
		Status: nameAt(Statuses, p.status),
	}
	if e := p.extra; e != nil {
		s.Replacement, s.Note, s.Updated = e.replacement, e.note, e.updated
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
