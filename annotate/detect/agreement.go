package detect

import (
	"strings"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// Agreement flags a recurring singular mention whose verb agrees with
// another person ("Tunisia were playing", "Thomas Sam am not able",
// "NASA want to thank"): the resolver replaced I, we or they by the
// representative and left the verb as it was. Inside a quotation that
// changed the speaker's words (category quote); outside, the mention names
// the wrong entity or number (antecedent).
type Agreement struct{}

// Name implements Detector.
func (Agreement) Name() string { return "verb-agreement" }

// Detect implements Detector.
func (g Agreement) Detect(doc *model.Document) []model.Finding {
	return g.detect(Analyze(doc))
}

func (g Agreement) detect(a *Analysis) []model.Finding {
	var inside quoteBits
	var out []model.Finding
	rules := &a.rules().Agreement
	for _, m := range a.mentions() {
		if m.first && !a.onlyI(m.j+1) && !a.attached(m.j+1) || !a.disagrees(m.i, m.j) {
			continue
		}
		if inside == nil {
			inside = a.quoted()
		}
		category, rule := model.Antecedent, &rules.OutsideQuote
		if inside.has(m.i) {
			category, rule = model.Quote, &rules.InsideQuote
		}
		pron := a.pronounFor(m.i, m.j, inside.has(m.i))
		// The whole name the pronoun stood for: a title or first name
		// before the recurring words ("Judge [Jim Kawashima] ’m").
		i := a.nameBegin(m.i)
		if a.SentenceStart(i) {
			pron = capitalise(pron)
		}
		out = append(out, model.Finding{
			Start: int(a.toks[i].Start), End: int(a.toks[m.j].End), Category: category,
			Rule: g.Name(), Confidence: rule.Confidence, Message: rule.Message,
			Proposals: []model.Proposal{{Text: pron, Note: a.rules().Notes.AgreeingPronoun}},
		})
	}
	return g.pronounClashes(a, out)
}

// pronounClashes appends to out a finding for each subject pronoun that
// never takes the verb after it ("I ’re reading", "you ’s been", "We is
// talking"): a pronoun representative written over a mention of another
// person or number, or a copy written over the verb. Which of the two
// the words do not say, so the finding spans both and proposes the
// pronoun that takes the verb. Not after "and" ("my family and I are"), an
// auxiliary ("could it ’ve been") or a preposition ("by you is"), nor a
// capital I after a name (a numeral: "World War I is"), nor "IT".
func (g Agreement) pronounClashes(a *Analysis, out []model.Finding) []model.Finding {
	var inside quoteBits
	rule := &a.rules().Agreement.Pronoun
	for i := range len(a.toks) - 1 {
		if !a.pronounClash(i) {
			continue
		}
		if inside == nil {
			inside = a.quoted()
		}
		category := model.Antecedent
		if inside.has(i) {
			category = model.Quote
		}
		pron := a.pronounTaking(i+1, inside.has(i))
		if a.SentenceStart(i) {
			pron = capitalise(pron)
		}
		start, end := int(a.toks[i].Start), int(a.toks[i+1].End)
		fix := pron + a.doc.Text[a.toks[i].End:end]
		out = append(out, model.Finding{
			Start: start, End: end, Category: category,
			Rule: g.Name(), Confidence: rule.Confidence, Message: rule.Message,
			Proposals: []model.Proposal{{Text: fix, Note: a.rules().Notes.AgreeingPronoun}},
		})
	}
	return out
}

// pronounClash reports whether token i is a subject pronoun that never
// takes the verb after it, where it stands as a subject (pronounClashes).
func (a *Analysis) pronounClash(i int) bool {
	c := a.cls[i]
	if c != lexicon.Subj && c != lexicon.ItYou || i+1 >= len(a.toks) || !lexicon.VerbClashes(a.text(i), a.text(i+1)) {
		return false
	}
	switch a.Class(i - 1) {
	case lexicon.Aux, lexicon.Prep:
		return false
	case lexicon.Conj:
		return !vocab().listConjunction.HasLower(a.text(i - 1))
	case lexicon.Cap:
		return a.text(i) != "I" || a.SentenceStart(i-1)
	}
	return !lexicon.AllCaps(a.text(i))
}

// pronounTaking returns the subject pronoun that takes the verb at v in
// place of one that does not: "it" for a third person singular form
// ("is", "has"), which neither I nor you takes; otherwise as pronounFor
// chooses for a phrase.
func (a *Analysis) pronounTaking(v int, quoted bool) string {
	w := a.text(v)
	if lexicon.VerbClashes("I", w) && lexicon.VerbClashes("you", w) {
		return "it"
	}
	return a.pronounFor(v-1, v-1, quoted)
}

// disagrees reports whether the singular phrase [i, j] is followed by a
// verb form no singular third person takes.
func (a *Analysis) disagrees(i, j int) bool {
	if a.onlyI(j + 1) {
		// Only "I" takes "am" and "’m": after any other phrase the
		// verb is left from an "I" a name was written over, wherever the
		// phrase stands and even where the writer's own mention did. A
		// number before "am" is a time ("08:30 am").
		return a.cls[j] != lexicon.Clitic && !lexicon.IsPronoun(a.cls[j]) && a.cls[j] != lexicon.Num
	}
	if a.attached(j + 1) {
		// "’ve" and "’re" lean on a pronoun, their subject: after a
		// phrase, wherever it stands, they were left by a pronoun the
		// phrase was written over ("Biologist Nick Bos ’ve been
		// working", "each other ’ve played"), whatever its number.
		return a.cls[j] != lexicon.Clitic && !lexicon.IsPronoun(a.cls[j]) && a.cls[j] != lexicon.Aux
	}
	// The cheap tests first: few mentions start a clause.
	if a.cls[j] == lexicon.Clitic || lexicon.IsPronoun(a.cls[j]) || !a.clauseStart(i) || bareInfinitive(a.text(i-1)) ||
		i == j && a.SentenceStart(i) || strings.HasSuffix(a.text(j), "s") || a.GenderOf(i, j) == lexicon.Plural {
		// Only a subject agrees with the verb: not "Members of the Sea
		// Org live", not "Malaysia and Indonesia have", not the object
		// of "helped", "let" or "saw" ("helped Smith leave"), not a word that
		// may be a plural or a sentence-initial compound ("Climate
		// change affects").
		return false
	}
	w := a.text(j + 1)
	if vocab().notThirdSingular.Has(w) {
		return true
	}
	// A base form is a lexicon verb whose -s form is one too: "think"
	// (thinks), "want" (wants); not one whose past tense looks the same
	// ("put", "read").
	if vocab().unchangedPast.Has(w) {
		return false
	}
	lex := lexicon.Lexicon()
	c, ok := lex[w]
	s, sok := lex[w+"s"]
	return ok && sok && (c == lexicon.Verb || c == lexicon.NounVerb) && (s == lexicon.Verb || s == lexicon.NounVerb)
}

// bareInfinitive reports whether the verb w takes an object and a bare
// infinitive ("helped Smith leave", "let the team go"), which agrees
// with nothing.
func bareInfinitive(w string) bool {
	return vocab().bareInfinitive.HasLower(w)
}

// clauseStart reports whether a subject may begin at token i: after a
// sentence or clause boundary or a verb that takes a clause ("said NASA
// want"), not after a preposition, determiner or "and", nor after a verb
// whose object it is ("praised Smith work": his work).
func (a *Analysis) clauseStart(i int) bool {
	switch a.Class(i - 1) {
	case lexicon.End, lexicon.Comma, lexicon.Quote, lexicon.Wh:
		return true
	case lexicon.Verb, lexicon.NounVerb, lexicon.Ed:
		return reporting(a.text(i - 1))
	case lexicon.Conj:
		return !vocab().listConjunction.HasLower(a.text(i - 1))
	}
	return false
}

// onlyPronounsTake reports whether token v is a verb form only a pronoun
// takes: "am" and "’m" (onlyI), "’ve" and "’re" (attached).
func (a *Analysis) onlyPronounsTake(v int) bool {
	return a.onlyI(v) || a.attached(v)
}

// attached reports whether token v is a contracted verb that leans on
// a pronoun, its subject ("’ve", "’re").
func (a *Analysis) attached(v int) bool {
	return v < len(a.toks) && vocab().attachedVerb.HasLower(a.text(v))
}

// onlyI reports whether token v is a verb form only "I" takes ("am",
// "’m").
func (a *Analysis) onlyI(v int) bool {
	return v < len(a.toks) && vocab().firstPersonVerb.HasLower(a.text(v))
}

// pronounFor returns the subject pronoun that the verb after the phrase
// at [i, j] agrees with: I for am; they for a plural phrase ("ABC
// Builders Interiors ’re required", but not a person's name that ends in
// s: "Matthew Collins ’re biting"); inside a quotation we (news quotes
// speak for a group more often than for a listener); outside, in
// interviews and hearings, you in a question put to someone ("Is there a
// book which Hugh McGuire think stands out ?") and before are and were
// ("Counselor ’re trying to draw"), else I ("Frank Messina ’ve gone").
func (a *Analysis) pronounFor(i, j int, quoted bool) string {
	v := j + 1
	g := a.GenderOf(i, j)
	switch {
	case a.onlyI(v):
		return "I"
	case g == lexicon.Plural || g == lexicon.UnknownGender && pluralShape(a.text(j)):
		return "they"
	case quoted:
		return "we"
	case a.asks(j) || vocab().addresseeVerb.HasLower(a.text(v)):
		return "you"
	}
	return "I"
}

// quoted marks the tokens inside a direct quotation. Straight double
// quotes toggle; curly ones open and close; a line break ends any
// quotation, so one unpaired mark cannot swallow the rest of the text.
func (a *Analysis) quoted() quoteBits {
	if a.inQuote == nil {
		a.inQuote = a.markQuotes()
	}
	return a.inQuote
}

// quoteBits marks tokens, a bit each: a bool each was 3.6 MB at 20 MB,
// held through the editor's detection to its last region.
type quoteBits []uint64

// has reports whether token i is marked.
func (q quoteBits) has(i int) bool { return q[i>>6]&(1<<(i&63)) != 0 }

func (a *Analysis) markQuotes() quoteBits {
	in := make(quoteBits, (len(a.toks)+63)>>6)
	open := false
	for i := range a.toks {
		if i > 0 && a.lineBreak(i-1, i) {
			open = false
		}
		if a.cls[i] != lexicon.Quote {
			in.set(i, open)
			continue
		}
		switch a.text(i) {
		case `"`:
			open = !open
			continue
		case "“":
			open = true
			continue
		case "”":
			open = false
			continue
		}
		in.set(i, open)
	}
	return in
}

// set marks token i when on is true.
func (q quoteBits) set(i int, on bool) {
	if on {
		q[i>>6] |= 1 << (i & 63)
	}
}
