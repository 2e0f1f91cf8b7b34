package detect

import (
	"slices"
	"testing"

	"corefix/model"
)

// TestWordPredicates checks each word test of the rules against its set
// in words.txt, and whether it heeds case: a test the rules read as
// written refuses other capitalisations.
func TestWordPredicates(t *testing.T) {
	tests := []struct {
		name string
		f    func(string) bool
		yes  []string
		no   []string
	}{
		{"quantifier", quantifier, []string{"all", "Both"}, []string{"the", "many"}},
		{"intended repeat", isIntendedRepeat, []string{"had", "That"}, []string{"he", "Sessions"}},
		{"bare infinitive", bareInfinitive, []string{"helped", "Let"}, []string{"asked"}},
		{"quote verb", isSaid, []string{"said", "tweeted"}, []string{"Said", "asked"}},
		{"reporting", reporting, []string{"believes", "Said"}, []string{"asked"}},
		{"clausal", clausal, []string{"after", "Because"}, []string{"of", "in"}},
		{"finite", finite, []string{"was", "Must"}, []string{"also", "be"}},
		{"adverbial", adverbial, []string{"later", "Themselves"}, []string{"quickly"}},
		{"temporal", temporal, []string{"night", "Week"}, []string{"Saturday"}},
		{"number word", numberWord, []string{"three", "Twenty"}, []string{"one", "3"}},
		{"quantity", quantity, []string{"thousands", "Dozens"}, []string{"thousand"}},
		{"coordinator", coordinator, []string{"and", "but"}, []string{"And", "so"}},
		{"kin", kin, []string{"father", "Fiancée", "sons"}, []string{"friend"}},
		{"kin word", kinWord, []string{"father", "ex-wife"}, []string{"sons", "friend"}},
		{"title", title, []string{"Mr.", "Senator", "Coach"}, []string{"senator", "MR"}},
		{"opens noun phrase", opensNP, []string{"the", "an", "its"}, []string{"The", "her", "this"}},
		{"demonym plural", demonymPlural, []string{"Democrats", "Scientologists", "Muslims"}, []string{"Ats", "Paris"}},
	}
	for _, tt := range tests {
		for _, w := range tt.yes {
			if !tt.f(w) {
				t.Errorf("%s(%q) = false, want true", tt.name, w)
			}
		}
		for _, w := range tt.no {
			if tt.f(w) {
				t.Errorf("%s(%q) = true, want false", tt.name, w)
			}
		}
	}
}

// TestTokenPredicates checks the word tests that read a token in its
// text: which token of the text each holds for.
func TestTokenPredicates(t *testing.T) {
	tests := []struct {
		name string
		f    func(a *Analysis, i int) bool
		text string
		want []int // the tokens it holds for
	}{
		{"predeterminer", predeterminer, "Half the team and all his friends", []int{0, 4}},
		{"negated", (*Analysis).negated, "it wo n’t work and ca n't", []int{1, 5}},
		{"clause start", (*Analysis).clauseStart, "so Smith and Jones but Brown", []int{0, 1, 5}},
		{"first person verb", (*Analysis).onlyI, "I AM here , we 'm off", []int{1, 5}},
		{"addressed outside a quotation", func(a *Analysis, i int) bool { return a.pronounFor(i, i, false) == "you" }, "Smith 're off , Smith were here , Smith 've gone , Smiths were here", []int{0, 4}},
		{"addressed inside a quotation", func(a *Analysis, i int) bool { return a.pronounFor(i, i, true) == "you" }, "Smith 're off , Smith were here", nil},
		{"ordinal", func(a *Analysis, i int) bool { return a.ordinalNext(i, i) }, "Rover 12th voyage , Rover 12 voyage , Rover th voyage", []int{0}},
		{"bare possessor", func(a *Analysis, i int) bool {
			return i+1 < len(a.toks) && a.barePossessor(mention{i: i, j: i + 1, count: 3})
		}, "and today 's news and daughter 's news", []int{5}},
		{"indefinite copy", func(a *Analysis, i int) bool {
			return i+1 < len(a.toks) && a.copiedIndefinite(i, i+1)
		}, "A boat sank . A boat hit . A boat won . AN boat sank . AN boat hit . AN boat won .", []int{0, 4, 8}},
	}
	for _, tt := range tests {
		a := Analyze(model.NewDocument("t", "", tt.text))
		var got []int
		for i := range a.toks {
			if tt.f(a, i) {
				got = append(got, i)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s on %q holds for tokens %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

// TestDisagrees checks the verb forms that no singular third person
// takes, and the base forms that equal their past tense.
func TestDisagrees(t *testing.T) {
	for _, tt := range []struct {
		verb string
		want bool
	}{
		{"were", true}, {"’re", true}, {"think", true}, {"thinks", false}, {"put", false}, {"Were", false},
	} {
		a := Analyze(model.NewDocument("t", "", "Smith spoke . Later , Smith "+tt.verb+" it"))
		if got := a.disagrees(5, 5); got != tt.want {
			t.Errorf("disagrees before %q = %v, want %v", tt.verb, got, tt.want)
		}
	}
}

// TestVocabulary checks that words.txt has every word set the rules read.
func TestVocabulary(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("a word set of the rules is missing: %v", r)
		}
	}()
	vocab()
}
