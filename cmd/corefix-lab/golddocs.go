package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"corefix/annotate/detect"
	"corefix/annotate/eval"
	"corefix/model"
)

// The lab's one contact with gold files and scoring (package eval):
// reading a directory of documents with their gold, and scoring detection
// on them.

// goldDoc is a document with its gold.
type goldDoc struct {
	doc  *model.Document
	gold *model.Gold
}

// loadGoldDirs reads every NAME.gold.json, then every NAME.gold-dev.json,
// of each directory, with its NAME.txt, in directory order and by name
// within one: the order is part of what makes training reproducible.
func loadGoldDirs(dirs []string) ([]goldDoc, error) {
	var out []goldDoc
	for _, dir := range dirs {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.gold.json"))
		dev, _ := filepath.Glob(filepath.Join(dir, "*.gold-dev.json"))
		for _, p := range append(paths, dev...) {
			data, err := os.ReadFile(p)
			if err != nil {
				return nil, err
			}
			txt := strings.TrimSuffix(strings.TrimSuffix(p, ".gold.json"), ".gold-dev.json") + ".txt"
			doc, err := model.ReadDocument(txt)
			if err != nil {
				return nil, err
			}
			g, err := model.DecodeGold(data, doc)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			out = append(out, goldDoc{doc, g})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no gold files in %s", strings.Join(dirs, ", "))
	}
	return out, nil
}

// span returns the byte range [start, end) of d's text.
func (d goldDoc) span(start, end int) model.Range {
	return model.Range{Start: start, End: end}
}

// onGold reports whether r overlaps a broken span of the gold.
func (d goldDoc) onGold(r model.Range) bool {
	return eval.AnyOverlap(r, eval.GoldRanges(d.gold.Spans))
}

// onNeutral reports whether r overlaps a correct substitution of the gold.
func (d goldDoc) onNeutral(r model.Range) bool {
	return eval.AnyOverlap(r, d.gold.Neutral)
}

// tally scores detection with parameters p on docs, counting findings of
// confidence model.BrokenThreshold or more, as `corefix eval` does.
func tally(docs []goldDoc, p detect.Params) eval.Tally {
	var t eval.Tally
	eachDetected(docs, p, func(d goldDoc, fs []model.Finding) { t.Add(d.gold, fs, model.BrokenThreshold) })
	return t
}

// eachDetected calls f with each of docs and its findings by p.
func eachDetected(docs []goldDoc, p detect.Params, f func(d goldDoc, fs []model.Finding)) {
	for _, d := range docs {
		f(d, detect.DetectWith(d.doc, p))
	}
}

// tallyCurve is tally, and the precision–recall curve of the same
// findings: a tally at each confidence cut from curveFrom up, in steps of
// curveStep, read by recallAt. (Only the held-out report reads the
// curve: tally's many callers in the trainers' loops pay nothing for it.)
func tallyCurve(docs []goldDoc, p detect.Params) (eval.Tally, []eval.Tally) {
	var t eval.Tally
	curve := make([]eval.Tally, curveCuts)
	eachDetected(docs, p, func(d goldDoc, fs []model.Finding) {
		t.Add(d.gold, fs, model.BrokenThreshold)
		for k := range curve {
			curve[k].Add(d.gold, fs, curveFrom+float64(k)*curveStep)
		}
	})
	return t, curve
}

// The curve's cuts: detection shows nothing below the judge's slot-shown
// confidence (0.35), and a twentieth is finer than a retraining moves it.
const (
	curveFrom = 0.35
	curveStep = 0.05
	curveCuts = 13 // 0.35 to 0.95
)

// recallAt is the most recall any cut of curve reaches at precision p or
// more, 0 where none does. Unlike the figures at one threshold, it does
// not move with where a retraining puts the threshold, so two judges'
// curves compare where their thresholds would not (docs/lab.md).
func recallAt(curve []eval.Tally, p float64) float64 {
	best := 0.0
	for _, t := range curve {
		if prec, r, _, _ := t.Figures(); t.OnGold+t.False > 0 && prec >= p {
			best = max(best, r)
		}
	}
	return best
}

// figures formats a tally's precision, recall and counts for the report.
func figures(t eval.Tally) string {
	p, r, f1, _ := t.Figures()
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (%d on gold, %d false, %d neutral; %d/%d found)",
		p, r, f1, t.OnGold, t.False, t.OnNeutral, t.Found, t.Gold)
}
