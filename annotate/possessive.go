package annotate

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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
	return p.detect(analyze(doc))
}

func (p Possessive) detect(a *analysis) []model.Finding {
	var out []model.Finding
	ms := a.mentions()
	firsts := a.longFirsts(ms)
	for _, m := range slices.Concat(ms, a.pluralWords()) {
		m.j = a.uncut(m, firsts)
		if m.j > m.i && strings.EqualFold(a.text(m.j), "own") {
			// "schools own" recurs when every "their own" became it:
			// the mention is the words before "own".
			m.j--
		} else if m.first {
			continue
		} else if a.class(m.j+1) == clsEd && strings.EqualFold(a.text(m.j+2), "own") {
			// "used many people we met own phones": a representative
			// with a relative clause ends in its verb, which a phrase
			// cannot end in, so the copy is found one word short.
			m.j++
		}
		conf, object := a.possessiveSlot(m.i, m.j), false
		if a.barePossessor(m) {
			// "spent all daughter 's energy": the representative was
			// a bare noun with ’s; the pronoun alone is the fix.
			conf = 0.6
		} else if m.i == m.j && a.cls[m.i] == clsLow {
			conf = a.pluralSlot(m.i)
		} else if conf == 0 && a.ownNext(m.i, m.j) {
			conf = 0.85
		} else if conf == 0 && strings.EqualFold(a.text(m.j+1), "respective") {
			// "respective" needs a plural possessor: "their".
			conf = 0.85
			m.i = a.coordinated(m.i)
		} else if conf == 0 && a.gerundNext(m.i, m.j) {
			conf = 0.55
		} else if conf == 0 && a.ordinalNext(m.i, m.j) {
			conf = 0.6
		} else if conf == 0 && a.herObject(m.i, m.j) {
			conf = 0.55
			object = true
		}
		if conf == 0 {
			continue
		}
		m.i = a.nameBegin(m.i)
		pron := a.possessiveOf(m.i, m.j)
		if a.cls[m.j] == clsClitic {
			pron = a.possessiveOf(m.i, m.j-1)
		}
		if pron == "its" && a.speaks(m.i, m.j) && !allCaps(a.text(m.j)) {
			// A person of unknown gender: news names more men. An
			// acronym that speaks is an organisation ("NASA said").
			pron = "his"
		}
		if a.sentenceStart(m.i) {
			pron = capitalise(pron)
		}
		span := a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End]
		msg, alt := "a bare mention stands before a noun, where a possessive (his, her, their) stood: the ’s was dropped",
			model.Proposal{Text: span + a.cliticStyle(), Note: "keep the name, restore ’s"}
		if a.cls[m.j] == clsClitic {
			msg, alt = "a bare noun with ’s stands where a possessive (his, her, their) stood: its determiner was dropped",
				model.Proposal{Text: "the " + span, Note: "keep the noun, restore its determiner"}
		}
		if object {
			msg, alt = "a bare noun phrase without a determiner stands as an object, where “her” stood",
				model.Proposal{Text: "the " + span, Note: "keep the phrase, restore its determiner"}
		}
		out = append(out, model.Finding{
			Start: a.toks[m.i].Start, End: a.toks[m.j].End, Category: model.Possessive,
			Rule: p.Name(), Confidence: conf, Message: msg,
			Proposals: []model.Proposal{{Text: pron, Note: "the possessive pronoun back"}, alt},
		})
	}
	out = append(out, p.kinCopies(a)...)
	out = append(out, p.copiedPossessives(a)...)
	slices.SortFunc(out, func(x, y model.Finding) int { return cmp.Compare(x.Start, y.Start) })
	return out
}

