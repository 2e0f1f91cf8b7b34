package detect

import (
	"slices"
	"testing"
)

func TestRepeatedToken(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"name", "the United States , \" Sessions Sessions reporters .", []string{"Sessions Sessions"}},
		{"pronoun", "Sessions said he he to submit a supplement .", []string{"he he"}},
		{"with clitic", "in Virginia , Trump Trump’s reporters", []string{"Trump Trump’s"}},
		{"intended", "He had had enough , and that that was all .", nil},
		{"case differs", "the first FIRST Global competition", nil},
		{"punctuation", "Wait . . . what ?", nil},
		{"filler", "a state - funded uh uh remodel", nil},
		{"beside a filler", "So I , um , I I paid the crews .", nil},
		{"beside a break", "you run a -- you run a a carpet business ?", nil},
		{"title then text", "Tulsa Tulsa is in the Green Country region of Oklahoma .", nil},
		{"heading then text", "He was a composer .\n\nAntonín Dvořák\nDvořák displayed his gifts early .", nil},
		{"second word", "The Tulsa Tulsa is in the Green Country region .", []string{"Tulsa Tulsa"}},
		{"filler far off", "Uh , that is the plan . Later , Sessions said he he to submit it .", []string{"he he"}},
		{"determiner in a transcript", "Uh , that is it . Um , okay . Then the witness said that in fact the the fire started there .", nil},
		{"pronoun in a transcript", "Uh , that is it . Um , okay . Then the witness said that in fact she she started the fire .", []string{"she she"}},
		{"determiner, one filler", "Uh , that is it . Okay . Then the witness said that in fact the the fire started there .", []string{"the the"}},
	}
	for _, tt := range tests {
		if got := brokenTexts(RepeatedToken{}, tt.give); !slices.Equal(got, tt.want) {
			t.Errorf("%s: RepeatedToken on %q = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}

func FuzzRepeatedToken(f *testing.F) {
	fuzzDetector(f, RepeatedToken{}, "he he", "Trump Trump’s", "a a")
}
