package main

import (
	"fmt"
	"io"

	"corefix/annotate/eval"
)

// pooled gathers the held-out tallies of every fold by variant: each
// document is scored by the judge that never saw its genre, and the
// report pools the six genres, as the closing figures are quoted.
type pooled struct {
	variants []string
	by       map[string]*pooledVariant
}

// pooledVariant is one variant's tally at the threshold and its curve.
type pooledVariant struct {
	t     eval.Tally
	curve []eval.Tally
}

// add adds one fold's tally and curve of variant v.
func (p *pooled) add(v string, t eval.Tally, curve []eval.Tally) {
	if p.by == nil {
		p.by = map[string]*pooledVariant{}
	}
	pv := p.by[v]
	if pv == nil {
		pv = &pooledVariant{curve: make([]eval.Tally, len(curve))}
		p.by[v] = pv
		p.variants = append(p.variants, v)
	}
	pv.t.Merge(t)
	for k := range curve {
		pv.curve[k].Merge(curve[k])
	}
}

// report prints a line per variant with gold spans: every genre held
// out, pooled.
func (p *pooled) report(w io.Writer) {
	for _, v := range p.variants {
		if pv := p.by[v]; pv.t.Gold > 0 {
			fmt.Fprintf(w, "all genres %-10s judge %s, %s\n", v, figures(pv.t), curveFigures(pv.curve))
		}
	}
}

// curveFigures formats the recall a curve reaches at the precisions the
// detection issue's targets name.
func curveFigures(curve []eval.Tally) string {
	return fmt.Sprintf("R@P0.90 %.3f R@P0.85 %.3f", recallAt(curve, 0.90), recallAt(curve, 0.85))
}
