package eval

import (
	"strings"
	"testing"

	"corefix/model"
)

func TestWordEdits(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"a b c", "a b c", 0},
		{"a b c", "a x c", 1},   // one word replaced
		{"a b c", "a c", 1},     // one deleted
		{"a c", "a b b c", 2},   // two inserted
		{"a b c d", "a x y", 3}, // "b c d" → "x y": the longer side counts
		{"a b", "b a", 2},       // a moved word: deleted here, inserted there
		{"", "x y", 2},
		{"x", "", 1},
	} {
		if got := wordEdits(strings.Fields(c.a), strings.Fields(c.b)); got != c.want {
			t.Errorf("wordEdits(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// Two representatives side by side: the gold gives "Scientology vs." to
// the first and "the" to the second, the findings cut after
// "Scientology". Fix accuracy counts both spans wrong; the corrected text
// is the gold's.
func TestTextTallySideBySide(t *testing.T) {
	const text = `: the video Tom Cruise Internet part`
	//            0123456789012345678901234567890123
	gold := decodeGold(t, text, `"spans": [
		{"start": 2, "end": 11, "category": "overwrite", "replacement": "Scientology vs."},
		{"start": 12, "end": 22, "category": "overwrite", "replacement": "the"}]`)
	cut := []model.Finding{
		{Start: 2, End: 11, Confidence: 0.9, Proposals: fix("Scientology")},
		{Start: 12, End: 22, Confidence: 0.9, Proposals: fix("vs. the")},
	}
	var tally Tally
	tally.Add(gold, cut, 0.5)
	if tally.Fixed != 0 || tally.Fixable != 2 {
		t.Errorf("fixed %d of %d, want 0 of 2", tally.Fixed, tally.Fixable)
	}
	if tally.Text != (TextTally{Docs: 1, Same: 1, Edits: 0, Words: 6}) {
		t.Errorf("text tally = %+v, want the gold's text", tally.Text)
	}

	// A wrong word and a span left alone are edits; a finding on no gold
	// span is not applied.
	wrong := []model.Finding{
		{Start: 2, End: 11, Confidence: 0.9, Proposals: fix("Scientology versus")},
		{Start: 23, End: 31, Confidence: 0.9, Proposals: fix("web")},
	}
	var tt TextTally
	tt.Add(gold, wrong)
	// want ": Scientology vs. the Internet part" (6 words), got ": Scientology versus
	// Tom Cruise Internet part": "vs. the" → "versus Tom Cruise".
	if tt != (TextTally{Docs: 1, Same: 0, Edits: 3, Words: 6}) {
		t.Errorf("text tally = %+v, want 3 word edits", tt)
	}
}

func fix(words string) []model.Proposal { return []model.Proposal{{Text: words}} }
