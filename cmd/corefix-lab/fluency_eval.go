package main

import (
	"cmp"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"

	"corefix/annotate/fluency"
	"corefix/model"
)

func fluencyEvalCommand() command {
	return command{name: "fluency-eval", summary: "measure the fluency model: GUM tagging accuracy, signal ROC AUCs on damaged text", run: runFluencyEval}
}

// runFluencyEval measures annotate/fluency on material it never saw:
// tagging accuracy on GUM's gold tags, per genre, and how well each signal
// tells broken spans from correct substitutions, clean text and other
// occurrences of the same phrases (ROC AUC). Nothing here trains.
func runFluencyEval(args []string, stdout, stderr io.Writer) error {
	fs := flagSet("fluency-eval", stderr)
	gum := fs.String("gum", "../shared/data/gum-full/conllu", "`folder` of GUM *.conllu files (gold UPOS)")
	drift := fs.String("drift", "../shared/data/gum/drift", "`folder` of NAME.txt, NAME.orig.txt, NAME.gold.json")
	seed := fs.String("seed", "../shared/data/seed", "`folder` of the seed article and its NAME.gold-dev.json")
	data := fs.String("data", "", "a fluency data `file` to measure instead of the embedded one")
	samples := fs.Int("samples", 40, "random clean spans per original text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var m *fluency.Model
	if *data == "" {
		m = fluency.Default()
	} else {
		b, err := os.ReadFile(*data)
		if err != nil {
			return err
		}
		if m, err = fluency.Parse(b); err != nil {
			return fmt.Errorf("%s: %w", *data, err)
		}
	}
	if err := tagAccuracy(stdout, m, *gum); err != nil {
		return err
	}
	if err := driftAUC(stdout, m, *drift, *samples); err != nil {
		return err
	}
	return seedAUC(stdout, m, *seed)
}

// tagAccuracy prints the UPOS accuracy of the model's Viterbi tags on
// every document of dir's CoNLL-U files, by genre ("# meta::genre", else
// the document id), for words the lexicon has and words it must guess.
func tagAccuracy(w io.Writer, m *fluency.Model, dir string) error {
	docs, err := readCorefInputs([]string{dir})
	if err != nil {
		return err
	}
	type tally struct{ right, all, unkRight, unk int }
	by := map[string]*tally{}
	var genres []string
	for _, d := range docs {
		genre := cmp.Or(d.Genre, d.ID)
		if by[genre] == nil {
			by[genre] = &tally{}
			genres = append(genres, genre)
		}
		t := by[genre]
		words := taggedWords(d)
		forms := make([]string, len(words))
		for i, wd := range words {
			forms[i] = wd.Form
		}
		for i, tag := range m.Tags(forms) {
			upos, _ := m.Names(tag)
			ok := upos == words[i].UPOS
			t.all++
			if ok {
				t.right++
			}
			if !m.Known(words[i].Form) {
				t.unk++
				if ok {
					t.unkRight++
				}
			}
		}
	}
	fmt.Fprintf(w, "UPOS accuracy of the Viterbi tags on gold tokens, by genre\ngenre\ttokens\taccuracy\tunseen words\ttheir accuracy\n")
	var sum tally
	for _, g := range append(genres, "all") {
		t := by[g]
		if g == "all" {
			t = &sum
		} else {
			sum.right, sum.all, sum.unkRight, sum.unk = sum.right+t.right, sum.all+t.all, sum.unkRight+t.unkRight, sum.unk+t.unk
		}
		fmt.Fprintf(w, "%s\t%d\t%.4f\t%.3f\t%.4f\n", g, t.all, ratio(t.right, t.all), ratio(t.unk, t.all), ratio(t.unkRight, t.unk))
	}
	return nil
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// signals are the values compared, by name, for one span.
var signalNames = []string{"in", "out", "max(in,out)", "in+out", "drop", "gap", "surprise@i", "surprise@j+1", "pron", "pron+in+out"}

func spanSignals(m *fluency.Model, doc *model.Document, i, j int) []float64 {
	s := m.Span(doc.Text, doc.Tokens(), i, j)
	return []float64{s.In, s.Out, max(s.In, s.Out), s.In + s.Out, s.Drop, s.Gap,
		m.Surprise(doc.Text, doc.Tokens(), i), m.Surprise(doc.Text, doc.Tokens(), j+1), s.Pron, s.Pron + s.In + s.Out}
}

// groups collects signal values of labelled spans.
type groups map[string][][]float64

func (g groups) add(label string, v []float64) { g[label] = append(g[label], v) }

// report prints the AUC of each signal for telling pos from each of negs.
func (g groups) report(w io.Writer, title, pos string, negs ...string) {
	fmt.Fprintf(w, "\n%s: ROC AUC of %s (n=%d) against\nsignal", title, pos, len(g[pos]))
	for _, n := range negs {
		fmt.Fprintf(w, "\t%s (n=%d)", n, len(g[n]))
	}
	fmt.Fprintln(w)
	for k, name := range signalNames {
		fmt.Fprint(w, name)
		for _, n := range negs {
			fmt.Fprintf(w, "\t%.3f", auc(column(g[pos], k), column(g[n], k)))
		}
		fmt.Fprintln(w)
	}
}

func column(rows [][]float64, k int) []float64 {
	out := make([]float64, len(rows))
	for i, r := range rows {
		out[i] = r[k]
	}
	return out
}

// auc is the probability that a random positive scores above a random
// negative (ties count half): the area under the ROC curve.
func auc(pos, neg []float64) float64 {
	if len(pos) == 0 || len(neg) == 0 {
		return 0
	}
	neg = slices.Sorted(slices.Values(neg))
	var wins float64
	for _, p := range pos {
		below, _ := slices.BinarySearch(neg, p)
		atOrBelow := below
		for atOrBelow < len(neg) && neg[atOrBelow] == p {
			atOrBelow++
		}
		wins += float64(below) + float64(atOrBelow-below)/2
	}
	return wins / float64(len(pos)) / float64(len(neg))
}

// tokenRange returns the tokens [i, j] inside the byte range r.
func tokenRange(doc *model.Document, r model.Range) (int, int, bool) {
	toks := doc.Tokens()
	i, _ := slices.BinarySearchFunc(toks, r.Start, func(t model.Token, b int) int { return int(t.Start) - b })
	j := i
	for j < len(toks) && int(toks[j].End) <= r.End {
		j++
	}
	return i, j - 1, j > i
}

// driftAUC compares the signals on the drift files: at gold broken spans,
// at neutral spans (correct substitutions), at random spans of the
// untouched original, and among every occurrence of the substituted
// phrases (what a detector's recurring-phrase candidates are).
func driftAUC(w io.Writer, m *fluency.Model, dir string, samples int) error {
	docs, err := loadGoldDirs([]string{dir})
	if err != nil {
		return err
	}
	g := groups{}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, d := range docs {
		collect(g, m, d)
		orig, err := model.ReadDocument(strings.TrimSuffix(d.doc.Path, ".txt") + ".orig.txt")
		if err != nil {
			return err
		}
		toks := orig.Tokens()
		for range samples {
			n := 1 + rng.IntN(4)
			i := rng.IntN(len(toks) - n)
			g.add("clean span", spanSignals(m, orig, i, i+n-1))
		}
	}
	g.report(w, "GUM drift (24 articles)", "broken", "neutral", "clean span")
	g.report(w, "GUM drift, overwrites only", "overwrite", "neutral", "clean span")
	g.report(w, "GUM drift, occurrences of substituted phrases", "broken occurrence", "other occurrence")
	return nil
}

// seedAUC compares the signals on the annotated part of the seed article:
// gold broken spans against the other occurrences of the same phrases.
func seedAUC(w io.Writer, m *fluency.Model, dir string) error {
	docs, err := loadGoldDirs([]string{dir})
	if err != nil {
		return err
	}
	g := groups{}
	for _, d := range docs {
		collect(g, m, d)
	}
	g.report(w, "Seed article, annotated part", "broken", "other occurrence")
	g.report(w, "Seed article, overwrites only", "overwrite", "other occurrence")
	g.report(w, "Seed article, occurrences of substituted phrases", "broken occurrence", "other occurrence")
	return nil
}

// collect adds a document's gold spans ("broken", "overwrite"), neutral
// spans, and every occurrence of their phrases ("broken occurrence" when
// it overlaps a broken span, else "other occurrence"), within the gold's
// scope.
func collect(g groups, m *fluency.Model, d goldDoc) {
	doc, gold := d.doc, d.gold
	phrases := map[string]bool{}
	inScope := func(r model.Range) bool { return gold.Scope == nil || r.Start < gold.Scope.End }
	for _, s := range gold.Spans {
		i, j, ok := tokenRange(doc, s.Range)
		if !ok || !inScope(s.Range) {
			continue
		}
		v := spanSignals(m, doc, i, j)
		g.add("broken", v)
		if s.Category == model.Overwrite {
			g.add("overwrite", v)
		}
		phrases[words(doc, i, j)] = true
	}
	for _, r := range gold.Neutral {
		if i, j, ok := tokenRange(doc, r); ok && inScope(r) {
			g.add("neutral", spanSignals(m, doc, i, j))
			phrases[words(doc, i, j)] = true
		}
	}
	toks := doc.Tokens()
	limit := len(toks)
	if gold.Scope != nil {
		limit, _ = slices.BinarySearchFunc(toks, gold.Scope.End, func(t model.Token, b int) int { return int(t.Start) - b })
	}
	for p := range phrases {
		n := len(strings.Fields(p))
		for i := 0; i+n <= limit; i++ {
			if words(doc, i, i+n-1) != p {
				continue
			}
			label := "other occurrence"
			if d.onGold(model.Range{Start: int(toks[i].Start), End: int(toks[i+n-1].End)}) {
				label = "broken occurrence"
			}
			g.add(label, spanSignals(m, doc, i, i+n-1))
		}
	}
}

// words returns tokens i..j joined by single spaces.
func words(doc *model.Document, i, j int) string {
	var b strings.Builder
	for k := i; k <= j; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		b.WriteString(doc.Tokens()[k].Text(doc.Text))
	}
	return b.String()
}
