package annotate

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// class is a coarse word class: enough grammar to tell whether a noun
// phrase fits a slot, without a tagger (the speed target rules one out).
type class uint8

// Word classes. The closed classes come from words.txt; the open ones are
// guessed from shape, and an unknown lower-case word is most likely a noun
// or adjective.
const (
	clsLow      class = iota // unknown lower-case word: noun, adjective, rarer verb
	clsCap                   // capitalised word: a name, or a sentence start
	clsNum                   // number
	clsDet                   // determiner: the, a, this…
	clsPoss                  // possessive pronoun: his, their…
	clsSubj                  // subject pronoun: he, they…
	clsObj                   // object pronoun: him, them…
	clsItYou                 // it, you: subject or object
	clsPrep                  // preposition
	clsConj                  // conjunction or subordinator
	clsWh                    // who, which…
	clsAux                   // auxiliary, negation, clitic, sentence adverb
	clsVerb                  // a common verb form
	clsNounVerb              // as often a noun as a verb: visit, support
	clsEnd                   // . ! ?
	clsComma                 // , ; :
	clsQuote                 // quotation mark
	clsPunct                 // other punctuation
	clsLy                    // -ly adverb
	clsEd                    // -ed participle
	clsIng                   // -ing form
	clsClitic                // possessive ’s
)

//go:embed words.txt
var wordsTxt string

var classNames = map[string]class{
	"det": clsDet, "poss": clsPoss, "subj": clsSubj, "obj": clsObj, "ityou": clsItYou,
	"prep": clsPrep, "conj": clsConj, "wh": clsWh, "aux": clsAux, "verb": clsVerb, "nounverb": clsNounVerb,
}

// lexicon maps a lower-case word to its closed class. It is parsed once
// from the embedded list and never written after, so sharing it between
// goroutines is safe.
var lexicon = sync.OnceValue(func() map[string]class {
	m := make(map[string]class, 800)
	for _, line := range strings.Split(wordsTxt, "\n") {
		name, words, ok := strings.Cut(line, ":")
		c, known := classNames[strings.TrimSpace(name)]
		if !ok || !known || strings.HasPrefix(line, "#") {
			continue
		}
		for _, w := range strings.Fields(words) {
			if _, dup := m[w]; !dup {
				m[w] = c
			}
		}
	}
	return m
})

// classify returns the class of one token's text.
func classify(w string, lex map[string]class) class {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case r == '.' || r == '!' || r == '?':
		return clsEnd
	case r == ',' || r == ';' || r == ':':
		return clsComma
	case r == '"' || r == '“' || r == '”' || (len(w) <= 3 && (r == '\'' || r == '‘' || r == '’') && utf8.RuneCountInString(w) == 1):
		return clsQuote
	case w == "’s" || w == "'s" || w == "’" || w == "'":
		return clsClitic
	case unicode.IsDigit(r):
		return clsNum
	case !unicode.IsLetter(r):
		return clsPunct
	}
	if c, ok := lex[w]; ok {
		return c
	}
	if allCaps(w) {
		return clsCap // "US", "UNLESS": acronyms and shouting, not pronouns
	}
	if unicode.IsUpper(r) {
		if c, ok := lookupLower(lex, w); ok && c != clsVerb && c != clsNounVerb {
			// "The", "He": closed-class words keep their class at a
			// sentence start; the caller checks capitalisation.
			return c
		}
		return clsCap
	}
	switch {
	case strings.HasSuffix(w, "ly"):
		return clsLy
	case strings.HasSuffix(w, "ed"):
		return clsEd
	case strings.HasSuffix(w, "ing"):
		return clsIng
	}
	return clsLow
}

// startsNP reports whether a word of class c can begin a noun phrase.
func startsNP(c class) bool {
	switch c {
	case clsDet, clsPoss, clsCap, clsNum, clsSubj, clsObj, clsItYou:
		return true
	}
	return false
}

// isPronoun reports whether c is a personal or possessive pronoun.
func isPronoun(c class) bool {
	return c == clsSubj || c == clsObj || c == clsPoss || c == clsItYou
}

// allCaps reports whether w has two or more letters, all upper case.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

// lookupLower looks w up in lower case. Short ASCII words are lowered
// into a stack buffer, which the map lookup does not copy, so classifying
// a capitalised word allocates nothing.
func lookupLower[V any](m map[string]V, w string) (V, bool) {
	var buf [24]byte
	if len(w) > len(buf) {
		v, ok := m[strings.ToLower(w)]
		return v, ok
	}
	for i := 0; i < len(w); i++ {
		b := w[i]
		if b >= utf8.RuneSelf {
			v, ok := m[strings.ToLower(w)]
			return v, ok
		}
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf[i] = b
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}
