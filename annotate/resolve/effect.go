package resolve

import (
	"corefix/annotate/lexicon"
	"corefix/model"
)

// Effect classifies a replacement written over its own mention, the
// first that applies winning:
//
//   - quote: first person inside a quotation rewritten;
//   - possessive: a possessive given a representative that is not one;
//   - other: a representative that adds a possessive or puts a pronoun in
//     another case ("him" → "he"), or a name over "I" before a verb form
//     only the first person takes ("I 've gone" → "Frank Messina 've
//     gone") (not with shared);
//   - substitution: correct.
//
// With shared, as the shared gum/drift and gum/clean gold files classify,
// only a possessive pronoun given a representative that is not a pronoun
// is a lost possessive. A replacement that landed on other words than its
// mention is overwrite damage whatever its effect; the caller knows that.
func (w *Words) Effect(rep, target model.TokenSpan, shared bool) model.Category {
	switch {
	case w.FirstPersonQuoted(target):
		return model.Quote
	case w.possessiveLost(target, rep, shared):
		return model.Possessive
	case !shared && (w.formChanged(target, rep) || w.verbDisagrees(target, rep)):
		return model.Other
	}
	return model.Substitution
}

// verbDisagrees reports "I" replaced by a noun phrase before a verb form
// that no third person takes ("am", "'m", "have", "'ve", "do", "are"):
// the verb no longer agrees. By the words alone, so a clusters file
// without tags (exact mode) reads it as the tagged corpus the damage
// factory writes gold from does; open-class verbs ("I want") would need
// tags, and are left out for that reason.
func (w *Words) verbDisagrees(s, rep model.TokenSpan) bool {
	if s.Len() != 1 || s.End >= len(w.Doc.Tokens) || w.Doc.Tokens[s.Start].Form != "I" || w.Pronoun(rep) {
		return false
	}
	return lexicon.Set("not-third-singular").HasLower(w.Doc.Tokens[s.End].Form)
}

// possessiveLost reports whether the mention s was a possessive and the
// representative rep is not. With shared only a possessive pronoun
// counts, and any pronoun representative keeps it.
func (w *Words) possessiveLost(s, rep model.TokenSpan, shared bool) bool {
	if shared {
		return s.Len() == 1 && w.Class(s.Start) == lexicon.Poss && !(rep.Len() == 1 && lexicon.IsPronoun(w.Class(rep.Start)))
	}
	return w.Possessive(s) && !w.Possessive(rep)
}

// formChanged reports a representative that makes a possessive of a
// mention that was none, or a pronoun of another case than the pronoun it
// replaces.
func (w *Words) formChanged(s, rep model.TokenSpan) bool {
	if w.Possessive(rep) && !w.Possessive(s) {
		return true
	}
	if s.Len() != 1 || rep.Len() != 1 {
		return false
	}
	a, b := w.Class(s.Start), w.Class(rep.Start)
	return lexicon.IsPronoun(a) && lexicon.IsPronoun(b) && a != b
}