// possessiveSlot returns how sure we are that the mention at [i, j]
// stands where a possessive stood, or 0 when its slot is not one.
func (a *analysis) possessiveSlot(i, j int) float64 {
	n := j + 1
	if n >= len(a.toks) || a.cls[n] != clsLow && a.cls[n] != clsNounVerb || a.cls[j] == clsClitic || isPronoun(a.cls[j]) || temporal(a.text(n)) || a.adverbNext(n) {
		return 0
	}
	if a.cls[i] == clsNum {
		// "six of 36 shells hit": a counted phrase is a quantity, and
		// a quantity is rarely anyone's possessor.
		return 0
	}
	if j-i+1 == maxMention {
		// A cut-off representative that uncut could not follow: the
		// next word is still its own.
		return 0
	}
	g := a.genderOf(i, j)
	indef := a.copiedIndefinite(i, j)
	switch {
	case a.longPhrase(i, j) || g == plural:
	case indef:
	case a.cls[i] == clsDet, g == unknownGender && !a.namedPhrase(i, j) && !a.speaks(i, j):
		// "the U.S. border", "the Andy Warhol exhibit", "Texas schools":
		// a determiner phrase, place or thing before a noun is usually a
		// compound, not a lost possessive.
		return 0
	}
	if a.inName(i) || g == unknownGender && !a.speaks(i, j) && a.cls[n] == clsLow && pluralShape(a.text(n)) && a.cls[j] == clsCap {
		return 0
	}
	if kin(a.text(n)) {
		return 0.8 // "and Jane Doe father": kin are someone's
	}
	if a.cls[n] == clsLow && pluralShape(a.text(n)) && !quantity(a.text(n)) {
		// A plural before a plural noun is never a compound ("the
		// residents homes"), nor is it a subject: its verb would not
		// take "-s".
		if g == plural {
			return 0.6
		}
		// After a regular past verb or an -ing form the mention is an
		// object, so an "-s" word after it is a plural noun, not the
		// mention's verb ("defeated Jane Doe opponents"). Irregular verbs ("met",
		// "made") also take an object and its complement, so they are
		// left to the other checks.
		switch a.class(i - 1) {
		case clsEd, clsIng:
			if !reporting(a.text(i-1)) && !a.participleAdjective(i-1) {
				return 0.6
			}
		}
	}
	// A singular subject followed by an "-s" word is a subject and its
	// verb ("Mohamed wishes"), unless a preposition rules a clause out.
	verbLike := a.cls[n] == clsNounVerb || pluralShape(a.text(n)) && g != plural || a.negated(n)
	i = a.nameBegin(i)
	switch p := a.class(i - 1); {
	case p == clsPrep && !clausal(a.text(i-1)):
		return 0.8
	case a.headOfSubject(n) && !nounModifier(p) && (g != unknownGender || indef):
		// "that Jane Doe passport was": a verb right after the
		// word makes it the head noun, so the mention qualified it.
		return 0.7
	case a.cls[n] == clsNounVerb && !pluralShape(a.text(n)) && a.verbBefore(i) && !bareInfinitive(a.text(i-1)):
		// "to issue Jane Doe support": after the object of a verb
		// that takes no bare infinitive, a noun-or-verb is the noun.
		return 0.55
	case verbLike:
		return 0
	case a.verbBefore(i):
		return 0.6
	case p == clsLow && a.class(i-2) == clsPrep:
		return 0.55 // "to shoot X new costume": most likely a verb before
	}
	return 0
}

// verbBefore reports whether the word before the phrase at i is a verb
// that takes it as its object: a verb form, or an unknown word after
// "to" or after a subject ("they design", "Web developers design"), that
// is not a reporting verb nor a participle used as an adjective.
func (a *analysis) verbBefore(i int) bool {
	k := i - 1
	switch a.class(k) {
	case clsVerb, clsNounVerb, clsIng, clsEd:
	case clsLow:
		if !strings.EqualFold(a.text(k-1), "to") && a.class(k-1) != clsSubj && !a.endsMention(k-1) {
			return false
		}
	default:
		return false
	}
	return !reporting(a.text(k)) && !a.participleAdjective(k)
}

