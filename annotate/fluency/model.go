package fluency

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

//go:embed fluency.txt
var fluencyTxt string

// Default returns the model learned from UD English EWT, parsed from the
// embedded data on first use. It is never modified after, so it is safe
// to share between goroutines.
func Default() *Model { return defaultModel() }

// defaultModel parses the embedded data once.
var defaultModel = sync.OnceValue(func() *Model {
	m, err := parseText(fluencyTxt)
	if err != nil {
		panic("fluency: embedded data: " + err.Error()) // TestDefaultTags guards it
	}
	return m
})

// noneLimit bounds the tag set so tag IDs and the "no tag" context fit a
// byte.
const noneLimit = 256

// Tag is a part-of-speech tag of a Model: a UPOS/XPOS pair.
type Tag uint8

// Model is a part-of-speech hidden Markov model: what Parse derives from
// a data file. It is immutable.
type Model struct {
	p     Params
	tags  []pair
	prior []float64 // P(tag)
	// trans holds P(c | a, b) at (a*(n+1)+b)*n+c for n tags, where a or b
	// may be n, "no tag": the text before the window is unknown.
	trans []float32
	// logTrans is the log of each of trans, which Viterbi reads (Tags).
	logTrans []float64
	words    map[string]candRange // seen word forms
	cands    []cand               // every word's and suffix's likely tags
	guess    guesser
	none     []cand // the context before a window: the "no tag" tag
	wild     []cand // a word of any kind: the commoner tags, as likely as in text
	// wildRange locates wild in cands.
	wildRange candRange
	// probes are the pronouns Span.Pron tries, and probeSelf the score of
	// each alone.
	probes    [][]cand
	probeSelf []float64
	// clitic is the possessive ’s that Possessive tries after a span,
	// and cliticSelf its score alone.
	clitic     []cand
	cliticSelf float64
	// owned is Owned of every word form, lower-cased, with the counts
	// it comes from; ownedBase is every word's share after a possessive.
	owned     map[string]ownedWord
	ownedBase float64
}

// cand is one likely tag of a word: P(tag | word), and that divided by
// P(tag), the factor a word contributes to a window's score.
type cand struct {
	tag  Tag
	p, r float32
}

// candRange locates a word's candidates in Model.cands.
type candRange struct{ off, n int32 }

// list returns the candidates r locates.
func (m *Model) list(r candRange) []cand { return m.cands[r.off : r.off+r.n] }

// Names returns a tag's UPOS and XPOS.
func (m *Model) Names(t Tag) (upos, xpos string) {
	return m.tags[t].upos, m.tags[t].xpos
}

// NumTags returns the number of tags.
func (m *Model) NumTags() int { return len(m.tags) }

// Known reports whether the lexicon has the word form w (after Key):
// whether its tags are counted rather than guessed.
func (m *Model) Known(w string) bool {
	_, ok := m.words[Key(w)]
	return ok
}

// Key is how the lexicon spells a word: curly quotes and apostrophes are
// written straight ("n’t" is "n't"), case is kept.
func Key(w string) string {
	if isASCII(w) {
		return w // no curly marks: most words, checked faster than mapped
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '‘', '’', '‛', '′':
			return '\''
		case '“', '”', '„', '″':
			return '"'
		}
		return r
	}, w)
}

func isASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// afterBoundary reports whether a word after prev may be capitalised for
// its position alone: at the start of a text, or after punctuation other
// than a comma (a full stop, a quotation mark, a bracket, a dash).
func afterBoundary(prev string) bool {
	switch prev {
	case "":
		return true
	case ",":
		return false
	}
	for _, r := range prev {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
