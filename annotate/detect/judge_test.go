package detect

import (
	"bytes"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"corefix/model"
)

// testJudge is a judge with one made-up tree, for the file format and
// the scoring: a trained one is made by corefix-lab train-judge from data
// outside the repository. It splits on a hand-rule span's fluency dip at the
// span's start: bin 16 (values below 0.0625) and under go left.
func testJudge(t *testing.T) *Judge {
	f := slices.Index(JudgeFeatureNames(), "rule/fluency:in")
	tree := []JudgeNode{{Feature: f, Bin: 16, Left: 1, Right: 2}, {Feature: -1, Value: -1}, {Feature: -1, Value: 2}}
	j, err := NewJudge(-0.5, [][]JudgeNode{tree, {{Feature: -1, Value: 0.25}}}, 0.7,
		JudgeTraining{Command: "test", Train: []string{"../dmg"}, HeldOut: []string{"news held out: …"}})
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// TestJudgeProbability checks the trees' arithmetic by hand: base -0.5,
// then -1 or +2 by the split, then 0.25.
func TestJudgeProbability(t *testing.T) {
	t.Parallel()
	j := testJudge(t)
	x := make([]float64, numJudgeFeatures)
	f := slices.Index(JudgeFeatureNames(), "rule/fluency:in")
	for _, c := range []struct{ v, want float64 }{{0, sigmoid(-1.25)}, {0.06, sigmoid(-1.25)}, {0.07, sigmoid(1.75)}, {1, sigmoid(1.75)}, {-3, sigmoid(-1.25)}} {
		x[f] = c.v
		if got := j.Probability(x); math.Abs(got-c.want) > 1e-12 {
			t.Errorf("feature %v: probability %v, want %v", c.v, got, c.want)
		}
	}
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
	x := make([]float64, numJudgeFeatures)
	x[slices.Index(JudgeFeatureNames(), "rule/fluency:in")] = 0.5
	if back.Threshold() != 0.7 || back.Probability(x) != j.Probability(x) {
		t.Errorf("read back threshold %v and probability %v, want 0.7 and %v", back.Threshold(), back.Probability(x), j.Probability(x))
	}
}

// TestJudgeFeatureNames checks the feature count against the rules and
// categories it is built from, and that no two features share a name
// (the data file keys weights by name).
func TestJudgeFeatureNames(t *testing.T) {
	t.Parallel()
	if got := 2*len(judgeRules()) + numCategories + 3 + numFluency; got != numHandFeatures {
		t.Errorf("the hand block has %d features by its lists, numHandFeatures says %d", got, numHandFeatures)
	}
	seen := map[string]bool{}
	for _, n := range JudgeFeatureNames() {
		if seen[n] {
			t.Errorf("feature %q twice", n)
		}
		seen[n] = true
	}
	for _, n := range []string{"phrase/rule:repeated-token", "rule/conf:lost-possessive", "rule/category:quote", "phrase/no-rule", "phrase/fluency:pron", "rule/bias"} {
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
		{"renamed feature", `"rule/fluency:in"`, `"rule/fluency:inside"`, "unknown feature rule/fluency:inside"},
		{"node with both", `"value": 2`, `"value": 2, "feature": "rule/fluency:in"`, "want a feature or a value"},
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
	if _, err := NewJudge(0, nil, 1, JudgeTraining{}); err == nil {
		t.Error("a threshold of 1 is accepted")
	}
	if _, err := NewJudge(0, [][]JudgeNode{{{Feature: 0, Bin: 3, Left: 0, Right: 1}, {Feature: -1}}}, 0.5, JudgeTraining{}); err == nil {
		t.Error("a node pointing to itself is accepted")
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

// TestBinCut: a value goes left of a cut exactly when its bin is at most
// the node's, at the edges of every bin and between them.
func TestBinCut(t *testing.T) {
	for b := range JudgeBins {
		c := binCut(b)
		for _, v := range []float64{-2, -1, -0.5, 0, 0.0625, 1. / 3, 0.5, 0.9375, 1, 2,
			float64(b)/16 - 1, float64(b+1)/16 - 1, math.Nextafter(c, -3), c, math.Nextafter(c, 3)} {
			if math.IsInf(v, 0) {
				continue // features are finite
			}
			if got, want := v < c, JudgeBin(v) <= b; got != want {
				t.Errorf("bin %d cut %v: value %v goes left %v, its bin %d says %v", b, c, v, got, JudgeBin(v), want)
			}
		}
	}
}

// TestShippedJudge loads the embedded judge.json, as the first detection
// does, and checks that encoding it again gives the file back byte for
// byte (the file is what the lab writes), that its provenance reads on
// any machine, and that it carries the held-out figures it was chosen by.
func TestShippedJudge(t *testing.T) {
	t.Parallel()
	j, err := ParseJudge([]byte(shippedJudgeFile))
	if err != nil {
		t.Fatalf("the shipped judge.json: %v", err)
	}
	again, err := j.Encode()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again, []byte(shippedJudgeFile)) {
		t.Error("judge.json encodes back differently")
	}
	if strings.Contains(shippedJudgeFile, `"/`) {
		t.Error("judge.json holds an absolute path: its provenance must read on any machine")
	}
	if n := len(j.training.HeldOut); n != 6 {
		t.Errorf("judge.json records %d held-out genres, want the six of GUM", n)
	}
	if DefaultParams().Judge == nil {
		t.Error("DefaultParams has no judge")
	}
}

// TestJudgedLostPossessor checks the finding a judge makes of a copy
// that reads as a possessor in a document that does not drift: a lost
// possessive with the pronoun back, not an overwrite of unknown words.
// The judge here rates every candidate sure, so what is tested is what
// the finding says, not whether it is found.
func TestJudgedLostPossessor(t *testing.T) {
	sure, err := NewJudge(10, [][]JudgeNode{{{Feature: -1}}}, 0.5, JudgeTraining{})
	if err != nil {
		t.Fatal(err)
	}
	// No hand rule but the copies' speaks of the third "Mary Hadid", and
	// its slot reads as a possessive's (fluency.Slot: "first building").
	text := "Mary Hadid was born in Baghdad . Mary Hadid studied in Beirut . Mary Hadid first building is in China ."
	doc := model.NewDocument("t", "", text)
	if Analyze(doc).drifting() {
		t.Fatal("the text drifts: the test needs one that does not")
	}
	var got []string
	for _, f := range DetectWith(doc, Params{Judge: sure}) {
		if f.Confidence >= model.BrokenThreshold && text[f.Start:f.End] == "Mary Hadid" && len(f.Proposals) > 0 {
			got = append(got, string(f.Category), f.Rule, f.Proposals[0].Text)
		}
	}
	want := []string{"possessive", "lost-possessive", "Her"}
	if !slices.Equal(got, want) {
		t.Errorf("findings on Mary Hadid = %q, want %q", got, want)
	}
}
