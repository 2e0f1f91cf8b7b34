package detect

import (
	"sync"

	"corefix/annotate/fluency"
	"corefix/model"
)

// What the judge (judge.go) sees of a candidate span: the copy features
// (copyfeatures.go), then what the hand rules said of the same tokens.

// judgeRules are the hand rules whose verdicts are features, in the order
// of Detectors; listed once, as every candidate's features need them and
// the detectors never change. The list must not be modified.
var judgeRules = sync.OnceValue(func() []string {
	var names []string
	for _, d := range Detectors(Params{}) {
		names = append(names, d.Name())
	}
	return names
})

// judgeCategories are the categories of the best hand finding that are
// features; a span with no hand finding has none.
func judgeCategories() [numCategories]model.Category {
	return [...]model.Category{model.Overwrite, model.Possessive, model.Quote, model.Antecedent, model.Other}
}

// numCategories is the number of judgeCategories.
const numCategories = 5

// numHandFeatures counts the hand block: for each of the 8 rules whether
// it fired and its highest confidence, the best finding's categories,
// whether no rule fired, how many did, and whether the document drifts
// (TestJudgeFeatureNames checks the count against the rules), then the
// fluency signals of the span.
const numHandFeatures = 2*8 + numCategories + 3 + numFluency

// numFluency is the number of fluency signals of a span: the five of
// fluency.Span, the profile at its first token and after its last, and
// the two parts of how it reads with ’s after it (fluency.Model.Possessive)
// and how much its slot reads like a possessive determiner's
// (fluency.Slot).
const numFluency = 10

// Kinds of candidate, by what proposed it first: a repeat of a recurring
// phrase, a hand rule's span, a pronoun that reads out of place. Each
// kind has weights of its own: what makes a hand rule's span broken is
// not what makes a phrase one.
const (
	phraseKind = iota
	ruleKind
	pronounKind
	numKinds
)

// kindNames prefix the feature names of each kind's weights.
func kindNames() [numKinds]string { return [...]string{"phrase/", "rule/", "pronoun/"} }

// perKind is the number of features of one kind's block.
const perKind = numCopyFeatures + numHandFeatures + numNearFeatures + numSpeechFeatures

// numJudgeFeatures is the length of a judge feature vector: a block per
// kind, of which a candidate fills its own.
const numJudgeFeatures = numKinds * perKind

// judgeVec is a candidate's features: its kind, the copy features, the
// hand block, the neighbour block (judgeneighbours.go), then the speech
// block (judgespeech.go).
type judgeVec struct {
	kind   int
	copy   copyVec
	hand   [numHandFeatures]float64
	near   [numNearFeatures]float64
	speech [numSpeechFeatures]float64
}

// handFeatures fills the hand block from the hand findings on the span,
// best first.
func (v *judgeVec) handFeatures(hand []model.Finding, drifting bool) {
	rules, cats := judgeRules(), judgeCategories()
	clear(v.hand[:])
	for _, f := range hand {
		for k, name := range rules {
			if f.Rule == name {
				v.hand[2*k] = 1
				v.hand[2*k+1] = max(v.hand[2*k+1], f.Confidence)
			}
		}
	}
	base := 2 * len(rules)
	if len(hand) > 0 {
		for k, c := range cats {
			if hand[0].Category == c {
				v.hand[base+k] = 1
			}
		}
	} else {
		v.hand[base+len(cats)] = 1
	}
	v.hand[base+len(cats)+1] = log1p(len(hand)) / 2
	if drifting {
		v.hand[base+len(cats)+2] = 1
	}
}

// fluencyFeatures fills the fluency block from the span's signals, each
// clamped to ±5 nats and scaled to [-1, 1]: beyond that the text is
// broken or clean either way.
func (v *judgeVec) fluencyFeatures(s fluency.Span, profIn, profOut float64, poss possessor) {
	base := numHandFeatures - numFluency
	for k, x := range [numFluency]float64{s.In, s.Out, s.Drop, s.Gap, s.Pron, profIn, profOut, poss.fit, poss.gain, poss.slot} {
		v.hand[base+k] = max(-5, min(5, x)) / 5
	}
}

// dense writes the features into x, numJudgeFeatures long, zero outside
// the candidate's kind.
func (v *judgeVec) dense(x []float64) {
	clear(x)
	x = x[v.kind*perKind : (v.kind+1)*perKind]
	v.copy.dense(x[:numCopyFeatures])
	copy(x[numCopyFeatures:], v.hand[:])
	copy(x[numCopyFeatures+numHandFeatures:], v.near[:])
	copy(x[numCopyFeatures+numHandFeatures+numNearFeatures:], v.speech[:])
}

// judgeFeatureName names feature k: its kind's prefix, then the name
// within the block.
func judgeFeatureName(k int) string {
	return kindNames()[k/perKind] + blockFeatureName(k%perKind)
}

// blockFeatureName names feature k of one kind's block.
func blockFeatureName(k int) string {
	if k < numCopyFeatures {
		return copyFeatureName(k)
	}
	k -= numCopyFeatures
	if k -= numHandFeatures; k >= numNearFeatures {
		return speechFeatureNames()[k-numNearFeatures]
	} else if k >= 0 {
		return nearFeatureNames()[k]
	}
	k += numHandFeatures
	rules, cats := judgeRules(), judgeCategories()
	switch {
	case k < 2*len(rules) && k%2 == 0:
		return "rule:" + rules[k/2]
	case k < 2*len(rules):
		return "conf:" + rules[k/2]
	case k < 2*len(rules)+len(cats):
		return "category:" + string(cats[k-2*len(rules)])
	}
	return [...]string{"no-rule", "rule-count", "drifting",
		"fluency:in", "fluency:out", "fluency:drop", "fluency:gap", "fluency:pron", "fluency:profile-in", "fluency:profile-out", "fluency:possessor", "fluency:possessive", "fluency:slot"}[k-2*len(rules)-len(cats)]
}

// JudgeFeatureNames returns the names of the judge's features, in the
// order of JudgeCandidate.Features and of NewJudge's weights.
func JudgeFeatureNames() []string {
	names := make([]string, numJudgeFeatures)
	for k := range names {
		names[k] = judgeFeatureName(k)
	}
	return names
}
