package annotate

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

// checkFindings fails t unless fs are valid findings for doc: in bounds,
// non-empty, known category, confidence in [0,1], sorted by start and,
// when merged, non-overlapping.
func checkFindings(t *testing.T, doc *model.Document, fs []model.Finding, merged bool) {
	t.Helper()
	for i, f := range fs {
		if err := f.Validate(len(doc.Text)); err != nil {
			t.Fatalf("finding %d %+v on %q: %v", i, f, doc.Text, err)
		}
		if i > 0 && fs[i-1].Start > f.Start {
			t.Fatalf("findings not sorted on %q: %+v before %+v", doc.Text, fs[i-1], f)
		}
		if merged && i > 0 && fs[i-1].End > f.Start {
			t.Fatalf("findings overlap on %q: %+v and %+v", doc.Text, fs[i-1], f)
		}
	}
}

// fuzzDetector checks one detector's invariants on arbitrary text, seeded
// with the test article and the table inputs.
func fuzzDetector(f *testing.F, d Detector, seeds ...string) {
	if data, err := os.ReadFile("../testdata/cnn-sessions.txt"); err == nil {
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
