// Package align is exact mode: given a coreference-resolved article and
// the same article before substitution, it aligns the two token by token
// (package diff) and explains every difference as a finding — a correct
// substitution at its mention, a possessive turned bare, a copy that
// drifted and overwrote other words (the lost words known), or a change
// inside a quotation — with the original words as the first proposal.
//
// The code holds the conditions; what they are tuned by is data: the
// confidences, thresholds, weights and finding texts in rules.json, the
// word lists as classes of package lexicon. Both are loaded once, checked
// on load, and handed to each alignment.
package align
