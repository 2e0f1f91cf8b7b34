package resolve

import (
	"slices"
	"strings"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// Effect classifies a replacement written over its own mention, the
// first that applies winning:
//
//   - quote: first person inside a quotation rewritten;
//   - possessive: a possessive given a representative that is not one;
//   - other: a representative that adds a possessive or puts a pronoun in
//     another case ("him" → "he"), a name over "I" or "you" before a
//     verb form no third person singular takes ("I 've gone" → "Frank
//     Messina 've gone"; in tagged text any such present verb after any
//     singular noun phrase, "Isabel Ruiz want"), or a pronoun before a
//     verb form it never takes ("you 're" → "I 're") (not with shared);
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

// verbDisagrees reports "I" or "you" replaced by a noun phrase before a
// verb form that no third person singular takes ("am", "'m", "have",
// "'ve", "do", "are") (PersonVerbLost), or any mention replaced by a
// pronoun that never takes the verb after it (PronounVerbLost): the verb
// no longer agrees.
func (w *Words) verbDisagrees(s, rep model.TokenSpan) bool {
	if s.Len() == 0 || s.End >= len(w.Doc.Tokens) {
		return false
	}
	mention, next := w.phrase(s), w.Doc.Tokens[s.End].Form
	if rep.Len() == 1 && PronounVerbLost(mention, w.Doc.Tokens[rep.Start].Form, next) {
		return true
	}
	if s.Len() != 1 {
		return false
	}
	return PersonVerbLost(mention, w.form(rep), next) || PresentLost(mention, w.form(rep), w.tags(rep), w.Doc.Tokens[s.End].XPOS)
}

// PresentLost reports "I" or "you" (mention) replaced by a representative
// rep whose words' tags are repTags, a singular noun phrase, before a
// present verb its tag (nextTag, "VBP") says no third person singular
// takes: "I want" → "Isabel Ruiz want", "you are" → "a foreign visitor
// are". The tags name the open-class verbs PersonVerbLost leaves out, and
// the representative's number, which tells "a foreign visitor" from "the
// fans" where PersonVerbLost can only trust a capital. The damage
// factory reads the corpus's tags, exact mode a tagger's.
func PresentLost(mention string, rep Form, repTags []string, nextTag string) bool {
	if nextTag != "VBP" || !strings.EqualFold(mention, "I") && !strings.EqualFold(mention, "you") || rep.Pronoun() {
		return false
	}
	if slices.Contains(repTags, "CC") {
		return false // "Gerald and Sherri Padalecki" are two
	}
	return headNumber(repTags) == "singular"
}

// phrase returns the words of s, one space between them.
func (w *Words) phrase(s model.TokenSpan) string {
	if s.Len() == 1 {
		return w.Doc.Tokens[s.Start].Form
	}
	forms := make([]string, 0, s.Len())
	for _, t := range w.Doc.Tokens[s.Start:s.End] {
		forms = append(forms, t.Form)
	}
	return strings.Join(forms, " ")
}

// PronounVerbLost reports whether a mention replaced by the pronoun rep
// leaves the word after it, next, a verb form rep never takes where the
// mention took it: "you ’re reading" → "I ’re reading", "the city bus
// is" → "They is" (lexicon.VerbClashes). By the words alone, as
// PersonVerbLost.
func PronounVerbLost(mention, rep, next string) bool {
	return lexicon.VerbClashes(rep, next) && !lexicon.VerbClashes(mention, next)
}

// PersonVerbLost reports whether a mention, "I" or "you", replaced by a
// representative rep that is no pronoun leaves the word after it, next, a
// verb form no third person singular takes: "I 've gone" → "Frank
// Messina 've gone", an interviewer's "You have received" → "Frank
// Messina have received". "You" may stand for a group, so only a
// representative that starts with a capitalised word (a name, not "the
// fans") counts for it. A contracted "’ve" or "’re" after any pronoun so
// replaced counts too: only a pronoun takes them. By the words alone, so a text without tags (exact
// mode) reads it as the tagged corpus the damage factory writes gold
// from does; open-class verbs ("I want") would need tags, and are left
// out for that reason.
func PersonVerbLost(mention string, rep Form, next string) bool {
	switch {
	case rep.Pronoun():
		return false
	case lexicon.Set("attached-verb").HasLower(next):
		// "’ve" and "’re" lean on a pronoun, whatever its person or
		// number: after a noun phrase they were left by one ("we ’ve
		// played" → "each other ’ve played").
		return lexicon.IsPronoun(lexicon.Classify(mention, lexicon.Lexicon()))
	case !lexicon.Set("not-third-singular").HasLower(next):
		return false
	}
	return strings.EqualFold(mention, "I") || strings.EqualFold(mention, "you") && rep.Class == lexicon.Cap
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
// replaces (FormChanged).
func (w *Words) formChanged(s, rep model.TokenSpan) bool {
	return FormChanged(w.form(s), w.form(rep))
}

// form is what FormChanged reads of the phrase s.
func (w *Words) form(s model.TokenSpan) Form {
	return Form{Words: s.Len(), Class: w.Class(s.Start), Possessive: w.Possessive(s)}
}

// Form is what decides a phrase's grammatical form: how many words it
// has, the class of its first, and whether it is a possessive (ends in
// ’s, or is a possessive pronoun).
type Form struct {
	Words      int
	Class      lexicon.Class
	Possessive bool
}

// Pronoun reports whether the phrase is one pronoun or determiner
// ("this"), which names any entity.
func (f Form) Pronoun() bool {
	return f.Words == 1 && (lexicon.IsPronoun(f.Class) || f.Class == lexicon.Det)
}

// FormChanged reports whether a representative of form rep written over a
// mention of form mention changes its form: it adds a possessive the
// mention lacked ("Warhol" → "Warhol ’s"), or both are pronouns of other
// classes ("we" → "our", "I" → "me").
func FormChanged(mention, rep Form) bool {
	if rep.Possessive && !mention.Possessive {
		return true
	}
	return mention.Words == 1 && rep.Words == 1 && lexicon.IsPronoun(mention.Class) && lexicon.IsPronoun(rep.Class) && mention.Class != rep.Class
}
