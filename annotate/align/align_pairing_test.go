package align

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
)

// TestNormalisedEqual checks the rune walk against what it replaced:
// both strings normalised first (spaces dropped, variants folded), then
// compared with == and strings.EqualFold.
func TestNormalisedEqual(t *testing.T) {
	variant := map[rune]rune{}
	for to, from := range map[rune]string{'\'': "’‘‛′`", '"': "“”„″«»", '-': "–—−‐‑"} {
		for _, r := range from {
			variant[r] = to
		}
	}
	normalise := func(s string) string {
		var out []rune
		for _, r := range s { // an invalid byte is one utf8.RuneError
			if v, ok := variant[r]; ok {
				r = v
			}
			if !unicode.IsSpace(r) {
				out = append(out, r)
			}
		}
		return string(out)
	}
	pieces := []string{"a", "A", "b", "ß", "ẞ", "k", "K", "\u212a", "s", "ſ", "S", " ", "\u00a0", "\t",
		"'", "’", "`", "\"", "“", "«", "-", "–", "—", "\xff", "\xe2\x80", "é", "É", "Σ", "σ", "ς"}
	r := rand.New(rand.NewSource(1))
	word := func() string {
		var b strings.Builder
		for range r.Intn(5) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		return b.String()
	}
	same, folded := 0, 0
	for range 200000 {
		x, y := word(), word()
		switch r.Intn(4) {
		case 0:
			y = x // equal texts, now and then with one piece added
			if r.Intn(2) == 0 {
				y += pieces[r.Intn(len(pieces))]
			}
		case 1:
			y = strings.ToUpper(x)
		}
		nx, ny := normalise(x), normalise(y)
		wantSame, wantFolded := nx == ny, strings.EqualFold(nx, ny)
		gotSame, gotFolded := normalisedEqual(x, y)
		if gotSame != wantSame || gotFolded != wantFolded {
			t.Fatalf("normalisedEqual(%q, %q) = %v, %v; want %v, %v", x, y, gotSame, gotFolded, wantSame, wantFolded)
		}
		if wantSame {
			same++
		} else if wantFolded {
			folded++
		}
	}
	if same < 1000 || folded < 1000 {
		t.Errorf("only %d equal and %d case-folded pairs drawn: the test needs more of both", same, folded)
	}
}
