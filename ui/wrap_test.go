package ui

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"corefix/ui/varied"
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
			changed := [][2]int{{start, end}} // the spans replaced, and the new one
			for _, s := range st.shown {
				if s.end <= start || s.start >= end {
					next = append(next, s)
				} else {
					changed = append(changed, [2]int{s.start, s.end})
				}
			}
			next = append(next, shown{start: start, end: end, text: displayText(strings.ReplaceAll(repl, "\n", ""))})
			sortShown(next)
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

// FuzzWrap checks, for any text and width, that rows fit the width (a
// single grapheme wider than the row excepted), that wrapping loses no
// character, and that re-wrapping after a change equals wrapping afresh.
func FuzzWrap(f *testing.F) {
	f.Add("one two three four", 9, 4, 7, "x")
	f.Add("  東京 👍 e\u0301 🇯🇵\n\nsupercalifragilistic a", 3, 2, 6, "")
	f.Add("a\tb\r\nc\x00d", 1, 0, 1, "long replacement text")
	f.Fuzz(func(t *testing.T, text string, width, start, end int, repl string) {
		if !utf8.ValidString(text) || !utf8.ValidString(repl) || width < 1 || width > 200 {
			t.Skip()
		}
		st := &stream{text: text}
		rows := wrap(st, width)
		checkPlain(t, st, width, rows)
		check := func(rows []row) {
			var got strings.Builder
			for _, r := range rows {
				s := rowText(st, r)
				if w := ansi.StringWidth(s); w > width {
					g, _ := grapheme(s)
					if len(g) != len(s) {
						t.Fatalf("row %q is %d cells at width %d", s, w, width)
					}
				}
				got.WriteString(s)
			}
			want := visible(st)
			if visibleOnly(got.String()) != want {
				t.Fatalf("wrapping lost text: got %q, want %q", visibleOnly(got.String()), want)
			}
		}
		check(rows)
		if start < 0 || end > len(text) || start >= end || !utf8.ValidString(text[start:end]) ||
			!utf8.RuneStart(text[start]) || end < len(text) && !utf8.RuneStart(text[end]) {
			return
		}
		st.shown = []shown{{start: start, end: end, text: displayText(repl)}}
		rows = rewrap(st, width, rows, start, end)
		check(rows)
		checkPlain(t, st, width, wrap(st, width))
		want := rowsText(st, wrap(st, width))
		if got := rowsText(st, rows); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("rewrap %q, fresh wrap %q", got, want)
		}
	})
}

// checkPlain compares rows, wrapped with whole plain rows at once, with
// the rows of the grapheme-by-grapheme wrapper: they must be the same.
func checkPlain(t testing.TB, st *stream, width int, rows []row) {
	t.Helper()
	w := wrapper{st: st, width: width, end: pos{}, stop: st.end()}
	w.run()
	if !slices.Equal(rows, w.rows) {
		got, want := rowsText(st, rows), rowsText(st, w.rows)
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] || rows[i] != w.rows[i] {
				t.Fatalf("width %d: row %d is %q %v, grapheme by grapheme %q %v", width, i, got[i], rows[i], want[i], w.rows[i])
			}
		}
		t.Fatalf("width %d: %d rows, grapheme by grapheme %d", width, len(rows), len(w.rows))
	}
}

// TestPlainRowsMatchGraphemes wraps the varied benchmark text (a part,
// with some spans shown by their replacement) and texts of runs of
// spaces, tabs, line breaks and other scripts at many widths, whole plain
// rows at once and grapheme by grapheme: the rows must be the same.
func TestPlainRowsMatchGraphemes(t *testing.T) {
	varied := varied.Text(300 << 10)
	st := &stream{text: varied}
	for off := 1000; off+40 < len(varied); off += 7919 {
		st.shown = append(st.shown, shown{start: off, end: off + 1 + off%30, text: displayText(varied[off+50 : off+50+off%13])})
	}
	for _, width := range []int{1, 2, 5, 17, 40, 80, 119, 120, 200} {
		checkPlain(t, st, width, wrap(st, width))
	}
	pieces := []string{"a", "word", "  ", " ", "\t", "\n", "\n\n", "e\u0301", "東京", "supercalifragilisticexpialidocious", ".", "x y"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 2000 {
		var b strings.Builder
		for range 1 + rng.IntN(80) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
			if rng.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		st := &stream{text: b.String()}
		width := 1 + rng.IntN(30)
		checkPlain(t, st, width, wrap(st, width))
	}
}

// visible is the stream's displayed text without whitespace and controls.
func visible(st *stream) string {
	var b strings.Builder
	it := st.iterAt(pos{})
	for {
		g, _, _, _, ok := it.next()
		if !ok {
			return visibleOnly(b.String())
		}
		b.WriteString(printable(g))
	}
}

func visibleOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// TestWrapHeadBeginsTheWrap: the head of an article is the rows the
// whole article's wrapping begins with, at any width and length.
func TestWrapHeadBeginsTheWrap(t *testing.T) {
	st := &stream{text: varied.Text(100 << 10)}
	for _, width := range []int{1, 7, 40, 80, 120} {
		whole := wrap(st, width)
		for _, n := range []int{1, 10, 96, len(whole), len(whole) + 5} {
			head := wrapHead(st, width, n)
			if k := min(n, len(whole)); !slices.Equal(head, whole[:k]) {
				t.Errorf("width %d: the first %d rows differ from the whole wrap's (%d rows, want %d)", width, n, len(head), k)
			}
		}
	}
}
