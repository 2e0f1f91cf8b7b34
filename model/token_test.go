package model

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		give string
		want []string
	}{
		{"words and punctuation", "Sessions told reporters .", []string{"Sessions", "told", "reporters", "."}},
		{"clitic attached", "Trump’s campaign", []string{"Trump", "’s", "campaign"}},
		{"clitic spaced", "Russia ’s ambassador", []string{"Russia", "’s", "ambassador"}},
		{"negation", "did n’t and didn't", []string{"did", "n’t", "and", "did", "n't"}},
		{"abbreviation", "the U.S. border", []string{"the", "U.S.", "border"}},
		{"number", "2,017 or 3.5 %", []string{"2,017", "or", "3.5", "%"}},
		{"hyphen", "all-girl team", []string{"all-girl", "team"}},
		{"quotes", `" total "`, []string{`"`, "total", `"`}},
		{"invalid byte", "a\xffb", []string{"a", "\xff", "b"}},
		// Words of ASCII letters take Tokenize's fast path unless a
		// joining mark or another rune follows.
		{"joiners after plain letters", "well-known, R&D end. U.S.", []string{"well-known", ",", "R&D", "end", ".", "U.S."}},
		{"other letters", "café naïve Zoë's", []string{"café", "naïve", "Zoë", "'s"}},
		{"digits then a mark", "3,5 x2. 7", []string{"3,5", "x2", ".", "7"}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range Tokenize(tt.give) {
			got = append(got, tok.Text(tt.give))
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: Tokenize(%q) = %q, want %q", tt.name, tt.give, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: Tokenize(%q) = %q, want %q", tt.name, tt.give, got, tt.want)
				break
			}
		}
	}
}

func FuzzTokenize(f *testing.F) {
	if data, err := os.ReadFile("../testdata/cnn-sessions.txt"); err == nil {
		f.Add(string(data))
	}
	for _, s := range []string{"Trump’s", "U.S.", "did n’t", "a\xffb", "’s", "2,0.1", "x-", "..."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		end := int32(0)
		for i, tok := range Tokenize(text) {
			if tok.Start < end || tok.Start >= tok.End || int(tok.End) > len(text) {
				t.Fatalf("token %d [%d,%d) of %q: out of order, empty or out of bounds", i, tok.Start, tok.End, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(tok.Text(text)) {
				t.Fatalf("token %d [%d,%d) of %q splits a rune", i, tok.Start, tok.End, text)
			}
			end = tok.End
		}
	})
}

// TestTokenizeCountsLongText checks that a long text's tokens, counted
// first in blocks, are the tokens of one pass, in a slice of their
// number; and that stopping every few tokens and going on from where
// the block stopped gives the same tokens on texts of every kind.
func TestTokenizeCountsLongText(t *testing.T) {
	data, err := os.ReadFile("../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat(string(data)+" Trump’s did n’t a\xffb U.S. 2,0.1 … ", countedTokens/len(data)+1)
	want, _ := tokenize(nil, long, 0, math.MaxInt)
	got := Tokenize(long)
	if !slices.Equal(got, want) || cap(got) != len(got) {
		t.Fatalf("a long text: %d tokens in a slice of %d, want the %d of one pass, with no room", len(got), cap(got), len(want))
	}
	for _, text := range []string{string(data), "Trump’s did n’t  a\xffb ’s 2,0.1 x- ... “U.S.”"} {
		whole, _ := tokenize(nil, text, 0, math.MaxInt)
		for stop := 1; stop <= 5; stop++ {
			var blocks []Token
			for i := 0; i < len(text); {
				var b []Token
				b, i = tokenize(nil, text, i, stop)
				blocks = append(blocks, b...)
			}
			if !slices.Equal(blocks, whole) {
				t.Fatalf("%.20q… in blocks of %d: %d tokens, want %d", text, stop, len(blocks), len(whole))
			}
		}
	}
}
