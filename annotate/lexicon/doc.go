// Package lexicon is the little grammar the detectors need without a
// tagger: coarse word classes and the named word sets the rules test
// words against (words.txt), gender and person cues for names and nouns
// (names.txt), and how a text spells the possessive ’s.
// The lists are embedded in the binary, parsed once on first use and
// never written after, so they are safe to share between goroutines.
package lexicon
