package annotate

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corefix/model"
)

// Possessive flags a recurring mention directly followed by a common noun
// ("in President Donald Trump responses"): the resolver replaced "his" or
// "their" by the bare representative and dropped the ’s. It proposes the
// pronoun back, chosen by the mention's gender and number, then "X ’s".
type Possessive struct{}

// Name implements Detector.
func (Possessive) Name() string { return "lost-possessive" }

// Detect implements Detector.
func (p Possessive) Detect(doc *model.Document) []model.Finding {
	return p.detect(analyze(doc))
}

func (p Possessive) detect(a *analysis) []model.Finding {
	var out []model.Finding
	for _, m := range a.mentions() {
		if m.first {
			continue
		}
		conf := a.possessiveSlot(m.i, m.j)
		if conf == 0 {
			continue
		}
		pron := a.possessivePronoun(m.i, m.j)
		if a.sentenceStart(m.i) {
			pron = capitalise(pron)
		}
		span := a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End]
		out = append(out, model.Finding{
			Start: a.toks[m.i].Start, End: a.toks[m.j].End, Category: model.Possessive,
			Rule: p.Name(), Confidence: conf,
			Message: "a bare mention stands before a noun, where a possessive (his, her, their) stood: the ’s was dropped",
			Proposals: []model.Proposal{
				{Text: pron, Note: "the possessive pronoun back"},
				{Text: span + a.cliticStyle(), Note: "keep the name, restore ’s"},
			},
		})
	}
	return out
}

// possessiveSlot returns how sure we are that the mention at [i, j]
// stands where a possessive stood, or 0 when its slot is not one.
func (a *analysis) possessiveSlot(i, j int) float64 {
	n := j + 1
	if n >= len(a.toks) || a.cls[n] != clsLow && a.cls[n] != clsNounVerb || a.cls[j] == clsClitic || isPronoun(a.cls[j]) || temporal(a.text(n)) {
		return 0
	}
	if j-i+1 >= maxMention {
		return 0 // a cut-off representative: the next word is still its own
	}
	g := a.genderOf(i, j)
	switch {
	case a.longPhrase(i, j) || g == plural:
	case a.cls[i] == clsDet, g == unknownGender && !a.namedPhrase(i, j):
		// "the U.S. border", "the Andy Warhol exhibit", "Texas schools":
		// a determiner phrase, place or thing before a noun is usually a
		// compound, not a lost possessive.
		return 0
	}
	if kin(a.text(n)) {
		return 0.8 // "and Jane Doe father": kin are someone's
	}
	// A singular subject followed by an "-s" word is a subject and its
	// verb ("Mohamed wishes"), unless a preposition rules a clause out.
	verbLike := a.cls[n] == clsNounVerb || strings.HasSuffix(a.text(n), "s") && g != plural
	switch p := a.class(i - 1); {
	case p == clsPrep && !clausal(a.text(i-1)):
		return 0.8
	case a.headOfSubject(n) && !nounModifier(p) && g != unknownGender:
		// "that Jane Doe passport was": a verb right after the
		// word makes it the head noun, so the mention qualified it.
		return 0.7
	case verbLike:
		return 0
	case (p == clsVerb || p == clsNounVerb || p == clsIng || p == clsEd) && !reporting(a.text(i-1)):
		return 0.6
	case p == clsLow && a.class(i-2) == clsPrep:
		return 0.55 // "to shoot X new costume": most likely a verb before
	}
	return 0
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
	if a.cls[i] != clsDet || j-i < 3 {
		return false
	}
	for k := i + 1; k < j; k++ {
		if a.cls[k] == clsPrep {
			return true
		}
	}
	return false
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
