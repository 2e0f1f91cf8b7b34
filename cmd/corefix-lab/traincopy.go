package main

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"corefix/annotate/detect"
	"corefix/annotate/eval"
	"corefix/model"
)

// train-copy: the copy scorer of package detect (copyscore.go) is a
// logistic regression over the features of the repeats of recurring
// phrases in drifting documents. This command fits it on gold files,
// picks its operating point, reports its figures and writes its data
// file (detect.ParseCopyScorer's format).

// copyIterations is the number of gradient steps: the loss has settled
// long before on the GUM drift documents.
const copyIterations = 3000

// copyKeepFloor is the precision and recall the operating point must
// keep on each -keep directory.
const copyKeepFloor = 0.90

// trainCopyOptions are train-copy's flags.
type trainCopyOptions struct {
	train, eval, keep string // comma-separated directories
	l2, minp, step    float64
	skipNeutral       bool
	verbose           bool
	out               string
}

func trainCopyCommand() command {
	return command{name: "train-copy", summary: "train the copy scorer on gold files and write its data file", run: runTrainCopy}
}

func runTrainCopy(args []string, stdout, stderr io.Writer) error {
	var o trainCopyOptions
	fs := flagSet("train-copy", stderr)
	fs.StringVar(&o.train, "train", "", "train on the gold files (NAME.gold.json beside NAME.txt) of these comma-separated `directories` (required)")
	fs.StringVar(&o.eval, "eval", "", "report the figures on these comma-separated `directories`, held out from training")
	fs.StringVar(&o.keep, "keep", "", "comma-separated `directories` whose precision and recall the operating point must keep at 0.90 or more (the seed)")
	fs.Float64Var(&o.l2, "l2", 0.003, "L2 penalty")
	fs.Float64Var(&o.minp, "minp", 0, "precision the operating point must keep on the training documents (0: the hand rules' own)")
	fs.Float64Var(&o.step, "step", 0.01, "step of the veto and threshold grid the operating point is picked from")
	fs.BoolVar(&o.skipNeutral, "skipneutral", false, "leave candidates on correct substitutions out of training (they count neither way)")
	fs.BoolVar(&o.verbose, "v", false, "report every point of the operating-point grid")
	fs.StringVar(&o.out, "o", "", "write the scorer's data file to `file` (the shipped one is annotate/detect/copyscorer.json)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch {
	case len(splitDirs(o.train)) == 0:
		return usageError{"-train is required"}
	case !(o.step > 0 && o.step <= 0.1):
		return usageError{"-step must be above 0 and at most 0.1"}
	case o.l2 < 0, o.minp < 0 || o.minp >= 1:
		return usageError{"-l2 must be at least 0, -minp from 0 to below 1"}
	}
	s, err := trainCopy(o, stdout)
	if err != nil || o.out == "" {
		return err
	}
	data, err := s.Encode()
	if err != nil {
		return err
	}
	return os.WriteFile(o.out, data, 0o644)
}

// trainCopy trains the scorer and writes the report to w, the held-out
// figures first in its summary.
func trainCopy(o trainCopyOptions, w io.Writer) (*detect.CopyScorer, error) {
	train, err := loadGoldDirs(splitDirs(o.train))
	if err != nil {
		return nil, err
	}
	var keep [][]goldDoc
	for _, dir := range splitDirs(o.keep) {
		k, err := loadGoldDirs([]string{dir})
		if err != nil {
			return nil, err
		}
		keep = append(keep, k)
	}
	fmt.Fprintf(w, "train %s: %s\n", o.train, ceiling(train))
	xs, ys := copyExamples(train, o.skipNeutral)
	if len(xs) == 0 {
		return nil, errors.New("no copy candidates: no training document is judged drifting")
	}
	names := detect.CopyFeatureNames()
	weights := roundWeights(trainLogistic(xs, ys, len(names), o.l2, copyIterations))
	fmt.Fprintf(w, "trained on %d candidates, mean log loss %.4f\n", len(xs), meanLogLoss(xs, ys, weights))
	hand := tally(train, detect.Params{})
	fmt.Fprintf(w, "hand rules on train: %s\n", figures(hand))
	minp := o.minp
	if minp == 0 {
		minp, _, _, _ = hand.Figures()
	}
	training := detect.CopyTraining{
		Command: trainCopyCommandLine(o), Train: repoPaths(splitDirs(o.train)), Keep: repoPaths(splitDirs(o.keep)),
		L2: o.l2, Iterations: copyIterations, SkipNeutral: o.skipNeutral, MinPrecision: minp, Step: o.step,
	}
	at := func(threshold, veto float64) (*detect.CopyScorer, error) {
		return detect.NewCopyScorer(weights, threshold, veto, training)
	}
	s, err := pickPoint(w, at, train, keep, minp, o.step, o.verbose)
	if err != nil {
		return nil, err
	}
	scorer := detect.Params{Copy: s}
	var summary []string
	for _, dir := range splitDirs(o.eval) {
		held, err := loadGoldDirs([]string{dir})
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(w, "held out %s: %s\n", dir, ceiling(held))
		if err := sweep(w, at, held, dir, s.Threshold(), s.Veto()); err != nil {
			return nil, err
		}
		summary = append(summary, fmt.Sprintf("held out %s: scorer %s\n  hand rules %s", dir,
			figures(tally(held, scorer)), figures(tally(held, detect.Params{}))))
	}
	summary = append(summary, fmt.Sprintf("train %s (seen in training): scorer %s\n  hand rules %s", o.train,
		figures(tally(train, scorer)), figures(hand)))
	for k, dir := range splitDirs(o.keep) {
		summary = append(summary, fmt.Sprintf("keep %s: scorer %s", dir, figures(tally(keep[k], scorer))))
	}
	fmt.Fprintf(w, "largest weights:%s\n", largestWeights(names, weights, 30))
	fmt.Fprintf(w, "operating point: veto %g, threshold %g\n%s\n", s.Veto(), s.Threshold(), strings.Join(summary, "\n"))
	return s, nil
}

