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
				Start: a.toks[m.i].Start, End: a.toks[m.j].End, Category: model.Antecedent,
				Rule: s.Name(), Confidence: 0.7,
				Message:   "the speaker of this quotation is named inside it: a pronoun was resolved to the wrong person, or the speaker's I replaced",
				Proposals: []model.Proposal{{Text: pron, Note: "the pronoun, if it meant someone else"}, {Text: "I", Note: "if the speaker meant themselves"}},
			})
		}
	}
	return out
}

// quotations returns the [first, last] token ranges of the quotations
// marked in inside.
func (a *Analysis) quotations(inside []bool) [][2]int {
	var out [][2]int
	for i := 0; i < len(inside); i++ {
		if !inside[i] {
			continue
		}
		j := i
		for j+1 < len(inside) && inside[j+1] {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// speaker returns the capitalised name that a reporting verb next to the
// quotation [s, e] attributes it to (`, " Trump said`, `Trump said : "`),
// or "".
func (a *Analysis) speaker(s, e int) string {
	for _, k := range []int{e + 2, e + 3, e + 4, s - 3, s - 4} {
		if a.Class(k) == lexicon.Cap && (isSaid(a.text(k+1)) || isSaid(a.text(k-1))) {
			return a.text(k)
		}
	}
	return ""
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
