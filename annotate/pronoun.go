package annotate

import (
	_ "embed"
	"strings"
	"sync"
)

//go:embed names.txt
var namesTxt string

// gender is what a noun phrase tells of its referent.
type gender uint8

const (
	unknownGender gender = iota
	male
	female
	plural
)

// nameLines calls f with the class and words of each "class: word …"
// line of names.txt, comments left out.
func nameLines(f func(class string, words []string)) {
	for _, line := range strings.Split(namesTxt, "\n") {
		if kind, words, ok := strings.Cut(line, ":"); ok && !strings.HasPrefix(line, "#") {
			f(strings.TrimSpace(kind), strings.Fields(words))
		}
	}
}

// persons is the set of lower-case role nouns that name one person of
// either gender ("coach", "spokesperson"): the "person" lines of
// names.txt.
var persons = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 150)
	nameLines(func(class string, words []string) {
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
var genders = sync.OnceValue(func() map[string]gender {
	kinds := map[string]gender{"male": male, "female": female, "plural": plural}
	m := make(map[string]gender, 600)
	nameLines(func(class string, words []string) {
		g, known := kinds[class]
		for _, w := range words {
			if _, dup := m[w]; known && !dup {
				m[w] = g
			}
		}
	})
	return m
})

// genderOf guesses the gender or number of the noun phrase at tokens
// [i, j]: the first cue word decides ("Attorney General Jeff Sessions" is
// male by "Jeff"), then a plural head ("teenagers", "women in Ohio",
// "Morocco and Iran").
func (a *analysis) genderOf(i, j int) gender {
	g := genders()
	for k := i; k <= j; k++ {
		if a.cls[k] == clsPoss && k < j {
			continue // "both her parents": the possessive names someone else
		}
		if c, ok := lookupLower(g, a.text(k)); ok && c != plural {
			return c
		}
	}
	head := a.text(j)
	if c, ok := lookupLower(g, head); ok {
		return c
	}
	for k := i; k <= j && a.cls[k] != clsPrep; k++ {
		// A plural noun before any preposition is the head ("Pregnant
		// women in Ohio").
		if c, ok := lookupLower(g, a.text(k)); ok && c == plural {
			return plural
		}
	}
	for k := i; k <= j; k++ {
		if a.text(k) == "and" {
			return plural
		}
	}
	if a.cls[j] == clsLow && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") {
		return plural
	}
	if a.cls[j] == clsCap && demonymPlural(head) {
		return plural
	}
	return unknownGender
}

// namesPerson reports whether the noun phrase at tokens [i, j] names one
// person: a first name or gendered noun says so (genderOf), or a role
// noun heading a group of the phrase — followed by its end, a comma, a
// preposition or "who" ("Jo Roe , Panama coach", "the coach of the
// team", but not "the coach station").
func (a *analysis) namesPerson(i, j int) bool {
	if g := a.genderOf(i, j); g == male || g == female {
		return true
	}
	for k := i; k <= j; k++ {
		if !persons()[strings.ToLower(a.text(k))] {
			continue
		}
		if next := a.text(k + 1); k == j || next == "," || next == "who" || a.cls[k+1] == clsPrep {
			return true
		}
	}
	return false
}

// possessivePronoun returns the possessive that refers back to the noun
// phrase at [i, j]: his, her, their, or its for things.
func (a *analysis) possessivePronoun(i, j int) string {
	switch a.genderOf(i, j) {
	case male:
		return "his"
	case female:
		return "her"
	case plural:
		return "their"
	}
	if a.cls[i] == clsCap && a.cls[j] == clsCap && j > i {
		return "his" // an unknown two-word name: most often a person
	}
	return "its"
}

// demonymPlural reports whether a capitalised word is a plural of
// people by its ending ("Muslims", "Democrats", "Scientologists",
// "Australians"); names of places and families rarely end so.
func demonymPlural(w string) bool {
	for _, suf := range []string{"ans", "ists", "ites", "ims", "ats"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
