package detect

import (
	"testing"

	"corefix/model"
)

// TestPronounGender: the pronouns after a phrase's occurrences, within
// their sentences, vote its gender; with no word of the phrase saying
// it is a person, the vote still keeps it from "its".
func TestPronounGender(t *testing.T) {
	for _, tc := range []struct {
		text, want string
	}{
		{"Zorblat hit a home run and he smiled . Fans cheered Zorblat .", "his"},
		{"Zorblat hit a home run and she smiled . Fans cheered Zorblat .", "her"},
		{"Zorblat hit a home run and she smiled . Zorblat said he left . Zorblat said he won .", "his"}, // the majority
		{"Zorblat hit a home run and she smiled . Zorblat said he left .", "its"},                       // a tie
		{"Zorblat hit a home run . He smiled . Fans cheered Zorblat .", "its"},                          // the next sentence
		{"Zorblat grew . Zorblat hosts the games .", "its"},
	} {
		a := Analyze(model.NewDocument("t", "t.txt", tc.text))
		if got := a.possessivePronoun(0, 0); got != tc.want {
			t.Errorf("%q: %q, want %q", tc.text, got, tc.want)
		}
	}
}
