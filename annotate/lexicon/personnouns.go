package lexicon

import (
	_ "embed"
	"sync"
)

//go:embed personnouns.txt
var personNounsTxt string

// personNouns is the set of personnouns.txt's nouns, made by
// `corefix-lab person-nouns` from WordNet: every noun of one word whose
// most frequent sense names a person.
var personNouns = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 1<<14)
	classLines(personNounsTxt, func(class string, words []string) {
		if class == "person" {
			for _, w := range words {
				m[w] = true
			}
		}
	})
	return m
})

// PersonNoun reports whether the lower-case noun w, exactly as written,
// names one person by its most frequent sense in WordNet ("physicist",
// "schoolboy", "pastor"; not "physicists", more than one, nor "bush").
func PersonNoun(w string) bool { return personNouns()[w] }
