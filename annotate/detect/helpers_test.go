package detect

import (
	"os"
	"testing"

	"corefix/model"
)

// brokenTexts runs d on text and returns the text of every finding it
// counts as broken, in order.
func brokenTexts(d Detector, text string) []string {
	doc := model.NewDocument("t", "", text)
	var out []string
	for _, f := range d.Detect(doc) {
		if f.Confidence >= model.BrokenThreshold {
			out = append(out, text[f.Start:f.End])
		}
	}
	return out
}

// checkFindings fails t unless fs are valid findings for doc (see
// model.ValidateFindings).
func checkFindings(t *testing.T, doc *model.Document, fs []model.Finding, merged bool) {
	t.Helper()
	if err := model.ValidateFindings(len(doc.Text), fs, merged); err != nil {
		t.Fatalf("on %q: %v", doc.Text, err)
	}
}

// fuzzDetector checks one detector's invariants on arbitrary text, seeded
// with the test article and the table inputs.
func fuzzDetector(f *testing.F, d Detector, seeds ...string) {
	if data, err := os.ReadFile("../../testdata/cnn-sessions.txt"); err == nil {
		f.Add(string(data))
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := model.NewDocument("fuzz", "", text)
		checkFindings(t, doc, d.Detect(doc), false)
		checkFindings(t, doc, Merge(d.Detect(doc)), true)
	})
}

// equal reports whether two string slices are equal.

// drifting is a prelude with enough collisions for a document to count as
// drifting, so tests can check the rules that apply only then.
const drifting = "Attorney General Jeff Sessions spoke on Thursday . Sessions said he he to resign . " +
	"Democrats said they Democrats the vote . Critics said his he role was wrong . "
