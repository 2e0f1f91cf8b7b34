package detect

import (
	"slices"
	"testing"
)

func TestCollision(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"subject then name", "everyone thought they Democrats supposed to win .", []string{"they Democrats"}},
		{"possessive then determiner", "The Democrats are overplaying their The Democrats .", []string{"their The Democrats"}},
		{"possessive then pronoun", "he had failed at his he confirmation hearing .", []string{"his he"}},
		{"object then subject", "Democrats accused him he lying to Congress .", []string{"him he"}},
		{"capitalised it then phrase", "It The real story a total witch hunt !", []string{"It The"}},
		{"subject after preposition", "I have decided to recuse myself from he any matters .", []string{"from he"}},
		{"dangling possessive", "Asked if Sessions should recuse himself Trump’s the Trump’s : he did not .", []string{"Trump’s", "Trump’s"}},
		{"double genitive", "She is a friend of Sam ’s , and councillors of Civic Party ’s and others came .", nil},
		{"possessive with noun", "Trump ’s campaign and Russia ’s ambassador met .", nil},
		{"stray pronoun", "Applying required the entire we to travel 500 miles .", []string{"we"}},
		{"relative clause", "It is the team we have , and the day he left .", nil},
		{"clause after preposition", "He was arrested after he brought a clock .", nil},
		{"quantifier", "We all know the answer and they both left .", nil},
		{"reflexive", "Costumes which they themselves created .", nil},
		{"ordinary sentence", "Sessions told reporters he would recuse himself .", nil},
		{"double object", "A telegram telling him his brother was hurt , and he handed me my check .", nil},
		{"object then possessive, no noun", "The line jogs to keep them their the same day .", []string{"them their"}},
		{"object then possessive after a preposition", "to lessen the burden on me my employees .", []string{"me my"}},
		{"you know as an aside", "I do n't know whether she you know , ever saw it .", nil},
		{"you then a phrase", "I do n't know whether she you saw it .", []string{"she you"}},
		{"title in capitals", "I had a banner that read We Know ' . That was all .", nil},
		{"pronoun copied before a name", "I had a banner that read We Frank wrote .", []string{"We Frank"}},
	}
	for _, tt := range tests {
		if got := brokenTexts(Collision{}, tt.give); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Collision on %q = %q, want %q", tt.name, tt.give, got, tt.want)
		}
	}
}

func FuzzCollision(f *testing.F) {
	fuzzDetector(f, Collision{}, "they Democrats", "his he", "It The story")
}
