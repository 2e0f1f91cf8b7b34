package detect

import (
	"sort"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// Speaker flags a quoted speaker naming themselves by their
// representative (`" … President Donald Trump did not say anything wrong
// … , " Trump said`): people say "I" or speak of someone else, so the
// resolver either replaced the speaker's "I" or resolved a "he" to the
// wrong person.
type Speaker struct{}

// Name implements Detector.
func (Speaker) Name() string { return "speaker-in-quote" }

// Detect implements Detector.
func (s Speaker) Detect(doc *model.Document) []model.Finding {
	return s.detect(Analyze(doc))
}

func (s Speaker) detect(a *Analysis) []model.Finding {
	var out []model.Finding
	rule, notes := &a.rules().Speaker, &a.rules().Notes
	inside := a.quoted()
	ms := a.mentions()
	for _, q := range a.quotations(inside) {
		who := a.speaker(q[0], q[1])
		if who == "" {
			continue
		}
		// Mentions are in text order: visit only those inside the
		// quotation, so the work stays linear in the mentions.
		for k := sort.Search(len(ms), func(k int) bool { return ms[k].i >= q[0] }); k < len(ms) && ms[k].i <= q[1]; k++ {
			m := ms[k]
			if m.j > q[1] || !a.names(m.i, m.j, who) {
				continue
			}
			pron := a.subjectPronoun(m.i, m.j)
			if a.SentenceStart(m.i) {
				pron = capitalise(pron)
			}
			out = append(out, model.Finding{
				Start: int(a.toks[m.i].Start), End: int(a.toks[m.j].End), Category: model.Antecedent,
				Rule: s.Name(), Confidence: rule.Confidence, Message: rule.Message,
				Proposals: []model.Proposal{{Text: pron, Note: notes.PronounForOther}, {Text: "I", Note: notes.SpeakerSelf}},
			})
		}
	}
	return out
}

// quotations returns the [first, last] token ranges of the quotations
// marked in inside.
func (a *Analysis) quotations(inside quoteBits) [][2]int {
	var out [][2]int
	for i := 0; i < len(a.toks); i++ {
		if !inside.has(i) {
			continue
		}
		j := i
		for j+1 < len(a.toks) && inside.has(j+1) {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// speaker returns the capitalised name that a reporting verb next to the
// quotation [s, e] attributes it to (`, " Trump said`, `Trump said : "`),
// or "". It looks after the closing mark and a comma first, then before
// the opening mark and a colon, nearest first.
func (a *Analysis) speaker(s, e int) string {
	reach := a.rules().Limits.SpeakerReach.Value
	for k := e + 2; k <= e+reach; k++ {
		if a.attributes(k) {
			return a.text(k)
		}
	}
	for k := s - 3; k >= s-reach; k-- {
		if a.attributes(k) {
			return a.text(k)
		}
	}
	return ""
}

// attributes reports whether token k is a capitalised name next to a
// verb that attributes a quotation ("Trump said", "said Trump").
func (a *Analysis) attributes(k int) bool {
	return a.Class(k) == lexicon.Cap && (isSaid(a.text(k+1)) || isSaid(a.text(k-1)))
}

// isSaid reports whether w is a verb that attributes a quotation.
func isSaid(w string) bool {
	return vocab().quoteVerb.Has(w)
}

// names reports whether the phrase [i, j] contains the word who.
func (a *Analysis) names(i, j int, who string) bool {
	for k := i; k <= j; k++ {
		if a.text(k) == who {
			return true
		}
	}
	return false
}

// subjectPronoun returns he, she, they or it for the phrase [i, j].
func (a *Analysis) subjectPronoun(i, j int) string {
	switch a.possessivePronoun(i, j) {
	case "her":
		return "she"
	case "their":
		return "they"
	case "its":
		return "it"
	}
	return "he"
}
