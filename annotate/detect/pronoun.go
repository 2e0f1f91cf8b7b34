package detect

import (
	"strings"

	"corefix/annotate/lexicon"
)

// GenderOf guesses the gender or number of the noun phrase at tokens
// [i, j]: the first cue word decides ("Attorney General Jeff Sessions" is
// male by "Jeff"), then a plural head ("teenagers", "women in Ohio",
// "Morocco and Iran").
func (a *Analysis) GenderOf(i, j int) lexicon.Gender {
	for k := i; k <= j; k++ {
		if a.cls[k] == lexicon.Poss && k < j {
			continue // "both her parents": the possessive names someone else
		}
		if c, ok := a.wordGender(k); ok && c != lexicon.Plural {
			return c
		}
	}
	head := a.text(j)
	if c, ok := a.wordGender(j); ok {
		return c
	}
	for k := i; k <= j && a.cls[k] != lexicon.Prep; k++ {
		// A plural noun before any preposition is the head ("Pregnant
		// women in Ohio").
		if c, ok := a.wordGender(k); ok && c == lexicon.Plural {
			return lexicon.Plural
		}
	}
	for k := i; k <= j; k++ {
		if a.text(k) == "and" {
			return lexicon.Plural
		}
	}
	if a.cls[j] == lexicon.Low && strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") {
		return lexicon.Plural
	}
	if a.cls[j] == lexicon.Cap && demonymPlural(head) {
		return lexicon.Plural
	}
	return lexicon.UnknownGender
}

// wordGender is lexicon.GenderOfWord of token k's text, looked up once
// per token: the rules ask it of the same mention several times.
func (a *Analysis) wordGender(k int) (lexicon.Gender, bool) {
	if k < 0 || k >= len(a.toks) {
		return lexicon.GenderOfWord("")
	}
	if a.genders == nil {
		a.genders = make([]uint8, len(a.toks))
	}
	g := a.genders[k]
	if g == 0 { // not looked up yet
		c, ok := lexicon.GenderOfWord(a.text(k))
		g = 1 | uint8(c)<<2
		if ok {
			g |= 2
		}
		a.genders[k] = g
	}
	return lexicon.Gender(g >> 2), g&2 != 0
}

// NamesPerson reports whether the noun phrase at tokens [i, j] names one
// person: a first name or gendered noun says so (genderOf), or a role
// noun (names.txt's, or one WordNet names a person first: "schoolboy",
// "pastor") heading a group of the phrase — followed by its end, a comma, a
// preposition or "who" ("Jo Roe , Panama coach", "the coach of the
// team", but not "the coach station").
func (a *Analysis) NamesPerson(i, j int) bool {
	if g := a.GenderOf(i, j); g == lexicon.Male || g == lexicon.Female {
		return true
	}
	for k := i; k <= j; k++ {
		if w := strings.ToLower(a.text(k)); !lexicon.Persons()[w] && !(a.roleWord(k) && lexicon.PersonNoun(w)) {
			continue
		}
		if next := a.text(k + 1); k == j || next == "," || next == "who" || a.cls[k+1] == lexicon.Prep {
			return true
		}
	}
	return false
}

// roleWord reports whether token k may be a common noun: lower case, or
// capitalised after a determiner or at a sentence's start ("the
// Petitioner"). A capitalised word elsewhere is a name: "A ruling for
// Goldsmith" names no goldsmith.
func (a *Analysis) roleWord(k int) bool {
	return a.cls[k] == lexicon.Low || a.Class(k-1) == lexicon.Det || a.SentenceStart(k)
}

// possessivePronoun returns the possessive that refers back to the noun
// phrase at [i, j]: his, her, their, or its for things.
func (a *Analysis) possessivePronoun(i, j int) string {
	switch a.GenderOf(i, j) {
	case lexicon.Male:
		return "his"
	case lexicon.Female:
		return "her"
	case lexicon.Plural:
		return "their"
	}
	if j > i && a.cls[j] == lexicon.Cap && (a.cls[i] == lexicon.Cap || j == i+2 && a.cls[i] == lexicon.Low && a.cls[j-1] == lexicon.Cap) {
		// An unknown name of two words or more, or one after a lower-case
		// role ("physicist Martin Oyelaran"): most often a person. After
		// a determiner it is a thing ("the United Nations").
		return a.personPossessive(i, j)
	}
	if a.NamesPerson(i, j) {
		// A person of unknown gender is never "its"; as for the names
		// above and the speakers of possessive.go (on the damaged GUM
		// biographies "their" fixed fewer than "his": 0.141 against
		// 0.146).
		return a.personPossessive(i, j)
	}
	switch a.pronounGender(i, j) {
	case lexicon.Male:
		// No word of the phrase says it is a person, but the pronouns
		// after it do ("Outfielder ... he").
		return "his"
	case lexicon.Female:
		return "her"
	}
	if a.allCapitalised(i, j) && lexicon.PersonNoun(strings.ToLower(a.text(j))) {
		// A name that ends in a noun WordNet names a person by ("Lynn
		// Goldsmith", or a resolver's copy of "Outfielder" with no
		// pronoun left after it): a person either way, never "its".
		return a.personPossessive(i, j)
	}
	return "its"
}

// allCapitalised reports whether every token of [i, j] is a capitalised
// word: a name, with no head of its own before it ("A ruling for
// Goldsmith" is a ruling).
func (a *Analysis) allCapitalised(i, j int) bool {
	for k := i; k <= j; k++ {
		if a.cls[k] != lexicon.Cap {
			return false
		}
	}
	return true
}

// demonymPlural reports whether a capitalised word is a plural of
// people by its ending ("Muslims", "Democrats", "Scientologists",
// "Australians"); names of places and families rarely end so.
func demonymPlural(w string) bool {
	suf, ok := vocab().demonymSuffix.Suffix(w)
	return ok && len(w) > len(suf)+2
}
