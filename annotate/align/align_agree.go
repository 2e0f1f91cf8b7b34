package align

import (
	"strings"

	"corefix/annotate/detect"
	"corefix/annotate/lexicon"
)

// A pronoun's slice replaced by a representative it cannot stand for
// ("him" → "conventional treatments", "his" → "our") was not that
// pronoun's substitution: in a drifting document the pronoun was the
// word after some other mention, overwritten. The gender and number cues
// are the text-only detectors' (names.txt, genderOf), so both modes agree
// on what "he" can name.

// disagrees reports whether the substitution replaced a lone third-person
// pronoun with a representative of another gender or number: he and she
// name one person of their gender (never a lower-case phrase without a
// person word), it no person, they no one person (a role like "coach"
// counts as one, with or without a name).
func (a *alignment) disagrees(s substitution) bool {
	if s.a2-s.a1 != 1 || s.b1 == s.b2 || !lexicon.IsPronoun(a.origClass(s.a1)) {
		return false
	}
	w := strings.ToLower(a.ot[s.a1].Text(a.orig.Text))
	an := a.docAnalysis()
	rep := an.GenderOf(s.b1, s.b2-1)
	if a.rules.words.neuter.HasLower(w) {
		return an.NamesPerson(s.b1, s.b2-1)
	}
	g, ok := lexicon.Genders()[w]
	if ok && g == lexicon.Plural && rep == lexicon.UnknownGender && an.NamesPerson(s.b1, s.b2-1) {
		return true
	}
	if ok && (g == lexicon.Male || g == lexicon.Female) && rep == lexicon.UnknownGender {
		// He and she name a person: a representative with neither a
		// name nor a person word is a thing ("she" → "iodine
		// deficiency", not "a scientist").
		return !a.hasCapital(s.b1, s.b2) && !an.NamesPerson(s.b1, s.b2-1)
	}
	return ok && rep != lexicon.UnknownGender && rep != g
}

// hasCapital reports whether a resolved token in [b1, b2) starts with a
// capital letter past the first (which a sentence start may explain).
func (a *alignment) hasCapital(b1, b2 int) bool {
	for j := b1; j < b2; j++ {
		if a.docClass(j) == lexicon.Cap && (j > b1 || !a.docAnalysis().SentenceStart(j)) {
			return true
		}
	}
	return false
}

// docAnalysis is the text-only detectors' view of the resolved document
// (tokens and word classes), built on first use.
func (a *alignment) docAnalysis() *detect.Analysis {
	if a.docAn == nil {
		a.docAn = detect.Analyze(a.doc)
	}
	return a.docAn
}
