package detect

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"corefix/model"
)

// testJudge is a judge with made-up weights, for the file format: a
// trained one is made by corefix-lab train-judge from data outside the
// repository.
func testJudge(t *testing.T) *Judge {
	w := make([]float64, numJudgeFeatures)
	for k := range w {
		w[k] = float64(k%7-3) / 8
	}
	j, err := NewJudge(w, 0.7, JudgeTraining{Command: "test", Train: []string{"../dmg"}, HeldOut: []string{"news held out: …"}})
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// TestJudgeFileRoundTrip checks that a judge's data file reads back to
// the same judge and the same bytes.
func TestJudgeFileRoundTrip(t *testing.T) {
	t.Parallel()
	j := testJudge(t)
	data, err := j.Encode()
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseJudge(data)
	if err != nil {
		t.Fatal(err)
	}
	again, err := back.Encode()
	if err != nil || !bytes.Equal(data, again) {
		t.Errorf("a judge's file does not read back to the same bytes (%v)", err)
	}
	if back.Threshold() != 0.7 || back.weights[numJudgeFeatures-1] != j.weights[numJudgeFeatures-1] {
		t.Errorf("read back threshold %v and last weight %v, want 0.7 and %v", back.Threshold(), back.weights[numJudgeFeatures-1], j.weights[numJudgeFeatures-1])
	}
}

// TestJudgeFeatureNames checks the feature count against the rules and
// categories it is built from, and that no two features share a name
// (the data file keys weights by name).
func TestJudgeFeatureNames(t *testing.T) {
	t.Parallel()
	if got := 2*len(judgeRules()) + len(judgeCategories()) + 3 + numFluency; got != numHandFeatures {
		t.Errorf("the hand block has %d features by its lists, numHandFeatures says %d", got, numHandFeatures)
	}
	seen := map[string]bool{}
	for _, n := range JudgeFeatureNames() {
		if seen[n] {
			t.Errorf("feature %q twice", n)
		}
		seen[n] = true
	}
	for _, n := range []string{"rule:repeated-token", "conf:lost-possessive", "category:quote", "no-rule", "fluency:pron"} {
		if !seen[n] {
			t.Errorf("no feature %q", n)
		}
	}
}

// TestParseJudgeRefuses checks that a data file out of step with the
// features, or otherwise wrong, is refused with the reason.
func TestParseJudgeRefuses(t *testing.T) {
	t.Parallel()
	data, err := testJudge(t).Encode()
	if err != nil {
		t.Fatal(err)
	}
	good := string(data)
	for _, c := range []struct{ name, old, new, want string }{
		{"renamed feature", `"fluency:pron":`, `"fluency:pronoun":`, "unknown fluency:pronoun; missing fluency:pron"},
		{"other format", `judge/v1`, `judge/v2`, `format "corefix.judge/v2"`},
		{"threshold of 1", `"threshold": 0.`, `"threshold": 1, "x": 0.`, `unknown field "x"`},
		{"unknown field", `"threshold":`, `"cutoff": 1, "threshold":`, `unknown field "cutoff"`},
	} {
		if !strings.Contains(good, c.old) {
			t.Fatalf("%s: the file holds no %q", c.name, c.old)
		}
		_, err := ParseJudge([]byte(strings.Replace(good, c.old, c.new, 1)))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.name, err, c.want)
		}
	}
	if _, err := NewJudge(testJudge(t).weights, 1, JudgeTraining{}); err == nil {
		t.Error("a threshold of 1 is accepted")
	}
}

// TestJudgeFindings checks that detection with a judge gives valid,
// merged findings, each with a message and a proposal, on the sample
// article: the judge rates the hand rules' spans and adds its own.
func TestJudgeFindings(t *testing.T) {
	t.Parallel()
	text, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := model.NewDocument("cnn", "", string(text))
	fs := DetectWith(doc, Params{Judge: testJudge(t)})
	checkFindings(t, doc, fs, true)
	if len(fs) == 0 {
		t.Fatal("no findings")
	}
	for _, f := range fs {
		if f.Message == "" || len(f.Proposals) == 0 {
			t.Errorf("finding %+v lacks a message or proposal", f)
		}
	}
}
