package detect

import (
	"strings"
	"testing"

	"corefix/model"
)

// TestPossessivePronoun checks the possessive proposed for a phrase: the
// gender its words say, a person never "its", a thing "its".
func TestPossessivePronoun(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ give, want string }{
		{"Jeff Sessions", "his"},
		{"Australian woman Valeska Paris", "her"},
		{"physicist Martin Oyelaran", "his"},
		{"Martin Oyelaran", "his"},
		{"the coach", "his"},
		// Role nouns WordNet names a person first, not in names.txt.
		{"a schoolboy", "his"},
		{"interim pastor of Calvary Church", "his"},
		{"the bush", "its"},
		// Capitalised, a role noun after a determiner; a name elsewhere.
		{"the Petitioner", "his"},
		{"A ruling for Goldsmith", "its"},
		// A name that is a person noun too: a person, whatever it names.
		{"Outfielder", "his"},
		{"the United Nations", "its"},
		{"Google", "its"},
		{"one of the masterpieces of Persian Architecture", "its"},
		{"the teenagers", "their"},
	} {
		a := Analyze(model.NewDocument("t", "", c.give+" said ."))
		j := len(strings.Fields(c.give)) - 1
		if got := a.possessivePronoun(0, j); got != c.want {
			t.Errorf("possessivePronoun(%q) = %q, want %q", c.give, got, c.want)
		}
	}
}

// TestPossessiveOfSurname checks that a name the document writes
// elsewhere after a first name takes that name's gender ("Andy Warhol"
// makes "Warhol photography" his), and that first names of both genders
// leave it unknown.
func TestPossessiveOfSurname(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ give, want string }{
		{"Mary Oyelaran spoke . Critics saw beauty in Oyelaran drawings .", "her"},
		{"Andy Oyelaran spoke . Critics saw beauty in Oyelaran drawings .", "his"},
		{"Mary Oyelaran and John Oyelaran spoke . Critics saw beauty in Oyelaran drawings .", "its"},
		{"Critics saw beauty in Oyelaran drawings .", "its"},
	} {
		if got := lastPossessiveOf(c.give, "Oyelaran"); got != c.want {
			t.Errorf("possessiveOf(Oyelaran) in %q = %q, want %q", c.give, got, c.want)
		}
	}
}

// TestPossessiveOfNarrator checks that a name written over "I" (it is the
// subject of "am") lost "my", inside quotations when that is where it
// was "I", and only there.
func TestPossessiveOfNarrator(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ give, want string }{
		{"Yes , Frank Oyelaran am not sure . Critics saw beauty in Frank Oyelaran drawings .", "my"},
		{"Frank Oyelaran spoke . Critics saw beauty in Frank Oyelaran drawings .", "his"},
		// "I" inside a quotation only: outside it the name is his.
		{"He said : \" Frank Oyelaran am not sure . \" Critics saw beauty in Frank Oyelaran drawings .", "his"},
		{"He said : \" Frank Oyelaran am not sure , Frank Oyelaran drawings are old . \"", "my"},
		// Asked about the narrator's own: the interviewer's "your".
		{"Yes , Frank Oyelaran am not sure . What was Frank Oyelaran first drawing ?", "your"},
		{"Yes , Frank Oyelaran am not sure . Uh , critics saw Frank Oyelaran drawings , of which ?", "my"},
	} {
		if got := lastPossessiveOf(c.give, "Frank Oyelaran"); got != c.want {
			t.Errorf("possessiveOf(Frank Oyelaran) in %q = %q, want %q", c.give, got, c.want)
		}
	}
}

// lastPossessiveOf is possessiveOf of the last occurrence of name, words
// separated by single spaces, in text.
func lastPossessiveOf(text, name string) string {
	a := Analyze(model.NewDocument("t", "", text))
	i := len(strings.Fields(text[:strings.LastIndex(" "+text+" ", " "+name+" ")]))
	return a.possessiveOf(i, i+len(strings.Fields(name))-1)
}
