package detect

import (
	"strings"

	"corefix/model"

	"corefix/annotate/lexicon"
)

// A writer's first mention of someone is sometimes possessive ("Andy
// Warhol's photographs"). A resolver that takes the first mention as the
// cluster's representative then copies "Warhol ’s", clitic and all, over
// every later mention: "he was" becomes "Warhol ’s was" and "his career"
// becomes "Warhol ’s career". The second reads well; only the first
// shows that the document's "X ’s" is a copied representative. Once it
// shows, its copies between a verb or preposition and a noun stood
// where "his", "her", "its" or "their" stood. The writer's own "X’s"
// reads the same, so these findings are the least sure of the
// detector's.

// copiedPossessives returns the copies of a possessive representative
// ("X ’s") standing in a possessive pronoun's slot, in a document where
// some copy of it stands as a subject.
func (p Possessive) copiedPossessives(a *Analysis) []model.Finding {
	ms := a.mentions()
	var copied map[string]bool
	for _, m := range ms {
		if c := a.cliticAfter(m); c >= 0 && !m.first && a.subjectAfter(c+1) {
			if copied == nil {
				copied = make(map[string]bool)
			}
			copied[a.doc.Text[a.toks[m.i].Start:a.toks[c].End]] = true
		}
	}
	if copied == nil {
		return nil
	}
	var out []model.Finding
	r := &a.rules().Possessive
	for _, m := range ms {
		c := a.cliticAfter(m)
		if c < 0 || m.first || !copied[a.doc.Text[a.toks[m.i].Start:a.toks[c].End]] {
			continue
		}
		object := !a.possessorSlot(m.i, c)
		if object && !a.objectSlot(m.i, c) {
			continue
		}
		pron := a.possessiveOf(m.i, c-1)
		if pron == "its" && a.speaks(m.i, c-1) && !lexicon.AllCaps(a.text(c-1)) {
			pron = "his"
		}
		rule := &r.CopiedPossessive
		if object {
			pron = objectForm(pron)
			rule = &r.CopiedPossessiveObject
		}
		if a.SentenceStart(m.i) {
			pron = capitalise(pron)
		}
		out = append(out, model.Finding{
			Start: int(a.toks[m.i].Start), End: int(a.toks[c].End), Category: model.Possessive,
			Rule: p.Name(), Confidence: rule.Confidence, Message: rule.Message,
			Proposals: []model.Proposal{{Text: pron, Note: a.rules().Notes.PossessiveBack}},
		})
	}
	return out
}

// possessiveSubjects returns the copies of a possessive representative
// standing as the subject of a finite verb ("Warhol ’s was able to",
// "Galois ' did not ignore"): the resolver copied "X ’s" over "he" or
// "Warhol". An ’s before a finite auxiliary cannot be the "is" or "has"
// it contracts ("Warhol ’s been" can), so it is a possessive that lost
// its noun; on the damaged GUM variants 125 such spans are broken and
// none stands in the originals.
func (p Possessive) possessiveSubjects(a *Analysis) []model.Finding {
	var out []model.Finding
	rule := &a.rules().Possessive.PossessiveSubject
	for _, m := range a.mentions() {
		c := a.possessiveEnd(m)
		if c < 0 || !finite(a.text(c+1)) {
			continue
		}
		pron := a.subjectPronoun(m.i, c-1)
		if pron == "it" {
			// Every "she" became "Debbie ’s": the pronouns left after
			// the copies themselves may still say who.
			switch a.pronounGender(m.i, c) {
			case lexicon.Male:
				pron = "he"
			case lexicon.Female:
				pron = "she"
			}
		}
		if a.SentenceStart(m.i) {
			pron = capitalise(pron)
		}
		out = append(out, model.Finding{
			Start: int(a.toks[m.i].Start), End: int(a.toks[c].End), Category: model.Other,
			Rule: p.Name(), Confidence: rule.Confidence, Message: rule.Message,
			Proposals: []model.Proposal{
				{Text: pron, Note: a.rules().Notes.AgreeingPronoun},
				{Text: a.doc.Text[a.toks[m.i].Start:a.toks[c-1].End], Note: a.rules().Notes.DropClitic},
			},
		})
	}
	return out
}

// possessiveEnd is cliticAfter, or the index of an apostrophe alone that
// makes the mention m, ending in s, possessive ("Galois '"), or -1.
func (a *Analysis) possessiveEnd(m mention) int {
	if c := a.cliticAfter(m); c >= 0 {
		return c
	}
	for _, k := range [2]int{m.j, m.j + 1} {
		if k > m.i && k < len(a.toks) && vocab().apostrophe.Has(a.text(k)) && strings.HasSuffix(a.text(k-1), "s") {
			return k
		}
	}
	return -1
}

// cliticAfter returns the index of the ’s that ends the mention m or
// follows it directly, or -1.
func (a *Analysis) cliticAfter(m mention) int {
	switch {
	case a.cls[m.j] == lexicon.Clitic && m.j > m.i:
		return m.j
	case a.Class(m.j+1) == lexicon.Clitic:
		return m.j + 1
	}
	return -1
}

// subjectAfter reports whether the token at n makes the "X ’s" before it
// a subject: a verb or auxiliary, or another ’s ("Warhol ’s was",
// "Warhol ’s ’s"). A writer's possessive is followed by its noun.
func (a *Analysis) subjectAfter(n int) bool {
	switch a.Class(n) {
	case lexicon.Clitic, lexicon.Verb, lexicon.Ed, lexicon.Aux:
		return true
	}
	return false
}

// possessorSlot reports whether "X ’s" at [i, c] stands between a verb
// or preposition and a noun, where a possessive pronoun would stand ("in
// his career", "revealed his process").
func (a *Analysis) possessorSlot(i, c int) bool {
	if n := a.Class(c + 1); n != lexicon.Low && n != lexicon.NounVerb {
		return false
	}
	switch a.Class(i - 1) {
	case lexicon.Prep, lexicon.Comma, lexicon.Verb, lexicon.NounVerb, lexicon.Ing, lexicon.Ed:
		// The ’s makes "X ’s" and its noun one noun phrase, so a
		// preposition or verb that may take a clause takes it too
		// ("as Warhol ’s work grew", "think Warhol ’s work is").
		return !a.participleAdjective(i - 1)
	}
	return a.verbBefore(i)
}

// objectSlot reports whether "X ’s" at [i, c] is the object of a verb or
// preposition with nothing after it ("taking X ’s on a trip"): a
// possessive cannot end a phrase.
func (a *Analysis) objectSlot(i, c int) bool {
	switch a.Class(c + 1) {
	case lexicon.Prep, lexicon.Conj, lexicon.End, lexicon.Comma:
	default:
		return false
	}
	if a.Class(i-1) == lexicon.Prep {
		return true
	}
	return a.verbBefore(i)
}

// objectForm returns the object pronoun of a possessive one.
func objectForm(poss string) string {
	switch poss {
	case "his":
		return "him"
	case "their":
		return "them"
	case "its":
		return "it"
	}
	return poss // "her" is both
}
