package resolve

import (
	"strings"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// representative is the first mention of c usable as its name (usable),
// unless that is a description and a later usable mention is a proper
// name (name): then the name ("Byron", not "the undistinguished student"
// of "An undistinguished student and an unskilled cricketer, he …"). A
// cluster without a usable mention is left alone.
func (r *resolver) representative(c model.CorefCluster) (model.TokenSpan, bool) {
	if len(c.Mentions) < 2 {
		return model.TokenSpan{}, false
	}
	first := -1
	for k, m := range c.Mentions {
		if !r.usable(m, k == 0) {
			continue
		}
		if r.name(m) {
			return m, true
		}
		if first < 0 {
			first = k
		}
	}
	if first < 0 {
		return model.TokenSpan{}, false
	}
	return c.Mentions[first], true
}

// name reports whether a mention as written is a proper name: its head
// is tagged as a proper noun, or without tags one of its words is
// capitalised as a name (capitalised).
func (r *resolver) name(m model.TokenSpan) bool {
	w := r.written(m)
	if r.w.Tagged() {
		head := r.w.Head(w)
		return head >= 0 && strings.HasPrefix(r.w.Doc.Tokens[head].XPOS, "NNP")
	}
	for i := w.Start; i < w.End; i++ {
		if r.w.Class(i) == lexicon.Cap && r.capitalised()[r.w.Doc.Tokens[i].Form] {
			return true
		}
	}
	return false
}

// capitalised is the set of capitalised words the document writes where
// no sentence starts: names, whose capital is their own ("Paris" at a
// sentence start too, when "Valeska Paris" is written elsewhere).
func (r *resolver) capitalised() map[string]bool {
	if r.caps == nil {
		r.caps = map[string]bool{}
		for i, t := range r.w.Doc.Tokens {
			if r.w.Class(i) == lexicon.Cap && !r.sentenceStart(i) {
				r.caps[t.Form] = true
			}
		}
	}
	return r.caps
}

// usable reports whether mention m, the cluster's first when first, can
// name its entity elsewhere. Not: a pronoun; a heading in capitals ("GUJJOLAAY
// EEGIMAA"); an indefinite mention after the first, which describes rather
// than names ("An undistinguished student and an unskilled cricketer, he
// …", "being made a full general": a predicate, not Byron's or Gordon's
// name); a mention with a first- or second-person word, which names
// someone else outside its speaker's words ("my attorney" in another
// speaker's turn); and, as written (written), a clause — words that
// start with a verb or auxiliary ("Have …", "are …") — or words a cut
// left without their noun ("the region's primary political" of "…
// political, cultural, economic, and transportation center").
func (r *resolver) usable(m model.TokenSpan, first bool) bool {
	toks := r.w.Doc.Tokens
	switch {
	case r.pronoun(m), lexicon.AllCaps(wordsText(r.ct, m)):
		return false
	case !first && inList("indefinite", toks[m.Start].Form):
		return false
	}
	for i := m.Start; i < m.End; i++ {
		if inList("first", toks[i].Form) || inList("second", toks[i].Form) {
			return false
		}
	}
	w := r.written(m)
	if r.verbal(w.Start) {
		return false
	}
	return w.End == m.End || r.nominalEnd(w.End-1)
}

// written is what of the representative rep the resolver writes: its
// words up to the first comma, colon, dash or bracket (an apposition or a
// list is not repeated: "Valeska Paris, an Australian woman …" → "Valeska
// Paris"), without a possessive ’s of its own.
func (r *resolver) written(rep model.TokenSpan) model.TokenSpan {
	words := rep
	for i := rep.Start + 1; i < rep.End; i++ {
		if inList("cut", r.w.Doc.Tokens[i].Form) {
			words.End = i
			break
		}
	}
	if words.Len() > 1 && r.w.clitic(words.End-1) {
		words.End--
	}
	return words
}

// verbal reports whether word i is a verb or auxiliary: by its tag, or
// without tags by the lexicon's common verbs and the auxiliaries.
func (r *resolver) verbal(i int) bool {
	if tag := r.w.Doc.Tokens[i].XPOS; tag != "" {
		return inList("verb-tags", tag)
	}
	return r.w.Class(i) == lexicon.Verb || inList("auxiliary", r.w.Doc.Tokens[i].Form)
}

// nominalEnd reports whether word i can end a noun phrase cut short: a
// noun, number or pronoun by its tag; without tags, any word but a
// closed-class one, an auxiliary or a verb.
func (r *resolver) nominalEnd(i int) bool {
	if tag := r.w.Doc.Tokens[i].XPOS; tag != "" {
		return inList("noun-end-tags", tag)
	}
	c := r.w.Class(i)
	return !closedClass(c) && c != lexicon.Aux && c != lexicon.Verb
}

// modifier reports whether m stands before a noun that continues a
// mention around it: a name used as a modifier ("most [Eegimaa] speakers",
// "former [Museum of Flight] CEO"). A possessive is not one: it is
// replaced with ’s.
func (r *resolver) modifier(m model.TokenSpan) bool {
	if m.End >= len(r.ct.Words) || r.reach[m.Start] <= m.End || r.possessive(m) {
		return false
	}
	if tag := r.w.Doc.Tokens[m.End].XPOS; tag != "" {
		return strings.HasPrefix(tag, "NN")
	}
	switch r.w.Class(m.End) {
	case lexicon.Low, lexicon.Cap, lexicon.NounVerb, lexicon.Ing, lexicon.Ed:
		return true
	}
	return false
}

// mentionReach is, for each word i, the end of the longest mention that
// starts at or before it: a mention m has one around it continuing past
// its last word when reach[m.Start] > m.End.
func mentionReach(doc *model.CorefDocument) []int {
	reach := make([]int, len(doc.Tokens))
	for _, c := range doc.Clusters {
		for _, m := range c.Mentions {
			if m.Start < len(reach) {
				reach[m.Start] = max(reach[m.Start], m.End)
			}
		}
	}
	for i := 1; i < len(reach); i++ {
		reach[i] = max(reach[i], reach[i-1])
	}
	return reach
}
