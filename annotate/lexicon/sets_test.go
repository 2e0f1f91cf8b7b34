package lexicon

import "testing"

func TestSet(t *testing.T) {
	t.Parallel()
	titles, err := Set("title")
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]bool{"mr": true, "Mr": true, "SGT": true, "mister": false, "": false} {
		if got := titles.Has(w); got != want {
			t.Errorf("title.Has(%q) = %v, want %v", w, got, want)
		}
	}
	// The lines of one class are joined: verb has several.
	verbs, err := Set("verb")
	if err != nil {
		t.Fatal(err)
	}
	if !verbs.Has("said") || !verbs.Has("arrived") {
		t.Errorf("verb set lacks words of its first or later lines")
	}
	// An exact-mode class is no word class: "this" stays a determiner.
	if c := Classify("this", Lexicon()); c != Det {
		t.Errorf("Classify(this) = %v, want Det", c)
	}
	if _, err := Set("titel"); err == nil {
		t.Errorf("Set of a class words.txt lacks: no error")
	}
}
