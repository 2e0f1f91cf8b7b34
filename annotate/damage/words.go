package damage

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed words.txt
var wordsTxt string

// wordLists maps each list name of words.txt to its set of words. Parsed
// once, never written after, so goroutines may share it.
var wordLists = sync.OnceValue(func() map[string]map[string]bool {
	lists := map[string]map[string]bool{}
	for _, line := range strings.Split(wordsTxt, "\n") {
		name, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		set := lists[name]
		if set == nil {
			set = map[string]bool{}
			lists[name] = set
		}
		for _, w := range strings.Fields(words) {
			set[w] = true
		}
	}
	return lists
})

// inList reports whether word (any case) is in the list name of words.txt.
func inList(name, word string) bool { return wordLists()[name][strings.ToLower(word)] }
