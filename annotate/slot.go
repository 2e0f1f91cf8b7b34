package annotate

import "strings"

// misfit is how badly a noun phrase fits its slot: a confidence, the
// reason in an editor's words, and the repair when the slot tells it.
type misfit struct {
	conf float64
	why  string
	fix  string // "" when the lost words are unknown
}

// misfit judges the noun phrase at tokens [i, j] from the words on
// either side. A zero misfit is a natural slot (after a preposition or
// verb, before a verb or punctuation).
func (a *analysis) misfit(i, j int) misfit {
	p := a.class(i - 1)
	first := a.cls[i]
	switch {
	case (p == clsDet || p == clsPoss) && (first == clsDet || first == clsPoss || first == clsSubj || first == clsObj || first == clsItYou) && !predeterminer(a, i-1) && !quantifier(a.text(i)):
		return misfit{0.9, "a determiner or possessive is followed by another noun phrase: a noun was overwritten", ""}
	case p == clsSubj && startsNP(first):
		return misfit{0.9, "a subject pronoun is followed directly by a noun phrase: a word (likely the verb) was overwritten", ""}
	case a.sentenceWord(j+1) && a.class(j+1) != clsDet:
		return misfit{0.8, "a noun phrase runs into a capitalised word that starts a sentence: it overwrote the full stop", "."}
	case opensNP(a.text(j+1)) && !objectSlot(p):
		return misfit{0.7, "a noun phrase is followed directly by another noun phrase: a word between them was overwritten", ""}
	case p == clsLow && first == clsDet:
		return misfit{0.45, "a noun is followed directly by a noun phrase: a word between them was overwritten", ""}
	}
	return misfit{}
}

// sentenceWord reports whether token i is a capitalised determiner,
// pronoun or conjunction in mid-sentence: such words are capitalised only
// at a sentence start, so a boundary was lost before it — or it opens a
// copied representative ("The Democrats"), which callers tell apart.
func (a *analysis) sentenceWord(i int) bool {
	if i < 0 || i >= len(a.toks) || !a.capitalised(i) || a.text(i) == "I" {
		return false
	}
	switch a.cls[i] {
	case clsDet, clsPoss, clsSubj, clsObj, clsItYou, clsConj:
		return !a.sentenceStart(i)
	}
	return false
}

// predeterminer reports whether token i may stand before a determiner
// ("all the", "both his", "such a").
func predeterminer(a *analysis, i int) bool {
	switch strings.ToLower(a.text(i)) {
	case "all", "both", "such", "half", "what", "every":
		return true
	}
	return false
}

// looseSlot reports whether the noun phrase at [i, j] touches a content
// word on either side with no function word between: legal in a few
// constructions ("Monday the court ruled"), so it counts only once a
// document is known to drift.
func (a *analysis) looseSlot(i, j int) bool {
	switch a.class(i - 1) {
	case clsLow, clsCap, clsNum, clsSubj, clsObj, clsDet, clsPoss:
		return true
	}
	switch a.class(j + 1) {
	case clsLow, clsCap, clsNum, clsDet, clsPoss, clsSubj, clsObj, clsItYou:
		return true
	}
	return false
}

// opensNP reports whether w starts a new noun phrase beyond doubt. Not
// "this" or "each" ("Australia this week", "drives each"), not "her"
// (also an object), not pronouns (a relative clause may follow).
func opensNP(w string) bool {
	switch w {
	case "the", "a", "an", "his", "their", "its", "our", "my", "your":
		return true
	}
	return false
}

// objectSlot reports whether a word of class p may take two noun phrases
// after it ("gave Mohamed the option"): a verb, or a word that may be one.
func objectSlot(p class) bool {
	switch p {
	case clsVerb, clsNounVerb, clsEd, clsIng, clsLow, clsLy:
		return true
	}
	return false
}
