package lexicon

import (
	"strconv"
	"strings"
	"sync"
)

// WordSet is the set of words a class line of words.txt lists ("title:
// Mr Mr. …"). It is built once and never written after, so sharing it
// between goroutines is safe.
type WordSet struct {
	words   *table[struct{}]
	longest int // bytes of the longest member, which bounds Suffix's search
}

// Set returns the words of every words.txt line of the class name, the
// closed word classes ("det", "prep") and the detectors' own sets
// ("title", "temporal") alike. It panics when words.txt has no such
// class: the name is fixed in the code that asks, so any test that runs
// that code reports the mistake.
func Set(name string) WordSet {
	s, ok := sets()[name]
	if !ok {
		panic("lexicon: words.txt has no class " + strconv.Quote(name))
	}
	return s
}

// Has reports whether w is in the set exactly as written.
func (s WordSet) Has(w string) bool {
	_, ok := s.words.get(w)
	return ok
}

// HasLower reports whether w, lower-cased, is in the set ("All" in
// "quantifier"). It allocates nothing for ASCII words.
func (s WordSet) HasLower(w string) bool {
	_, ok := s.words.getLower(w)
	return ok
}

// Suffix returns the longest member of the set that w ends with, for
// sets of word endings ("ordinal-suffix", "demonym-suffix").
func (s WordSet) Suffix(w string) (string, bool) {
	for n := min(len(w), s.longest); n > 0; n-- {
		if end := w[len(w)-n:]; s.Has(end) {
			return end, true
		}
	}
	return "", false
}

// sets maps each class name of words.txt to its words; parsed once,
// read-only after.
var sets = sync.OnceValue(func() map[string]WordSet {
	words := make(map[string]map[string]struct{}, 64)
	longest := make(map[string]int, 64)
	classLines(wordsTxt, func(class string, list []string) {
		if words[class] == nil {
			words[class] = make(map[string]struct{}, len(list))
		}
		for _, w := range list {
			words[class][w] = struct{}{}
			longest[class] = max(longest[class], len(w))
		}
	})
	m := make(map[string]WordSet, len(words))
	for class, ws := range words {
		m[class] = WordSet{words: newTable(ws), longest: longest[class]}
	}
	return m
})

// classLines calls f with the class and words of each "class: word …"
// line of an embedded list, comments left out.
func classLines(text string, f func(class string, words []string)) {
	for _, line := range strings.Split(text, "\n") {
		if class, words, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, "#") {
			f(strings.TrimSpace(class), strings.Fields(words))
		}
	}
}

// VerbClashes reports whether verb is a form the subject pronoun never
// takes after it ("I is", "you ’m", "it ’re"), by words.txt's "clash-"
// lines; false for any other word. Case is ignored.
func VerbClashes(pronoun, verb string) bool {
	s, ok := clashes().getLower(pronoun)
	return ok && s.HasLower(verb)
}

// clashes maps each pronoun of a "clash-" line of words.txt to its verb
// forms; built once, read-only after.
var clashes = sync.OnceValue(func() *table[WordSet] {
	m := make(map[string]WordSet)
	for class, s := range sets() {
		if pronoun, ok := strings.CutPrefix(class, "clash-"); ok {
			m[pronoun] = s
		}
	}
	return newTable(m)
})
