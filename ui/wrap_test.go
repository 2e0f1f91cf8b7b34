package ui

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func rowsText(st *stream, rows []row) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = rowText(st, r)
	}
	return out
}

func TestWrap(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		shown []shown
		width int
		want  []string
	}{
		{"words", "one two three four", nil, 9, []string{"one two", "three", "four"}},
		{"indent kept, runs of spaces dropped at breaks", "  ( CNN ) a    b", nil, 9, []string{"  ( CNN )", "a    b"}},
		{"long word split", "abcdefghij xy", nil, 4, []string{"abcd", "efgh", "ij", "xy"}},
		{"paragraphs", "ab\n\ncd", nil, 5, []string{"ab", "", "cd"}},
		{"CJK splits between graphemes", "漢字漢字漢 x", nil, 4, []string{"漢字", "漢字", "漢 x"}},
		{"emoji and combining marks", "👍👍 café e\u0301e\u0301", nil, 5, []string{"👍👍", "café", "e\u0301e\u0301"}},
		{"shown replacement", "he he said", []shown{{start: 3, end: 5, text: "told", span: 0}}, 7, []string{"he told", "said"}},
		{"empty text", "", nil, 5, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := &stream{text: tt.text, shown: tt.shown}
			got := rowsText(st, wrap(st, tt.width))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("wrap(%q, %d) = %q, want %q", tt.text, tt.width, got, tt.want)
			}
			for _, r := range got {
				if w := ansi.StringWidth(r); w > tt.width {
					t.Errorf("row %q is %d cells, wider than %d", r, w, tt.width)
				}
			}
		})
	}
}

// TestRewrapMatchesWrap changes random spans' replacements and checks that
// the incremental re-wrap gives exactly the rows a full wrap gives.
func TestRewrapMatchesWrap(t *testing.T) {
	words := []string{"a", "he", "Sessions", "White House spokesman", "漢字", "👍", "\n", "e\u0301", "supercalifragilistic", ""}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 300; round++ {
		var b strings.Builder
		for i := 0; i < 60; i++ {
			b.WriteString(words[rng.IntN(len(words)-1)])
			b.WriteString(strings.Repeat(" ", 1+rng.IntN(2)))
		}
		text := b.String()
		width := 3 + rng.IntN(20)
		st := &stream{text: text}
		rows := wrap(st, width)
		for step := 0; step < 5; step++ {
			// Pick a word-aligned range and toggle its replacement.
			start := rng.IntN(len(text) - 1)
			for start > 0 && text[start-1] != ' ' {
				start--
			}
			end := start + 1
			for end < len(text) && text[end] != ' ' {
				end++
			}
			repl := words[rng.IntN(len(words))]
			next := []shown{}
			for _, s := range st.shown {
				if s.end <= start || s.start >= end {
					next = append(next, s)
				}
			}
			next = append(next, shown{start: start, end: end, text: displayText(strings.ReplaceAll(repl, "\n", ""))})
			sortShown(next)
			changed := diffShown(st.shown, next)
			st.shown = next
			for _, c := range changed {
				rows = rewrap(st, width, rows, c[0], c[1])
			}
			want := rowsText(st, wrap(st, width))
			got := rowsText(st, rows)
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Fatalf("round %d step %d width %d text %q shown %v:\n got %q\nwant %q", round, step, width, text, st.shown, got, want)
			}
		}
	}
}

func sortShown(s []shown) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j].start < s[j-1].start; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
