package lexicon

import "testing"

func TestSet(t *testing.T) {
	tests := []struct {
		set, word  string
		has, lower bool
	}{
		{"det", "the", true, true},
		{"det", "The", false, true},
		{"quantifier", "ALL", false, true},
		{"kin", "Fiancée", false, true}, // not ASCII: lowered the slow way
		{"title", "Mr.", true, false},   // listed with its capital
		{"title", "president", false, false},
		{"negation", "n’t", true, true},
		{"verb", "said", true, true}, // a class written on several lines
		{"verb", "showed", true, true},
		{"temporal", "dog", false, false},
		{"abbrev-title", "SGT", false, true}, // exact mode's sets, lower case
		{"speaker", "we", true, true},
	}
	for _, tt := range tests {
		s := Set(tt.set)
		if got := s.Has(tt.word); got != tt.has {
			t.Errorf("Set(%q).Has(%q) = %v, want %v", tt.set, tt.word, got, tt.has)
		}
		if got := s.HasLower(tt.word); got != tt.lower {
			t.Errorf("Set(%q).HasLower(%q) = %v, want %v", tt.set, tt.word, got, tt.lower)
		}
	}
}

func TestSetSuffix(t *testing.T) {
	tests := []struct{ word, want string }{
		{"Scientologists", "ists"},
		{"Australians", "ans"},
		{"Paris", ""},
		{"s", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := Set("demonym-suffix").Suffix(tt.word)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Suffix(%q) = %q, %v; want %q", tt.word, got, ok, tt.want)
		}
	}
}

func TestSetUnknown(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Set of a class words.txt lacks did not panic")
		}
	}()
	Set("no-such-class")
}

// TestClassesIgnoreSets checks that the detectors' own sets in words.txt
// leave the word classes alone: "father" stays an unknown word, not one
// of a class named "kin".
func TestClassesIgnoreSets(t *testing.T) {
	for _, w := range []string{"father", "tens", "Mr."} {
		if c, ok := Lexicon()[w]; ok {
			t.Errorf("Lexicon()[%q] = %v, want no class", w, c)
		}
	}
	if c := Lexicon()["all"]; c != Det {
		t.Errorf(`Lexicon()["all"] = %v, want Det (also in the "quantifier" set)`, c)
	}
}

// An exact-mode class is no word class of a token: "this" stays a
// determiner although words.txt lists it as a demonstrative too.
func TestSetsAreNoWordClasses(t *testing.T) {
	if c := Classify("this", Lexicon()); c != Det {
		t.Errorf("Classify(this) = %v, want Det", c)
	}
}

func TestVerbClashes(t *testing.T) {
	tests := []struct {
		pronoun, verb string
		want          bool
	}{
		{"I", "is", true},
		{"i", "’re", true},
		{"I", "am", false},
		{"You", "’m", true},
		{"you", "are", false},
		{"we", "has", true},
		{"they", "was", false}, // dialect, left out
		{"it", "'re", true},
		{"It", "is", false},
		{"he", "'ve", true},
		{"him", "is", false}, // no subject pronoun
		{"Sessions", "am", false},
	}
	for _, tt := range tests {
		if got := VerbClashes(tt.pronoun, tt.verb); got != tt.want {
			t.Errorf("VerbClashes(%q, %q) = %v, want %v", tt.pronoun, tt.verb, got, tt.want)
		}
	}
}
