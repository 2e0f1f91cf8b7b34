package model

import (
	"os"
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
