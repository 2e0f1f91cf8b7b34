package annotate

import (
	"strings"

	"corefix/model"
)

// RepeatedToken flags a word directly repeated ("Sessions Sessions",
// "he he"): a substitution landed on the word after the mention, which
// now holds a copy of it. The first copy is the intended mention, the
// second overwrote an unknown word (often the verb).
type RepeatedToken struct{}

// Name implements Detector.
func (RepeatedToken) Name() string { return "repeated-token" }

// Detect implements Detector.
func (r RepeatedToken) Detect(doc *model.Document) []model.Finding {
	toks := doc.Tokens()
	var out []model.Finding
	for i := 1; i < len(toks); i++ {
		a, b := toks[i-1], toks[i]
		if a.Kind != model.Word || b.Kind != model.Word {
			continue
		}
		if !strings.EqualFold(a.Text(doc.Text), b.Text(doc.Text)) || isIntendedRepeat(a.Text(doc.Text)) {
			continue
		}
		out = append(out, model.Finding{
			Start: b.Start, End: b.End, Category: model.Overwrite, Rule: r.Name(), Confidence: 0.9,
			Message:   "a word is repeated: the second copy overwrote a word (often the verb)",
			Proposals: []model.Proposal{{Text: model.Placeholder, Note: "type the lost word"}, {Text: "", Note: "drop the duplicate"}},
		})
	}
	return out
}

// isIntendedRepeat lists words writers legitimately double ("had had",
// "that that").
func isIntendedRepeat(w string) bool {
	switch strings.ToLower(w) {
	case "had", "that", "is", "very", "no", "bye", "ha", "really", "so", "far", "do":
		return true
	}
	return false
}
