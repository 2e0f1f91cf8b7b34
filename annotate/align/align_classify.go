package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corefix/annotate/fluency"
	"corefix/annotate/lexicon"
	"corefix/annotate/resolve"
	"corefix/model"
)

// kind is what a substitution did, decided from the alignment alone.
type kind uint8

const (
	correct    kind = iota // a mention replaced by its representative
	drifted                // landed after its mention: other words lost
	possessive             // a possessive determiner became a bare mention
	quoted                 // changed the words of a direct quotation
	inserted               // words added, none lost
	deleted                // words lost, none added
	reformed               // a pronoun's case, a possessive or a verb's agreement changed
)

// verdict is a substitution's kind and how sure the aligner is of it.
type verdict struct {
	kind kind
	conf float64
}

// classify decides the kind of every substitution, in text order.
//
// Drift is the pipeline's signature: `tokens[s:e+1] = [rep]` applied
// mention after mention on one list shifts every later replacement right
// by the tokens earlier multi-token mentions saved. The replaced slice then
// starts inside or after its mention. Strong evidence of that is a slice
// no mention can be (strongDrift): one that starts with punctuation or a
// clitic, spans a sentence end, or ends on a comma, preposition,
// conjunction or auxiliary. Weak evidence is part of the mention left just
// before the representative (weakDrift): a remnant in a drifting text, but
// also what a correct resolver leaves when it replaces a nested mention
// ("the [Scientology] propaganda"). So weak evidence counts only in a
// document that drifts: one with strong evidence at least twice and in a tenth of its
// replacements (rules.json, "drift"), or whose
// replaced slices mostly show no sign of naming their entity.
//
// In a drifting document a slice whose whole mention stands just before
// it, overlapping it, drifted too (mentionOverlaps): the mechanism's own
// footprint, drift k with the mention k tokens to the left.
// So is a slice that starts and ends inside a proper name (insideName):
// a mention takes a name in whole.
//
// Weak evidence needs room: a substitution that nothing before it can
// have pushed (driftRoom) replaced its mention in place.
//
// Drift never shrinks along one cluster (its mentions are replaced in
// order, and each shift adds up), so in a drifting document once a
// representative has drifted, or replaced more than one token, its later
// occurrences drifted too. And in a drifting document a replaced slice
// that shows no sign of naming the representative's entity (namesSame)
// most likely drifted onto other words.
func (a *alignment) classify(subs []substitution) []verdict {
	inQuote := a.quotedTokens()
	strong := make([]bool, len(subs))
	seen := 0
	for k, s := range subs {
		if a.strongDrift(s) {
			strong[k] = true
			seen++
		}
	}
	d := &a.rules.Drift
	drifting := seen >= d.MinStrong.Value && float64(seen) >= d.StrongShare.Value*float64(replacements(subs)) || a.mostlyUnrelated(subs)
	shifted := make(map[int]bool) // representative → later copies drifted
	out := make([]verdict, len(subs))
	rooms := a.driftRoom(subs)
	c := &a.rules.Verdicts
	for k, s := range subs {
		room := rooms[k]
		canDrift := drifting && room > 0
		v := verdict{kind: correct, conf: c.Correct.Value}
		switch {
		case s.a1 == s.a2:
			v = verdict{kind: inserted, conf: c.Inserted.Value}
		case s.b1 == s.b2:
			v = verdict{kind: deleted, conf: c.Deleted.Value}
		case strong[k]:
			v = verdict{kind: drifted, conf: c.StrongDrift.Value}
		case canDrift && a.weakDrift(s):
			v = verdict{kind: drifted, conf: c.WeakDrift.Value}
		case canDrift && anyShifted(shifted, s.reps):
			v = verdict{kind: drifted, conf: c.ShiftedRep.Value}
		case canDrift && a.dropsClitic(s):
			v = verdict{kind: drifted, conf: c.DropsClitic.Value}
		case canDrift && a.disagrees(s):
			v = verdict{kind: drifted, conf: c.Disagrees.Value}
		case canDrift && a.mentionOverlaps(s, room):
			v = verdict{kind: drifted, conf: c.MentionOverlaps.Value}
		case canDrift && a.insideName(s):
			v = verdict{kind: drifted, conf: c.InsideName.Value}
		case canDrift && a.startsWithHead(s):
			v = verdict{kind: drifted, conf: c.StartsWithHead.Value}
		case a.possessiveConf(s) > 0:
			v = verdict{kind: possessive, conf: a.possessiveConf(s)}
		case canDrift && !a.namesSame(s):
			v = verdict{kind: drifted, conf: c.UnrelatedSlice.Value}
		case inQuote[s.a1] && s.a2-s.a1 == 1 && a.rules.words.isSpeaker(a.ot[s.a1].Text(a.orig.Text)):
			// Replacing "I" or "we" turns the speaker's words into
			// reported speech.
			v = verdict{kind: quoted, conf: c.QuotedSpeaker.Value}
		case a.reformed(s):
			v = verdict{kind: reformed, conf: c.FormChanged.Value}
		case inQuote[s.a1]:
			// A third-person mention replaced inside a quotation is
			// usually tolerated: listed for checking only.
			v = verdict{kind: quoted, conf: c.QuotedThirdPerson.Value}
		}
		out[k] = v
		if drifting && len(s.reps) == 1 && (v.kind == drifted || s.a2-s.a1 > 1) {
			shifted[s.reps[0]] = true
		}
	}
	return out
}

