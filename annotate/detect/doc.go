// Package detect finds suspected broken coreference substitutions from the
// text alone.
//
// Detectors are pure functions of a model.Document: no I/O, deterministic,
// results sorted by offset, no mutable package state. Their configuration is
// explicit: Detectors(p) lists them set up with Params p, and
// DetectWith(doc, p) runs them all on one shared analysis (tokens and
// coarse word classes) and merges their findings per region so spans
// never overlap; Detect does so with DefaultParams, the shipped ones.
// Word classes and gender cues come from package lexicon.
//
// The detectors follow the mechanism that breaks the text: a resolver
// copies each cluster's representative over its mentions, and when a copy
// lands one or more tokens too far right ("drift") it overwrites the words
// after the mention. So the representatives recur verbatim (mentions.go),
// often in slots where no noun phrase fits (slot.go, recurring.go), next
// to the pronoun they should have replaced (collision.go, repeated.go),
// in lower case at a sentence start (lowerstart.go), where a possessive
// stood (possessive.go), before a verb that agrees with another person
// (agreement.go), or inside their own speaker's quotation (speaker.go).
// A representative the document shows drifting once is suspect in every
// odd slot after that (confirmed.go).
//
// The shipped parameters (DefaultParams) let one learned scorer decide:
// the judge (judge.go, features in judgefeatures.go) rates every
// candidate span — each repeat of a recurring phrase, each span a hand
// rule flags at any confidence, each recurring pronoun that reads out of
// place — from what the hand rules said of it, the copy features and the
// fluency model (package fluency), with boosted trees trained on damaged
// documents of other genres. Its trees and threshold are data, the
// embedded judge.json (judgefile.go), written by the developer command
// `corefix-lab train-judge` (docs/lab.md). HandParams runs the hand rules
// alone, with their own confidences and, in a drifting document, a
// logistic regression over the same signals (copyscore.go, features in
// copyfeatures.go, weights in copyscorer.json, `corefix-lab train-copy`)
// that vetoes their weakest copies and adds the ones they miss: the
// detector the judge is measured against.
package detect
