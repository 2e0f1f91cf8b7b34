package eval

import (
	"bytes"
	"testing"
)

func TestTallyAdd(t *testing.T) {
	const text = "they Democrats supposed to win . in Trump responses"
	gold, err := ParseGold([]byte(`{"spans": [
		{"start": 5, "end": 14, "category": "overwrite", "replacement": "were"},
		{"start": 35, "end": 40, "category": "possessive", "replacement": "his", "status": "accepted"},
		{"start": 0, "end": 4, "category": "other", "status": "rejected"}],
		"neutral": [{"start": 18, "end": 20}], "scope": {"start": 0, "end": 45}}`))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := ParseScored([]byte(`{"findings": [
		{"start": 0, "end": 14, "confidence": 0.9, "proposals": [{"text": "they were"}]},
		{"start": 35, "end": 40, "confidence": 0.8, "proposals": [{"text": "Trump ’s"}]},
		{"start": 18, "end": 20, "confidence": 0.9},
		{"start": 21, "end": 24, "confidence": 0.7},
		{"start": 25, "end": 28, "confidence": 0.4},
		{"start": 46, "end": 51, "confidence": 0.9}]}`))
	if err != nil {
		t.Fatal(err)
	}
	var got Tally
	got.Add(text, gold, fs, 0.5)
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
		"  corrected text: 0/1 documents as the gold's, word edits from it: 2\n" +
		"P=0.667 R=1.000 F1=0.800 fix=0.500 (n=2 gold, 2 fixable)\n"
	if b.String() != report {
		t.Errorf("Report =\n%s\nwant\n%s", b.String(), report)
	}
}

func TestParseScoredList(t *testing.T) {
	fs, err := ParseScored([]byte(`[{"start": 1, "end": 3}]`))
	if err != nil || len(fs) != 1 || fs[0].Confidence != 1 || fs[0].Fix != nil {
		t.Errorf("ParseScored(list) = %+v, %v; want one finding of confidence 1 without a fix", fs, err)
	}
	if _, err := ParseScored([]byte(`{`)); err == nil {
		t.Error("ParseScored accepted broken JSON")
	}
}

func TestFalseAlarmsReport(t *testing.T) {
	var fa FalseAlarms
	fa.Add("one two three four", []Scored{{Confidence: 0.9}, {Confidence: 0.2}}, 0.5)
	var b bytes.Buffer
	fa.Report(&b)
	if want := "false_alarms_per_1k_tokens=250.00 (1 findings on 4 tokens of untouched text)\n"; b.String() != want {
		t.Errorf("Report = %q, want %q", b.String(), want)
	}
}
