package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"corefix/annotate/detect"
	"corefix/annotate/eval"
	"corefix/model"
)

// train-judge: the judge of package detect (judge.go) is boosted trees
// over every candidate span's features. This command fits it
// on damaged documents (corefix-lab damage) laid out as DATA/VARIANT/GENRE,
// always measures it leave-one-genre-out — trained on the other genres,
// scored on the one left out — and with -o writes the judge trained on
// every genre.

// judgeTrees are the boosting settings of the judge, with the number and
// depth of the trees from the flags.
func judgeTrees(o trainJudgeOptions) gbdtParams {
	return gbdtParams{trees: o.trees, depth: o.depth, rate: 0.1, lambda: 1, minHess: 5}
}

// trainJudgeOptions are train-judge's flags.
type trainJudgeOptions struct {
	data        string
	variants    string
	minp        float64
	out, only   string
	keep        string // comma-separated directories
	clean       string // directory of clean texts of other kinds
	trees       int    // boosting rounds
	depth       int    // depth of each tree
	neutralZero string // comma-separated variants whose correct substitutions are labelled 0
	folds       string // directory for each held-out fold's judge
}

func trainJudgeCommand() command {
	return command{name: "train-judge", summary: "train the judge leave-one-genre-out on damaged documents and write its data file", run: runTrainJudge}
}

func runTrainJudge(args []string, stdout, stderr io.Writer) error {
	var o trainJudgeOptions
	fs := flagSet("train-judge", stderr)
	fs.StringVar(&o.data, "data", "", "`DIR` of damaged documents as DIR/VARIANT/GENRE/NAME.{txt,orig.txt,gold.json} (required)")
	fs.StringVar(&o.variants, "variants", "", "comma-separated `VARIANTS` to use (default: every directory of -data)")
	fs.StringVar(&o.only, "genre", "", "hold out only this `GENRE` (default: each in turn)")
	fs.Float64Var(&o.minp, "minp", 0.9, "candidate precision the threshold keeps on the training documents")
	fs.StringVar(&o.keep, "keep", "", "comma-separated `directories` whose precision and recall the threshold must keep at 0.90 or more (the seed), raising it as needed")
	fs.StringVar(&o.neutralZero, "neutral-zero", "", "comma-separated `VARIANTS` whose correct substitutions are labelled 0 (elsewhere they are left out)")
	fs.IntVar(&o.trees, "trees", 150, "boosting rounds (`trees`)")
	fs.IntVar(&o.depth, "depth", 6, "`depth` of each tree")
	fs.StringVar(&o.clean, "clean", "", "`DIR` of clean texts (*.txt) of other kinds, whose candidates are labelled 0 in every fold")
	fs.StringVar(&o.folds, "folds", "", "write each fold's judge, trained without GENRE, to `DIR`/GENRE.json (for error analysis with judge-eval)")
	fs.StringVar(&o.out, "o", "", "write the judge trained on every genre to `file` (the shipped one is annotate/detect/judge.json: docs/lab.md)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.data == "" {
		return usageError{"-data is required"}
	}
	sets, err := loadDamaged(o.data, splitDirs(o.variants))
	if err != nil {
		return err
	}
	genres := genresOf(sets)
	fmt.Fprintf(stdout, "%d documents, genres %s\n", len(sets), strings.Join(genres, ","))
	ex := judgeExamples(sets, splitDirs(o.neutralZero))
	if o.clean != "" {
		c, err := cleanExamples(o.clean)
		if err != nil {
			return err
		}
		ex = append(ex, c...)
	}
	var keep [][]goldDoc
	for _, dir := range splitDirs(o.keep) {
		k, err := loadGoldDirs([]string{dir})
		if err != nil {
			return err
		}
		keep = append(keep, k)
	}
	var held []string
	var all pooled
	for _, g := range genres {
		if o.only != "" && g != o.only {
			continue
		}
		j, err := fitJudge(stdout, ex, func(genre string) bool { return genre != g }, o, keep, detect.JudgeTraining{})
		if err != nil {
			return err
		}
		if o.folds != "" {
			if err := writeJudge(j, filepath.Join(o.folds, g+".json")); err != nil {
				return err
			}
		}
		line := heldOutReport(stdout, sets, g, j, &all)
		held = append(held, line)
	}
	all.report(stdout)
	if o.out == "" {
		return nil
	}
	gp := judgeTrees(o)
	training := detect.JudgeTraining{Command: "go run ./cmd/corefix-lab train-judge " + strings.Join(args, " "),
		Train: []string{filepath.ToSlash(o.data)}, Keep: repoPaths(splitDirs(o.keep)), Clean: cleanPath(o.clean),
		Trees: gp.trees, Depth: gp.depth, Rate: gp.rate, Lambda: gp.lambda, MinHessian: gp.minHess,
		MinPrecision: o.minp, HeldOut: held}
	j, err := fitJudge(stdout, ex, func(string) bool { return true }, o, keep, training)
	if err != nil {
		return err
	}
	return writeJudge(j, o.out)
}

