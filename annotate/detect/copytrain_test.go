package detect

import (
	"slices"
	"testing"

	"corefix/model"
)

func TestCopyCandidatesForTraining(t *testing.T) {
	t.Parallel()
	text := drifting + "The mayor drafted the budget . Critics said they the budget the plan . Officials cut the budget today ."
	doc := model.NewDocument("t", "", text)
	cands, ok := CopyCandidates(doc)
	if !ok {
		t.Fatalf("%q is not judged drifting", text)
	}
	var got []string
	for _, c := range cands {
		got = append(got, text[c.Start:c.End])
		if len(c.Features) != len(CopyFeatureNames()) || c.Features[0] != 1 {
			t.Errorf("candidate %q: %d features, bias %v; want %d, bias 1", text[c.Start:c.End], len(c.Features), c.Features[0], len(CopyFeatureNames()))
		}
	}
	// The repeats of recurring phrases only, left to right: each
	// phrase's first occurrence is the writer's.
	want := []string{"Sessions", "Democrats", "Critics", "the budget", "the budget"}
	if !slices.Equal(got, want) {
		t.Errorf("candidates %q, want %q", got, want)
	}
	if cands, ok := CopyCandidates(model.NewDocument("t", "", "The mayor drafted the budget . Officials cut the budget today .")); ok || cands != nil {
		t.Errorf("a calm document gave %d candidates, drifting %v", len(cands), ok)
	}
}

func TestCopyFeatureNamesUnique(t *testing.T) {
	t.Parallel()
	names := CopyFeatureNames()
	seen := map[string]bool{}
	for _, n := range names {
		if n == "" || seen[n] {
			t.Errorf("feature name %q empty or repeated", n)
		}
		seen[n] = true
	}
	if len(names) != numCopyFeatures {
		t.Errorf("%d names for %d features", len(names), numCopyFeatures)
	}
}
