package detect

import (
	"cmp"
	"slices"
	"strings"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// Possessive flags a recurring mention directly followed by a common noun
// ("in President Donald Trump responses"): the resolver replaced "his" or
// "their" by the bare representative and dropped the ’s. It proposes the
// pronoun back, chosen by the mention's gender and number, then "X ’s".
//
// The slot tells a lost possessive from a compound ("the U.S. border") or
// a subject and its verb: a preposition or a verb taking an object
// before the mention, a noun after it; or words that need a possessor
// after it ("own", "respective", an ordinal, an -ing modifier). Copies
// that show themselves as copies count even where the slot is weaker: a
// third "a browser", a bare noun with ’s ("daughter ’s energy"), a
// relative with its pronoun ("his father entire family"), and a bare
// female phrase as an object ("imprisoned Australian woman for years"),
// where "her", object and possessive alike, stood.
type Possessive struct{}

// Name implements Detector.
func (Possessive) Name() string { return "lost-possessive" }

// Detect implements Detector.
func (p Possessive) Detect(doc *model.Document) []model.Finding {
	return p.detect(Analyze(doc))
}

func (p Possessive) detect(a *Analysis) []model.Finding {
	var out []model.Finding
	ms := a.mentions()
	firsts := a.longFirsts(ms)
	for _, list := range [2][]mention{ms, a.pluralWords()} {
		for _, m := range list {
			if f, ok := p.bareMention(a, m, firsts); ok {
				out = append(out, f)
			}
		}
	}
	out = append(out, p.kinCopies(a)...)
	out = append(out, p.copiedPossessives(a)...)
	out = append(out, p.possessiveSubjects(a)...)
	slices.SortFunc(out, func(x, y model.Finding) int { return cmp.Compare(x.Start, y.Start) })
	return out
}

// bareMention judges the recurring mention m (or recurring plural word)
// as a possessive's replacement: the finding, if its slot is one.
func (p Possessive) bareMention(a *Analysis, m mention, firsts map[string]mention) (model.Finding, bool) {
	r := &a.rules().Possessive
	conf, notes := &r.Confidence, &a.rules().Notes
	m.j = a.uncut(m, firsts)
	if m.j > m.i && strings.EqualFold(a.text(m.j), "own") {
		// "schools own" recurs when every "their own" became it:
		// the mention is the words before "own".
		m.j--
	} else if m.first {
		return model.Finding{}, false
	} else if a.Class(m.j+1) == lexicon.Ed && strings.EqualFold(a.text(m.j+2), "own") {
		// "used many people we met own phones": a representative
		// with a relative clause ends in its verb, which a phrase
		// cannot end in, so the copy is found one word short.
		m.j++
	}
	c, object := a.possessiveSlot(m.i, m.j), false
	if a.barePossessor(m) {
		// "spent all daughter 's energy": the representative was
		// a bare noun with ’s; the pronoun alone is the fix.
		c = conf.BarePossessor
	} else if m.i == m.j && a.cls[m.i] == lexicon.Low {
		c = a.pluralSlot(m.i)
	} else if c == 0 && a.ownNext(m.i, m.j) {
		c = conf.OwnNext
	} else if c == 0 && strings.EqualFold(a.text(m.j+1), "respective") {
		// "respective" needs a plural possessor: "their".
		c = conf.RespectiveNext
		m.i = a.coordinated(m.i)
	} else if c == 0 && a.gerundNext(m.i, m.j) {
		c = conf.GerundNext
	} else if c == 0 && a.ordinalNext(m.i, m.j) {
		c = conf.OrdinalNext
	} else if c == 0 && a.herObject(m.i, m.j) {
		c = conf.HerObject
		object = true
	}
	if c == 0 {
		return model.Finding{}, false
	}
	m.i = a.nameBegin(m.i)
	name := m.j // the possessor's last word, before any ’s
	if a.cls[m.j] == lexicon.Clitic {
		name--
	}
	span := a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End]
	f := a.lostPossessor(m.i, name)
	f.Confidence = c
	if a.cls[m.j] == lexicon.Clitic {
		f.End = int(a.toks[m.j].End)
		f.Message, f.Proposals[1] = r.Messages.BareNoun, model.Proposal{Text: "the " + span, Note: notes.RestoreDeterminer}
	}
	if object {
		f.Message, f.Proposals[1] = r.Messages.BareObject, model.Proposal{Text: "the " + span, Note: notes.RestoreObjectDeterminer}
	}
	return f, true
}

