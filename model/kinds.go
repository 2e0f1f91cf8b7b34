package model

// Kinds is a set of span kinds, a kind being a status and a category: an
// editor's filters are such sets ("pending", "decided", "possessive"), and
// Annotation.Next finds the next span of a set without reading every span
// in between.
type Kinds uint32

// kindBit is the bit of a status and category: 8 bits per status, one
// per category.
func kindBit(st Status, c Category) Kinds {
	return 1 << (8*statusIndex(st) + categoryIndex(c))
}

// KindOf is the kind of s.
func KindOf(s *Span) Kinds { return kindBit(s.Status, s.Category) }

// AllKinds holds every kind.
const AllKinds Kinds = 1<<32 - 1

// StatusKinds is every kind of status st.
func StatusKinds(st Status) Kinds { return 0xff << (8 * statusIndex(st)) }

// CategoryKinds is every kind of category c.
func CategoryKinds(c Category) Kinds {
	var k Kinds
	for _, st := range Statuses {
		k |= kindBit(st, c)
	}
	return k
}

// categoryIndex is c's index in Categories (the last for an unknown one,
// which validation never lets in).
func categoryIndex(c Category) int {
	switch c {
	case Overwrite:
		return 0
	case Possessive:
		return 1
	case Antecedent:
		return 2
	case Quote:
		return 3
	case Other:
		return 4
	}
	return 5
}

// Next returns the index of the first span after span i (dir 1) or
// before it (dir -1) whose kind is in want, -1 when there is none; i may
// be -1 or Len to start from an end. It reads the spans of a block only
// when the block holds such a kind, so it costs little however far the
// next one is.
func (a *Annotation) Next(i, dir int, want Kinds) int { return a.spans.next(i, dir, want) }
