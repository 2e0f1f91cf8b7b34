package detect

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"corefix/annotate/eval"
	"corefix/model"
)

// Retraining the copy scorer (copyscore.go):
//
//	go test ./annotate -run TestTrainCopyScorer -train DIR[,DIR] [-eval DIR[,DIR]] [-write]
//
// DIR holds NAME.txt and NAME.gold.json (shared/data/gum/drift, or a
// half of it). The trainer measures the candidate set's ceiling, fits a
// logistic regression with L2 on the candidates of the documents judged
// drifting, picks the operating point on the training documents, prints
// whole-detector figures on -eval, and with -write replaces
// copyweights.go.
//
// Measured when the scorer went in (GUM drift halves; P/R of the whole
// detector, score.py's way):
//
//	candidates (repeat occurrences in drifting documents) overlap 80% of
//	the gold spans of half A, 83% of B; with the other rules 83% / 84%.
//	trained on A only, point chosen on A:       B 0.806/0.637 (hand rules)
//	  at A precision >= 0.850 (the hand rules'): B 0.812/0.686
//	  at A precision >= 0.86:                    B 0.829/0.677
//	  at A precision >= 0.87:                    B 0.840/0.642
//	shipped, trained on A+B, precision >= 0.85: full 0.828/0.668 -> 0.851/0.713,
//	  A 0.850/0.700 -> 0.858/0.730, B 0.806/0.637 -> 0.845/0.697 (both seen
//	  in training), seed article 0.955/0.976 -> 0.909/0.929
//
// Later (drift2): all 24 GUM drift documents judged drifting (lost full
// stops count as evidence, two oddities suffice at >= 4 per 1,000
// tokens), slot features, label lines never copies, operating point on a
// 0.01 grid (-step 0.01), L2 0.003 (held out both ways, F1 by L2
// 0.001/0.003/0.005/0.01/0.02: B 0.753/0.757/0.750/0.743/0.742, A
// 0.816/0.817/0.816/0.813/0.809):
//
//	L2 0.003, trained on A, point on A: B 0.798/0.719 (hand rules 0.805/0.640)
//	L2 0.003, trained on B, point on B: A 0.855/0.782 (0.859/0.778 at -minp 0.855)
//	shipped, trained on A+B, -minp 0.855 (a margin over 0.85 for two
//	  recalled spans): full 0.855/0.758, A 0.869/0.787, B 0.841/0.729,
//	  seed 0.953/0.952
//
// A pair one-hot of the coarse classes before and after the phrase
// gained +0.005 F1 held out both ways but lost in-sample; a "name as a
// modifier" slot and lone recurring verb forms did not help.
//
// Lone recurring lower-case words as extra candidates, lexical features
// for common function words beside the phrase, and leaving correct
// substitutions out of training did not help on B.
var (
	trainDirs    = flag.String("train", "", "train the copy scorer on the gold files in these comma-separated directories")
	evalDirs     = flag.String("eval", "", "report the copy scorer's figures on these comma-separated directories")
	writeWeights = flag.Bool("write", false, "write the trained weights to copyweights.go")
	trainL2      = flag.Float64("l2", 0.003, "L2 penalty of the copy scorer")
	minPrecision = flag.Float64("minp", 0, "precision the operating point must keep on the training documents (0: the hand rules' own)")
	skipNeutral  = flag.Bool("skipneutral", false, "leave candidates on correct substitutions out of training (they count neither way)")
	gridStep     = flag.Float64("step", 0.01, "step of the veto and threshold grid the operating point is picked from")
	keepDirs     = flag.String("keep", "", "comma-separated directories whose precision and recall the operating point must keep at 0.90 or more (the seed)")
)

// goldDoc is a document with its gold.
type goldDoc struct {
	name string
	doc  *model.Document
	gold *model.Gold
}