// mostlyUnrelated reports whether most replaced slices (at least the
// share drift.unrelated_share, among enough of them) show no sign of
// naming their representative's entity. A correct resolver replaces
// mentions, most of them pronouns or sharing a word with the
// representative; a drifting one replaces whatever follows them.
func (a *alignment) mostlyUnrelated(subs []substitution) bool {
	other := 0
	for _, s := range subs {
		if s.a1 < s.a2 && s.b1 < s.b2 && !a.namesSame(s) {
			other++
		}
	}
	n, d := replacements(subs), &a.rules.Drift
	return n >= d.MinSubstitutions.Value && float64(other) >= d.UnrelatedShare.Value*float64(n)
}

// reformed reports whether a substitution of words by words changed
// their form so that the sentence no longer reads: a subject or object
// pronoun given a pronoun of another class ("we" → "our", "I" → "me"),
// "I" or "you" given a name before a verb no third person singular
// takes ("I ’m" → "Frank Messina ’m"), or a pronoun before a verb it
// never takes ("you ’re" → "I ’re"), as resolve.Effect classifies them
// with the clusters known. A possessive given a pronoun ("their" → "we") and a
// possessive added to a name ("the Islamic faith" → "Islam ’s") are left
// to the verdicts above, as the shared gold counts them: the resolver's
// choice of name, listed only.
func (a *alignment) reformed(s substitution) bool {
	if s.a1 == s.a2 || s.b1 == s.b2 {
		return false
	}
	mention := resolve.Form{Words: s.a2 - s.a1, Class: a.origClass(s.a1), Possessive: possessiveSlice(a.origClass, s.a1, s.a2)}
	rep := resolve.Form{Words: s.b2 - s.b1, Class: a.docClass(s.b1), Possessive: possessiveSlice(a.docClass, s.b1, s.b2)}
	if !mention.Possessive && mention.Pronoun() && rep.Pronoun() && resolve.FormChanged(mention, rep) {
		return true
	}
	next := ""
	if s.b2 < len(a.rt) {
		next = a.rt[s.b2].Text(a.doc.Text)
	}
	// A mention of several words is no pronoun: only its first word's
	// person counts, and only where it is the whole mention.
	word := a.ot[s.a1].Text(a.orig.Text)
	if mention.Words != 1 {
		word = ""
	}
	return rep.Words == 1 && resolve.PronounVerbLost(word, a.rt[s.b1].Text(a.doc.Text), next) ||
		mention.Words == 1 && (resolve.PersonVerbLost(word, rep, next) || a.presentLost(word, rep, s))
}

// presentLost is resolve.PresentLost with the tags the fluency model's
// tagger gives, as the damage factory reads the corpus's own: the word
// after the mention where the original has it ("I want"), the
// representative's where it stands.
func (a *alignment) presentLost(word string, rep resolve.Form, s substitution) bool {
	if !strings.EqualFold(word, "I") && !strings.EqualFold(word, "you") || rep.Pronoun() || s.a2 >= len(a.ot) {
		return false
	}
	m := fluency.Default()
	next := tagsAround(m, a.orig.Text, a.ot, s.a2, s.a2+1)[0]
	return resolve.PresentLost(word, rep, tagsAround(m, a.doc.Text, a.rt, s.b1, s.b2), next)
}

