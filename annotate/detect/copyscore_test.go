package detect

import (
	"math"
	"math/rand/v2"
	"os"
	"slices"
	"testing"

	"corefix/model"
)

func TestCopyCandidates(t *testing.T) {
	t.Parallel()
	text := "The city council met on Monday . Critics said they the city council the budget . Voters liked the budget and salt . Salt is salt ."
	a := Analyze(model.NewDocument("t", "", text))
	var got []string
	for _, c := range a.copyCandidates() {
		got = append(got, a.doc.Text[a.toks[c.i].Start:a.toks[c.j].End])
	}
	// Phrases match case and all: "The city council" opening a sentence
	// shares only "city council" with the later copy.
	want := []string{"city council", "city council", "the budget", "the budget"}
	if !slices.Equal(got, want) {
		t.Fatalf("candidates of %q = %q, want %q", text, got, want)
	}
}

func TestCopyFeatures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		give   string
		phrase string // the candidate judged: its last occurrence
		want   map[string]float64
	}{
		{"copy after a subject pronoun", "The city council met . Critics said the city council spoke . They said they the city council the budget .", "the city council",
			map[string]float64{"bias": 1, "len3": 1, "i-1=subj": 1, "j+1=det": 1, "collision-at": 1, "capfirst": 0}},
		{"first mention", "Mayor Jane Smith spoke . Mayor Jane Smith left .", "Mayor Jane Smith",
			map[string]float64{"len3": 1, "i-1=end": 1, "sentstart": 1, "capfirst": 1, "allcap": 1}},
		{"lone name repeated", "Reporters asked about Smith . The Smith Smith was late .", "Smith",
			map[string]float64{"len1": 1, "repeated-at": 1, "same-before": 1, "one:i-1=cap": 1, "one:j+1=aux": 1, "word-before": 1}},
		{"subject before its verb", "Voters saw the city council . Later , the city council voted again .", "the city council",
			map[string]float64{"subject-slot": 1, "prep-slot": 0, "list-slot": 0}},
		{"object of a preposition", "Voters saw the city council . Voters wrote to the city council .", "the city council",
			map[string]float64{"prep-slot": 1, "subject-slot": 0}},
		{"item of a list", "Voters saw the city council . Police , the city council , and schools agreed .", "the city council",
			map[string]float64{"list-slot": 1, "subject-slot": 0, "prep-slot": 0}},
		{"no natural slot", "Voters saw the city council . Voters said the city council budget was late .", "the city council",
			map[string]float64{"subject-slot": 0, "prep-slot": 0, "list-slot": 0, "pronoun-before": 0}},
		{"pronoun two tokens before", "Voters saw the city council . Then they all the city council the budget .", "the city council",
			map[string]float64{"pronoun-before": 1}},
		{"copy right after another recurring phrase", "Mayor Jane Smith and the city council met . Mayor Jane Smith the city council spoke .", "the city council",
			map[string]float64{"copy-precedes": 1, "copy-follows": 0}},
		{"recurring phrase right before another", "Mayor Jane Smith and the city council met . Mayor Jane Smith the city council spoke .", "Mayor Jane Smith",
			map[string]float64{"copy-follows": 1, "copy-precedes": 0}},
	}
	for _, tt := range tests {
		a := Analyze(model.NewDocument("t", "", tt.give))
		var last *copyCandidate
		for _, c := range a.copyCandidates() {
			if a.doc.Text[a.toks[c.i].Start:a.toks[c.j].End] == tt.phrase {
				last = &c
			}
		}
		if last == nil {
			t.Errorf("%s: no candidate %q in %q", tt.name, tt.phrase, tt.give)
			continue
		}
		x := make([]float64, numCopyFeatures)
		var v copyVec
		a.copyFeatures(*last, nil, a.marks, &v)
		v.dense(x)
		for name, v := range tt.want {
			k := slices.Index(CopyFeatureNames(), name)
			if k < 0 {
				t.Fatalf("%s: no feature %q", tt.name, name)
			}
			if x[k] != v {
				t.Errorf("%s: feature %s = %v, want %v", tt.name, name, x[k], v)
			}
		}
	}
}

// TestCopyScoreBoundedMonotone checks that the score is a probability
// and grows with every feature of positive weight, and that the
// confidence scale keeps [0,1], its order, and the operating point at 0.5.
func TestCopyScoreBoundedMonotone(t *testing.T) {
	t.Parallel()
	s := shippedCopyScorer()
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		x := make([]float64, numCopyFeatures)
		for k := range x {
			x[k] = r.Float64()
		}
		z := 0.0
		for k, w := range s.weights {
			z += w * x[k]
		}
		p := sigmoid(z)
		if !(p > 0 && p < 1) {
			t.Fatalf("score %v out of (0,1)", p)
		}
		k := r.IntN(numCopyFeatures)
		if q := sigmoid(z + s.weights[k]*0.5); s.weights[k] > 0 && q < p || s.weights[k] < 0 && q > p {
			t.Fatalf("raising feature %s (weight %v) moved the score from %v to %v", copyFeatureName(k), s.weights[k], p, q)
		}
	}
	prev := -1.0
	for p := 0.0; p <= 1; p += 0.01 {
		c := scaled(p, s.threshold)
		if c < 0 || c > 1 || c < prev {
			t.Fatalf("scaled(%v) = %v after %v", p, c, prev)
		}
		prev = c
	}
	if c := scaled(s.threshold, s.threshold); math.Abs(c-0.5) > 1e-9 {
		t.Errorf("scaled at the operating point = %v, want 0.5", c)
	}
}

// TestCopyAboveMatchesScore checks that skipping the costly features
// never changes a decision: above must say what the full score says, at
// the shipped operating point and around it.
func TestCopyAboveMatchesScore(t *testing.T) {
	t.Parallel()
	data, err := os.ReadFile("../../testdata/gum/drift/GUM_news_afghan.txt")
	if err != nil {
		t.Fatal(err)
	}
	a := Analyze(model.NewDocument("t", "", string(data)))
	if !a.drifting() {
		t.Fatal("the drift test article is not judged drifting")
	}
	s := shippedCopyScorer()
	shown, marks := a.shownDrifting(), a.marks
	var v copyVec
	n := 0
	for _, c := range a.copyCandidates() {
		q := s.score(a, c, shown, marks, &v)
		for _, p := range []float64{s.veto, s.threshold, 0.2, 0.8} {
			got, at := s.above(a, c, shown, marks, &v, p)
			if got != (q >= p) || !math.IsNaN(at) && at != q {
				t.Fatalf("above(%v) = %v, %v for a candidate scoring %v", p, got, at, q)
			}
			n++
		}
	}
	if n == 0 {
		t.Fatal("no candidates")
	}
}
