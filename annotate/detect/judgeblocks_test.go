package detect

import (
	"math"
	"slices"
	"strings"
	"testing"

	"corefix/annotate/fluency"
	"corefix/model"
)

// candidateAt returns the judge's candidate on the n-th occurrence
// (from 0) of words in doc, failing when there is none.
func candidateAt(t *testing.T, doc *model.Document, words string, n int) JudgeCandidate {
	t.Helper()
	at := -1
	for k := 0; k <= n; k++ {
		i := strings.Index(doc.Text[at+1:], words)
		if i < 0 {
			t.Fatalf("%q occurs fewer than %d times", words, n+1)
		}
		at += 1 + i
	}
	for _, c := range JudgeCandidates(doc, nil) {
		if c.Start == at && c.End == at+len(words) {
			return c
		}
	}
	t.Fatalf("no candidate on %q (occurrence %d)", words, n)
	return JudgeCandidate{}
}

// feature returns the value of the named feature in the candidate's own
// block (whichever kind it is).
func feature(t *testing.T, c JudgeCandidate, name string) float64 {
	t.Helper()
	v, found := 0.0, false
	for k, n := range JudgeFeatureNames() {
		if strings.HasSuffix(n, "/"+name) && c.Features[k] != 0 {
			v, found = c.Features[k], true
		}
	}
	if !found {
		return 0
	}
	return v
}

// Two copies side by side see each other: the first has a neighbour
// after it, the second one before it, and both know it repeats their
// words.
func TestNeighbourBlock(t *testing.T) {
	t.Parallel()
	doc := model.NewDocument("d", "", "Jeff Sessions spoke . Later Jeff Sessions Jeff Sessions reporters about the plan . "+
		"Jeff Sessions said the plan was fine . The plan was signed .")
	first, second := candidateAt(t, doc, "Jeff Sessions", 1), candidateAt(t, doc, "Jeff Sessions", 2)
	for _, c := range []struct {
		name string
		got  float64
		want float64
	}{
		{"near-after:present", feature(t, first, "near-after:present"), 1},
		{"near-after:same-words", feature(t, first, "near-after:same-words"), 1},
		{"near-after:gap", feature(t, first, "near-after:gap"), 0},
		{"near-before:present", feature(t, second, "near-before:present"), 1},
		{"near-before:same-words", feature(t, second, "near-before:same-words"), 1},
	} {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if v := feature(t, candidateAt(t, doc, "Jeff Sessions", 3), "near-before:present"); v != 0 {
		t.Errorf("a copy with no candidate beside it has a neighbour before it (%v)", v)
	}
}

// A candidate beside a filler or a cut-off in a transcript says so; in
// edited prose there are none.
func TestSpeechBlock(t *testing.T) {
	t.Parallel()
	spoken := model.NewDocument("d", "", "You run a -- you run a carpet business ? Uh , a carpet business , yes . "+
		"The carpet business was mine . And the carpet business , um , paid .")
	c := candidateAt(t, spoken, "carpet business", 3)
	if feature(t, c, "speech:filler-near") != 1 || feature(t, c, "speech:filler-rate") <= 0 || feature(t, c, "speech:break-rate") <= 0 {
		t.Errorf("a candidate beside \"um\" in a transcript: speech features %v, %v, %v", feature(t, c, "speech:filler-near"),
			feature(t, c, "speech:filler-rate"), feature(t, c, "speech:break-rate"))
	}
	prose := model.NewDocument("d", "", "The carpet business opened in May . Later the carpet business paid its staff . "+
		"By June the carpet business was sold .")
	c = candidateAt(t, prose, "the carpet business", 1)
	for _, n := range speechFeatureNames() {
		if v := feature(t, c, n); v != 0 {
			t.Errorf("%s = %v in prose with no filler or break", n, v)
		}
	}
}

// lostClitic asks the fluency model only where a word a possessor could
// own follows a span that has no ’s; its gain is the model's, plus the
// owned-word share of how likely that word follows a possessive.
func TestLostClitic(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text, span string
		positive   bool
	}{
		{"Bernoulli taught until Daniel Bernoulli death in 1782 .", "Daniel Bernoulli", true},
		{"Bernoulli taught until Daniel Bernoulli ’s death in 1782 .", "Daniel Bernoulli ’s", false},
		{"Bernoulli taught until Daniel Bernoulli .", "Daniel Bernoulli", false},
		{"Bernoulli taught until Daniel Bernoulli , then left .", "Daniel Bernoulli", false},
	} {
		doc := model.NewDocument("d", "", c.text)
		a := analyze(doc, shippedRules())
		a.fluency = fluency.Default()
		start := strings.LastIndex(c.text, c.span)
		i, j, ok := a.tokenSpan(start, start+len(c.span))
		if !ok {
			t.Fatalf("%q: no tokens", c.span)
		}
		got := a.lostClitic(i, j)
		if (got.gain > 0) != c.positive || !c.positive && got != (possessor{}) {
			t.Errorf("lostClitic of %q in %q = %+v, want gain positive %v (else zero)", c.span, c.text, got, c.positive)
		}
		if !c.positive {
			continue
		}
		fit, gain := a.fluency.Possessive(doc.Text, a.toks, i, j)
		owned := a.fluency.Owned(a.text(j + 1))
		if want := gain + shippedRules().Recurring.OwnedWord.Weight*owned; got.fit != fit || math.Abs(got.gain-want) > 1e-9 || owned <= 0 {
			t.Errorf("lostClitic of %q = %+v, want fit %v and gain %v (%v of the model, Owned %v)", c.span, got, fit, want, gain, owned)
		}
	}
}