// endsMention reports whether a recurring mention ends at token k.
func (a *analysis) endsMention(k int) bool {
	ms := a.mentions()
	x, ok := slices.BinarySearchFunc(ms, k, func(m mention, k int) int { return cmp.Compare(m.j, k) })
	return ok && ms[x].j == k
}

// herObject reports whether the female mention at [i, j] is a bare
// singular noun phrase, with no determiner, standing as the object of a
// verb or preposition ("imprisoned Irish nurse for years"): "her" is
// both the object and the possessive pronoun, and the resolver put a
// representative that needs a determiner in its place. A writer's own
// repeated name ("met Jane") is left.
func (a *analysis) herObject(i, j int) bool {
	if a.cls[j] != clsLow || pluralShape(a.text(j)) {
		return false
	}
	switch a.class(j + 1) {
	case clsPrep, clsConj, clsEnd, clsComma:
	default:
		return false
	}
	for k := i; k <= j; k++ {
		if a.cls[k] != clsCap && a.cls[k] != clsLow {
			return false
		}
	}
	if p := a.class(i - 1); p == clsPrep && clausal(a.text(i-1)) || p != clsPrep && !a.verbBefore(i) {
		return false
	}
	return a.genderOf(i, j) == female // checked last: the dearest test
}

// gerundNext reports whether the person named at [i, j], after a
// preposition, is followed by an -ing word and a noun ("In Jane Doe
// opening remarks"): a clause cannot start after the preposition with a
// bare person and an -ing form before a noun, so the -ing word
// modifies a noun the person's "his" or "her" stood before.
func (a *analysis) gerundNext(i, j int) bool {
	if a.class(j+1) != clsIng || a.class(j+2) != clsLow || a.class(i-1) != clsPrep || clausal(a.text(i-1)) {
		return false
	}
	g := a.genderOf(i, j)
	return g == male || g == female
}

// ordinalNext reports whether an ordinal in digits and a noun follow
// the mention at [i, j] ("Discovery 39th mission"): an ordinal opens a
// noun phrase only after a determiner or possessive ("its 39th
// mission"), so a bare name before it lost one.
func (a *analysis) ordinalNext(i, j int) bool {
	if a.cls[j] != clsCap && a.cls[j] != clsLow || a.cls[i] == clsDet || a.class(j+1) != clsNum {
		return false
	}
	if c := a.class(j + 2); c != clsLow && c != clsNounVerb {
		return false
	}
	w := strings.ToLower(a.text(j + 1))
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if d, ok := strings.CutSuffix(w, suf); ok && d != "" && strings.Trim(d, "0123456789") == "" {
			return true
		}
	}
	return false
}

// nameBegin returns where the name that the mention at i ends begins:
// capitalised words right before a mention belong to it ("English" in
// "for English defender Kyle Walker bad foul", "Space Shuttle" before
// "Discovery"), so the slot is judged from the word before them and the
// finding covers them.
func (a *analysis) nameBegin(i int) int {
	for a.class(i-1) == clsCap && !a.sentenceStart(i-1) {
		i--
	}
	return i
}

// coordinated returns the start of the coordination that the mention
// at i closes ("Endeavour and Atlantis"): the start of the recurring
// mention before "and", or i when there is none.
func (a *analysis) coordinated(i int) int {
	if a.text(i-1) != "and" {
		return i
	}
	ms := a.mentions()
	x, ok := slices.BinarySearchFunc(ms, i-2, func(m mention, k int) int { return cmp.Compare(m.j, k) })
	if !ok {
		return i
	}
	return ms[x].i
}

// possessiveOf returns the possessive pronoun for the phrase at [i, j],
// as possessivePronoun does, but takes a plural head before an
// apposition or modifier for the phrase's number ("Many pagan
// religions , such as Wicca" is "their"), and a title before a name for
// a person ("Professor Jo Bloggs , Director of the Survey" is "his", as
// news names more men).
func (a *analysis) possessiveOf(i, j int) string {
	if a.genderOf(i, j) != unknownGender {
		return a.possessivePronoun(i, j)
	}
	k := i
	for k < j && a.cls[k+1] != clsComma && a.cls[k+1] != clsPrep && a.cls[k+1] != clsWh {
		k++
	}
	if k < j && a.cls[k] == clsLow && pluralShape(a.text(k)) {
		return "their"
	}
	for t := i; t <= k; t++ {
		if a.cls[t] == clsCap && title(a.text(t)) && a.class(t+1) == clsCap {
			return "his" // "Professor Jo Bloggs , Director of ...": a person
		}
	}
	return a.possessivePronoun(i, j)
}

