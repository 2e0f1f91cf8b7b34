package detect

import (
	"fmt"
	"math"
	"sort"

	"corefix/annotate/fluency"
	"corefix/annotate/lexicon"
	"corefix/model"
)

// The judge is one learned scorer over every signal the detectors have.
// The hand rules and the recurrence analysis propose candidate spans; for
// each the judge reads the copy features (the words and classes around
// the span, how its phrase recurs, the document's drift evidence) and
// what every hand rule said of it, and a logistic regression trained on
// damaged documents of other genres (corefix-lab train-judge) decides how
// sure to be. It replaces the hand rules' confidence ladders and the copy
// scorer's veto with one calibrated probability.

// Judge is a trained judge: logistic-regression weights over the features
// of JudgeFeatureNames and the probability at which a span counts as
// broken. It is immutable; make one with NewJudge or ParseJudge.
type Judge struct {
	weights   []float64
	threshold float64
	training  JudgeTraining
}

// NewJudge returns a judge with the given weights, one per feature in the
// order of JudgeFeatureNames, that flags a span as broken from
// probability threshold (0 < threshold < 1) on.
func NewJudge(weights []float64, threshold float64, training JudgeTraining) (*Judge, error) {
	if len(weights) != numJudgeFeatures {
		return nil, fmt.Errorf("judge: %d weights for %d features", len(weights), numJudgeFeatures)
	}
	for k, w := range weights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("judge: weight of %s is %v", judgeFeatureName(k), w)
		}
	}
	if !(0 < threshold && threshold < 1) {
		return nil, fmt.Errorf("judge: threshold %v outside (0, 1)", threshold)
	}
	return &Judge{weights: append([]float64(nil), weights...), threshold: threshold, training: training}, nil
}

// Threshold is the probability from which the judge calls a span broken.
func (j *Judge) Threshold() float64 { return j.threshold }

// JudgeCandidate is a span the judge rates, with its features; a trainer
// labels it from gold (corefix-lab train-judge).
type JudgeCandidate struct {
	Start, End int       // byte offsets of the span in the document's text
	Features   []float64 // one per JudgeFeatureNames, the bias first
}

// JudgeCandidates returns the spans the judge rates in doc, left to
// right, with their features, as detection with rules r (nil: the
// shipped ones) sees them.
func JudgeCandidates(doc *model.Document, r *Rules) []JudgeCandidate {
	a := analyze(doc, orShipped(r))
	var out []JudgeCandidate
	for _, c := range a.judgeCandidates() {
		x := make([]float64, numJudgeFeatures)
		c.vec.dense(x)
		out = append(out, JudgeCandidate{Start: a.toks[c.i].Start, End: a.toks[c.j].End, Features: x})
	}
	return out
}

// judged is a candidate span with its features and the hand findings
// that cover it.
type judged struct {
	i, j int
	vec  judgeVec
	hand []model.Finding // the hand rules' findings on these tokens, best first
}

// judgeCandidates lists the candidates of a's document: every repeat of a
// recurring phrase, and every span a hand rule flags at any confidence,
// one candidate per token span, left to right.
func (a *Analysis) judgeCandidates() []judged {
	if a.fluency == nil {
		a.fluency = fluency.Default()
	}
	drifting := a.drifting()
	shown := map[uint64]bool{}
	if drifting {
		shown = a.shownDrifting()
	}
	byspan := make(map[[2]int]int)
	var out []judged
	add := func(c copyCandidate) int {
		k, ok := byspan[[2]int{c.i, c.j}]
		if !ok {
			k = len(out)
			byspan[[2]int{c.i, c.j}] = k
			out = append(out, judged{i: c.i, j: c.j})
			a.copyFeatures(c, shown, a.marks, &out[k].vec.copy)
		}
		return k
	}
	for _, c := range a.copyCandidates() {
		if c.nth > 0 && !a.labelLine(c.i, c.j) {
			add(c)
		}
	}
	for _, d := range Detectors(Params{Rules: a.rulebook}) {
		for _, f := range d.(analyzer).detect(a) {
			i, j, ok := a.tokenSpan(f.Start, f.End)
			if !ok {
				continue
			}
			k := add(copyCandidate{i: i, j: j, count: 1, fit: a.misfit(i, j).conf})
			out[k].hand = append(out[k].hand, f)
		}
	}
	a.oddWords(func(i, count int) {
		add(copyCandidate{i: i, j: i, count: count, fit: a.misfit(i, i).conf})
	})
	for k := range out {
		c := &out[k]
		sort.SliceStable(c.hand, func(x, y int) bool { return c.hand[x].Confidence > c.hand[y].Confidence })
		c.vec.handFeatures(c.hand, drifting)
		c.vec.fluencyFeatures(a.fluency.Span(a.doc.Text, a.toks, c.i, c.j))
	}
	sort.SliceStable(out, func(x, y int) bool { return out[x].i < out[y].i || out[x].i == out[y].i && out[x].j < out[y].j })
	return out
}

// oddWordFit is the fluency profile (log P(word | words before) − log
// P(word), in nats) below which a lone word, or the word after it, reads
// as out of place.
const oddWordFit = -1.5

// oddWords calls f with each lone word that recurs in the document and
// does not fit its neighbours: a one-word representative copied over
// another word ("detailing we design", "each we category") shows no
// phrase to recur, only a word that reads wrong where it stands.
func (a *Analysis) oddWords(f func(i, count int)) {
	counts := make(map[uint64]int, len(a.words))
	for _, h := range a.words {
		counts[h]++
	}
	prof := a.fluency.Profile(a.doc.Text, a.toks, 0, len(a.toks))
	for i, h := range a.words {
		switch a.cls[i] {
		case lexicon.Low, lexicon.Cap, lexicon.Subj, lexicon.Obj, lexicon.ItYou, lexicon.Poss:
		default:
			continue
		}
		next := 0.0
		if i+1 < len(prof) {
			next = prof[i+1]
		}
		if counts[h] >= 2 && min(prof[i], next) < oddWordFit {
			f(i, counts[h])
		}
	}
}

// tokenSpan returns the tokens [i, j] that the byte range [start, end)
// covers, false when it covers none.
func (a *Analysis) tokenSpan(start, end int) (i, j int, ok bool) {
	i = sort.Search(len(a.toks), func(k int) bool { return a.toks[k].End > start })
	j = sort.Search(len(a.toks), func(k int) bool { return a.toks[k].Start >= end }) - 1
	return i, j, i <= j && i < len(a.toks)
}

// judgeFindings rates every candidate of a's document with jd and
// returns the findings worth showing: the best hand finding on the span
// with the judge's confidence, or a copy finding where no hand rule
// spoke.
func (a *Analysis) judgeFindings(jd *Judge) []model.Finding {
	show := a.rules().Recurring.SlotShown
	var out []model.Finding
	for _, c := range a.judgeCandidates() {
		conf := scaled(sigmoid(c.vec.dot(jd.weights)), jd.threshold)
		if conf < show {
			continue
		}
		var f model.Finding
		if len(c.hand) > 0 {
			f = c.hand[0]
		} else {
			f = model.Finding{
				Start: a.toks[c.i].Start, End: a.toks[c.j].End, Category: model.Overwrite,
				Rule: (Recurring{}).Name(), Message: a.rules().Recurring.DriftCopy.Message,
				Proposals: a.overwriteFix(a.misfit(c.i, c.j).fix),
			}
		}
		f.Confidence = conf
		out = append(out, f)
	}
	return out
}

// orShipped returns r, or the shipped rules when r is nil.
func orShipped(r *Rules) *Rules {
	if r == nil {
		return shippedRules()
	}
	return r
}
