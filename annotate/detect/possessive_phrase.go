package detect

// Where a mention before a lost possessive begins and ends, and what
// kind of phrase it is: the finding covers the whole name or copy.

import (
	"slices"

	"corefix/annotate/lexicon"
)

// endsMention reports whether a recurring mention ends at token k.
func (a *Analysis) endsMention(k int) bool {
	_, ok := a.mentionTo(k)
	return ok
}

// nameBegin returns where the name that the mention at i ends begins:
// capitalised words right before a mention belong to it ("English" in
// "for English defender Kyle Walker bad foul", "Space Shuttle" before
// "Discovery"), so the slot is judged from the word before them and the
// finding covers them.
func (a *Analysis) nameBegin(i int) int {
	for a.Class(i-1) == lexicon.Cap && !a.SentenceStart(i-1) {
		i--
	}
	return i
}

// coordinated returns the start of the coordination that the mention
// at i closes ("Endeavour and Atlantis"): the start of the recurring
// mention before "and", or i when there is none.
func (a *Analysis) coordinated(i int) int {
	if a.text(i-1) != "and" {
		return i
	}
	m, ok := a.mentionTo(i - 2)
	if !ok {
		return i
	}
	return m.i
}

// uncut returns the end of the recurring mention m, followed past the
// mention length limit when m was cut there: a representative longer
// than that ("Professor Jane Doe , Director of the National Survey of
// Rural Health") continues in every copy as in the writer's first
// mention, and the copy ends where the two part ("... Health urgent
// calls"). A mention within a few words of the limit may have been cut
// short of a word that cannot end a phrase ("of"). It follows
// noun-phrase words only, and returns m.j when m is short or no earlier
// occurrence is found.
func (a *Analysis) uncut(m mention, firsts map[string]mention) int {
	if m.first || !a.nearCut(m) {
		return m.j
	}
	f, ok := firsts[a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End]]
	if !ok || f.i >= m.i {
		return m.j
	}
	end := m.j
	for k := 1; f.j+k < m.i && m.j+k < len(a.toks) && inNP(a.cls[m.j+k]) && a.text(f.j+k) == a.text(m.j+k); k++ {
		if endsNP(a.cls[m.j+k]) {
			end = m.j + k
		}
	}
	return end
}

// nearCut reports whether the mention m is long enough that it may have
// been cut at the mention length limit.
func (a *Analysis) nearCut(m mention) bool {
	l := &a.rules().Limits
	return m.j-m.i+1 >= l.MaxMention.Value-l.CutMargin.Value
}

// longFirsts maps the words of each long recurring mention to its first
// occurrence, for uncut.
func (a *Analysis) longFirsts(ms []mention) map[string]mention {
	if !slices.ContainsFunc(ms, func(m mention) bool { return !m.first && a.nearCut(m) }) {
		return nil // no long copy to follow: spare the map
	}
	var out map[string]mention
	for _, m := range ms {
		if m.first && a.nearCut(m) {
			if out == nil {
				out = make(map[string]mention)
			}
			out[a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End]] = m
		}
	}
	return out
}

// inName reports whether the phrase at i follows "of" inside a
// capitalised name ("Man of the Match award", "Bank of America
// headquarters"): the phrase completes the name, and the noun after it
// is the name's, in a compound.
func (a *Analysis) inName(i int) bool {
	return a.text(i-1) == "of" && a.Class(i-2) == lexicon.Cap && !a.SentenceStart(i-2)
}

// namedPhrase reports whether [i, j] is two or more words without a
// determiner, at least one capitalised: a name with its title or
// description ("Texas student Ahmed Mohamed", "Team Estonia").
func (a *Analysis) namedPhrase(i, j int) bool {
	if j == i || a.cls[i] == lexicon.Det {
		return false
	}
	for k := i; k <= j; k++ {
		if a.cls[k] == lexicon.Cap {
			return true
		}
	}
	return false
}

// longPhrase reports whether [i, j] is a determiner phrase with a
// preposition inside ("A group of Afghan teenagers"): too long to be a
// noun modifier.
func (a *Analysis) longPhrase(i, j int) bool {
	if a.cls[i] != lexicon.Det || j-i+1 < a.rules().Limits.LongPhrase.Value || a.properName(i+1, j) {
		return false
	}
	for k := i + 1; k < j; k++ {
		if a.cls[k] == lexicon.Prep {
			return true
		}
	}
	return false
}

// properName reports whether [i, j] is one name of capitalised words
// joined by "of", "and" and the like ("Church of Scientology", "Museum
// of Flight"): such a name after "the" modifies a noun as "the U.S."
// does ("the Museum of Flight website").
func (a *Analysis) properName(i, j int) bool {
	for k := i; k <= j; k++ {
		switch a.cls[k] {
		case lexicon.Cap:
		case lexicon.Prep, lexicon.Det, lexicon.Conj:
			if k == i || k == j {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// barePossessor reports whether the recurring mention m is a lower-case
// singular noun with ’s and no determiner ("all daughter 's energy"): a
// count noun needs "the" or "her" before it, so the resolver copied a
// representative ("the daughter 's") without its determiner over a
// possessive pronoun. Nouns that stand bare (people, today) are left.
func (a *Analysis) barePossessor(m mention) bool {
	if m.first || m.j != m.i+1 || int(m.count) < a.rules().Limits.CopyCount.Value || a.cls[m.j] != lexicon.Clitic || a.cls[m.i] != lexicon.Low || temporal(a.text(m.i)) {
		return false
	}
	if g, ok := lexicon.GenderOfWord(a.text(m.i)); ok && g == lexicon.Plural {
		return false // "people 's", "children 's"
	}
	if vocab().bareNoun.HasLower(a.text(m.i)) {
		return false
	}
	if n := a.Class(m.j + 1); n != lexicon.Low && n != lexicon.NounVerb {
		return false
	}
	// Between a verb or preposition and a noun, where "her" stood; a
	// determiner or modifier before it ("the daughter 's") is fine.
	switch a.Class(m.i - 1) {
	case lexicon.Prep, lexicon.Verb, lexicon.NounVerb, lexicon.Ing, lexicon.Ed:
		return true
	case lexicon.Conj, lexicon.Det:
		// "and daughter 's lack", "all daughter 's energy": after a
		// conjunction or a predeterminer the noun still needs its own
		// determiner.
		return coordinator(a.text(m.i-1)) || predeterminer(a, m.i-1)
	}
	return false
}

// copiedIndefinite reports whether the recurring mention at [i, j]
// is an indefinite phrase ("a browser") copied again: a writer
// introduces a referent once with "a" and then says "the browser" or
// "it", so a later verbatim "a browser" is the resolver's copy of the
// first mention, standing where a pronoun stood.
func (a *Analysis) copiedIndefinite(i, j int) bool {
	// "A" and "An" are determiners at a sentence start; "AN" is a name.
	if a.cls[i] != lexicon.Det || !vocab().indefinite.HasLower(a.text(i)) {
		return false
	}
	if j == i || a.cls[j] != lexicon.Low {
		return false
	}
	// Twice may be the writer's ("won a penalty ... a penalty kick");
	// more often is a representative copied.
	m, ok := a.mentionFrom(i)
	return ok && m.j == j && int(m.count) >= a.rules().Limits.CopyCount.Value
}
