package detect

import (
	"slices"
	"testing"

	"corefix/model"
)

func TestSpeaker(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string // span, first proposal
	}{
		{"speaker after the quote",
			`President Donald Trump stood by him . " President Donald Trump did not say anything wrong , " Trump said .`,
			[]string{"President Donald Trump", "He"}},
		{"speaker before the quote",
			`Senator Jane Smith spoke . Smith said : " Senator Jane Smith will vote no . "`,
			[]string{"Senator Jane Smith", "She"}},
		{"someone else named", `President Donald Trump spoke . " President Donald Trump did well , " Sessions said .`, nil},
		{"no attribution", `President Donald Trump spoke . " President Donald Trump did well . "`, nil},
	}
	for _, tt := range tests {
		doc := model.NewDocument("t", "", tt.give)
		var got []string
		for _, f := range (Speaker{}).Detect(doc) {
			if f.Confidence >= model.BrokenThreshold {
				got = append(got, tt.give[f.Start:f.End], f.Proposals[0].Text)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: Speaker on %q = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}

func FuzzSpeaker(f *testing.F) {
	fuzzDetector(f, Speaker{}, `" A B did , " B said . A B`, `B said : " A B "`)
}