// zeroJudge rates every candidate at probability 1e-4: nothing of its own
// is shown, so only the hand verdicts that stand are.
func zeroJudge(t *testing.T) *Judge {
	j, err := NewJudge(math.Log(1e-4/(1-1e-4)), nil, 0.5, JudgeTraining{Command: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return j
}

// A hand verdict on a slot stands over the judge only where the judge
// does not rule the span out: with a judge that rates everything near 0,
// no lost possessive is shown, though the hand rules find some.
func TestHandVerdictNeedsTheJudge(t *testing.T) {
	t.Parallel()
	doc := model.NewDocument("d", "", "Daniel Bernoulli was born in 1700 . Daniel Bernoulli taught physics . "+
		"Daniel Bernoulli father , Johann , was jealous of Daniel Bernoulli work .")
	hand := DetectWith(doc, HandParams())
	if !slices.ContainsFunc(hand, func(f model.Finding) bool {
		return f.Category == model.Possessive && f.Confidence >= model.BrokenThreshold
	}) {
		t.Fatal("the hand rules find no lost possessive to test with")
	}
	for _, f := range DetectWith(doc, Params{Judge: zeroJudge(t)}) {
		if f.Category == model.Possessive {
			t.Errorf("lost possessive %q shown at %.2f though the judge rules it out", doc.Text[f.Start:f.End], f.Confidence)
		}
	}
}

// A hand verdict of a lost possessive stands only where the words after
// the name read better with ’s: with a judge that rates every candidate
// 0.3 (above hand-stands-from, below showing), "met Daniel Bernoulli
// younger sister" is shown and a name before the verb it is the subject
// of is not.
func TestHandVerdictNeedsAPossessor(t *testing.T) {
	t.Parallel()
	j, err := NewJudge(math.Log(0.3/0.7), nil, 0.5, JudgeTraining{Command: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text, span string
		shown      bool
	}{
		{"Daniel Bernoulli was born in 1700 . Daniel Bernoulli taught physics . They met Daniel Bernoulli younger sister .", "Daniel Bernoulli", true},
		{"Daniel Bernoulli was born in 1700 . Daniel Bernoulli taught physics . Later Daniel Bernoulli studied medicine in Basel .", "Daniel Bernoulli", false},
	} {
		doc := model.NewDocument("d", "", c.text)
		start := strings.LastIndex(c.text, c.span)
		got := slices.ContainsFunc(DetectWith(doc, Params{Judge: j}), func(f model.Finding) bool {
			return f.Category == model.Possessive && f.Start == start && f.Confidence >= model.BrokenThreshold
		})
		hand := slices.ContainsFunc(DetectWith(doc, HandParams()), func(f model.Finding) bool {
			return f.Category == model.Possessive && f.Start == start
		})
		if got != c.shown || c.shown && !hand {
			t.Errorf("%q: lost possessive shown %v (hand rules: %v), want %v", c.text, got, hand, c.shown)
		}
	}
}

// A phrase before a verb only a pronoun takes ("’ve", "am") is the slot
// the grammar names: the agreement verdict stands there even with a
// judge that rates every candidate near 0, and not before a verb a
// plural noun phrase takes.
func TestHandVerdictOnlyPronounsTake(t *testing.T) {
	t.Parallel()
	j := zeroJudge(t)
	for _, c := range []struct {
		text  string
		shown bool
	}{
		{"Biologist Nick Bos spoke . Then Biologist Nick Bos 've been working on ants .", true},
		{"The store opened . We is talking about it .", true},
		{"Texas student Ahmed Mohamed spoke . Later , Texas student Ahmed Mohamed think it is fine .", false},
	} {
		doc := model.NewDocument("d", "", c.text)
		hand := slices.ContainsFunc(DetectWith(doc, HandParams()), func(f model.Finding) bool { return f.Rule == (Agreement{}).Name() })
		got := slices.ContainsFunc(DetectWith(doc, Params{Judge: j}), func(f model.Finding) bool {
			return f.Rule == (Agreement{}).Name() && f.Confidence >= model.BrokenThreshold
		})
		if !hand || got != c.shown {
			t.Errorf("%q: agreement shown %v (hand rules: %v), want %v", c.text, got, hand, c.shown)
		}
	}
}
