package lexicon

import "testing"

// The embedded table holds role nouns of one word in lower case, singular,
// and only those whose first sense is a person.
func TestPersonNoun(t *testing.T) {
	for w, want := range map[string]bool{
		"physicist": true, "schoolboy": true, "pastor": true, "woman": true,
		"physicists": false, // more than one: "their", not "his"
		"Physicist":  false, // the table is lower case
		"bush":       false, // a plant first
		"enemy":      false, // a group first ("the enemy")
		"table":      false,
	} {
		if got := PersonNoun(w); got != want {
			t.Errorf("PersonNoun(%q) = %v, want %v", w, got, want)
		}
	}
}