// writeJudge writes j's data file to path, creating its directory.
func writeJudge(j *detect.Judge, path string) error {
	data, err := j.Encode()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// damagedDoc is a damaged document with its gold, variant and genre; orig
// is its untouched original, whose every finding is a false alarm.
type damagedDoc struct {
	goldDoc
	orig           *model.Document
	variant, genre string
}

// loadDamaged reads DIR/VARIANT/GENRE/ for every variant (or those
// listed).
func loadDamaged(dir string, variants []string) ([]damagedDoc, error) {
	if len(variants) == 0 {
		ents, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if e.IsDir() {
				variants = append(variants, e.Name())
			}
		}
	}
	var out []damagedDoc
	for _, v := range variants {
		genres, err := os.ReadDir(filepath.Join(dir, v))
		if err != nil {
			return nil, err
		}
		for _, g := range genres {
			if !g.IsDir() {
				continue
			}
			docs, err := loadGoldDirs([]string{filepath.Join(dir, v, g.Name())})
			if err != nil {
				return nil, err
			}
			for _, d := range docs {
				orig, err := model.ReadDocument(strings.TrimSuffix(d.doc.Path, ".txt") + ".orig.txt")
				if err != nil {
					return nil, err
				}
				out = append(out, damagedDoc{d, orig, v, g.Name()})
			}
		}
	}
	return out, nil
}

// genresOf lists the genres of sets, sorted.
func genresOf(sets []damagedDoc) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range sets {
		if !seen[s.genre] {
			seen[s.genre] = true
			out = append(out, s.genre)
		}
	}
	sort.Strings(out)
	return out
}

// judgeExample is a labelled candidate of a document of one genre.
type judgeExample struct {
	genre string
	x     sparse
	y     float64
}

// judgeExamples returns the candidates of every damaged document and of
// its original, labelled 1 where they overlap a gold broken span and 0
// elsewhere; a candidate on a correct substitution only is left out, as
// scoring counts it neither way, except in the variants of neutralZero,
// where it is 0. (Labelled 0 in every variant, the judge found far fewer
// broken copies, which look like correct ones; in the naive resolver's
// alone, where every substitution but a possessive or a quotation is
// correct, it learns to leave those alone: docs/experiments.md.)
func judgeExamples(sets []damagedDoc, neutralZero []string) []judgeExample {
	var out []judgeExample
	origSeen := map[string]bool{}
	for _, s := range sets {
		for _, c := range detect.JudgeCandidates(s.doc, nil) {
			r := model.Range{Start: c.Start, End: c.End}
			y := 0.0
			switch {
			case s.onGold(r):
				y = 1
			case s.onNeutral(r) && !slices.Contains(neutralZero, s.variant):
				continue
			}
			out = append(out, judgeExample{s.genre, toSparse(c.Features), y})
		}
		if origSeen[s.orig.SHA256()] {
			continue
		}
		origSeen[s.orig.SHA256()] = true
		for _, c := range detect.JudgeCandidates(s.orig, nil) {
			out = append(out, judgeExample{s.genre, toSparse(c.Features), 0})
		}
	}
	return out
}

// cleanPath is the -clean directory as the judge's file records it.
func cleanPath(dir string) string {
	if dir == "" {
		return ""
	}
	return repoPath(dir)
}

// cleanExamples returns the candidates of every text of dir, labelled 0:
// clean English of kinds the damage factory has no gold for (READMEs,
// licences), so that the judge learns what recurs naturally outside
// GUM's genres. Their genre is "clean", which no fold holds out.
func cleanExamples(dir string) ([]judgeExample, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no .txt files", dir)
	}
	var out []judgeExample
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		if !utf8.Valid(data) {
			return nil, fmt.Errorf("%s: not UTF-8", p)
		}
		doc := model.NewDocument(filepath.Base(p), p, string(data))
		for _, c := range detect.JudgeCandidates(doc, nil) {
			out = append(out, judgeExample{"clean", toSparse(c.Features), 0})
		}
	}
	return out, nil
}

