package lexicon

import (
	_ "embed"
	"sync"
)

//go:embed names.txt
var namesTxt string

// Gender is what a noun phrase tells of its referent.
type Gender uint8

// What a noun phrase can tell: nothing, a man, a woman, more than one.
const (
	UnknownGender Gender = iota
	Male
	Female
	Plural
)

// persons is the set of lower-case role nouns that name one person of
// either gender ("coach", "spokesperson"): the "person" lines of
// names.txt.
var persons = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 150)
	classLines(namesTxt, func(class string, words []string) {
		if class != "person" {
			return
		}
		for _, w := range words {
			m[w] = true
		}
	})
	return m
})

// genders maps a lower-case cue word (first name, kinship noun, pronoun)
// to the gender or number it signals; parsed once, read-only after.
var genders = sync.OnceValue(func() map[string]Gender {
	kinds := map[string]Gender{"male": Male, "female": Female, "plural": Plural}
	m := make(map[string]Gender, 600)
	classLines(namesTxt, func(class string, words []string) {
		g, known := kinds[class]
		for _, w := range words {
			if _, dup := m[w]; known && !dup {
				m[w] = g
			}
		}
	})
	return m
})

// Persons returns the set of lower-case role nouns that name one person of
// either gender ("coach", "spokesperson"). Callers must not modify it.
func Persons() map[string]bool { return persons() }

// Genders maps a lower-case cue word (first name, kinship noun, pronoun)
// to the gender or number it signals. Callers must not modify it.
func Genders() map[string]Gender { return genders() }

// genderTable is genders as a table, for GenderOfWord.
var genderTable = sync.OnceValue(func() *table[Gender] { return newTable(genders()) })

// GenderOfWord returns the gender or number the word w, lower-cased,
// signals (Genders), as LookupLower(Genders(), w) does but faster: the
// detectors ask it of most words of a mention.
func GenderOfWord(w string) (Gender, bool) { return genderTable().getLower(w) }