// tagsAround returns the tags (XPOS) the tagger gives the tokens [i, j)
// of text, read with a few words on each side.
func tagsAround(m *fluency.Model, text string, toks []model.Token, i, j int) []string {
	lo, hi := max(0, i-tagContext), min(len(toks), j+tagContext)
	words := make([]string, 0, hi-lo)
	for _, t := range toks[lo:hi] {
		words = append(words, t.Text(text))
	}
	tags := m.Tags(words)[i-lo : j-lo]
	out := make([]string, len(tags))
	for k, t := range tags {
		_, out[k] = m.Names(t)
	}
	return out
}

// tagContext is how many words on each side tagsAround reads with a span:
// enough for the tagger's trigrams to see a subject before a verb.
const tagContext = 3

// possessiveSlice reports whether tokens [i, j) of a side, whose classes
// class gives, are a possessive: a possessive pronoun alone, or words
// ending in ’s.
func possessiveSlice(class func(int) lexicon.Class, i, j int) bool {
	switch class(j - 1) {
	case lexicon.Clitic:
		return true
	case lexicon.Poss:
		return j-i == 1
	}
	return false
}

// replacements counts the substitutions that replaced words by words.
func replacements(subs []substitution) int {
	n := 0
	for _, s := range subs {
		if s.a1 < s.a2 && s.b1 < s.b2 {
			n++
		}
	}
	return n
}

// anyShifted reports whether any of reps has drifted before.
func anyShifted(shifted map[int]bool, reps []int) bool {
	for _, r := range reps {
		if shifted[r] {
			return true
		}
	}
	return false
}

// strongDrift reports whether the original words a substitution replaced
// cannot have been a whole mention.
func (a *alignment) strongDrift(s substitution) bool {
	if s.a1 == s.a2 || s.b1 == s.b2 {
		return false
	}
	// (A representative that starts with the same mark was cut out
	// whole, mark and all: ", Indiana" → ", Indiana , United States".)
	first := a.ot[s.a1].Text(a.orig.Text)
	if (a.ot[s.a1].Kind == model.Punct && !opensPhrase(first) || isClitic(first)) && first != a.rt[s.b1].Text(a.doc.Text) {
		return true
	}
	// Nor does it start with a preposition, conjunction or auxiliary
	// ("because people"), unless that word is capitalised inside a name
	// or kept (a pure insertion or deletion took it in: "of Andy Warhol"
	// → "of Warhol").
	switch a.origClass(s.a1) {
	case lexicon.Prep, lexicon.Conj, lexicon.Aux:
		r, _ := utf8.DecodeRuneInString(first)
		name := unicode.IsUpper(r) && s.a1 > 0 && a.origClass(s.a1-1) == lexicon.Cap
		if !name && first != a.rt[s.b1].Text(a.doc.Text) {
			return true
		}
	}
	// A mention never spans a sentence end ("Mr." is not one).
	for i := s.a1; i < s.a2; i++ {
		if endsSentence(a.ot[i].Text(a.orig.Text)) && !a.titleDot(i) {
			return true
		}
	}
	// A mention ends on a noun or pronoun, never on a comma (it may hold
	// one: "Alireza Mehraban , the coach"), preposition, conjunction or
	// auxiliary ("anti-establishment and"). An article may
	// end the slice when the mention's noun was aligned as kept: "this
	// constituency" → "the … geographical constituency".
	switch a.origClass(s.a2 - 1) {
	case lexicon.Comma:
		return true
	case lexicon.Prep, lexicon.Conj, lexicon.Aux:
		// "James To": a capitalised word after a name is a name.
		last := a.ot[s.a2-1].Text(a.orig.Text)
		r, _ := utf8.DecodeRuneInString(last)
		return !unicode.IsUpper(r) || s.a2-s.a1 < 2 || a.origClass(s.a2-2) != lexicon.Cap
	}
	return false
}

