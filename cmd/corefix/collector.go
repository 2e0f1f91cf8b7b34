package main

import (
	"os"
	"runtime/debug"
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

// lean counts the detections running with the collector's goal
// lowered (the editor's regions and its antecedent panel's mentions may
// overlap), and keeps the goal to restore when the last ends.
var lean struct {
	sync.Mutex
	n   int
	old int
}

// leanCollector lowers the collector's goal for the detection of a text
// of n bytes, when it is long and GOGC was not set by the user, and
// returns what restores it once no other lowered it too.
func leanCollector(n int) (restore func()) {
	if n < leanBytes || os.Getenv("GOGC") != "" {
		return func() {}
	}
	lean.Lock()
	defer lean.Unlock()
	if lean.n++; lean.n == 1 {
		lean.old = debug.SetGCPercent(leanPercent)
	}
	var once sync.Once
	return func() {
		once.Do(func() {
			lean.Lock()
			defer lean.Unlock()
			if lean.n--; lean.n == 0 {
				debug.SetGCPercent(lean.old)
			}
		})
	}
}
