package eval

import (
	"bytes"
	"fmt"
	"reflect"
	"testing"

	"corefix/model"
)

// decodeGold decodes a gold file of text with the given members (spans,
// neutral, scope) as model reads it from disk.
func decodeGold(t *testing.T, text, members string) *model.Gold {
	t.Helper()
	doc := model.NewDocument("t", "", text)
	data := fmt.Sprintf(`{"schema": %q, "document": {"sha256": %q, "length": %d}, %s}`,
		model.AnnotationSchema, doc.SHA256(), doc.RuneCount(), members)
	g, err := model.DecodeGold([]byte(data), doc)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestTallyAdd(t *testing.T) {
	const text = "they Democrats supposed to win . in Trump responses"
	gold := decodeGold(t, text, `"spans": [
		{"start": 0, "end": 4, "category": "other", "status": "rejected"},
		{"start": 5, "end": 14, "category": "overwrite", "replacement": "were"},
		{"start": 35, "end": 40, "category": "possessive", "replacement": "his", "status": "accepted"}],
		"neutral": [{"start": 18, "end": 20}], "scope": {"start": 0, "end": 45}`)
	fs, err := model.DecodeFindings([]byte(`[
		{"start": 0, "end": 14, "confidence": 0.9, "proposals": [{"text": "they were"}]},
		{"start": 35, "end": 40, "confidence": 0.8, "proposals": [{"text": "Trump ’s"}]},
		{"start": 18, "end": 20, "confidence": 0.9},
		{"start": 21, "end": 24, "confidence": 0.7},
		{"start": 25, "end": 28, "confidence": 0.4},
		{"start": 46, "end": 51, "confidence": 0.9}]`), gold.Doc)
	if err != nil {
		t.Fatal(err)
	}
	var got Tally
	got.Add(gold, fs, 0.5)
	want := Tally{OnGold: 2, False: 1, OnNeutral: 1, Gold: 2, Found: 2, Fixable: 2, Fixed: 1}
	if got.OnGold != want.OnGold || got.False != want.False || got.OnNeutral != want.OnNeutral ||
		got.Gold != want.Gold || got.Found != want.Found || got.Fixable != want.Fixable || got.Fixed != want.Fixed {
		t.Errorf("Tally = %+v, want %+v", got, want)
	}
	var b bytes.Buffer
	if err := got.Report(&b); err != nil {
		t.Fatal(err)
	}
	const report = "  recall overwrite      1/1    1.000\n  recall possessive     1/1    1.000\n" +
		"  findings: 2 on gold, 1 false, 1 on correct substitutions (ignored)\n" +
		"  corrected text: 0/1 documents as the gold's, word edits from it: 2 of 10 words (80.00% as the gold's)\n" +
		"P=0.667 R=1.000 F1=0.800 fix=0.500 (n=2 gold, 2 fixable)\n"
	if b.String() != report {
		t.Errorf("Report =\n%s\nwant\n%s", b.String(), report)
	}
}

// TestTallyMerge: two documents tallied apart and merged count as both
// tallied together.
func TestTallyMerge(t *testing.T) {
	const text = "they Democrats supposed to win . in Trump responses"
	a := decodeGold(t, text, `"spans": [{"start": 5, "end": 14, "category": "overwrite", "replacement": "were"}]`)
	b := decodeGold(t, text, `"spans": [{"start": 36, "end": 41, "category": "possessive", "replacement": "his"}], "neutral": [{"start": 0, "end": 4}]`)
	find := func(g *model.Gold, js string) []model.Finding {
		fs, err := model.DecodeFindings([]byte(js), g.Doc)
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}
	fa := find(a, `[{"start": 5, "end": 14, "confidence": 0.9, "proposals": [{"text": "were"}]}, {"start": 21, "end": 24, "confidence": 0.7}]`)
	fb := find(b, `[{"start": 0, "end": 4, "confidence": 0.9}]`)
	var both, one, two Tally
	both.Add(a, fa, 0.5)
	both.Add(b, fb, 0.5)
	one.Add(a, fa, 0.5)
	two.Add(b, fb, 0.5)
	one.Merge(two)
	if !reflect.DeepEqual(one, both) {
		t.Errorf("merged %+v, want %+v", one, both)
	}
	if both.Gold != 2 || both.Found != 1 || both.False != 1 || both.OnNeutral != 1 || both.Text.Docs != 2 {
		t.Errorf("both = %+v: want 2 gold, 1 found, 1 false, 1 neutral, 2 documents", both)
	}
}

// Offsets count code points in the files and bytes in the program: a
// finding on the word after a ’ (3 bytes) must still meet its gold span,
// and its proposal be applied to the right words.
func TestTallyAfterWideRune(t *testing.T) {
	const text = "Trump ’s aides they Democrats supposed"
	gold := decodeGold(t, text, `"spans": [{"start": 20, "end": 29, "text": "Democrats", "category": "overwrite", "replacement": "were"}]`)
	fs, err := model.DecodeFindings([]byte(`[{"start": 20, "end": 29, "text": "Democrats", "proposals": [{"text": "were"}]}]`), gold.Doc)
	if err != nil {
		t.Fatal(err)
	}
	var got Tally
	got.Add(gold, fs, 0.5)
	if got.OnGold != 1 || got.Found != 1 || got.Fixed != 1 || got.Text.Same != 1 {
		t.Errorf("Tally = %+v, want the finding on the gold span and fixing it", got)
	}
}

func TestFalseAlarmsReport(t *testing.T) {
	var fa FalseAlarms
	fa.Add(model.NewDocument("t", "", "one two three four"), []model.Finding{{Confidence: 0.9}, {Confidence: 0.2}}, 0.5)
	var b bytes.Buffer
	fa.Report(&b)
	if want := "false_alarms_per_1k_tokens=250.00 (1 findings on 4 tokens of untouched text)\n"; b.String() != want {
		t.Errorf("Report = %q, want %q", b.String(), want)
	}
}
