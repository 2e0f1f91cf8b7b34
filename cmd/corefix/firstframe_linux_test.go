package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"corefix/model"
	"corefix/ui/varied"
)

// frameSizes are the article sizes of the first-frame figures (issue 16).
var frameSizes = []struct {
	name string
	size int
}{
	{"10KB", 10 << 10},
	{"1MB", 1 << 20},
	{"5MB", 5 << 20},
	{"20MB", 20 << 20},
}

// Terminal size of the figures.
const frameW, frameH = 120, 40

// frameFixture is a directory holding article.txt of varied text
// (internal/varied) and, when resumed, its annotation file with every
// finding of the detectors, pending.
type frameFixture struct {
	dir, article string
	firstWords   string // the article's first words, to see it on screen
}

var frameFixtures sync.Map // "size/resumed" -> func() (*frameFixture, error)

// frameDirs are the fixtures' directories, kept from one run of a
// benchmark to the next (-count) and removed when the tests end.
var frameDirs sync.Map

// removeFrameFixtures removes the fixtures' directories.
func removeFrameFixtures() {
	frameDirs.Range(func(dir, _ any) bool {
		os.RemoveAll(dir.(string))
		return true
	})
}

// fixtureFor makes (once per test binary: detecting 20 MB takes seconds)
// the fixture of size bytes.
func fixtureFor(b *testing.B, size int, resumed bool) *frameFixture {
	b.Helper()
	build := sync.OnceValues(func() (*frameFixture, error) {
		dir, err := os.MkdirTemp("", "corefix-frame-")
		if err != nil {
			return nil, err
		}
		frameDirs.Store(dir, true)
		text := varied.Text(size)
		f := &frameFixture{dir: dir, article: filepath.Join(dir, "article.txt"), firstWords: strings.Join(strings.Fields(text)[:5], " ")}
		if err := os.WriteFile(f.article, []byte(text), 0o644); err != nil {
			return nil, err
		}
		if !resumed {
			return f, nil
		}
		doc := model.NewDocument("article", f.article, text)
		fs, err := findings(detached(doc), nil)
		if err != nil {
			return nil, err
		}
		a, err := model.NewAnnotation(doc, fs, model.FromDetector)
		if err != nil {
			return nil, err
		}
		return f, model.SaveAnnotation(model.AnnotationPath(f.article), a)
	})
	got, _ := frameFixtures.LoadOrStore(fmt.Sprint(size, "/", resumed), build)
	f, err := got.(func() (*frameFixture, error))()
	if err != nil {
		b.Fatal(err)
	}
	return f
}

// frameShown reports whether screen is the editor's whole first frame:
// the header naming the article, the article's first words, and the
// keys' help on the last row (the screen's trailing blank rows are
// trimmed, so the last row shows only once it is drawn).
func frameShown(screen, firstWords string) bool {
	return strings.HasPrefix(screen, "article.txt →") && strings.Contains(screen, firstWords) &&
		strings.Count(screen, "\n") == frameH-1
}

// BenchmarkFirstFrameTerminal is `corefix review article.txt` started as
// a user does, a process of its own in a 120×40 pseudo-terminal, until
// its first whole frame is on the terminal's screen: process start,
// reading the article, the annotation file, the terminal's setup and the
// frame. "new" has no annotation file yet (its detection runs after the
// first frame), "resumed" has one with every finding. The editor is
// killed once the frame is out (outside the timing): nothing is saved
// before a decision.
func BenchmarkFirstFrameTerminal(b *testing.B) {
	for _, sz := range frameSizes {
		for _, resumed := range []bool{false, true} {
			name := sz.name + "/new"
			if resumed {
				name = sz.name + "/resumed"
			}
			b.Run(name, func(b *testing.B) {
				f := fixtureFor(b, sz.size, resumed)
				b.SetBytes(int64(sz.size))
				for b.Loop() {
					tm := startTerminal(b, f.dir, frameW, frameH, "review", "article.txt")
					if !tm.waitUntil(func(s string) bool { return frameShown(s, f.firstWords) }, time.Minute) {
						b.Fatalf("no first frame in a minute; the screen:\n%s\nstderr: %s", tm.screen(), tm.stderr)
					}
					b.StopTimer()
					tm.cmd.Process.Kill()
					<-tm.exited
					tm.master.Close()
					b.StartTimer()
				}
			})
		}
	}
}
