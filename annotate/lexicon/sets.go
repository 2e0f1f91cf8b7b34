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
	words   map[string]struct{}
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
	_, ok := s.words[w]
	return ok
}

// HasLower reports whether w, lower-cased, is in the set ("All" in
// "quantifier"). It allocates nothing for short ASCII words.
func (s WordSet) HasLower(w string) bool {
	_, ok := LookupLower(s.words, w)
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
	m := make(map[string]WordSet, 64)
	classLines(wordsTxt, func(class string, words []string) {
		s, ok := m[class]
		if !ok {
			s = WordSet{words: make(map[string]struct{}, len(words))}
		}
		for _, w := range words {
			s.words[w] = struct{}{}
			s.longest = max(s.longest, len(w))
		}
		m[class] = s
	})
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
