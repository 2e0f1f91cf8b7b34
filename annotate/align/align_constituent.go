package align

import "corefix/annotate/lexicon"

// A pipeline's mention is a whole noun phrase of the original: a pronoun,
// a name, or determiner … head noun, with its possessive ’s when it has
// one. A phrase that shares words with a representative but stops inside
// a noun phrase ("Cruise video" in "the Cruise video", "Zealand" in "New
// Zealand") or runs past one ("New Zealand ,") is a piece of a mention,
// not one, and the cut of side-by-side slices should not be decided by
// it.

// wholeness is the share of its mention score a phrase keeps as a
// mention: all of it when it is a whole noun phrase, part_mention of it
// otherwise (measurements: docs/experiments.md).
func (a *alignment) wholeness(start, l int) float64 {
	if a.wholePhrase(start, l) {
		return 1
	}
	return a.rules.Split.PartMention.Value
}

// origClasses returns the original's word classes, built on first use.
func (a *alignment) origClasses() []lexicon.Class {
	if a.origCls == nil {
		a.origCls = make([]lexicon.Class, len(a.ot))
		lex := lexicon.Lexicon()
		for i, t := range a.ot {
			a.origCls[i] = lexicon.Classify(t.Text(a.orig.Text), lex)
		}
	}
	return a.origCls
}

// wholePhrase reports whether original tokens [start, start+l) can be a
// whole noun phrase: it starts and ends like one, and its neighbours do
// not continue it (a determiner, possessive or modifier before it, a
// name's next word or a possessive ’s after it).
func (a *alignment) wholePhrase(start, l int) bool {
	cls := a.origClasses()
	at := func(i int) lexicon.Class {
		if i < 0 || i >= len(cls) {
			return lexicon.End
		}
		return cls[i]
	}
	first, last := at(start), at(start+l-1)
	prev, next := at(start-1), at(start+l)
	switch first {
	case lexicon.Prep, lexicon.Conj, lexicon.Aux, lexicon.Verb, lexicon.Wh, lexicon.Ly, lexicon.End, lexicon.Comma, lexicon.Quote, lexicon.Punct, lexicon.Clitic:
		return false
	}
	switch last {
	case lexicon.Det, lexicon.Prep, lexicon.Conj, lexicon.Aux, lexicon.Verb, lexicon.Ed, lexicon.Ly, lexicon.Wh, lexicon.End, lexicon.Comma, lexicon.Quote, lexicon.Punct:
		return false
	case lexicon.Poss:
		if l > 1 {
			return false
		}
	}
	switch {
	case prev == lexicon.Det || prev == lexicon.Poss || prev == lexicon.Clitic:
		// "the" + "Cruise video", "her" + "mother", "Tunisia ’s" + "coach".
		return lexicon.IsPronoun(first)
	case a.sameName(start-1, start), a.sameName(start+l-1, start+l):
		// Inside a name: "New" + "Zealand", "Tom" + "Cruise".
		return false
	case (prev == lexicon.Cap || prev == lexicon.Low) && first == lexicon.Low:
		// A modifier before a common noun: "Cruise" + "video".
		return false
	case next == lexicon.Low && (last == lexicon.Low || last == lexicon.Cap || last == lexicon.Num):
		// A modifier without its noun: "the Cruise" + "video".
		return false
	case next == lexicon.Clitic && last != lexicon.Clitic:
		// A possessive mention takes its ’s along.
		return false
	}
	return true
}

// sameName reports whether original tokens i and j (adjacent) are words
// of one name: both capitalised, and not two acronyms side by side ("NPP
// DAB" lists two parties; "FIRST Global" is one name).
func (a *alignment) sameName(i, j int) bool {
	if i < 0 || j >= len(a.ot) {
		return false
	}
	cls := a.origClasses()
	if cls[i] != lexicon.Cap || cls[j] != lexicon.Cap {
		return false
	}
	return !lexicon.AllCaps(a.ot[i].Text(a.orig.Text)) || !lexicon.AllCaps(a.ot[j].Text(a.orig.Text))
}
