package lexicon

import (
	"fmt"
	"strings"
	"sync"
)

// classLines calls f with the class and words of each "class: word …"
// line of an embedded list, comments left out.
func classLines(text string, f func(class string, words []string)) {
	for _, line := range strings.Split(text, "\n") {
		if class, words, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, "#") {
			f(strings.TrimSpace(class), strings.Fields(words))
		}
	}
}

// WordSet is one class of words.txt as a set: read-only, so it is safe to
// share between goroutines.
type WordSet struct{ words map[string]bool }

// Has reports whether w, in any case, is in the set.
func (s WordSet) Has(w string) bool {
	in, _ := LookupLower(s.words, w)
	return in
}

// wordSets maps every class name of words.txt to its words, the lines of
// one class joined; parsed once, read-only after.
var wordSets = sync.OnceValue(func() map[string]WordSet {
	m := make(map[string]WordSet)
	classLines(wordsTxt, func(class string, words []string) {
		s, ok := m[class]
		if !ok {
			s = WordSet{words: make(map[string]bool, len(words))}
			m[class] = s
		}
		for _, w := range words {
			s.words[w] = true
		}
	})
	return m
})

// Set returns the words of class name in words.txt, or an error when no
// line has that class: a misspelt name fails instead of matching nothing.
func Set(name string) (WordSet, error) {
	s, ok := wordSets()[name]
	if !ok {
		return WordSet{}, fmt.Errorf("lexicon: words.txt has no class %q", name)
	}
	return s, nil
}
