package detect

import (
	"strings"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// A relative is often named by a possessive phrase ("her mother", "his
// father"), and a resolver that takes it as the representative copies it
// over the relative's own possessive: "his entire family" becomes "his
// father entire family". The phrase starts with a pronoun, so it is no
// recurring mention of its own; kinCopies finds its copies.

// kinCopies returns findings for copies of a possessive-plus-relative
// phrase standing before a noun, where the relative's possessive stood.
func (p Possessive) kinCopies(a *Analysis) []model.Finding {
	type pair struct{ count, first int }
	var seen map[string]*pair
	for k := 0; k+1 < len(a.toks); k++ {
		if a.cls[k] != lexicon.Poss || !kinWord(a.text(k+1)) {
			continue
		}
		if seen == nil {
			seen = make(map[string]*pair)
		}
		key := strings.ToLower(a.text(k)) + " " + strings.ToLower(a.text(k+1))
		if s := seen[key]; s != nil {
			s.count++
		} else {
			seen[key] = &pair{count: 1, first: k}
		}
	}
	if seen == nil {
		return nil
	}
	var out []model.Finding
	rule := &a.rules().Possessive.CopiedRelative
	for k := 0; k+2 < len(a.toks); k++ {
		if a.cls[k] != lexicon.Poss || !kinWord(a.text(k+1)) {
			continue
		}
		s := seen[strings.ToLower(a.text(k))+" "+strings.ToLower(a.text(k+1))]
		if s.first == k || !a.nounAfterKin(k+2) {
			continue
		}
		var pron string
		switch g, _ := lexicon.GenderOfWord(strings.TrimPrefix(a.text(k+1), "ex-")); g {
		case lexicon.Male:
			pron = "his"
		case lexicon.Female:
			pron = "her"
		default:
			continue // a relative of unknown sex: "his" or "her" is a guess
		}
		if a.SentenceStart(k) {
			pron = capitalise(pron)
		}
		out = append(out, model.Finding{
			Start: int(a.toks[k].Start), End: int(a.toks[k+1].End), Category: model.Possessive,
			Rule: p.Name(), Confidence: rule.Confidence, Message: rule.Message,
			Proposals: []model.Proposal{{Text: pron, Note: a.rules().Notes.PossessiveBack}},
		})
	}
	return out
}

// kinWord reports whether w names a singular relative, "ex-" ones too.
func kinWord(w string) bool {
	w = strings.TrimPrefix(strings.ToLower(w), "ex-")
	return kin(w) && !strings.HasSuffix(w, "s")
}

// nounAfterKin reports whether the word at n is a noun or adjective
// opening a noun phrase after a relative ("entire family", "fortune"),
// not the relative's verb ("father says", "mother wo n't", "father
// later left").
func (a *Analysis) nounAfterKin(n int) bool {
	if c := a.Class(n); c != lexicon.Low && c != lexicon.NounVerb || pluralShape(a.text(n)) || temporal(a.text(n)) ||
		adverbial(a.text(n)) || a.negated(n) {
		return false
	}
	if kinWord(a.text(n)) {
		return true // "her mother ex-husband": a relative's relative
	}
	return a.Class(n+1) != lexicon.Verb && a.Class(n+1) != lexicon.Ed && !a.headOfSubject(n)
}
