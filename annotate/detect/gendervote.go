package detect

import "corefix/annotate/lexicon"

// pronounGender returns the gender the document's own pronouns give the
// phrase at [i, j]: after each occurrence of the phrase, the first he- or
// she-type pronoun in the same sentence, at most gender-vote-reach tokens
// on, is a vote ("Jenna Marbles has also professionalized Jenna Marbles
// business affairs by expanding her business affairs"). Male or Female
// by the majority, UnknownGender on a tie or with no vote. A resolver
// leaves some pronouns (reflexives, those it did not link, those inside
// a representative), and they name the entity the sentence is about far
// more often than another: on the naive resolver's damaged GUM documents
// the vote decides half of the lost "his" and "her" and is right on 99%
// of those (docs/experiments.md, "Session 11").
func (a *Analysis) pronounGender(i, j int) lexicon.Gender {
	if a.pronouns == nil {
		a.pronouns = make(map[string]int)
		reach := a.rules().Limits.GenderVoteReach.Value
		for _, m := range a.mentions() {
			if v := a.pronounAfter(m.j, reach); v != 0 {
				a.pronouns[a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End]] += v
			}
		}
	}
	switch v := a.pronouns[a.doc.Text[a.toks[i].Start:a.toks[j].End]]; {
	case v > 0:
		return lexicon.Female
	case v < 0:
		return lexicon.Male
	}
	return lexicon.UnknownGender
}

// pronounAfter is the vote of the first he- or she-type pronoun after
// token j within its sentence and reach tokens: +1 she, −1 he, 0 none.
func (a *Analysis) pronounAfter(j, reach int) int {
	for k := j + 1; k < len(a.toks) && k <= j+reach && a.cls[k] != lexicon.End; k++ {
		if !lexicon.IsPronoun(a.cls[k]) {
			continue
		}
		switch g, _ := a.wordGender(k); g {
		case lexicon.Female:
			return 1
		case lexicon.Male:
			return -1
		}
	}
	return 0
}

// personPossessive is the possessive of a person of unknown gender at
// [i, j]: "her" where the document's pronouns say so (pronounGender),
// else "his" (news names more men).
func (a *Analysis) personPossessive(i, j int) string {
	if a.pronounGender(i, j) == lexicon.Female {
		return "her"
	}
	return "his"
}