// fitJudge trains on the examples of the genres use accepts and sets the
// threshold at the probability with the most recall among the candidates
// there whose precision is at least o.minp, raised in steps of 0.01 to the
// first that keeps precision and recall at copyKeepFloor on every keep
// set (left where it was when none does).
func fitJudge(w io.Writer, ex []judgeExample, use func(genre string) bool, o trainJudgeOptions, keep [][]goldDoc, training detect.JudgeTraining) (*detect.Judge, error) {
	var xs []sparse
	var ys []float64
	for _, e := range ex {
		if use(e.genre) {
			xs, ys = append(xs, e.x), append(ys, e.y)
		}
	}
	m := trainGBDT(xs, ys, len(detect.JudgeFeatureNames()), judgeTrees(o))
	ps := make([]float64, len(xs))
	loss := 0.0
	for i, x := range xs {
		ps[i] = logistic(m.score(x))
		loss -= ys[i]*math.Log(ps[i]+1e-12) + (1-ys[i])*math.Log(1-ps[i]+1e-12)
	}
	threshold := judgeThreshold(ps, ys, o.minp)
	at := func(t float64) (*detect.Judge, error) { return detect.NewJudge(m.base, m.trees, t, training) }
	j, err := at(threshold)
	if err != nil {
		return nil, err
	}
	for t := threshold; t < 0.951 && len(keep) > 0; t = decimal(t + 0.01) {
		k, err := at(t)
		if err != nil {
			return nil, err
		}
		if keeps(keep, detect.Params{Judge: k}) {
			j = k
			break
		}
	}
	if !keeps(keep, detect.Params{Judge: j}) {
		fmt.Fprintf(w, "no threshold from %.2f on keeps the -keep sets at %.2f: keeping %.2f\n", threshold, copyKeepFloor, threshold)
	}
	fmt.Fprintf(w, "trained on %d candidates (%d broken), mean log loss %.4f, threshold %.2f\n",
		len(xs), int(sum(ys)), loss/float64(len(xs)), j.Threshold())
	return j, nil
}

// keeps reports whether detection with p keeps precision and recall at
// copyKeepFloor on every keep set.
func keeps(keep [][]goldDoc, p detect.Params) bool {
	for _, k := range keep {
		t := tally(k, p)
		if pr, r, _, _ := t.Figures(); pr < copyKeepFloor || r < copyKeepFloor {
			return false
		}
	}
	return true
}

// judgeThreshold returns the probability, on a 0.01 grid from 0.05 to
// 0.95, that the training candidates' probabilities ps reach with the most positives at or above it among those whose
// precision there is at least minp; the most precise one when none is.
func judgeThreshold(ps, ys []float64, minp float64) float64 {
	best, bestTP, top, topP := 0.95, -1.0, 0.95, -1.0
	for _, t := range grid(0.05, 0.951, 0.01) {
		tp, n := 0.0, 0.0
		for i, p := range ps {
			if p >= t {
				tp, n = tp+ys[i], n+1
			}
		}
		prec := tp / max(1, n)
		if prec >= minp && tp > bestTP {
			best, bestTP = t, tp
		}
		if prec > topP {
			top, topP = t, prec
		}
	}
	if bestTP < 0 {
		return top
	}
	return best
}

// sum adds up xs.
func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// heldOutReport scores judge j on genre g's documents, variant by variant
// and pooled, and on their originals, writes the lines and returns the
// pooled line.
func heldOutReport(w io.Writer, sets []damagedDoc, g string, j *detect.Judge, pool *pooled) string {
	p := detect.Params{Judge: j}
	byVariant := map[string][]goldDoc{}
	var all []goldDoc
	var variants []string
	var fa eval.FalseAlarms
	origSeen := map[string]bool{}
	for _, s := range sets {
		if s.genre != g {
			continue
		}
		if byVariant[s.variant] == nil {
			variants = append(variants, s.variant)
		}
		byVariant[s.variant] = append(byVariant[s.variant], s.goldDoc)
		all = append(all, s.goldDoc)
		if !origSeen[s.orig.SHA256()] {
			origSeen[s.orig.SHA256()] = true
			fa.Add(s.orig, detect.DetectWith(s.orig, p), model.BrokenThreshold)
		}
	}
	for _, v := range variants {
		t, curve := tallyCurve(byVariant[v], p)
		fmt.Fprintf(w, "  %-10s %-10s judge %s, %s\n", g, v, figures(t), curveFigures(curve))
		pool.add(v, t, curve)
	}
	var hand eval.FalseAlarms
	for _, s := range sets {
		if s.genre == g && s.variant == sets[0].variant {
			hand.Add(s.orig, detect.DetectWith(s.orig, detect.HandParams()), model.BrokenThreshold)
		}
	}
	pooled := fmt.Sprintf("%s held out: judge %s, false alarms %.2f per 1,000 tokens of originals\n  hand rules %s, false alarms %.2f\n  candidates reach %s of the gold spans",
		g, figures(tally(all, p)), fa.PerThousand(), figures(tally(all, detect.HandParams())), hand.PerThousand(), candidateReach(all))
	fmt.Fprintln(w, pooled)
	return pooled
}

