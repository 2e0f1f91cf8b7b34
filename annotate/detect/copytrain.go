package detect

import "corefix/model"

// What a trainer of the copy scorer needs (cmd/corefix-lab train-copy):
// the candidates with their features, and the feature names that key the
// weights. Scoring itself stays unexported.

// CopyFeatureNames returns the names of the copy scorer's features, in
// the order of CopyCandidate.Features and of NewCopyScorer's weights.
func CopyFeatureNames() []string {
	names := make([]string, numCopyFeatures)
	for k := range names {
		names[k] = copyFeatureName(k)
	}
	return names
}

// CopyCandidate is a repeat of a recurring phrase in a drifting document,
// as the copy scorer sees it.
type CopyCandidate struct {
	Start, End int       // byte offsets of the phrase in the document's text
	Features   []float64 // one per CopyFeatureNames, the bias first
}

// CopyCandidates returns every repeat of a recurring phrase in doc, left
// to right, with its features, and true, when doc is judged drifting; the
// scorer judges nothing in other documents, so for them it returns nil
// and false. A phrase's first occurrence is the writer's and never a
// candidate; label lines (labelLine), which the scorer never judges, are
// kept, as in the training of the shipped weights.
func CopyCandidates(doc *model.Document) ([]CopyCandidate, bool) {
	a := Analyze(doc)
	if !a.drifting() {
		return nil, false
	}
	shown, marks := a.shownDrifting(), a.marks
	var out []CopyCandidate
	for _, c := range a.copyCandidates() {
		if c.nth == 0 {
			continue
		}
		var v copyVec
		a.copyFeatures(c, shown, marks, &v)
		x := make([]float64, numCopyFeatures)
		v.dense(x)
		out = append(out, CopyCandidate{Start: int(a.toks[c.i].Start), End: int(a.toks[c.j].End), Features: x})
	}
	return out, true
}
