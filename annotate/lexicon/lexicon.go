package lexicon

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Class is a coarse word class: enough grammar to tell whether a noun
// phrase fits a slot, without a tagger (the speed target rules one out).
type Class uint8

// Word classes. The closed classes come from words.txt; the open ones are
// guessed from shape, and an unknown lower-case word is most likely a noun
// or adjective.
const (
	Low      Class = iota // unknown lower-case word: noun, adjective, rarer verb
	Cap                   // capitalised word: a name, or a sentence start
	Num                   // number
	Det                   // determiner: the, a, this…
	Poss                  // possessive pronoun: his, their…
	Subj                  // subject pronoun: he, they…
	Obj                   // object pronoun: him, them…
	ItYou                 // it, you: subject or object
	Prep                  // preposition
	Conj                  // conjunction or subordinator
	Wh                    // who, which…
	Aux                   // auxiliary, negation, clitic, sentence adverb
	Verb                  // a common verb form
	NounVerb              // as often a noun as a verb: visit, support
	End                   // . ! ?
	Comma                 // , ; :
	Quote                 // quotation mark
	Punct                 // other punctuation
	Ly                    // -ly adverb
	Ed                    // -ed participle
	Ing                   // -ing form
	Clitic                // possessive ’s
)

//go:embed words.txt
var wordsTxt string

// classNamed returns the closed class a words.txt line names, false for
// the lines that are word sets rather than classes.
func classNamed(name string) (Class, bool) {
	for k, n := range [...]string{Det: "det", Poss: "poss", Subj: "subj", Obj: "obj", ItYou: "ityou",
		Prep: "prep", Conj: "conj", Wh: "wh", Aux: "aux", Verb: "verb", NounVerb: "nounverb"} {
		if n == name && n != "" {
			return Class(k), true
		}
	}
	return 0, false
}

// lexicon maps a lower-case word to its closed class. It is parsed once
// from the embedded list and never written after, so sharing it between
// goroutines is safe.
var lexicon = sync.OnceValue(func() map[string]Class {
	m := make(map[string]Class, 800)
	classLines(wordsTxt, func(name string, words []string) {
		c, known := classNamed(name)
		if !known {
			return
		}
		for _, w := range words {
			if _, dup := m[w]; !dup {
				m[w] = c
			}
		}
	})
	return m
})

// Classify returns the class of one token's text.
func Classify(w string, lex map[string]Class) Class {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case r == '.' || r == '!' || r == '?':
		return End
	case r == ',' || r == ';' || r == ':':
		return Comma
	case r == '"' || r == '“' || r == '”' || (len(w) <= 3 && (r == '\'' || r == '‘' || r == '’') && utf8.RuneCountInString(w) == 1):
		return Quote
	case w == "’s" || w == "'s" || w == "’" || w == "'":
		return Clitic
	case unicode.IsDigit(r):
		return Num
	case !unicode.IsLetter(r):
		return Punct
	}
	if c, ok := lex[w]; ok {
		return c
	}
	if AllCaps(w) {
		return Cap // "US", "UNLESS": acronyms and shouting, not pronouns
	}
	if unicode.IsUpper(r) {
		if c, ok := LookupLower(lex, w); ok && c != Verb && c != NounVerb {
			// "The", "He": closed-class words keep their class at a
			// sentence start; the caller checks capitalisation.
			return c
		}
		return Cap
	}
	switch {
	case strings.HasSuffix(w, "ly"):
		return Ly
	case strings.HasSuffix(w, "ed"):
		return Ed
	case strings.HasSuffix(w, "ing"):
		return Ing
	}
	return Low
}

// StartsNP reports whether a word of class c can begin a noun phrase.
func StartsNP(c Class) bool {
	switch c {
	case Det, Poss, Cap, Num, Subj, Obj, ItYou:
		return true
	}
	return false
}

// IsPronoun reports whether c is a personal or possessive pronoun.
func IsPronoun(c Class) bool {
	return c == Subj || c == Obj || c == Poss || c == ItYou
}

// AllCaps reports whether w has two or more letters, all upper case.
func AllCaps(w string) bool {
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

// LookupLower looks w up in lower case. Short ASCII words are lowered
// into a stack buffer, which the map lookup does not copy, so classifying
// a capitalised word allocates nothing.
func LookupLower[V any](m map[string]V, w string) (V, bool) {
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

// Lexicon maps a lower-case word to its closed class, from words.txt.
// Callers must not modify it.
func Lexicon() map[string]Class { return lexicon() }
