package damage

import (
	"corefix/annotate/lexicon"
	"corefix/model"
)

// category classifies a substitution that changed the text, the first
// that applies winning:
//
//   - overwrite: it replaced other words than its mention (drift), or its
//     mention as the model bounded it took in words outside the real one;
//   - other: the model's mention is a part of the real one, whose other
//     words stay beside the representative ("the" + "A group of…");
//   - antecedent: the right place, another entity's representative;
//   - quote: first person inside a quotation rewritten;
//   - possessive: a possessive given a representative that is not one;
//   - other: a representative that adds a possessive or puts a pronoun in
//     another case ("him" → "he") (not with SharedGold);
//   - substitution: correct (a gold file's "neutral").
func (d *damager) category(sub *substitution, covered model.TokenSpan) model.Category {
	m := sub.target
	switch {
	case covered != m.span:
		return model.Overwrite
	case m.span != m.gold && !within(m.span, m.gold):
		return model.Overwrite
	case m.span != m.gold:
		return model.Other
	case sub.rep.entity != m.entity:
		return model.Antecedent
	case d.firstPersonQuoted(m.gold):
		return model.Quote
	case d.possessiveLost(m.gold, sub.rep.span):
		return model.Possessive
	case !d.cfg.SharedGold && d.formChanged(m.gold, sub.rep.span):
		return model.Other
	}
	return model.Substitution
}

// firstPersonQuoted reports whether s is one first-person pronoun inside a
// quotation.
func (d *damager) firstPersonQuoted(s model.TokenSpan) bool {
	return s.Len() == 1 && d.quoted[s.Start] && inList("first", d.doc.Tokens[s.Start].Form)
}

// possessiveLost reports whether the mention s was a possessive and the
// representative rep is not. With SharedGold only a possessive pronoun
// counts, and any pronoun representative keeps it.
func (d *damager) possessiveLost(s, rep model.TokenSpan) bool {
	if d.cfg.SharedGold {
		return s.Len() == 1 && d.class(s.Start) == lexicon.Poss && !(rep.Len() == 1 && lexicon.IsPronoun(d.class(rep.Start)))
	}
	return d.possessive(s) && !d.possessive(rep)
}

// possessive reports whether a mention is a possessive pronoun or ends in
// a possessive ’s (by its tag when the document has tags: "her" is one
// only as PRP$).
func (d *damager) possessive(s model.TokenSpan) bool {
	last := s.End - 1
	tag := d.doc.Tokens[last].XPOS
	switch d.class(last) {
	case lexicon.Clitic:
		return tag == "" || tag == "POS"
	case lexicon.Poss:
		return s.Len() == 1 && (tag == "" || tag == "PRP$")
	}
	return false
}

// formChanged reports a representative that makes a possessive of a
// mention that was none, or a pronoun of another case than the pronoun it
// replaces.
func (d *damager) formChanged(s, rep model.TokenSpan) bool {
	if d.possessive(rep) && !d.possessive(s) {
		return true
	}
	if s.Len() != 1 || rep.Len() != 1 {
		return false
	}
	a, b := d.class(s.Start), d.class(rep.Start)
	return lexicon.IsPronoun(a) && lexicon.IsPronoun(b) && a != b
}

// quotedTokens marks the tokens inside quotation marks: a straight quote
// opens or closes, curly ones open and close, and a paragraph closes any
// quotation left open (sources have stray quotes: "Wild 2).
func quotedTokens(doc *model.CorefDocument) []bool {
	quoted := make([]bool, len(doc.Tokens))
	starts := map[int]bool{}
	for _, p := range doc.Paragraphs {
		starts[p.Start] = true
	}
	in := false
	for i, t := range doc.Tokens {
		if starts[i] {
			in = false
		}
		switch t.Form {
		case `"`:
			in = !in
		case "“":
			in = true
		case "”":
			in = false
		default:
			quoted[i] = in
		}
	}
	return quoted
}
