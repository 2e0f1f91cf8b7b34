package fluency

import (
	"bytes"
	"strings"
	"testing"
)

// TestOwned: a word that follows a possessive more often than words do
// is positive, one that never does is negative, case does not matter,
// and a word the corpus lacks says nothing. The counts here: 12 words, 2
// after a possessive, so the base rate is 1/6; "career" follows one 2
// times of 3, "game" 0 of 3.
func TestOwned(t *testing.T) {
	w := func(s string) []Word {
		var out []Word
		for _, f := range strings.Fields(s) {
			form, tag, _ := strings.Cut(f, "/")
			out = append(out, Word{form, tag, tag})
		}
		return out
	}
	var c Counter
	c.Add(w("his/PRP$ career/NN the/DT career/NN"))
	c.Add(w("her/PRP$ Career/NN the/DT game/NN"))
	c.Add(w("a/DT game/NN the/DT game/NN"))
	var b bytes.Buffer
	if err := c.Write(&b, settings, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "owned\tcareer\t2\n") {
		t.Fatalf("no owned record for career (2) in\n%s", b.String())
	}
	m, err := Parse(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// P = (2 + 2·⅙) / (3 + 2) = 7/15 against ⅙: log(7/8) − log(1/5).
	if got, want := m.Owned("career"), 1.4759; got < want-0.001 || got > want+0.001 {
		t.Errorf("Owned(career) = %.4f, want %.4f", got, want)
	}
	if m.Owned("Career") != m.Owned("career") {
		t.Errorf("Owned(Career) = %v, Owned(career) = %v: case should not matter", m.Owned("Career"), m.Owned("career"))
	}
	if g := m.Owned("game"); g >= 0 {
		t.Errorf("Owned(game) = %v, want below 0", g)
	}
	if u := m.Owned("unheard"); u != 0 {
		t.Errorf("Owned(unheard) = %v, want 0", u)
	}
	// Leaving out one "career" after a possessive: P = (1 + 2·⅙) / (2 +
	// 2) = 1/3 against ⅙: log(1/2) − log(1/5). One "game" not after a
	// possessive: P = (0 + ⅓) / (2 + 2) = 1/12: log(1/11) − log(1/5).
	for _, c := range []struct {
		word       string
		possessive bool
		want       float64
	}{{"career", true, 0.9163}, {"game", false, -0.7885}, {"unheard", false, 0}} {
		if got := m.OwnedLeavingOut(c.word, c.possessive); got < c.want-0.001 || got > c.want+0.001 {
			t.Errorf("OwnedLeavingOut(%s, %v) = %.4f, want %.4f", c.word, c.possessive, got, c.want)
		}
	}
}

// TestDefaultOwned: in the treebank "own" almost always follows a
// possessive, "career" often, "the" never.
func TestDefaultOwned(t *testing.T) {
	m := Default()
	own, career, the := m.Owned("own"), m.Owned("career"), m.Owned("the")
	if !(own > career && career > 1 && the < -1) {
		t.Errorf("Owned: own %.2f, career %.2f, the %.2f; want own > career > 1 and the < -1", own, career, the)
	}
}

// TestOwnedIsLowered: Owned's lowering on the stack (ownedOf) reads what
// strings.ToLower(Key(w)) reads, for every word form of the default
// model as it is, capitalised and in capitals, and for words with
// curly marks or other non-ASCII letters.
func TestOwnedIsLowered(t *testing.T) {
	m := Default()
	words := []string{"", "Career’s", "CAFÉ", "Ünheard", "a-very-long-hyphenated-word-past-the-buffer-Career"}
	for w := range m.words {
		words = append(words, w, strings.ToUpper(w[:1])+w[1:], strings.ToUpper(w))
	}
	for _, w := range words {
		if got, want := m.ownedOf(w), m.owned[strings.ToLower(Key(w))]; got != want {
			t.Fatalf("%q: %v, want %v", w, got, want)
		}
	}
}
