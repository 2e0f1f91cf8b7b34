package detect

import "corefix/annotate/lexicon"

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
func (a *Analysis) misfit(i, j int) misfit {
	r := &a.rules().Misfit
	p := a.Class(i - 1)
	first := a.cls[i]
	switch {
	case (p == lexicon.Det || p == lexicon.Poss) && (first == lexicon.Det || first == lexicon.Poss || first == lexicon.Subj || first == lexicon.Obj || first == lexicon.ItYou) && !predeterminer(a, i-1) && !quantifier(a.text(i)):
		return misfitBy(r.DeterminerThenPhrase, "")
	case p == lexicon.Subj && lexicon.StartsNP(first):
		return misfitBy(r.SubjectThenPhrase, "")
	case a.sentenceWord(j+1) && a.Class(j+1) != lexicon.Det:
		return misfitBy(r.LostFullStop, ".")
	case !objectSlot(p) && opensNP(a.text(j+1)):
		return misfitBy(r.PhraseThenPhrase, "")
	case p == lexicon.Low && first == lexicon.Det:
		return misfitBy(r.NounThenPhrase, "")
	}
	return misfit{}
}

// misfitBy is the misfit rule r finds, with its repair.
func misfitBy(r Rule, fix string) misfit {
	return misfit{conf: r.Confidence, why: r.Message, fix: fix}
}

// sentenceWord reports whether token i is a capitalised determiner,
// pronoun or conjunction in mid-sentence: such words are capitalised only
// at a sentence start, so a boundary was lost before it — or it opens a
// copied representative ("The Democrats"), which callers tell apart.
func (a *Analysis) sentenceWord(i int) bool {
	if i < 0 || i >= len(a.toks) || !a.capitalised(i) || a.text(i) == "I" {
		return false
	}
	switch a.cls[i] {
	case lexicon.Det, lexicon.Poss, lexicon.Subj, lexicon.Obj, lexicon.ItYou, lexicon.Conj:
		return !a.SentenceStart(i)
	}
	return false
}

// predeterminer reports whether token i may stand before a determiner
// ("all the", "both his", "such a").
func predeterminer(a *Analysis, i int) bool {
	return vocab().predeterminer.HasLower(a.text(i))
}

// looseSlot reports whether the noun phrase at [i, j] touches a content
// word on either side with no function word between: legal in a few
// constructions ("Monday the court ruled"), so it counts only once a
// document is known to drift.
func (a *Analysis) looseSlot(i, j int) bool {
	switch a.Class(i - 1) {
	case lexicon.Low, lexicon.Cap, lexicon.Num, lexicon.Subj, lexicon.Obj, lexicon.Det, lexicon.Poss:
		return true
	}
	switch a.Class(j + 1) {
	case lexicon.Low, lexicon.Cap, lexicon.Num, lexicon.Det, lexicon.Poss, lexicon.Subj, lexicon.Obj, lexicon.ItYou:
		return true
	}
	return false
}

// opensNP reports whether w starts a new noun phrase beyond doubt: an
// article or a possessive. Not "this" or "each" ("Australia this week",
// "drives each"), not "her" (also an object), not pronouns (a relative
// clause may follow), not a capitalised word (a name may go on).
func opensNP(w string) bool {
	return w == "the" || vocab().indefinite.Has(w) || w != "her" && vocab().poss.Has(w)
}

// objectSlot reports whether a word of class p may take two noun phrases
// after it ("gave Mohamed the option"): a verb, or a word that may be one.
func objectSlot(p lexicon.Class) bool {
	switch p {
	case lexicon.Verb, lexicon.NounVerb, lexicon.Ed, lexicon.Ing, lexicon.Low, lexicon.Ly:
		return true
	}
	return false
}
