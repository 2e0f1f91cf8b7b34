package detect

// The words around a mention that tell a lost possessive from a compound,
// an object or a subject: what stands before it and what follows.

import (
	"strings"

	"corefix/annotate/lexicon"
)

// verbBefore reports whether the word before the phrase at i is a verb
// that takes it as its object: a verb form, or an unknown word after
// "to" or after a subject ("they design", "Web developers design"), that
// is not a reporting verb nor a participle used as an adjective.
func (a *Analysis) verbBefore(i int) bool {
	k := i - 1
	switch a.Class(k) {
	case lexicon.Verb, lexicon.NounVerb, lexicon.Ing, lexicon.Ed:
	case lexicon.Low:
		if !strings.EqualFold(a.text(k-1), "to") && a.Class(k-1) != lexicon.Subj && !a.endsMention(k-1) {
			return false
		}
	default:
		return false
	}
	return !reporting(a.text(k)) && !a.participleAdjective(k)
}

// herObject reports whether the female mention at [i, j] is a bare
// singular noun phrase, with no determiner, standing as the object of a
// verb or preposition ("imprisoned Irish nurse for years"): "her" is
// both the object and the possessive pronoun, and the resolver put a
// representative that needs a determiner in its place. A writer's own
// repeated name ("met Jane") is left.
func (a *Analysis) herObject(i, j int) bool {
	if a.cls[j] != lexicon.Low || pluralShape(a.text(j)) {
		return false
	}
	switch a.Class(j + 1) {
	case lexicon.Prep, lexicon.Conj, lexicon.End, lexicon.Comma:
	default:
		return false
	}
	for k := i; k <= j; k++ {
		if a.cls[k] != lexicon.Cap && a.cls[k] != lexicon.Low {
			return false
		}
	}
	if p := a.Class(i - 1); p == lexicon.Prep && clausal(a.text(i-1)) || p != lexicon.Prep && !a.verbBefore(i) {
		return false
	}
	return a.GenderOf(i, j) == lexicon.Female // checked last: the dearest test
}

// gerundNext reports whether the person named at [i, j], after a
// preposition, is followed by an -ing word and a noun ("In Jane Doe
// opening remarks"): a clause cannot start after the preposition with a
// bare person and an -ing form before a noun, so the -ing word
// modifies a noun the person's "his" or "her" stood before.
func (a *Analysis) gerundNext(i, j int) bool {
	if a.Class(j+1) != lexicon.Ing || a.Class(j+2) != lexicon.Low || a.Class(i-1) != lexicon.Prep || clausal(a.text(i-1)) {
		return false
	}
	g := a.GenderOf(i, j)
	return g == lexicon.Male || g == lexicon.Female
}

// ordinalNext reports whether an ordinal or superlative and a noun
// follow the mention at [i, j] ("Discovery 39th mission", "Sweden first
// victory", "Jenna Marbles latest video"): these open a noun phrase only
// after a determiner or possessive ("its 39th mission"), so a bare name
// before one lost it. A word ordinal may also be an adverb before a verb
// ("Smith first visits Paris"), so only a word the lexicon knows as
// neither verb nor noun-or-verb may follow it, and no time word ("last
// week").
func (a *Analysis) ordinalNext(i, j int) bool {
	if a.cls[j] != lexicon.Cap && a.cls[j] != lexicon.Low || a.cls[i] == lexicon.Det {
		return false
	}
	w := strings.ToLower(a.text(j + 1))
	if vocab().possessorMod.Has(w) {
		return a.Class(j+2) == lexicon.Low && !temporal(a.text(j+2))
	}
	if c := a.Class(j + 2); a.Class(j+1) != lexicon.Num || c != lexicon.Low && c != lexicon.NounVerb {
		return false
	}
	// Digits, then an ordinal ending: "39th", "1st".
	end := strings.TrimLeft(w, "0123456789")
	return len(end) < len(w) && vocab().ordinalSuffix.Has(end)
}

// ownNext reports whether "own" and a noun follow the mention at [i, j]
// ("run schools own flag discussions"): after a noun, "own" is a
// possessive's. A verb or preposition before the mention makes it an
// object, so "own" is not its verb ("Most farmers own land").
func (a *Analysis) ownNext(i, j int) bool {
	if !strings.EqualFold(a.text(j+1), "own") || a.Class(j+2) != lexicon.Low && a.Class(j+2) != lexicon.NounVerb ||
		a.cls[j] != lexicon.Low && a.cls[j] != lexicon.Cap && a.cls[j] != lexicon.Ed {
		return false
	}
	switch a.Class(i - 1) {
	case lexicon.Prep, lexicon.Verb, lexicon.NounVerb, lexicon.Ing, lexicon.Ed:
		return !reporting(a.text(i - 1))
	}
	return false
}

// adverbNext reports whether the word at n is an adverb ending the
// phrase before it ("looked at temperature and ozone together"), not an
// adjective before a noun ("their first matchup").
func (a *Analysis) adverbNext(n int) bool {
	return adverbial(a.text(n)) && a.Class(n+1) != lexicon.Low && a.Class(n+1) != lexicon.NounVerb
}

// adverbial reports whether w is a common adverb without "-ly" that
// sits between a subject and its verb ("Trump later said").
func adverbial(w string) bool {
	return vocab().bareAdverb.HasLower(w)
}

