package detect

import (
	"strings"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// Collision flags a noun phrase or pronoun that follows a pronoun or
// determiner with nothing between ("they Democrats", "their The
// Democrats", "his he", "him he"): the substitution kept the mention and
// overwrote the word after it.
type Collision struct{}

// Name implements Detector.
func (Collision) Name() string { return "pronoun-then-mention" }

// Detect implements Detector.
func (c Collision) Detect(doc *model.Document) []model.Finding {
	return c.detect(Analyze(doc))
}

func (c Collision) detect(a *Analysis) []model.Finding {
	var out []model.Finding
	note := a.rules().Notes.TypeWord
	for i := 1; i < len(a.toks); i++ {
		if r := a.strayPronoun(i); r != nil {
			out = append(out, model.Finding{
				Start: int(a.toks[i].Start), End: int(a.toks[i].End), Category: model.Overwrite,
				Rule: c.Name(), Confidence: r.Confidence, Message: r.Message,
				Proposals: []model.Proposal{{Text: model.Placeholder, Note: note}},
			})
			continue
		}
		var r *Rule
		if a.mayCollide(i) {
			r = a.collisionByWords(i)
		}
		if r == nil {
			r = a.dangling(i)
		}
		if r == nil {
			continue
		}
		// Which of the two is the copy depends on how far the
		// substitutions drifted, so the span covers both; the proposal
		// keeps the first and asks for the lost word.
		j := a.phraseEnd(i)
		out = append(out, model.Finding{
			Start: int(a.toks[i-1].Start), End: int(a.toks[j].End), Category: model.Overwrite,
			Rule: c.Name(), Confidence: r.Confidence, Message: r.Message,
			Proposals: []model.Proposal{{Text: a.text(i-1) + " " + model.Placeholder, Note: note}},
		})
		i = j + 1
	}
	return out
}

// collision says why token i cannot follow token i-1, or "" when it can:
// the drift evidence asks only whether (collisionRule says which rule).
func (a *Analysis) collision(i int) string {
	if r := a.collisionRule(i); r != nil {
		return r.Message
	}
	return ""
}

// collisionRule returns the rule by which token i cannot follow token
// i-1, or nil when it can.
func (a *Analysis) collisionRule(i int) *Rule {
	if !a.mayCollide(i) {
		return nil
	}
	return a.collisionByWords(i)
}

// mayCollide reports whether the classes of tokens i-1 and i leave a
// collision possible (collides): false for nearly every pair, and small
// enough to inline, so the loops over every token ask it first.
func (a *Analysis) mayCollide(i int) bool {
	return collides[a.cls[i-1]]>>a.cls[i]&1 != 0
}

// collides holds, for the class of a word, the classes of the next word
// that the rules of collisionByWords may flag after it: a pronoun or
// determiner after a subject ("they The Democrats"), a pronoun or
// determiner after a possessive ("their The"), a pronoun after a
// determiner or object ("the he", "him he"), and a subject pronoun after
// anything. "the vote", the common case, is decided here.
var collides = func() (m [lexicon.Clitic + 1]uint32) {
	for p := range lexicon.Clitic + 1 {
		for c := range lexicon.Clitic + 1 {
			var may bool
			switch p {
			case lexicon.Subj, lexicon.ItYou:
				may = lexicon.StartsNP(c)
			case lexicon.Poss:
				may = lexicon.IsPronoun(c) || c == lexicon.Det
			case lexicon.Det, lexicon.Obj:
				may = c == lexicon.Subj || c == lexicon.Obj || c == lexicon.Poss
			}
			if may || c == lexicon.Subj {
				m[p] |= 1 << c
			}
		}
	}
	return m
}()

// collisionByWords is collisionRule for the pairs of classes collides
// lets through, which the words decide.
func (a *Analysis) collisionByWords(i int) *Rule {
	p, c := a.cls[i-1], a.cls[i]
	r := &a.rules().Collision
	switch {
	case a.text(i-1) == "i" || a.text(i) == "i":
		return nil // a lower-case "i" is a list label or a typo, not a pronoun
	case a.writersPair(i):
		return nil
	case p == lexicon.Subj || p == lexicon.ItYou && a.capitalised(i-1) && a.SentenceStart(i-1):
		if lexicon.StartsNP(c) && !quantifier(a.text(i)) && !reflexive(a.text(i)) {
			return &r.SubjectThenPhrase
		}
	case p == lexicon.Poss && a.text(i-1) != "her":
		if lexicon.IsPronoun(c) || c == lexicon.Det && !quantifier(a.text(i)) {
			return &r.PossessiveThenPronoun
		}
	case p == lexicon.Obj || p == lexicon.Det && !quantifier(a.text(i-1)):
		if c == lexicon.Subj || c == lexicon.Obj || c == lexicon.Poss {
			return &r.TwoPronouns
		}
	}
	if c == lexicon.Subj && a.text(i) != "I" && (p == lexicon.Det && !quantifier(a.text(i-1)) || p == lexicon.Poss || p == lexicon.Prep && !clausal(a.text(i-1))) {
		return &r.SubjectAfterDeterminer
	}
	return nil
}

// writersPair reports whether the pronoun pair ending at token i, which
// the classes let through as a collision, is English a writer or speaker
// produces:
//   - a double object, a verb before the object pronoun and a noun after
//     the possessive ("telling him his brother", "handed me my check"),
//     where a copy leaves a word that is no noun ("asked him his submit")
//     or a preposition before ("on me my employees");
//   - "you know" or "you see" set off by punctuation, a speaker's aside
//     ("whether she you know , ever");
//   - a title in capitals: a pronoun other than I, capitalised in
//     mid-sentence, before a capitalised common verb ("a banner that read
//     We Know"); a copied pronoun lands before a name or noun instead.
func (a *Analysis) writersPair(i int) bool {
	p, c := a.cls[i-1], a.cls[i]
	switch {
	case p == lexicon.Obj && c == lexicon.Poss:
		switch a.Class(i - 2) {
		case lexicon.Verb, lexicon.NounVerb, lexicon.Ed, lexicon.Ing:
			n := a.Class(i + 1)
			return n == lexicon.Low || n == lexicon.Cap && !a.sentenceWord(i+1)
		}
	case c == lexicon.ItYou && a.text(i) == "you":
		switch a.Class(i + 2) {
		case lexicon.Comma, lexicon.End:
			return vocab().aside.HasLower(a.text(i + 1))
		}
	case p == lexicon.Subj && c == lexicon.Cap && a.text(i-1) != "I" && a.capitalised(i-1) && !a.SentenceStart(i-1):
		k, ok := lexicon.LookupLower(lexicon.Lexicon(), a.text(i))
		return ok && k == lexicon.Verb
	}
	return false
}

// dangling returns the rule by which the possessive ’s at token i
// possesses nothing ("himself Trump’s the Trump’s :"), or nil when a
// noun follows. After a pronoun or "there" the ’s is "is" or "has" and
// anything may follow.
func (a *Analysis) dangling(i int) *Rule {
	if a.cls[i] != lexicon.Clitic || a.Class(i-1) != lexicon.Cap && a.Class(i-1) != lexicon.Low || quantifier(a.text(i+1)) || a.doubleGenitive(i) {
		return nil
	}
	// Not before an auxiliary or "not": "the group ’s been", "it 's not".
	switch a.Class(i + 1) {
	case lexicon.Det, lexicon.Poss, lexicon.Subj, lexicon.Obj, lexicon.End, lexicon.Comma, lexicon.Conj:
		return &a.rules().Collision.DanglingClitic
	}
	return nil
}

// doubleGenitive reports whether the ’s at token i closes "of" + name
// ("a friend of Sam ’s", "councillors of DAB ’s ,"), where English leaves
// the possessed noun out.
func (a *Analysis) doubleGenitive(i int) bool {
	reach := a.rules().Limits.DoubleGenitiveReach.Value
	for k := i - 1; k >= 0 && k >= i-reach; k-- {
		switch a.cls[k] {
		case lexicon.Cap, lexicon.Low, lexicon.Num:
			continue
		case lexicon.Prep:
			return strings.EqualFold(a.text(k), "of")
		}
		return false
	}
	return false
}

// strayPronoun returns the rule by which the subject pronoun at token i
// stands where no clause can start — after a noun and before a
// preposition, determiner, name or punctuation ("the entire we to
// travel", "the capital we through") — or nil. A copy of a pronoun
// representative overwrote a word.
func (a *Analysis) strayPronoun(i int) *Rule {
	if a.cls[i] != lexicon.Subj || a.text(i) == "I" || a.text(i) == "i" {
		return nil
	}
	switch a.Class(i - 1) {
	case lexicon.Low, lexicon.Cap, lexicon.Num:
	default:
		return nil
	}
	switch a.Class(i + 1) {
	case lexicon.Prep, lexicon.Det, lexicon.Cap, lexicon.Num, lexicon.End, lexicon.Comma:
		if a.Class(i+1) == lexicon.Cap && a.sentenceWord(i+1) {
			return nil
		}
		return &a.rules().Collision.StrayPronoun
	}
	return nil
}

// quantifier reports whether w may follow a pronoun or determiner ("we
// all", "they both", "them each").
func quantifier(w string) bool {
	return vocab().quantifier.HasLower(w)
}

// reflexive reports whether w is a reflexive pronoun ("they themselves").
func reflexive(w string) bool {
	return strings.HasSuffix(w, "self") || strings.HasSuffix(w, "selves")
}

// phraseEnd returns the last token of the noun phrase starting at i: a
// pronoun alone, the recurring phrase that starts there ("The real
// story"), or else the word with the capitalised words after it ("The
// Democrats").
func (a *Analysis) phraseEnd(i int) int {
	if lexicon.IsPronoun(a.cls[i]) {
		return i
	}
	if m, ok := a.mentionFrom(i); ok {
		return m.j
	}
	j := i
	for j+1 < len(a.toks) && (a.cls[j+1] == lexicon.Cap || a.cls[j+1] == lexicon.Clitic) {
		j++
	}
	return j
}