func loadGoldDirs(t *testing.T, dirs string) []goldDoc {
	t.Helper()
	var out []goldDoc
	for _, dir := range strings.Split(dirs, ",") {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
		dev, _ := filepath.Glob(filepath.Join(dir, "*.gold-dev.json"))
		for _, p := range append(paths, dev...) {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			txt := strings.TrimSuffix(strings.TrimSuffix(p, ".gold.json"), ".gold-dev.json") + ".txt"
			text, err := os.ReadFile(txt)
			if err != nil {
				t.Fatal(err)
			}
			doc := model.NewDocument(filepath.Base(txt), txt, string(text))
			g, err := model.DecodeGold(data, doc)
			if err != nil {
				t.Fatalf("%s: %v", p, err)
			}
			out = append(out, goldDoc{filepath.Base(txt), doc, g})
		}
	}
	if len(out) == 0 {
		t.Fatalf("no gold files in %s", dirs)
	}
	return out
}

// sparse is a feature vector by its non-zero entries.
type sparse struct {
	k []int
	v []float64
}

func toSparse(x []float64) sparse {
	var s sparse
	for k, v := range x {
		if v != 0 {
			s.k = append(s.k, k)
			s.v = append(s.v, v)
		}
	}
	return s
}

func (s sparse) dot(w []float64) float64 {
	z := 0.0
	for n, k := range s.k {
		z += w[k] * s.v[n]
	}
	return z
}

// copyExamples returns the features and labels of every candidate in the
// drifting documents: 1 when it overlaps a gold broken span.
func copyExamples(docs []goldDoc) (xs []sparse, ys []float64) {
	x := make([]float64, numCopyFeatures)
	for _, d := range docs {
		a := Analyze(d.doc)
		if !a.drifting() {
			continue
		}
		shown, marks := a.shownDrifting(), a.marks
		for _, c := range a.copyCandidates() {
			if c.nth == 0 {
				continue // never flagged
			}
			y := label(d, a, c.i, c.j)
			if *skipNeutral && y == 0 && eval.AnyOverlap(model.Range{Start: a.toks[c.i].Start, End: a.toks[c.j].End}, d.gold.Neutral) {
				continue
			}
			var v copyVec
			a.copyFeatures(c, shown, marks, &v)
			v.dense(x)
			xs = append(xs, toSparse(x))
			ys = append(ys, y)
		}
	}
	return xs, ys
}

// label is 1 when tokens [i, j] overlap a gold broken span.
func label(d goldDoc, a *Analysis, i, j int) float64 {
	r := model.Range{Start: a.toks[i].Start, End: a.toks[j].End}
	if eval.AnyOverlap(r, eval.GoldRanges(d.gold.Spans)) {
		return 1
	}
	return 0
}

// trainLogistic fits logistic regression weights by full-batch gradient
// descent on the mean log loss plus l2/2 times the squared weights (the
// bias unpenalised).
func trainLogistic(xs []sparse, ys []float64, l2 float64, iters int) []float64 {
	w := make([]float64, numCopyFeatures)
	g := make([]float64, numCopyFeatures)
	vel := make([]float64, numCopyFeatures)
	const rate, momentum = 0.5, 0.9
	for range iters {
		clear(g)
		for n, x := range xs {
			e := sigmoid(x.dot(w)) - ys[n]
			for m, k := range x.k {
				g[k] += e * x.v[m]
			}
		}
		for k := range w {
			grad := g[k] / float64(len(xs))
			if k > 0 {
				grad += l2 * w[k]
			}
			vel[k] = momentum*vel[k] - rate*grad
			w[k] += vel[k]
		}
	}
	return w
}

// detectorFigures scores the whole detector on docs.
func detectorFigures(docs []goldDoc) eval.Tally {
	var t eval.Tally
	for _, d := range docs {
		doc := model.NewDocument(d.name, "", d.doc.Text)
		t.Add(d.gold, Detect(doc), model.BrokenThreshold)
	}
	return t
}

