package detect

import (
	"slices"
	"testing"

	"corefix/model"
)

// A pronoun in a case its slot does not take is flagged with the form
// that belongs there; pronouns in their own case are not.
func TestCase(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		give string
		want []string // span, first proposal
	}{
		{"object as subject", "It is incumbent on me to note that me have published in these journals .", []string{"me", "I"}},
		{"subject as object", "Essentially , this method gives we a natural control over the data .", []string{"we", "us"}},
		{"possessive as subject", "In 2008 their discussed the dictionary of the future .", []string{"their", "they"}},
		{"capitalised", "Our understand visual processing in new ways .", []string{"Our", "We"}},
		// A representative pasted with the capital of its sentence start.
		{"capital mid-sentence", "The results show that Our understand visual processing .", []string{"Our", "we"}},
		{"right cases", "We told them that our study helps us , and they read it .", nil},
		{"quoted as a word", "1.14. \"You\" (or \"Your\") means an individual .", nil},
		{"part of a compound", "pngrio.c => Lowest-level data read I/O functions", nil},
		// A verb may give "you" a second object.
		{"double object", "The licence is a way of giving you legal permission to copy , modify and share it .", nil},
	}
	for _, tt := range tests {
		doc := model.NewDocument("t", "", tt.give)
		var got []string
		for _, f := range (Case{}).Detect(doc) {
			if f.Category != model.Other {
				t.Errorf("%s: category %s, want other", tt.name, f.Category)
			}
			got = append(got, tt.give[f.Start:f.End], f.Proposals[0].Text)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Case on %q = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}