// pluralSlot returns how sure we are that the recurring plural word at
// i stands where "their" stood: it is followed by "own" and a noun, or
// by a noun right after a preposition ("at participants option").
func (a *Analysis) pluralSlot(i int) float64 {
	n := i + 1
	if a.Class(n) != lexicon.Low && a.Class(n) != lexicon.NounVerb || temporal(a.text(n)) {
		return 0
	}
	if a.ownNext(i, i) {
		return a.rules().Possessive.Confidence.OwnNext
	}
	if p := a.Class(i - 1); p == lexicon.Prep && !clausal(a.text(i-1)) && a.Class(n) == lexicon.Low {
		return a.rules().Possessive.Confidence.PluralAfterPreposition
	}
	return 0
}

// pluralWords returns the occurrences of lower-case plural nouns that
// recur in the document ("schools", "participants") and lie outside the
// recurring phrases, where their slot may be a lost "their": a resolver
// copies a one-word representative as it copies a long one. Twice is
// enough, as the slot itself (a preposition, the plural, a noun) is
// rare in edited text, which writes "participants’ option". Only words
// in such a slot are counted, in one pass.
func (a *Analysis) pluralWords() []mention {
	var cand []int
	for i, c := range a.cls {
		if c == lexicon.Low && pluralShape(a.text(i)) && a.pluralSlot(i) > 0 {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 {
		return nil
	}
	type seen struct{ count, first int }
	words := make(map[string]*seen, len(cand))
	var filter wordFilter
	for _, i := range cand {
		words[a.text(i)] = &seen{first: -1}
		filter.add(a.word(i))
	}
	for i, c := range a.cls {
		if c != lexicon.Low || !filter.mayHave(a.word(i)) {
			continue
		}
		if s := words[a.text(i)]; s != nil {
			if s.first < 0 {
				s.first = i
			}
			s.count++
		}
	}
	var out []mention
	ms := a.mentions()
	k := 0
	for _, i := range cand {
		for k < len(ms) && ms[k].j < i {
			k++
		}
		s := words[a.text(i)]
		if s.count < a.rules().Limits.PluralWordCount.Value || k < len(ms) && ms[k].i <= i {
			continue
		}
		out = append(out, mention{i: i, j: i, count: int32(s.count), first: s.first == i})
	}
	return out
}

// pluralShape reports whether a lower-case word looks like a plural noun.
func pluralShape(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ics")
}

// participleAdjective reports whether the -ing or -ed word at k
// modifies a noun rather than heads a verb phrase: a determiner or
// number stands before it ("the three remaining Space Shuttle orbiters").
func (a *Analysis) participleAdjective(k int) bool {
	if c := a.Class(k); c != lexicon.Ing && c != lexicon.Ed {
		return false
	}
	switch a.Class(k - 1) {
	case lexicon.Det, lexicon.Num, lexicon.Poss:
		return true
	}
	return numberWord(a.text(k - 1))
}

// numberWord reports whether w is a small cardinal spelled out.
func numberWord(w string) bool {
	return vocab().numberWord.HasLower(w)
}

// quantity reports whether w is a plural of a number ("thousands"),
// which starts a new noun phrase rather than heading one.
func quantity(w string) bool {
	return vocab().quantity.HasLower(w)
}

// negated reports whether the word at n is an auxiliary split from its
// "n't" ("wo n't", "ca n't"), a verb the lexicon does not list.
func (a *Analysis) negated(n int) bool {
	return vocab().negation.Has(a.text(n + 1))
}

// headOfSubject reports whether the word at n is a noun heading a
// subject: a finite verb follows it ("passport was", "parents moved"),
// and it is not an adverb that may stand between a subject and its verb
// ("later said").
func (a *Analysis) headOfSubject(n int) bool {
	if a.cls[n] != lexicon.Low || adverbial(a.text(n)) {
		return false
	}
	switch a.Class(n + 1) {
	case lexicon.Verb, lexicon.Ed:
		return true
	case lexicon.Aux:
		return finite(a.text(n + 1))
	case lexicon.Low:
		return a.negated(n + 1) // "thyroid wo n't work"
	}
	return false
}

// nounModifier reports whether a word of class p may modify the noun
// phrase after it, so that phrase and the next word form one compound
// ("the Obama administration has", "Scientology officials have").
func nounModifier(p lexicon.Class) bool {
	switch p {
	case lexicon.Det, lexicon.Poss, lexicon.Cap, lexicon.Low, lexicon.Num, lexicon.Clitic:
		return true
	}
	return false
}

// finite reports whether w is a finite auxiliary ("was", "has"), not
// an adverb of the same class ("also", "never").
func finite(w string) bool {
	return vocab().finite.HasLower(w)
}

// coordinator reports whether w joins two noun phrases.
func coordinator(w string) bool {
	return vocab().coordinator.Has(w)
}

// temporal reports whether w continues a time expression ("Saturday
// night", "Texas last week").
func temporal(w string) bool {
	return vocab().temporal.HasLower(w)
}

// clausal reports whether a preposition may introduce a clause ("after
// Trump took office"), where a name followed by a verb is fine.
func clausal(w string) bool {
	return vocab().clausalPrep.HasLower(w)
}

// reporting reports whether a verb takes a clause ("said Trump wants").
func reporting(w string) bool {
	return vocab().clauseVerb.HasLower(w)
}

// kin reports whether w names a relative, a noun that nearly always
// has a possessor ("Doe father" lost its "his").
func kin(w string) bool {
	return vocab().kin.HasLower(w)
}