func figures(t eval.Tally) string {
	p, r, f1, _ := t.Figures()
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (%d on gold, %d false, %d neutral; %d/%d found)", p, r, f1, t.OnGold, t.False, t.OnNeutral, t.Found, t.Gold)
}

// candidateCeiling reports how many gold spans of the drifting documents
// some candidate overlaps, and how many the detector's other rules find.
func candidateCeiling(t *testing.T, docs []goldDoc) {
	var gold, hit, either, cands, pos int
	for _, d := range docs {
		a := Analyze(d.doc)
		if !a.drifting() {
			t.Logf("%s: not judged drifting", d.name)
			continue
		}
		var rs []model.Range
		for _, c := range a.copyCandidates() {
			if c.nth == 0 {
				continue
			}
			rs = append(rs, model.Range{Start: a.toks[c.i].Start, End: a.toks[c.j].End})
			cands++
			pos += int(label(d, a, c.i, c.j))
		}
		copyScorerOn = false
		var others []model.Range
		for _, f := range Detect(d.doc) {
			if f.Rule != (Recurring{}).Name() && f.Confidence >= model.BrokenThreshold {
				others = append(others, model.Range{Start: f.Start, End: f.End})
			}
		}
		copyScorerOn = true
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
	t.Logf("ceiling: %d candidates (%d on gold); they overlap %d/%d gold spans (%.3f), with the other rules %d (%.3f)",
		cands, pos, hit, gold, float64(hit)/float64(max(1, gold)), either, float64(either)/float64(max(1, gold)))
}

func TestTrainCopyScorer(t *testing.T) {
	if *trainDirs == "" {
		t.Skip("no -train directories")
	}
	train := loadGoldDirs(t, *trainDirs)
	candidateCeiling(t, train)
	xs, ys := copyExamples(train)
	w := trainLogistic(xs, ys, *trainL2, 3000)
	loss := 0.0
	for n, x := range xs {
		p := sigmoid(x.dot(w))
		loss -= ys[n]*math.Log(p+1e-12) + (1-ys[n])*math.Log(1-p+1e-12)
	}
	t.Logf("trained on %d candidates, mean log loss %.4f", len(xs), loss/float64(len(xs)))

	saved, savedT, savedV := copyWeights, copyThreshold, copyVeto
	defer func() { copyWeights, copyThreshold, copyVeto = saved, savedT, savedV }()
	copyScorerOn = false
	hand := detectorFigures(train)
	t.Logf("hand rules on train: %s", figures(hand))
	copyScorerOn = true
	if *minPrecision == 0 {
		*minPrecision, _, _, _ = hand.Figures()
	}
	copyWeights = w
	var keep [][]goldDoc
	for _, dir := range strings.Split(*keepDirs, ",") {
		if dir != "" {
			keep = append(keep, loadGoldDirs(t, dir))
		}
	}
	kept := func() bool {
		for _, k := range keep {
			tl := detectorFigures(k)
			if p, r, _, _ := tl.Figures(); p < 0.9 || r < 0.9 {
				return false
			}
		}
		return true
	}
	best, bestV, bestR := 0.5, 0.0, -1.0
	topP, topT, topV := -1.0, 0.5, 0.0 // the fallback: the most precise point
	for v := 0.0; v < 0.61; v += *gridStep {
		for th := 0.4; th < 0.96; th += *gridStep {
			if v > th+1e-9 {
				continue // a veto above the threshold would drop what the scorer alone keeps
			}
			copyThreshold, copyVeto = th, v
			tl := detectorFigures(train)
			p, r, _, _ := tl.Figures()
			t.Logf("  veto %.2f threshold %.2f on train: %s", v, th, figures(tl))
			if p >= *minPrecision && r > bestR && kept() {
				best, bestV, bestR = th, v, r
			}
			if p > topP && kept() {
				topP, topT, topV = p, th, v
			}
		}
	}
	if bestR < 0 {
		t.Logf("no operating point reaches precision %.3f: taking the most precise, %.3f", *minPrecision, topP)
		best, bestV = topT, topV
	}
	copyThreshold, copyVeto = best, bestV
	t.Logf("operating point veto %.2f threshold %.2f: train %s", bestV, best, figures(detectorFigures(train)))
	for _, dir := range strings.Split(*evalDirs, ",") {
		if dir == "" {
			continue
		}
		eval := loadGoldDirs(t, dir)
		candidateCeiling(t, eval)
		for _, v := range []float64{bestV - 0.05, bestV, bestV + 0.05} {
			for th := best - 0.1; th < best+0.16; th += 0.05 {
				copyThreshold, copyVeto = th, v
				t.Logf("  veto %.2f threshold %.2f on %s: %s", v, th, dir, figures(detectorFigures(eval)))
			}
		}
		copyThreshold, copyVeto = best, bestV
		t.Logf("scorer on %s: %s", dir, figures(detectorFigures(eval)))
		copyScorerOn = false
		t.Logf("hand rules on %s: %s", dir, figures(detectorFigures(eval)))
		copyScorerOn = true
	}
	logWeights(t, w)
	if *writeWeights {
		if err := os.WriteFile("copyweights.go", weightsFile(w, best, bestV, *trainDirs), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// logWeights logs the largest weights, for a reader to sanity-check.
func logWeights(t *testing.T, w []float64) {
	order := make([]int, len(w))
	for k := range order {
		order[k] = k
	}
	sort.Slice(order, func(x, y int) bool { return math.Abs(w[order[x]]) > math.Abs(w[order[y]]) })
	var b strings.Builder
	for _, k := range order[:min(30, len(order))] {
		fmt.Fprintf(&b, " %s=%.2f", copyFeatureName(k), w[k])
	}
	t.Logf("largest weights:%s", b.String())
}

// weightsFile renders copyweights.go.
func weightsFile(w []float64, threshold, veto float64, dirs string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "package annotate\n\n// Code written by TestTrainCopyScorer (copytrain_test.go); do not edit.\n")
	fmt.Fprintf(&b, "// Logistic regression with L2 %.3g over %d features (copyFeatureName),\n", *trainL2, len(w))
	fmt.Fprintf(&b, "// trained on the repeat occurrences of recurring phrases in the drifting\n")
	fmt.Fprintf(&b, "// documents of %s, labelled 1 where they overlap a gold broken\n", dirs)
	fmt.Fprintf(&b, "// span. Operating point: the most recall at precision >= %.3f there,\n", *minPrecision)
	fmt.Fprintf(&b, "// keeping precision and recall >= 0.90 on %q. Retrain with\n//\n", *keepDirs)
	fmt.Fprintf(&b, "//\tgo test ./annotate -run TestTrainCopyScorer -train %s \\\n//\t\t-keep %s -minp %g -step %g -l2 %g -write\n//\n", dirs, *keepDirs, *minPrecision, *gridStep, *trainL2)
	fmt.Fprintf(&b, "// and report the held-out figure first: train on one half, -eval the other.\n\n")
	fmt.Fprintf(&b, "// copyThreshold is the probability at which the scorer flags a copy the\n// hand rules pass over; copyVeto the one below which it overrules them.\nvar copyThreshold, copyVeto = %.3f, %.3f\n\n", threshold, veto)
	fmt.Fprintf(&b, "// copyWeights are the copy scorer's weights, one per feature (see\n// copyFeatureName).\nvar copyWeights = []float64{\n")
	for k, v := range w {
		fmt.Fprintf(&b, "\t%.4f, // %s\n", v, copyFeatureName(k))
	}
	b.WriteString("}\n")
	out, err := format.Source(b.Bytes())
	if err != nil {
		panic(err)
	}
	return out
}