// lostPossessor is the lost-possessive finding for the bare possessor at
// tokens [i, j] (no ’s of its own), without a confidence: the
// possessive pronoun back, then the possessor with ’s.
func (a *Analysis) lostPossessor(i, j int) model.Finding {
	r, notes := &a.rules().Possessive, &a.rules().Notes
	pron := a.possessiveOf(i, j)
	if pron == "its" && a.speaks(i, j) && !lexicon.AllCaps(a.text(j)) {
		// A person of unknown gender. An acronym that speaks is an
		// organisation ("NASA said").
		pron = a.personPossessive(i, j)
	}
	if a.SentenceStart(i) {
		pron = capitalise(pron)
	}
	span := a.doc.Text[a.toks[i].Start:a.toks[j].End]
	return model.Finding{
		Start: int(a.toks[i].Start), End: int(a.toks[j].End), Category: model.Possessive,
		Rule: (Possessive{}).Name(), Message: r.Messages.BareMention,
		Proposals: []model.Proposal{{Text: pron, Note: notes.PossessiveBack}, {Text: span + a.cliticStyle(), Note: notes.RestoreClitic}},
	}
}

// possessiveSlot returns how sure we are that the mention at [i, j]
// stands where a possessive stood, or 0 when its slot is not one.
func (a *Analysis) possessiveSlot(i, j int) float64 {
	conf := &a.rules().Possessive.Confidence
	n := j + 1
	if n >= len(a.toks) || a.cls[n] != lexicon.Low && a.cls[n] != lexicon.NounVerb || a.cls[j] == lexicon.Clitic || lexicon.IsPronoun(a.cls[j]) {
		return 0
	}
	if a.cls[i] == lexicon.Num {
		// "six of 36 shells hit": a counted phrase is a quantity, and
		// a quantity is rarely anyone's possessor.
		return 0
	}
	if j-i+1 == a.rules().Limits.MaxMention.Value {
		// A cut-off representative that uncut could not follow: the
		// next word is still its own.
		return 0
	}
	if temporal(a.text(n)) || a.adverbNext(n) {
		return 0
	}
	g := a.GenderOf(i, j)
	indef := a.copiedIndefinite(i, j)
	switch {
	case a.longPhrase(i, j) || g == lexicon.Plural:
	case indef:
	case a.cls[i] == lexicon.Det, g == lexicon.UnknownGender && !a.namedPhrase(i, j) && !a.speaks(i, j):
		// "the U.S. border", "the Andy Warhol exhibit", "Texas schools":
		// a determiner phrase, place or thing before a noun is usually a
		// compound, not a lost possessive.
		return 0
	}
	if a.inName(i) || g == lexicon.UnknownGender && !a.speaks(i, j) && a.cls[n] == lexicon.Low && pluralShape(a.text(n)) && a.cls[j] == lexicon.Cap {
		return 0
	}
	if kin(a.text(n)) {
		return conf.KinNext // "and Jane Doe father": kin are someone's
	}
	if a.cls[n] == lexicon.Low && pluralShape(a.text(n)) && !quantity(a.text(n)) {
		// A plural before a plural noun is never a compound ("the
		// residents homes"), nor is it a subject: its verb would not
		// take "-s".
		if g == lexicon.Plural {
			return conf.PluralBeforePlural
		}
		// After a regular past verb or an -ing form the mention is an
		// object, so an "-s" word after it is a plural noun, not the
		// mention's verb ("defeated Jane Doe opponents"). Irregular verbs ("met",
		// "made") also take an object and its complement, so they are
		// left to the other checks.
		switch a.Class(i - 1) {
		case lexicon.Ed, lexicon.Ing:
			if !reporting(a.text(i-1)) && !a.participleAdjective(i-1) {
				return conf.ObjectBeforePlural
			}
		}
	}
	// A singular subject followed by an "-s" word is a subject and its
	// verb ("Mohamed wishes"), unless a preposition rules a clause out.
	verbLike := a.cls[n] == lexicon.NounVerb || pluralShape(a.text(n)) && g != lexicon.Plural || a.negated(n)
	i = a.nameBegin(i)
	switch p := a.Class(i - 1); {
	case p == lexicon.Prep && !clausal(a.text(i-1)):
		return conf.AfterPreposition
	case a.headOfSubject(n) && !nounModifier(p) && (g != lexicon.UnknownGender || indef):
		// "that Jane Doe passport was": a verb right after the
		// word makes it the head noun, so the mention qualified it.
		return conf.HeadOfSubject
	case a.cls[n] == lexicon.NounVerb && !pluralShape(a.text(n)) && a.verbBefore(i) && !bareInfinitive(a.text(i-1)):
		// "to issue Jane Doe support": after the object of a verb
		// that takes no bare infinitive, a noun-or-verb is the noun.
		return conf.NounAfterObject
	case verbLike:
		return 0
	case a.verbBefore(i):
		return conf.AfterVerb
	case p == lexicon.Low && a.Class(i-2) == lexicon.Prep:
		return conf.AfterNounAfterPreposition // "to shoot X new costume": most likely a verb before
	}
	return 0
}
