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
	for _, d := range docs {
		t.Add(d.gold, detect.DetectWith(d.doc, p), model.BrokenThreshold)
	}
	return t
}

// figures formats a tally's precision, recall and counts for the report.
func figures(t eval.Tally) string {
	p, r, f1, _ := t.Figures()
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.3f (%d on gold, %d false, %d neutral; %d/%d found)",
		p, r, f1, t.OnGold, t.False, t.OnNeutral, t.Found, t.Gold)
}