// candidateReach is the share of gold spans that some candidate overlaps:
// the recall no threshold can exceed.
func candidateReach(docs []goldDoc) string {
	reached, total := 0, 0
	for _, d := range docs {
		var rs []model.Range
		for _, c := range detect.JudgeCandidates(d.doc, nil) {
			rs = append(rs, model.Range{Start: c.Start, End: c.End})
		}
		for _, g := range d.gold.Spans {
			total++
			if eval.AnyOverlap(g.Range, rs) {
				reached++
			}
		}
	}
	return fmt.Sprintf("%d/%d = %.3f", reached, total, float64(reached)/float64(max(1, total)))
}

func judgeEvalCommand() command {
	return command{name: "judge-eval", summary: "score detection with a judge data file on gold directories", run: runJudgeEval}
}

// runJudgeEval scores detection with the judge of -judge on each gold
// directory, beside the shipped detector, with false alarms on the
// directory's untouched originals (NAME.orig.txt) where there are any.
func runJudgeEval(args []string, stdout, stderr io.Writer) error {
	var file, folds, data string
	fs := flagSet("judge-eval", stderr)
	fs.StringVar(&file, "judge", "", "the judge's data `file` (written by train-judge -o)")
	fs.StringVar(&folds, "folds", "", "instead of -judge: the `DIR` of fold judges train-judge -folds wrote, each scored on the genre it left out of -data")
	fs.StringVar(&data, "data", "", "with -folds: the damaged documents' `DIR`, as train-judge -data")
	if err := fs.Parse(args); err != nil {
		return usageError{}
	}
	if folds != "" {
		if data == "" || file != "" || fs.NArg() > 0 {
			return usageError{"want -folds DIR -data DIR and nothing else"}
		}
		return foldsReport(stdout, folds, data)
	}
	if file == "" || fs.NArg() == 0 {
		return usageError{"want -judge FILE and gold directories"}
	}
	j, err := readJudge(file)
	if err != nil {
		return err
	}
	for _, dir := range fs.Args() {
		docs, err := loadGoldDirs([]string{dir})
		if err != nil {
			return err
		}
		var fa, faHand eval.FalseAlarms
		for _, d := range docs {
			orig, err := model.ReadDocument(strings.TrimSuffix(d.doc.Path, ".txt") + ".orig.txt")
			if err != nil {
				continue // no original beside this one
			}
			fa.Add(orig, detect.DetectWith(orig, detect.Params{Judge: j}), model.BrokenThreshold)
			faHand.Add(orig, detect.DetectWith(orig, detect.HandParams()), model.BrokenThreshold)
		}
		fmt.Fprintf(stdout, "%s\n  judge %s, false alarms %.2f\n  hand rules %s, false alarms %.2f\n", dir,
			figures(tally(docs, detect.Params{Judge: j})), fa.PerThousand(), figures(tally(docs, detect.HandParams())), faHand.PerThousand())
	}
	return nil
}

// readJudge reads and parses a judge's data file.
func readJudge(file string) (*detect.Judge, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	j, err := detect.ParseJudge(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return j, nil
}

// foldsReport prints train-judge's held-out report again from the fold
// judges it wrote: how a change at detection time (not in training)
// moves the held-out figures, without training again.
func foldsReport(w io.Writer, folds, data string) error {
	sets, err := loadDamaged(data, nil)
	if err != nil {
		return err
	}
	var all pooled
	for _, g := range genresOf(sets) {
		j, err := readJudge(filepath.Join(folds, g+".json"))
		if err != nil {
			return err
		}
		heldOutReport(w, sets, g, j, &all)
	}
	all.report(w)
	return nil
}
