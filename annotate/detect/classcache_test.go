package detect

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// TestClassCache: the cached class of every token is the class
// lexicon.Classify gives, on first sight and from the cache, with more
// words than slots (so words evict each other) and words too long to
// cache.
func TestClassCache(t *testing.T) {
	data, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, tok := range model.Tokenize(string(data)) {
		words = append(words, tok.Text(string(data)))
	}
	for k := range 3 << classBits {
		words = append(words, fmt.Sprintf("Word%d", k), fmt.Sprintf("w%ded", k))
	}
	words = append(words, strings.Repeat("Long", 10), "The", "THE", "he’s", "’s")
	var c classCache
	for round := range 2 {
		for _, w := range words {
			if got, want := c.class(w, wordHash(w)), lexicon.Classify(w, lexicon.Lexicon()); got != want {
				t.Fatalf("round %d: class(%q) = %v, want %v", round, w, got, want)
			}
		}
	}
}
