package align

import "slices"

// A possessive pronoun replaced by a representative ending in ’s ("her
// death" → "daughter ’s death") is usually a possessor resolved alone.
// But the whole noun phrase may be a mention of its own entity, whose
// representative the pipeline wrote in one piece: "daughter ’s death",
// the first mention of the death, stands in the original, and the
// resolved text has it more often. Then the diff only kept "death"
// because both phrases end with it, and the substitution is a correct one
// of a whole mention.

// phraseRep reports whether s's resolved side and the next few kept
// content words (max_phrase_tail) form a phrase of the original that the
// resolved text holds at least min_phrase_copies more times: a
// representative written whole over a whole mention. A representative
// recurs; one possessor resolved before a noun that happens to follow it
// in the original ("his photography" → "Warhol ’s photography") adds one
// copy.
func (a *alignment) phraseRep(s substitution) bool {
	r := &a.rules.Inventory
	for j := 1; j <= r.MaxPhraseTail.Value; j++ {
		if s.a2+j > len(a.ot) || s.b2+j > len(a.rt) || a.match[s.a2+j-1] != int32(s.b2+j-1) ||
			!isContent(a.origClass(s.a2+j-1)) {
			return false
		}
		p := a.rid[s.b1 : s.b2+j]
		if n := occurrences(a.oid, p); n > 0 && occurrences(a.rid, p) >= n+r.MinPhraseCopies.Value {
			return true
		}
	}
	return false
}

// occurrences counts the places where phrase p stands in seq.
func occurrences(seq, p []int32) int {
	n := 0
	for i := 0; i+len(p) <= len(seq); i++ {
		if seq[i] == p[0] && slices.Equal(seq[i:i+len(p)], p) {
			n++
		}
	}
	return n
}
