package main

import (
	"fmt"
	"runtime"
	"sync/atomic"

	"corefix/annotate/align"
	"corefix/annotate/detect"
	"corefix/model"
	"corefix/ui"
)

// detection is how the editor finds the spans of a new annotation of doc
// (ui.Options.Detect): the detectors region by region, the region on
// screen first (detect.Regions); in exact mode (orig given) the
// alignment, all at once, as one region.
func detection(doc, orig *model.Document) ui.Detection {
	if orig != nil {
		return &alignment{doc: doc, orig: orig}
	}
	return &regions{doc: doc}
}

// regions is the detectors' ui.Detection.
type regions struct {
	doc  *model.Document
	r    *detect.Regions
	left int          // regions not found yet: at 0 the pass is let go
	step atomic.Value // the step of Prepare's pass, a string, for Preparing
	lean func()       // restores the collector's goal once the pass is let go
}

// Preparing says which step of the whole-text pass Prepare is at.
func (d *regions) Preparing() string {
	s, _ := d.step.Load().(string)
	return s
}

// Prepare makes detection's pass over the whole text, on a detached
// document (see detached), with the collector's goal lowered on a long
// text (leanCollector): to leanPercent for the pass, then to
// ratingPercent until the last region is found.
func (d *regions) Prepare() (int, error) {
	pass := leanCollector(len(d.doc.Text), leanPercent)
	d.r = detect.NewRegions(detached(d.doc), detect.DefaultParams(), func(what string, k, n int) {
		d.step.Store(fmt.Sprintf("%s (%d/%d)", what, k, n))
	})
	pass()
	d.lean = leanCollector(len(d.doc.Text), ratingPercent)
	d.left = d.r.Len()
	return d.left, nil
}

func (d *regions) Bounds(k int) (int, int) { return d.r.Bounds(k) }

// Find finds region k, each once. After the last the whole-text pass is
// let go: the editor's options hold this Detection for as long as it
// runs, and the pass is most of the heap of a long article (at 20 MB,
// 400 of its 500 MB).
func (d *regions) Find(k int) ([]model.Finding, error) {
	if d.r == nil {
		return nil, fmt.Errorf("region %d: every region was found already", k)
	}
	fs := d.r.Find(k)
	if d.left--; d.left == 0 {
		// The pass is collected before the collector's goal is
		// restored: the work the spans start next (the antecedent
		// panel's mentions, the confidence order, a save) would
		// otherwise grow the heap from twice the pass's size.
		d.r = nil
		runtime.GC()
		d.lean()
	}
	return fs, nil
}

// alignment is exact mode's ui.Detection: one region, the whole text.
type alignment struct {
	doc, orig *model.Document
	fs        []model.Finding
}

func (d *alignment) Prepare() (n int, err error) {
	d.fs, err = align.Align(d.orig, d.doc)
	return 1, err
}

func (d *alignment) Preparing() string                 { return "aligning with the original" }
func (d *alignment) Bounds(int) (int, int)             { return 0, len(d.doc.Text) }
func (d *alignment) Find(int) ([]model.Finding, error) { return d.fs, nil }