// trainCopyCommandLine is the command that retrains the scorer with
// options o, for its data file: the flags that shape the scorer, in a
// fixed order, with repository-relative paths. -eval, -v and -o change
// only what is reported or where it goes.
func trainCopyCommandLine(o trainCopyOptions) string {
	args := []string{"go run ./cmd/corefix-lab train-copy", "-train", strings.Join(repoPaths(splitDirs(o.train)), ",")}
	if keep := splitDirs(o.keep); len(keep) > 0 {
		args = append(args, "-keep", strings.Join(repoPaths(keep), ","))
	}
	args = append(args, "-l2", num(o.l2))
	if o.minp != 0 {
		args = append(args, "-minp", num(o.minp))
	}
	args = append(args, "-step", num(o.step))
	if o.skipNeutral {
		args = append(args, "-skipneutral")
	}
	return strings.Join(args, " ")
}

func num(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }

// roundWeights rounds the weights to four decimals before the operating
// point is picked, so that the figures reported are those of the data
// file written, and the file stays readable.
func roundWeights(w []float64) []float64 {
	out := make([]float64, len(w))
	for k, x := range w {
		out[k], _ = strconv.ParseFloat(strconv.FormatFloat(x, 'f', 4, 64), 64)
	}
	return out
}

// copyExamples returns the features and labels of every copy candidate
// of docs: 1 when it overlaps a gold broken span. With skipNeutral the
// others that overlap a correct substitution are left out.
func copyExamples(docs []goldDoc, skipNeutral bool) (xs []sparse, ys []float64) {
	for _, d := range docs {
		cands, _ := detect.CopyCandidates(d.doc)
		for _, c := range cands {
			r := d.span(c.Start, c.End)
			y := 0.0
			if d.onGold(r) {
				y = 1
			} else if skipNeutral && d.onNeutral(r) {
				continue
			}
			xs = append(xs, toSparse(c.Features))
			ys = append(ys, y)
		}
	}
	return xs, ys
}

// ceiling says how many gold spans of docs some copy candidate overlaps,
// and how many with the other detectors' findings: the most the scorer
// can reach.
func ceiling(docs []goldDoc) string {
	var gold, hit, either, cands, pos int
	var calm []string
	for _, d := range docs {
		cs, drifting := detect.CopyCandidates(d.doc)
		if !drifting {
			calm = append(calm, d.doc.ID)
			continue
		}
		var rs []model.Range
		for _, c := range cs {
			r := d.span(c.Start, c.End)
			rs = append(rs, r)
			if d.onGold(r) {
				pos++
			}
		}
		cands += len(cs)
		var others []model.Range
		for _, f := range detect.DetectWith(d.doc, detect.Params{}) {
			if f.Rule != (detect.Recurring{}).Name() && f.Confidence >= model.BrokenThreshold {
				others = append(others, d.span(f.Start, f.End))
			}
		}
		for _, g := range d.gold.Spans {
			gold++
			c := eval.AnyOverlap(g.Range, rs)
			if c {
				hit++
			}
			if c || eval.AnyOverlap(g.Range, others) {
				either++
			}
		}
	}
	out := fmt.Sprintf("%d candidates (%d on gold) overlap %d/%d gold spans of the drifting documents (%.3f), with the other rules %d (%.3f)",
		cands, pos, hit, gold, float64(hit)/float64(max(1, gold)), either, float64(either)/float64(max(1, gold)))
	if len(calm) > 0 {
		out += fmt.Sprintf("; not judged drifting: %s", strings.Join(calm, ", "))
	}
	return out
}

// largestWeights lists the n weights of largest magnitude, for a reader
// to sanity-check.
func largestWeights(names []string, w []float64, n int) string {
	order := make([]int, len(w))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(x, y int) bool { return math.Abs(w[order[x]]) > math.Abs(w[order[y]]) })
	var b strings.Builder
	for _, k := range order[:min(n, len(order))] {
		fmt.Fprintf(&b, " %s=%.2f", names[k], w[k])
	}
	return b.String()
}
