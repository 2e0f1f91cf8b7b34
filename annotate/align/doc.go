// Package align is exact mode: given a coreference-resolved article and
// the same article before substitution, it aligns the two token by token
// (package diff) and explains every difference as a finding — a correct
// substitution at its mention, a possessive turned bare, a copy that
// drifted and overwrote other words (the lost words known), or a change
// inside a quotation — with the original words as the first proposal.
package align
