package eval

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"corefix/annotate/diff"
	"corefix/model"
)

// Fix accuracy judges each gold span on its own, so where two
// representatives sit side by side and a detector cuts the lost words
// between them elsewhere than the gold does, both spans count as wrong
// although applying both proposals gives the same text. What an editor
// building a corrected corpus ends up with is that text, so the tally also
// compares it: the gold replacements applied to the gold spans against the
// first proposals of the findings on them (findings elsewhere are
// precision's business), word by word.

// TextTally counts how far the corrected texts are from the gold's.
type TextTally struct {
	Docs, Same int // documents with a fixable gold span, and those corrected exactly as the gold
	Edits      int // words inserted, deleted or replaced (one each) to turn ours into the gold's
	Words      int // words of the gold's corrected texts
}

// Agreement is the share of the gold's corrected words ours has as well:
// 1 less the word edits per gold word.
func (t TextTally) Agreement() float64 {
	return 1 - float64(t.Edits)/float64(max(1, t.Words))
}

// Add compares the corrected text of one document, g.Doc: the gold and
// the findings that count.
func (t *TextTally) Add(g *model.Gold, preds []model.Finding) {
	var golds []model.GoldSpan
	for _, s := range g.Spans {
		if s.Replacement != nil {
			golds = append(golds, s)
		}
	}
	if len(golds) == 0 {
		return
	}
	var ours []model.Finding
	for _, f := range preds {
		if len(f.Proposals) == 0 {
			continue
		}
		for _, s := range golds {
			if s.Overlaps(rangeOf(f)) {
				ours = append(ours, f)
				break
			}
		}
	}
	text := g.Doc.Text
	want := applyEdits(text, golds, func(s model.GoldSpan) (model.Range, string) { return s.Range, *s.Replacement })
	got := applyEdits(text, ours, func(f model.Finding) (model.Range, string) { return rangeOf(f), f.Proposals[0].Text })
	t.Docs++
	wantWords := strings.Fields(want)
	t.Words += len(wantWords)
	n := wordEdits(wantWords, strings.Fields(got))
	if n == 0 {
		t.Same++
	}
	t.Edits += n
}

// applyEdits replaces each edit's range of text by its words, in text
// order, keeping words apart where a replacement would join one; an edit
// overlapping one already applied is skipped (a findings file from
// elsewhere may overlap, corefix's never do).
func applyEdits[E any](text string, edits []E, at func(E) (model.Range, string)) string {
	sorted := append([]E(nil), edits...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, _ := at(sorted[i])
		b, _ := at(sorted[j])
		return a.Start < b.Start
	})
	var b strings.Builder
	pos := 0
	for _, e := range sorted {
		r, words := at(e)
		if r.Start < pos {
			continue
		}
		b.WriteString(text[pos:r.Start])
		if joins(b.String(), words) {
			b.WriteByte(' ')
		}
		b.WriteString(words)
		if joins(words, text[r.End:]) {
			b.WriteByte(' ')
		}
		pos = r.End
	}
	b.WriteString(text[pos:])
	return b.String()
}

// joins reports whether writing b right after a would join two words into
// one (a span cut inside a word, a proposal without its space): a letter
// or digit on both sides. A space there keeps them apart, and nothing
// else is added, so "country" + "’s" stays one word as the text has it.
func joins(a, b string) bool {
	x, _ := utf8.DecodeLastRuneInString(a)
	y, _ := utf8.DecodeRuneInString(b)
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	return a != "" && b != "" && word(x) && word(y)
}

// wordEdits is the number of word edits between a and b: the diff's
// unmatched words, a deletion next to an insertion counting once.
func wordEdits(a, b []string) int {
	ids := make(map[string]int32)
	intern := func(ws []string) []int32 {
		out := make([]int32, len(ws))
		for i, w := range ws {
			id, ok := ids[w]
			if !ok {
				id = int32(len(ids))
				ids[w] = id
			}
			out[i] = id
		}
		return out
	}
	ai, bi := intern(a), intern(b)
	match := diff.Tokens(ai, bi, len(ids))
	edits, j := 0, 0
	for i := 0; i <= len(ai); i++ {
		next := len(bi) // the b index a[i] is matched with (or the end)
		if i < len(ai) {
			if match[i] < 0 {
				continue
			}
			next = int(match[i])
		}
		// The hunk before this match: a's unmatched words since the last
		// match against b's words skipped to reach it.
		del := 0
		for k := i - 1; k >= 0 && match[k] < 0; k-- {
			del++
		}
		edits += max(del, next-j)
		j = next + 1
	}
	return edits
}