// startsWithHead reports whether a slice of two or more words starts with
// the representative's last word, which it does not end with, and goes on
// in lower case: "B documents" → "Protected B". A noun phrase sharing a
// word with its representative shares the head, at its end ("the report"
// → "the annual report"); a slice that starts with it was shifted off a
// mention that ended there. (A name orders its words freely: "Korea
// Republic" → "South Korea" is a correct substitution.)
func (a *alignment) startsWithHead(s substitution) bool {
	if s.a2-s.a1 < 2 || s.b2-s.b1 < 2 {
		return false
	}
	head := a.rt[s.b2-1].Text(a.doc.Text)
	return isContent(a.docClass(s.b2-1)) && strings.EqualFold(a.ot[s.a1].Text(a.orig.Text), head) &&
		!strings.EqualFold(a.ot[s.a2-1].Text(a.orig.Text), head) && a.origClass(s.a1+1) != lexicon.Cap
}

// titleDot reports whether the dot at original token i ends a title
// ("Mr." tokenises as "Mr" + "."), not a sentence.
func (a *alignment) titleDot(i int) bool {
	if i == 0 || a.ot[i-1].End != a.ot[i].Start {
		return false
	}
	return a.rules.words.title.HasLower(a.ot[i-1].Text(a.orig.Text))
}

// namesSame reports whether the replaced words show a sign of naming the
// representative's entity: a pronoun, a shared content word ("this
// science competition" → "international robotics competition"), or
// initials ("U.S." → "the United States").
func (a *alignment) namesSame(s substitution) bool {
	if s.a2-s.a1 == 1 && (lexicon.IsPronoun(a.origClass(s.a1)) || a.rules.words.demonstrative.HasLower(a.ot[s.a1].Text(a.orig.Text))) {
		return true
	}
	rep := make(map[string]bool)
	initials := ""
	for j := s.b1; j < s.b2; j++ {
		w := a.rt[j].Text(a.doc.Text)
		rep[strings.ToLower(w)] = true
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			initials += string(r)
		}
	}
	for i := s.a1; i < s.a2; i++ {
		t := a.ot[i]
		w := t.Text(a.orig.Text)
		lw := strings.ToLower(w)
		if isContent(a.origClass(i)) && rep[lw] {
			return true
		}
		if len(initials) >= 2 && strings.ReplaceAll(w, ".", "") == initials {
			return true
		}
	}
	return false
}

// weakDrift reports whether part of the mention was left just before the
// representative: a determiner, a subject pronoun, or a word of the
// representative itself. "the the United States" is a nested mention
// ("the [U.S.] border") replaced correctly if clumsily, so a determiner
// counts only before a representative that does not start with it.
func (a *alignment) weakDrift(s substitution) bool {
	if !a.keptBefore(s) {
		return false
	}
	w := strings.ToLower(a.ot[s.a1-1].Text(a.orig.Text))
	first := strings.ToLower(a.rt[s.b1].Text(a.doc.Text))
	c := a.origClass(s.a1 - 1)
	if c == lexicon.Subj || isDeterminer(c) && w != first {
		return true
	}
	// A content word of the representative just before it is the start
	// of the mention, left in place: "New Zealand ’s" → "New New
	// Zealand ’s Prime Minister John Key".
	if !isContent(c) {
		return false
	}
	for j := s.b1; j < s.b2; j++ {
		if strings.EqualFold(a.rt[j].Text(a.doc.Text), w) {
			return true
		}
	}
	return false
}

// possessiveConf returns how sure it is that the substitution turned a
// possessive determiner into a bare mention, or 0. A representative that
// is a lone determiner ("her skin" → "the skin") replaced a whole noun
// phrase, and a lone pronoun is no mention, so neither lost a possessive.
// One ending in ’s kept the possessive, mostly. "her" is possessive
// before a content word ("her book") and most likely an object otherwise
// ("told her that"); without a tagger that stays a guess, so it is still
// flagged, just above the line.
func (a *alignment) possessiveConf(s substitution) float64 {
	if s.a2-s.a1 != 1 {
		return 0
	}
	if a.origClass(s.a1) != lexicon.Poss || s.b2-s.b1 == 1 && isDeterminer(a.docClass(s.b1)) {
		return 0
	}
	c := &a.rules.Verdicts
	switch {
	case s.b2-s.b1 == 1 && lexicon.IsPronoun(a.docClass(s.b1)):
		// A pronoun as representative ("their home" → "we home") is
		// the resolver's choice of name, not a mention stripped of its
		// ’s (in a quotation the speaker rule still applies).
		return 0
	case s.b2-s.b1 == 1 && a.rules.Demonym.matches(a.rt[s.b1].Text(a.doc.Text)):
		// A nationality adjective reads as a modifier ("our culture" →
		// "American culture"): listed, not flagged.
		return c.PossessiveDemonym.Value
	case a.phraseRep(s):
		// "her death" → "daughter ’s death": a whole mention of the
		// death, not a possessor stripped of its ’s.
		return 0
	case a.rules.words.possOrObj.HasLower(a.ot[s.a1].Text(a.orig.Text)) && !a.determinerNext(s.a1):
		return c.PossessiveOrObject.Value
	case endsWithClitic(a.rt[s.b2-1].Text(a.doc.Text)):
		return c.PossessiveKeptClitic.Value
	}
	return c.Possessive.Value
}