// copiedIndefinite reports whether the recurring mention at [i, j]
// is an indefinite phrase ("a browser") copied again: a writer
// introduces a referent once with "a" and then says "the browser" or
// "it", so a later verbatim "a browser" is the resolver's copy of the
// first mention, standing where a pronoun stood.
func (a *analysis) copiedIndefinite(i, j int) bool {
	switch a.text(i) {
	case "a", "an", "A", "An":
	default:
		return false
	}
	if j == i || a.cls[j] != clsLow {
		return false
	}
	// Twice may be the writer's ("won a penalty ... a penalty kick");
	// three times is a representative copied.
	ms := a.mentions()
	k, ok := slices.BinarySearchFunc(ms, i, func(m mention, i int) int { return cmp.Compare(m.i, i) })
	return ok && ms[k].j == j && ms[k].count >= 3
}

// negated reports whether the word at n is an auxiliary split from its
// "n't" ("wo n't", "ca n't"), a verb the lexicon does not list.
func (a *analysis) negated(n int) bool {
	switch a.text(n + 1) {
	case "n't", "n’t":
		return true
	}
	return false
}

// pluralWords returns the occurrences of lower-case plural nouns that
// recur in the document ("schools", "participants") and lie outside the
// recurring phrases, where their slot may be a lost "their": a resolver
// copies a one-word representative as it copies a long one. Twice is
// enough, as the slot itself (a preposition, the plural, a noun) is
// rare in edited text, which writes "participants’ option". Only words
// in such a slot are counted, in one pass.
func (a *analysis) pluralWords() []mention {
	var cand []int
	for i, c := range a.cls {
		if c == clsLow && a.pluralSlot(i) > 0 && pluralShape(a.text(i)) {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 {
		return nil
	}
	type seen struct{ count, first int }
	words := make(map[string]*seen, len(cand))
	for _, i := range cand {
		words[a.text(i)] = &seen{first: -1}
	}
	for i, c := range a.cls {
		if c != clsLow {
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
		if s.count < 2 || k < len(ms) && ms[k].i <= i {
			continue
		}
		out = append(out, mention{i: i, j: i, count: s.count, first: s.first == i})
	}
	return out
}

// participleAdjective reports whether the -ing or -ed word at k
// modifies a noun rather than heads a verb phrase: a determiner or
// number stands before it ("the three remaining Space Shuttle orbiters").
func (a *analysis) participleAdjective(k int) bool {
	if c := a.class(k); c != clsIng && c != clsEd {
		return false
	}
	switch a.class(k - 1) {
	case clsDet, clsNum, clsPoss:
		return true
	}
	return numberWord(a.text(k - 1))
}

// numberWord reports whether w is a small cardinal spelled out.
func numberWord(w string) bool {
	switch strings.ToLower(w) {
	case "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty", "hundred", "thousand":
		return true
	}
	return false
}

// inName reports whether the phrase at i follows "of" inside a
// capitalised name ("Man of the Match award", "Bank of America
// headquarters"): the phrase completes the name, and the noun after it
// is the name's, in a compound.
func (a *analysis) inName(i int) bool {
	return a.text(i-1) == "of" && a.class(i-2) == clsCap && !a.sentenceStart(i-2)
}

// quantity reports whether w is a plural of a number ("thousands"),
// which starts a new noun phrase rather than heading one.
func quantity(w string) bool {
	switch strings.ToLower(w) {
	case "tens", "dozens", "hundreds", "thousands", "millions", "billions", "trillions", "scores":
		return true
	}
	return false
}

// barePossessor reports whether the recurring mention m is a lower-case
// singular noun with ’s and no determiner ("all daughter 's energy"): a
// count noun needs "the" or "her" before it, so the resolver copied a
// representative ("the daughter 's") without its determiner over a
// possessive pronoun. Nouns that stand bare (people, today) are left.
func (a *analysis) barePossessor(m mention) bool {
	if m.first || m.j != m.i+1 || m.count < 3 || a.cls[m.j] != clsClitic || a.cls[m.i] != clsLow || temporal(a.text(m.i)) {
		return false
	}
	if g, ok := lookupLower(genders(), a.text(m.i)); ok && g == plural {
		return false // "people 's", "children 's"
	}
	switch strings.ToLower(a.text(m.i)) {
	case "today", "yesterday", "tomorrow", "tonight", "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody", "one", "mankind", "humanity":
		return false
	}
	if n := a.class(m.j + 1); n != clsLow && n != clsNounVerb {
		return false
	}
	// Between a verb or preposition and a noun, where "her" stood; a
	// determiner or modifier before it ("the daughter 's") is fine.
	switch a.class(m.i - 1) {
	case clsPrep, clsVerb, clsNounVerb, clsIng, clsEd:
		return true
	case clsConj, clsDet:
		// "and daughter 's lack", "all daughter 's energy": after a
		// conjunction or a predeterminer the noun still needs its own
		// determiner.
		return coordinator(a.text(m.i-1)) || predeterminer(a, m.i-1)
	}
	return false
}

// coordinator reports whether w joins two noun phrases.
func coordinator(w string) bool {
	switch w {
	case "and", "or", "but", "nor":
		return true
	}
	return false
}

// pluralShape reports whether a lower-case word looks like a plural noun.
func pluralShape(w string) bool {
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "ics")
}

// pluralSlot returns how sure we are that the recurring plural word at
// i stands where "their" stood: it is followed by "own" and a noun, or
// by a noun right after a preposition ("at participants option").
func (a *analysis) pluralSlot(i int) float64 {
	n := i + 1
	if a.class(n) != clsLow && a.class(n) != clsNounVerb || temporal(a.text(n)) {
		return 0
	}
	if a.ownNext(i, i) {
		return 0.85
	}
	if p := a.class(i - 1); p == clsPrep && !clausal(a.text(i-1)) && a.class(n) == clsLow {
		return 0.6
	}
	return 0
}

// ownNext reports whether "own" and a noun follow the mention at [i, j]
// ("run schools own flag discussions"): after a noun, "own" is a
// possessive's. A verb or preposition before the mention makes it an
// object, so "own" is not its verb ("Most farmers own land").
func (a *analysis) ownNext(i, j int) bool {
	if !strings.EqualFold(a.text(j+1), "own") || a.class(j+2) != clsLow && a.class(j+2) != clsNounVerb ||
		a.cls[j] != clsLow && a.cls[j] != clsCap && a.cls[j] != clsEd {
		return false
	}
	switch a.class(i - 1) {
	case clsPrep, clsVerb, clsNounVerb, clsIng, clsEd:
		return !reporting(a.text(i - 1))
	}
	return false
}

// speaks reports whether the phrase at [i, j] names a person: somewhere
// in the document it is the subject of "said", "told" and the like, or
// a title stands before it ("Prime Minister Jo Bloggs" makes "Bloggs" and
// "Jo Bloggs" people). A person before a noun is far more often its
// possessor than a place or thing is.
func (a *analysis) speaks(i, j int) bool {
	if a.speakers == nil {
		a.speakers = make(map[string]bool)
		for _, m := range a.mentions() {
			if isSaid(a.text(m.j + 1)) {
				a.speakers[a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End]] = true
			}
		}
		a.titledNames()
	}
	return a.speakers[a.doc.Text[a.toks[i].Start:a.toks[j].End]]
}

// titledNames adds to the speakers the names that follow a personal
// title: the capitalised words after it, and the last of them alone.
func (a *analysis) titledNames() {
	for k := 0; k+1 < len(a.toks); k++ {
		if a.cls[k] != clsCap || !title(a.text(k)) {
			continue
		}
		e := k + 1
		for e < len(a.toks) && e < k+4 && a.cls[e] == clsCap && !title(a.text(e)) {
			e++
		}
		if e == k+1 {
			continue
		}
		a.speakers[a.doc.Text[a.toks[k+1].Start:a.toks[e-1].End]] = true
		a.speakers[a.text(e-1)] = true
		k = e - 1
	}
}

// title reports whether w is a title that stands before a person's name.
func title(w string) bool {
	switch w {
	case "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof.", "Professor", "Sir", "Dame", "Lord", "Lady",
		"President", "Minister", "Senator", "Sen.", "Rep.", "Representative", "Governor", "Gov.", "Mayor",
		"Chancellor", "Secretary", "Judge", "Justice", "King", "Queen", "Prince", "Princess", "Pope",
		"Bishop", "Archbishop", "Rev.", "Reverend", "Captain", "Capt.", "General", "Gen.", "Colonel", "Col.",
		"Lieutenant", "Lt.", "Sergeant", "Sgt.", "Detective", "Inspector", "Chairman", "Chairwoman", "Coach":
		return true
	}
	return false
}

// headOfSubject reports whether the word at n is a noun heading a
// subject: a finite verb follows it ("passport was", "parents moved"),
// and it is not an adverb that may stand between a subject and its verb
// ("later said").
func (a *analysis) headOfSubject(n int) bool {
	if a.cls[n] != clsLow || adverbial(a.text(n)) {
		return false
	}
	switch a.class(n + 1) {
	case clsVerb, clsEd:
		return true
	case clsAux:
		return finite(a.text(n + 1))
	case clsLow:
		return a.negated(n + 1) // "thyroid wo n't work"
	}
	return false
}

// nounModifier reports whether a word of class p may modify the noun
// phrase after it, so that phrase and the next word form one compound
// ("the Obama administration has", "Scientology officials have").
func nounModifier(p class) bool {
	switch p {
	case clsDet, clsPoss, clsCap, clsLow, clsNum, clsClitic:
		return true
	}
	return false
}

// finite reports whether w is a finite auxiliary ("was", "has"), not
// an adverb of the same class ("also", "never").
func finite(w string) bool {
	switch strings.ToLower(w) {
	case "is", "are", "was", "were", "has", "have", "had", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must":
		return true
	}
	return false
}

// adverbNext reports whether the word at n is an adverb ending the
// phrase before it ("looked at temperature and ozone together"), not an
// adjective before a noun ("their first matchup").
func (a *analysis) adverbNext(n int) bool {
	return adverbial(a.text(n)) && a.class(n+1) != clsLow && a.class(n+1) != clsNounVerb
}

// adverbial lists common adverbs without "-ly" that sit between a
// subject and its verb ("Trump later said").
func adverbial(w string) bool {
	switch strings.ToLower(w) {
	case "soon", "later", "first", "again", "alone", "together", "once", "earlier", "meanwhile", "instead", "himself", "herself", "themselves", "itself":
		return true
	}
	return false
}

// kin reports whether w names a relative, a noun that nearly always
// has a possessor ("Doe father" lost its "his").
func kin(w string) bool {
	switch strings.ToLower(w) {
	case "father", "mother", "wife", "husband", "son", "daughter", "sister", "brother", "parents", "children", "siblings",
		"grandmother", "grandfather", "uncle", "aunt", "cousin", "nephew", "niece", "widow", "fiancé", "fiancée", "boyfriend", "girlfriend",
		"stepfather", "stepmother", "sons", "daughters", "brothers", "sisters", "mum", "mom", "dad":
		return true
	}
	return false
}

// namedPhrase reports whether [i, j] is two or more words without a
// determiner, at least one capitalised: a name with its title or
// description ("Texas student Ahmed Mohamed", "Team Estonia").
func (a *analysis) namedPhrase(i, j int) bool {
	if j == i || a.cls[i] == clsDet {
		return false
	}
	for k := i; k <= j; k++ {
		if a.cls[k] == clsCap {
			return true
		}
	}
	return false
}

// longPhrase reports whether [i, j] is a determiner phrase with a
// preposition inside ("A group of Afghan teenagers"): too long to be a
// noun modifier.
func (a *analysis) longPhrase(i, j int) bool {
	if a.cls[i] != clsDet || j-i < 3 || a.properName(i+1, j) {
		return false
	}
	for k := i + 1; k < j; k++ {
		if a.cls[k] == clsPrep {
			return true
		}
	}
	return false
}

// properName reports whether [i, j] is one name of capitalised words
// joined by "of", "and" and the like ("Church of Scientology", "Museum
// of Flight"): such a name after "the" modifies a noun as "the U.S."
// does ("the Museum of Flight website").
func (a *analysis) properName(i, j int) bool {
	for k := i; k <= j; k++ {
		switch a.cls[k] {
		case clsCap:
		case clsPrep, clsDet, clsConj:
			if k == i || k == j {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// temporal reports whether w continues a time expression ("Saturday
// night", "Texas last week").
func temporal(w string) bool {
	switch strings.ToLower(w) {
	case "last", "next", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year", "day", "ago", "time":
		return true
	}
	return false
}

// clausal reports whether a preposition may introduce a clause ("after
// Trump took office"), where a name followed by a verb is fine.
func clausal(w string) bool {
	switch strings.ToLower(w) {
	case "after", "before", "since", "until", "till", "as", "like", "than", "because", "including":
		return true
	}
	return false
}

// reporting reports whether a verb takes a clause ("said Trump wants").
func reporting(w string) bool {
	switch strings.ToLower(w) {
	case "say", "says", "said", "saying", "think", "thinks", "thought", "believe", "believes", "believed",
		"know", "knows", "knew", "claim", "claimed", "claims", "hope", "hoped", "expect", "expected",
		"suggest", "suggested", "report", "reported", "announced", "added", "told", "felt", "found", "seem", "seems":
		return true
	}
	return false
}

// cliticStyle returns the possessive ending the document uses: "’s" or
// "'s", spaced as its other clitics are.
func (a *analysis) cliticStyle() string {
	if a.clitic == "" {
		a.clitic = cliticStyle(a.doc.Text)
	}
	return a.clitic
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// uncut returns the end of the recurring mention m, followed past
// maxMention when m was cut there: a representative longer than that
// ("Professor Jane Doe , Director of the National Survey of Rural
// Health") continues in every copy as in the writer's first mention, and
// the copy ends where the two part ("... Health urgent calls"). A mention
// within a few words of the limit may have been cut short of a word that
// cannot end a phrase ("of"). It follows noun-phrase words only, and
// returns m.j when m is short or no earlier occurrence is found.
func (a *analysis) uncut(m mention, firsts map[string]mention) int {
	if m.first || m.j-m.i+1 < maxMention-3 {
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

// longFirsts maps the words of each long recurring mention to its first
// occurrence, for uncut.
func (a *analysis) longFirsts(ms []mention) map[string]mention {
	if !slices.ContainsFunc(ms, func(m mention) bool { return !m.first && m.j-m.i+1 >= maxMention-3 }) {
		return nil // no long copy to follow: spare the map
	}
	var out map[string]mention
	for _, m := range ms {
		if m.first && m.j-m.i+1 >= maxMention-3 {
			if out == nil {
				out = make(map[string]mention)
			}
			out[a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End]] = m
		}
	}
	return out
}

// sameWords reports whether the n tokens from x read as those from y.
func (a *analysis) sameWords(x, y, n int) bool {
	for k := range n {
		if a.text(x+k) != a.text(y+k) {
			return false
		}
	}
	return true
}
