package main

import (
	"fmt"
	"io"
	"strconv"

	"corefix/annotate/detect"
)

// The copy scorer's operating point: the probability at which it flags a
// copy the hand rules pass over (threshold) and the one below which it
// overrules them (veto), picked on a grid by the whole detector's figures.

// scorerAt returns the trained scorer at an operating point.
type scorerAt func(threshold, veto float64) (*detect.CopyScorer, error)

// The grid the operating point is picked from.
const (
	vetoFrom, vetoTo           = 0.0, 0.61
	thresholdFrom, thresholdTo = 0.4, 0.96
)

// pickPoint returns the scorer at the operating point with the most
// recall on train whose precision there is at least minp and which keeps
// precision and recall at copyKeepFloor on every keep set; the first
// such point on the grid, veto by veto, threshold by threshold. When none
// reaches minp it takes the most precise point that keeps the keep sets.
func pickPoint(w io.Writer, at scorerAt, train []goldDoc, keep [][]goldDoc, minp, step float64, verbose bool) (*detect.CopyScorer, error) {
	kept := func(p detect.Params) bool { return keeps(keep, p) }
	var best, top *detect.CopyScorer
	bestR, topP := -1.0, -1.0
	for _, v := range grid(vetoFrom, vetoTo, step) {
		for _, th := range grid(thresholdFrom, thresholdTo, step) {
			if v > th {
				continue // a veto above the threshold would drop what the scorer alone keeps
			}
			s, err := at(th, v)
			if err != nil {
				return nil, err
			}
			t := tally(train, detect.Params{Copy: s})
			p, r, _, _ := t.Figures()
			if verbose {
				fmt.Fprintf(w, "  veto %.2f threshold %.2f on train: %s\n", v, th, figures(t))
			}
			if p >= minp && r > bestR && kept(detect.Params{Copy: s}) {
				best, bestR = s, r
			}
			if p > topP && kept(detect.Params{Copy: s}) {
				top, topP = s, p
			}
		}
	}
	if best == nil {
		if top == nil {
			return nil, fmt.Errorf("no operating point keeps precision and recall %.2f on -keep", copyKeepFloor)
		}
		fmt.Fprintf(w, "no operating point reaches precision %.3f: taking the most precise, %.3f\n", minp, topP)
		best = top
	}
	fmt.Fprintf(w, "operating point veto %.2f threshold %.2f: train %s\n", best.Veto(), best.Threshold(),
		figures(tally(train, detect.Params{Copy: best})))
	return best, nil
}

// sweep reports the figures on held-out docs around the operating point,
// to show how much it matters there.
func sweep(w io.Writer, at scorerAt, held []goldDoc, dir string, threshold, veto float64) error {
	for _, v := range []float64{decimal(veto - 0.05), veto, decimal(veto + 0.05)} {
		for _, th := range grid(threshold-0.1, threshold+0.16, 0.05) {
			if v < 0 || v > th || th >= 1 {
				continue
			}
			s, err := at(th, v)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  veto %.2f threshold %.2f on %s: %s\n", v, th, dir, figures(tally(held, detect.Params{Copy: s})))
		}
	}
	return nil
}

// grid returns from, from+step, … up to below to, each rounded to the
// nearest decimal of nine places: the points are the decimals a reader
// sees (0.55, not 0.5500000000000003), and the one picked is written to
// the data file as it was measured.
func grid(from, to, step float64) []float64 {
	var out []float64
	for k := 0; ; k++ {
		x := decimal(from + float64(k)*step)
		if x >= to-1e-9 {
			return out
		}
		out = append(out, x)
	}
}

// decimal rounds x to nine decimal places.
func decimal(x float64) float64 {
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 9, 64), 64)
	return y
}
