package detect

import (
	"fmt"
	"math"
	"sort"

	"corefix/model"
)

// The copy scorer judges, in a document that drifts, which occurrences of
// a recurring phrase (mentions.go) are copies that overwrote words. Each
// hand rule for this (slot, length, count, confirmation) is right only
// about half the time on its own; a logistic regression over all of them
// together, trained on gold drift spans, ranks the occurrences better
// than any one of them. Its features are in copyfeatures.go; its weights
// and operating point are data (copyscorer.json, copyfile.go), written by
// `corefix-lab train-copy` (docs/lab.md).

// CopyScorer is a trained copy scorer: logistic-regression weights over
// the features of CopyFeatureNames and the operating point they are used
// at. It is immutable; make one with NewCopyScorer or ParseCopyScorer.
type CopyScorer struct {
	weights []float64 // one per feature, in the order of CopyFeatureNames
	// threshold is the probability at which the scorer flags a copy the
	// hand rules pass over; veto the one below which it overrules them.
	threshold, veto float64
	// down and up bound how far the costlyScalars can move the weighted
	// sum, so that above can skip them when the cheap features decide.
	down, up float64
	training CopyTraining
}

// NewCopyScorer returns a scorer with the given weights, one per feature
// in the order of CopyFeatureNames, used at the operating point
// threshold and veto (0 <= veto <= threshold < 1: a veto above the
// threshold would drop what the scorer alone keeps). training is kept
// for the data file.
func NewCopyScorer(weights []float64, threshold, veto float64, training CopyTraining) (*CopyScorer, error) {
	if len(weights) != numCopyFeatures {
		return nil, fmt.Errorf("copy scorer: %d weights for %d features", len(weights), numCopyFeatures)
	}
	for k, w := range weights {
		if math.IsNaN(w) || math.IsInf(w, 0) {
			return nil, fmt.Errorf("copy scorer: weight of %s is %v", copyFeatureName(k), w)
		}
	}
	if !(0 <= veto && veto <= threshold && threshold < 1) {
		return nil, fmt.Errorf("copy scorer: operating point out of order: want 0 <= veto <= threshold < 1, have veto %v, threshold %v", veto, threshold)
	}
	s := &CopyScorer{weights: append([]float64(nil), weights...), threshold: threshold, veto: veto, training: training}
	for _, k := range costlyScalars() {
		if x := s.weights[scalarStart+k]; x < 0 {
			s.down += x
		} else {
			s.up += x
		}
	}
	return s, nil
}

// Threshold is the probability at which the scorer flags a copy the hand
// rules pass over.
func (s *CopyScorer) Threshold() float64 { return s.threshold }

// Veto is the probability below which the scorer overrules the hand
// rules' copy.
func (s *CopyScorer) Veto() float64 { return s.veto }

// score is the scorer's probability that candidate c is a copy that
// overwrote words.
func (s *CopyScorer) score(a *Analysis, c copyCandidate, shown map[uint64]bool, marks []int, v *copyVec) float64 {
	a.copyFeatures(c, shown, marks, v)
	return sigmoid(v.dot(s.weights))
}

// above reports whether candidate c scores at least p, with its score
// when computed. It computes the costly features only when the cheap ones
// leave the answer open: most candidates are far from the operating
// point.
func (s *CopyScorer) above(a *Analysis, c copyCandidate, shown map[uint64]bool, marks []int, v *copyVec, p float64) (bool, float64) {
	a.cheapFeatures(c, shown, marks, v)
	z, at := v.dot(s.weights), math.Log(p/(1-p))
	switch {
	case z+s.down >= at:
		return true, math.NaN()
	case z+s.up < at:
		return false, math.NaN()
	}
	a.costlyFeatures(c, shown, v)
	q := sigmoid(v.dot(s.weights))
	return q >= p, q
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// scoredCopies judges, in a drifting document, every candidate with the
// hand rules and the copy scorer r.Scorer together: a copy the hand rules
// flag stays flagged unless the scorer rates it below its veto, and a
// candidate they pass over is flagged when the scorer rates it at least
// its threshold. The hand rules carry the slot evidence that holds in any
// article; the scorer adds the copies they cannot see and drops the
// writer's own repeats they cannot tell apart.
func (r Recurring) scoredCopies(a *Analysis) []model.Finding {
	s := r.Scorer
	shown, marks := a.shownDrifting(), a.marks
	var v copyVec
	var out []model.Finding
	for _, c := range a.copyCandidates() {
		if c.nth == 0 || a.labelLine(c.i, c.j) {
			continue // a phrase's first occurrence is the writer's, and a label no copy
		}
		f, ok := r.handCopy(a, mention{i: c.i, j: c.j, count: int32(c.count)}, c.fit, true, shown)
		if ok && f.Confidence >= model.BrokenThreshold {
			if keep, _ := s.above(a, c, shown, marks, &v, s.veto); !keep {
				// Shown to the editor, not counted as broken.
				f.Confidence = min(f.Confidence, a.rules().Recurring.VetoedCap)
			}
		} else if add, p := s.above(a, c, shown, marks, &v, s.threshold); add {
			if math.IsNaN(p) {
				p = s.score(a, c, shown, marks, &v)
			}
			f = model.Finding{
				Start: int(a.toks[c.i].Start), End: int(a.toks[c.j].End), Category: model.Overwrite,
				Rule: r.Name(), Confidence: scaled(p, s.threshold),
				Message:   a.rules().Recurring.ScoredCopy,
				Proposals: a.overwriteFix(a.misfit(c.i, c.j).fix),
			}
			ok = true
		}
		if ok && f.Confidence >= a.rules().Recurring.SlotShown {
			out = append(out, f)
		}
	}
	if more := a.confirmedCopies(r.Name()); len(more) > 0 {
		// The scorer may already flag the same copy.
		have := make(map[[2]int]bool, len(out))
		for _, f := range out {
			have[[2]int{f.Start, f.End}] = f.Confidence >= model.BrokenThreshold
		}
		for _, f := range more {
			if !have[[2]int{f.Start, f.End}] {
				out = append(out, f)
			}
		}
		sort.SliceStable(out, func(x, y int) bool { return out[x].Start < out[y].Start })
	}
	return out
}

// scaled maps a probability p to a confidence so that the operating
// point t becomes 0.5, the threshold findings are judged by.
func scaled(p, t float64) float64 {
	if p >= t {
		return 0.5 + 0.5*(p-t)/(1-t)
	}
	return 0.5 * p / t
}
