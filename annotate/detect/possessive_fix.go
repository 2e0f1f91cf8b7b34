package detect

// Who the mention names and how its possessive is written: the pronoun
// and "X ’s" proposals.

import (
	"unicode"
	"unicode/utf8"

	"corefix/annotate/lexicon"
)

// possessiveOf returns the possessive pronoun for the phrase at [i, j],
// as possessivePronoun does, but takes a plural head before an
// apposition or modifier for the phrase's number ("Many pagan
// religions , such as Wicca" is "their"), and a title before a name for
// a person ("Professor Jo Bloggs , Director of the Survey" is "his", as
// news names more men), and the phrase that stands for the writer's "I"
// for "my" (narrates), or "your" in a question put to the writer.
func (a *Analysis) possessiveOf(i, j int) string {
	if a.narrates(i, j) {
		if a.asks(j) {
			// Asked about the narrator's own ("What was Marymegan
			// Daly first reaction ?"): the interviewer's "your".
			return "your"
		}
		return "my"
	}
	if a.GenderOf(i, j) != lexicon.UnknownGender {
		return a.possessivePronoun(i, j)
	}
	if a.cls[j] == lexicon.Cap {
		switch a.surnameGender(j) {
		case lexicon.Male:
			return "his"
		case lexicon.Female:
			return "her"
		}
	}
	k := i
	for k < j && a.cls[k+1] != lexicon.Comma && a.cls[k+1] != lexicon.Prep && a.cls[k+1] != lexicon.Wh {
		k++
	}
	if k < j && a.cls[k] == lexicon.Low && pluralShape(a.text(k)) {
		return "their"
	}
	for t := i; t <= k; t++ {
		if a.cls[t] == lexicon.Cap && title(a.text(t)) && a.Class(t+1) == lexicon.Cap {
			return a.personPossessive(i, j) // "Professor Jo Bloggs , Director of ...": a person
		}
	}
	return a.possessivePronoun(i, j)
}

// asks reports whether token j stands in a question: a sentence that
// opens with a question word or an auxiliary ("What was", "Does") and
// ends with a question mark (a transcript's "Uh , … , of which … ?" is
// no question put to anyone).
func (a *Analysis) asks(j int) bool {
	i := j
	for i > 0 && a.cls[i-1] != lexicon.End {
		i--
	}
	if c := a.cls[i]; c != lexicon.Wh && c != lexicon.Aux {
		return false
	}
	for k := j + 1; k < len(a.toks); k++ {
		if a.cls[k] == lexicon.End {
			return a.text(k) == "?"
		}
	}
	return false
}

// narrates reports whether the phrase at [i, j] stands for the "I" of
// the text around it: somewhere it is the subject of a verb only the
// first person takes ("Mitchell Roberts am", "Mitchell Roberts ’m"),
// inside a quotation if [i, j] is, outside one if not. A resolver that
// writes an interviewee's or narrator's name over every "I" writes it
// over every "my" too, which is then what the name lost; one that
// rewrites a quoted speaker's "I" leaves the speaker third person outside
// the quotation ("Thomas Sam , 42 , said").
func (a *Analysis) narrates(i, j int) bool {
	inside := a.quoted()
	if a.narrators == nil {
		a.narrators = make(map[voice]bool)
		for _, m := range a.mentions() {
			if vocab().firstPersonVerb.HasLower(a.text(m.j+1)) && a.disagrees(m.i, m.j) {
				a.narrators[voice{a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End], inside.has(m.i)}] = true
			}
		}
	}
	return a.narrators[voice{a.doc.Text[a.toks[i].Start:a.toks[j].End], inside.has(i)}]
}

// voice is a phrase inside or outside quotations.
type voice struct {
	phrase string
	quoted bool
}

// surnameGender returns the gender of the name at token k as the
// document tells it elsewhere, after a first name: "Andy Warhol" makes
// "Warhol" male, so "Warhol photography" lost "his", not "its".
// UnknownGender when no first name stands before it, or first names of
// both genders do.
func (a *Analysis) surnameGender(k int) lexicon.Gender {
	if a.surnames == nil {
		a.surnames = make(map[string]lexicon.Gender)
		for t := 0; t+1 < len(a.toks); t++ {
			if a.cls[t] != lexicon.Cap || a.cls[t+1] != lexicon.Cap {
				continue
			}
			if g, ok := a.wordGender(t); ok && (g == lexicon.Male || g == lexicon.Female) {
				name := a.text(t + 1)
				if was, seen := a.surnames[name]; seen && was != g {
					g = lexicon.UnknownGender
				}
				a.surnames[name] = g
			}
		}
	}
	return a.surnames[a.text(k)]
}

// speaks reports whether the phrase at [i, j] names a person: somewhere
// in the document it is the subject of "said", "told" and the like, or
// a title stands before it ("Prime Minister Jo Bloggs" makes "Bloggs" and
// "Jo Bloggs" people). A person before a noun is far more often its
// possessor than a place or thing is.
func (a *Analysis) speaks(i, j int) bool {
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
// title: the few capitalised words after it, and the last of them alone.
func (a *Analysis) titledNames() {
	words := a.rules().Limits.TitleNameWords.Value
	for k := 0; k+1 < len(a.toks); k++ {
		if a.cls[k] != lexicon.Cap || !title(a.text(k)) {
			continue
		}
		e := k + 1
		for e < len(a.toks) && e <= k+words && a.cls[e] == lexicon.Cap && !title(a.text(e)) {
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
	return vocab().title.Has(w)
}

// cliticStyle returns the possessive ending the document uses: "’s" or
// "'s", spaced as its other clitics are.
func (a *Analysis) cliticStyle() string {
	if a.clitic == "" {
		a.clitic = lexicon.CliticStyle(a.doc.Text)
	}
	return a.clitic
}

func capitalise(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
