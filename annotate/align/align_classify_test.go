package align

import (
	"testing"

	"corefix/model"
)

// onlySub aligns orig with res and returns the alignment and its one
// substitution.
func onlySub(t *testing.T, orig, res string) (*alignment, substitution) {
	t.Helper()
	a := newAlignment(model.NewDocument("o", "", orig), model.NewDocument("r", "", res), shipped(t))
	subs := a.substitutions()
	if len(subs) != 1 {
		t.Fatalf("%q → %q: %d substitutions, want 1", orig, res, len(subs))
	}
	return a, subs[0]
}

// A lone demonstrative names an entity as a pronoun does; another
// function word does not.
func TestNamesSameDemonstrative(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		orig, res string
		want      bool
	}{
		{"Critics said that was bad .", "Critics said the new plan was bad .", true},
		{"Critics said which was bad .", "Critics said the new plan was bad .", false},
	} {
		a, s := onlySub(t, tt.orig, tt.res)
		if got := a.namesSame(s); got != tt.want {
			t.Errorf("namesSame(%q → %q) = %v, want %v", a.origText(s.a1, s.a2), a.docText(s.b1, s.b2), got, tt.want)
		}
	}
}

// "her" before no content word is most likely an object, so it is a
// weaker possessive than "his" or "her" before a noun.
func TestPossessiveOrObject(t *testing.T) {
	t.Parallel()
	c := shipped(t).Verdicts
	for _, tt := range []struct {
		orig, res string
		want      float64
	}{
		{"They told her that it rained .", "They told Ann Lee that it rained .", c.PossessiveOrObject.Value},
		{"They told her mother that it rained .", "They told Ann Lee mother that it rained .", c.Possessive.Value},
		{"They told his that it rained .", "They told Ann Lee that it rained .", c.Possessive.Value},
	} {
		a, s := onlySub(t, tt.orig, tt.res)
		if got := a.possessiveConf(s); got != tt.want {
			t.Errorf("possessiveConf(%q → %q) = %v, want %v", a.origText(s.a1, s.a2), a.docText(s.b1, s.b2), got, tt.want)
		}
	}
}
