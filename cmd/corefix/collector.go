package main

import (
	"os"
	"runtime/debug"
	"slices"
	"sync"
)

// Detecting a long text keeps its whole-text pass alive throughout (the
// tokens, their classes and word hashes, the fluency profile, the
// candidates: some 14 times the text), while it allocates and drops
// several times that. At the collector's default goal the heap grows to
// twice the live part before a cycle; at a quarter more it stays close
// to it, for no measurable time: most of what is live is arrays without
// pointers, which a cycle does not scan. At 20 MB of varied text `corefix
// detect` peaked at 592-597 MB RSS before, 370-398 MB after, and the
// editor at 869 MB before, 549 MB after; user time within the noise.

// leanBytes is the shortest text whose detection runs with the
// collector's goal lowered: below it the models loaded at start are
// most of the heap, and a low goal only adds cycles.
const leanBytes = 1 << 20

// leanPercent is the collector's goal (GOGC) while a long text is
// detected.
const leanPercent = 25

// ratingPercent is the collector's goal while a long text's regions are
// rated, after its pass: the pass (its tokens, mentions and seeds) stays
// live to the last region beside the spans arriving, while a region
// allocates a megabyte or two, all of it garbage once its findings are
// spans. A quarter over that live heap was the editor's peak at 20 MB
// (the heap 205 MB, 168 live; 216-224 MB RSS); at a tenth over, the
// collections while rating took 1.0 s of CPU where they took 0.8 at a
// quarter, once the regions' buffers were kept (detect.Regions) and
// each arriving span no longer made on the heap (model.AddFound): the
// pass's arrays hold no pointers, so a cycle marks little.
const ratingPercent = 10

// keptPercent is the collector's goal while a long text's work keeps
// most of what it allocates: reading its annotation file (the file's
// bytes, then the spans) and the antecedent panel's mentions (the
// tokens, the mentions, their index). At 20 MB the editor's heap then
// rose a quarter over what it held, to 256 and 249 MB with the spans;
// at a tenth over, its peak RSS on a reopen went 279-284 -> 250-253 MB
// (2 runs each), the reading no slower. A detection, which allocates
// several times what it keeps, at a tenth ran 27% longer.
const keptPercent = 10

// lean holds the goals of the passes running with the collector's goal
// lowered (the editor's regions and its antecedent panel's mentions
// may overlap), the lowest of which is set, and the goal to restore
// when the last ends.
var lean struct {
	sync.Mutex
	percents []int
	old      int
}

// leanCollector lowers the collector's goal to percent for the work on
// a text of n bytes, when it is long and GOGC was not set by the user,
// and returns what restores it once no other lowered it too.
func leanCollector(n, percent int) (restore func()) {
	if n < leanBytes || os.Getenv("GOGC") != "" {
		return func() {}
	}
	lean.Lock()
	defer lean.Unlock()
	if len(lean.percents) == 0 {
		lean.old = debug.SetGCPercent(percent)
	}
	lean.percents = append(lean.percents, percent)
	debug.SetGCPercent(slices.Min(lean.percents))
	var once sync.Once
	return func() {
		once.Do(func() {
			lean.Lock()
			defer lean.Unlock()
			i := slices.Index(lean.percents, percent)
			lean.percents = slices.Delete(lean.percents, i, i+1)
			if len(lean.percents) == 0 {
				debug.SetGCPercent(lean.old)
			} else {
				debug.SetGCPercent(slices.Min(lean.percents))
			}
		})
	}
}
