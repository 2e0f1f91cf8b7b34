package detect

import (
	"bytes"
	"strings"
	"testing"
)

// TestShippedCopyScorer loads the embedded copyscorer.json, as the first
// detection does, and checks that encoding it again gives the file back
// byte for byte: nothing is lost in reading, and the file is what the
// lab writes.
func TestShippedCopyScorer(t *testing.T) {
	t.Parallel()
	s, err := ParseCopyScorer([]byte(shippedCopyFile))
	if err != nil {
		t.Fatalf("the shipped copyscorer.json: %v", err)
	}
	again, err := s.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, []byte(shippedCopyFile)) {
		t.Errorf("copyscorer.json encodes back differently:\n%s", again)
	}
	if strings.Contains(shippedCopyFile, `"/`) {
		t.Errorf("copyscorer.json holds an absolute path: its provenance must read on any machine")
	}
	if HandParams().Copy == nil {
		t.Error("HandParams has no copy scorer")
	}
}

// TestParseCopyScorerRefuses checks that a data file out of step with the
// features, or otherwise wrong, is refused with the reason.
func TestParseCopyScorerRefuses(t *testing.T) {
	t.Parallel()
	good, err := shippedCopyScorer().Encode()
	if err != nil {
		t.Fatal(err)
	}
	edit := func(old, new string) string {
		if !bytes.Contains(good, []byte(old)) {
			t.Fatalf("the shipped file holds no %q", old)
		}
		return strings.Replace(string(good), old, new, 1)
	}
	for _, c := range []struct {
		name, data, want string
	}{
		{"renamed feature", edit(`"i-2=low":`, `"i-2=lower":`), "unknown i-2=lower; missing i-2=low"},
		{"dropped feature", edit(`"i-2=cap": 0.046,`, ``), "missing i-2=cap"},
		{"feature twice", edit(`"i-2=cap": 0.046,`, `"i-2=cap": 0.046, "i-2=cap": 1,`), "given twice i-2=cap"},
		{"weights as a list", string(good[:bytes.Index(good, []byte(`"weights": {`))]) + `"weights": [1]}`, "want an object"},
		{"other format", edit(`copy-scorer/v1`, `copy-scorer/v2`), `format "corefix.copy-scorer/v2"`},
		{"unknown field", edit(`"veto":`, `"vetoes": 1, "veto":`), `unknown field "vetoes"`},
		{"veto above threshold", edit(`"veto": 0.49`, `"veto": 0.6`), "out of order"},
		{"threshold of 1", edit(`"threshold": 0.55`, `"threshold": 1`), "out of order"},
		{"data after the file", string(good) + "{}", "data after"},
	} {
		_, err := ParseCopyScorer([]byte(c.data))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
}

func TestNewCopyScorerCopiesWeights(t *testing.T) {
	t.Parallel()
	w := make([]float64, numCopyFeatures)
	s, err := NewCopyScorer(w, 0.5, 0.4, CopyTraining{})
	if err != nil {
		t.Fatal(err)
	}
	w[0] = 9
	if s.weights[0] != 0 {
		t.Error("the scorer shares its caller's weights: it must not change after NewCopyScorer")
	}
	if _, err := NewCopyScorer(w[:3], 0.5, 0.4, CopyTraining{}); err == nil {
		t.Error("NewCopyScorer took 3 weights")
	}
}
