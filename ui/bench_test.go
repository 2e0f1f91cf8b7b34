package ui

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"corefix/annotate/detect"
	"corefix/model"
	"corefix/ui/varied"
)

// benchSize is the article size of the acceptance criteria (issue 16).
const benchSize = 20 << 20

// varied20MB is a 20 MB article of varied text (see internal/varied) with the
// findings of the real detectors, made once per test binary: detecting it
// takes seconds.
var varied20MB = sync.OnceValues(func() (*model.Document, []model.Finding) {
	text := varied.Text(benchSize)
	doc := model.NewDocument("varied", "varied.txt", text)
	return doc, detect.Detect(doc)
})

// bigAnnotation is a fresh annotation of the 20 MB article with its
// findings, every span pending.
func bigAnnotation(b *testing.B) *model.Annotation {
	b.Helper()
	doc, fs := varied20MB()
	a, err := model.NewAnnotation(doc, fs, model.FromDetector)
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// firstFrame is the work from having the annotation to the first screen.
func firstFrame(a *model.Annotation) *Model {
	m := New(a, displayOnly("bench.corefix.json"), Options{}) // never saved here
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m.View()
	return m
}

func BenchmarkFirstFrameSample(b *testing.B) {
	a := fixture(b)
	for b.Loop() {
		firstFrame(a)
	}
}

// BenchmarkFirstFrame20MB is the first screen of the 20 MB article: with
// its findings (an annotation resumed), and with none yet (a new one,
// whose detection runs after the first frame).
func BenchmarkFirstFrame20MB(b *testing.B) {
	b.Run("findings", func(b *testing.B) {
		a := bigAnnotation(b)
		b.SetBytes(int64(len(a.Doc.Text)))
		for b.Loop() {
			firstFrame(a)
		}
	})
	b.Run("detecting", func(b *testing.B) {
		doc, _ := varied20MB()
		b.SetBytes(int64(len(doc.Text)))
		for b.Loop() {
			a, err := model.NewAnnotation(model.NewDocument(doc.ID, doc.Path, doc.Text), nil, model.FromDetector)
			if err != nil {
				b.Fatal(err)
			}
			firstFrame(a)
		}
	})
}

// settled is the editor on a as a reader has it by the first key: a is
// resumed (read after the first frame, as cmd/corefix reads a saved
// annotation) and the work that follows is run, to the release of
// memory that ends it on a long article (thenRelease). A benchmark
// process holds more garbage than a reader's session, each case's
// set-up adding its own: set up without that release, the last cases
// met a collection starting at their first keys, whose mark worker took
// the only P (-cpu 1) for up to 10 ms at a time.
func settled(b *testing.B, a *model.Annotation) *Model {
	b.Helper()
	blank, err := model.NewAnnotation(a.Doc, nil, model.FromDetector)
	if err != nil {
		b.Fatal(err)
	}
	m := New(blank, displayOnly("bench.corefix.json"), Options{Load: func() (*model.Annotation, error) { return a, nil }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_ = m.View()
	_, cmd := m.Update(detectGoMsg{})
	run(m, cmd, &result{})
	if m.a != a {
		b.Fatal("the annotation was not resumed")
	}
	return m
}

// BenchmarkKey20MB measures a key press to the next frame (Update + View)
// on the 20 MB article with its 400,000-odd findings, once the editor
// settled after the first frame. A case of several keys presses them in
// turn, one per iteration: ns/op is the mean of its keys, max-ms the
// slowest key, which the mean hides.
func BenchmarkKey20MB(b *testing.B) {
	a := bigAnnotation(b)
	for _, bm := range []struct {
		name    string
		keys    []string
		decides bool // the keys change the annotation: checked, lest they measure typing
	}{
		{"next", []string{"n"}, false},
		{"prev", []string{"p"}, false},
		{"scroll", []string{"j"}, false},
		{"pagedown", []string{"pgdown"}, false},
		{"end-home", []string{"end", "home"}, false},
		// Both re-wrap around the span and start a save. The first
		// finding's first proposal names a word to type (1 opens the
		// input): 2 accepts.
		{"accept-undo", []string{"2", "u"}, true},
		{"reject-undo-redo", []string{"r", "u", "ctrl+r"}, true},
		{"edit-commit", []string{"e", "x", "enter"}, true}, // open the input, type, commit (and move on)
		{"mark-commit-undo", []string{"m", "enter", "esc", "u"}, true},
		{"note", []string{"N", "x", "enter"}, true},
		{"filter", []string{"f"}, false},
		{"confidence-next", []string{"o", "n", "n", "o"}, false},
		{"search", []string{"/", "t", "h", "e", "enter"}, false},
		// Not in the article: enter searches the text near the
		// screen, a Cmd (not run here) the rest.
		{"search-far", []string{"/", "q", "u", "a", "r", "t", "z", "enter"}, false},
	} {
		b.Run(bm.name, func(b *testing.B) {
			m := settled(b, a)
			// With fewer iterations than keys (-benchtime 1x) the
			// sequence never ends, and nothing is decided yet.
			if pressed := pressInTurn(b, m, bm.keys); bm.decides && pressed >= len(bm.keys) && m.version == 0 {
				b.Fatalf("%v changed nothing", bm.keys)
			}
		})
	}
	// n by confidence after a mark (a span inserted) and after its undo
	// (the span removed).
	b.Run("confidence-mark-undo", func(b *testing.B) {
		m := settled(b, bigAnnotation(b))
		m.Update(keyMsg("o"))
		pressInTurn(b, m, []string{"m", "enter", "esc", "n", "u", "n"})
	})
	// n by confidence among the decided findings, the 10 most confident:
	// every tenth n goes round past every pending one.
	b.Run("confidence-decided", func(b *testing.B) {
		a := bigAnnotation(b)
		rejectMostConfident(b, a, 10)
		m := settled(b, a)
		for _, k := range []string{"o", "f", "f"} { // by confidence, filter "decided"
			m.Update(keyMsg(k))
		}
		pressInTurn(b, m, []string{"n"})
	})
}

// pressInTurn presses keys in turn, one per iteration, each followed by
// the frame it leads to, and reports the slowest as max-ms. It returns
// how many keys it pressed.
func pressInTurn(b *testing.B, m *Model, keys []string) int {
	var slowest time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		m.Update(keyMsg(keys[i%len(keys)]))
		m.saving = false         // the save Cmd is not run here; let the next decision snapshot again
		m.search.hunting = false // nor a search's: let the next keys act rather than wait for it
		_ = m.View()
		slowest = max(slowest, time.Since(start))
		i++
	}
	b.ReportMetric(float64(slowest)/float64(time.Millisecond), "max-ms")
	return i
}

// rejectMostConfident rejects the n most confident spans of a.
func rejectMostConfident(b *testing.B, a *model.Annotation, n int) {
	b.Helper()
	idx := make([]int, a.Len())
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(a.Span(y).Confidence, a.Span(x).Confidence) })
	for _, i := range idx[:n] {
		if err := a.Reject(i); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRank20MB is the confidence order of the 20 MB article's
// findings built from scratch: in the background once the spans are
// there, and on a key only when it needs the order before that is done.
func BenchmarkRank20MB(b *testing.B) {
	a := bigAnnotation(b)
	for b.Loop() {
		newRank(a, byConfidence, 0)
	}
}

// BenchmarkSearch20MB is a search of the 20 MB article for a word it
// lacks, the whole text looked at: the work of the Cmd a far search hands
// on (see hunt), which no key waits for.
func BenchmarkSearch20MB(b *testing.B) {
	doc, _ := varied20MB()
	b.SetBytes(int64(len(doc.Text)))
	for b.Loop() {
		if at, _ := newHunt(doc.Text, "quartz", len(doc.Text)/2).step(math.MaxInt); at >= 0 {
			b.Fatalf("quartz found at %d", at)
		}
	}
}

// BenchmarkMemory20MB reports the heap the editor holds on the 20 MB
// article with its findings, in MB and as a multiple of the article.
func BenchmarkMemory20MB(b *testing.B) {
	doc, fs := varied20MB()
	for b.Loop() {
		b.StopTimer()
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		b.StartTimer()
		d := model.NewDocument(doc.ID, doc.Path, doc.Text)
		a, err := model.NewAnnotation(d, fs, model.FromDetector)
		if err != nil {
			b.Fatal(err)
		}
		m := firstFrame(a)
		b.StopTimer()
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		runtime.KeepAlive(m)
		heap := float64(after.HeapAlloc-before.HeapAlloc) + float64(len(doc.Text)) // the text is shared with the fixture: count it
		b.ReportMetric(heap/(1<<20), "heap-MB")
		b.ReportMetric(heap/float64(len(doc.Text)), "x-article")
		b.StartTimer()
	}
}