// matches reports whether w is a capitalised nationality adjective
// (American, Korean, Chinese, British), judged by its ending, and no
// first name ("Brian", "Julian").
func (d *demonymRule) matches(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	if _, ok := lexicon.LookupLower(lexicon.Genders(), w); ok {
		return false
	}
	lw := strings.ToLower(w)
	for _, suf := range d.Suffixes {
		if len(lw) >= len(suf)+d.MinStem && strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// determinerNext reports whether original token i, a word that is a
// possessive or an object ("her"), is followed by a content word, as a
// possessive determiner is.
func (a *alignment) determinerNext(i int) bool {
	if i+1 >= len(a.ot) {
		return false
	}
	return isContent(a.origClass(i + 1))
}

// isSpeaker reports whether w is a first-person pronoun, the speaker of a
// quotation; "US" in capitals is the country. (A quoted "you" is often
// generic, "if you go to the doctor", and tolerates a resolution.)
func (c *wordClasses) isSpeaker(w string) bool {
	return c.speaker.HasLower(w) && (len(w) == 1 || w != strings.ToUpper(w))
}

// quotedTokens marks the original tokens inside a direct quotation.
// Straight quotes toggle; curly ones say which side they are; a line
// break ends any quotation left open, so one stray mark cannot swallow
// the rest of the article.
func (a *alignment) quotedTokens() []bool {
	out := make([]bool, len(a.ot))
	in := false
	for i, t := range a.ot {
		if i > 0 && strings.ContainsRune(a.orig.Text[a.ot[i-1].End:t.Start], '\n') {
			in = false
		}
		switch t.Text(a.orig.Text) {
		case `"`:
			in = !in
			continue
		case "“", "«":
			in = true
			continue
		case "”", "»":
			in = false
			continue
		}
		out[i] = in
	}
	return out
}

func opensPhrase(p string) bool {
	return p == `"` || p == "“" || p == "‘" || p == "(" || p == "[" || p == "«"
}

func endsSentence(p string) bool {
	return p == "." || p == ";" || p == "!" || p == "?"
}

func isClitic(w string) bool {
	lw := strings.ToLower(w)
	return strings.HasPrefix(lw, "'") || strings.HasPrefix(lw, "’") || lw == "n't" || lw == "n’t"
}

func endsWithClitic(w string) bool {
	lw := strings.ToLower(w)
	return lw == "'s" || lw == "’s" || lw == "'" || lw == "’"
}

// The word classes come from the shared lexicon (package lexicon), so the
// aligner and the text-only detectors agree on what a determiner is.

// origClass is the word class of original token i.
func (a *alignment) origClass(i int) lexicon.Class { return a.origClasses()[i] }

// docClass is the word class of resolved token j.
func (a *alignment) docClass(j int) lexicon.Class { return a.docAnalysis().Class(j) }

// isDeterminer reports whether c cannot end a noun phrase: a mention
// replaced whole takes its determiner with it.
func isDeterminer(c lexicon.Class) bool { return c == lexicon.Det || c == lexicon.Poss }

// isContent reports whether c is an open-class word (noun, verb, name,
// number), the kind a mention's head or a shared word can be.
func isContent(c lexicon.Class) bool {
	switch c {
	case lexicon.Low, lexicon.Cap, lexicon.Num, lexicon.Verb, lexicon.NounVerb, lexicon.Ly, lexicon.Ed, lexicon.Ing:
		return true
	}
	return false
}
