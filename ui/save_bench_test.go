package ui

import (
	"os"
	"path/filepath"
	"testing"

	"corefix/model"
)

// savedBig is the 20 MB article's annotation saved in a new annotation
// file under b's temporary directory, held open for editing.
func savedBig(b *testing.B) (*model.Workfile, *model.Annotation) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "varied.corefix.json")
	w, err := model.OpenWorkfile(path, "bench")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { w.Close() })
	a := bigAnnotation(b)
	if err := w.Save(a.Snapshot()); err != nil {
		b.Fatal(err)
	}
	return w, a
}

// decide accepts (or, when already decided, resets) span i.
func decide(b *testing.B, a *model.Annotation, i int) {
	b.Helper()
	var err error
	if a.Span(i).Status == model.Pending {
		err = a.Reject(i)
	} else {
		err = a.Reset(i)
	}
	if err != nil {
		b.Fatal(err)
	}
}

// reportSize reports the annotation file at path (and its journal, if
// any) as a multiple of the article.
func reportSize(b *testing.B, path string, article int) {
	b.Helper()
	var n int64
	for _, p := range []string{path, model.JournalPath(path)} {
		if st, err := os.Stat(p); err == nil {
			n += st.Size()
		}
	}
	b.ReportMetric(float64(n)/float64(article), "x-article")
}

// BenchmarkSaveDecision20MB is one decision saved on the 20 MB article
// (400,000-odd spans): what the editor's save after a key costs on disk.
func BenchmarkSaveDecision20MB(b *testing.B) {
	w, a := savedBig(b)
	i := 0
	for b.Loop() {
		decide(b, a, (i*7919)%a.Len())
		if err := w.Save(a.Snapshot()); err != nil {
			b.Fatal(err)
		}
		i++
	}
	reportSize(b, w.Path, len(a.Doc.Text))
}

// BenchmarkQuit20MB is closing the annotation file after a decision was
// saved: the fold of the journal into the file on quit.
func BenchmarkQuit20MB(b *testing.B) {
	w, a := savedBig(b)
	path := w.Path
	w.Close()
	for b.Loop() {
		b.StopTimer()
		w, err := model.OpenWorkfile(path, "bench")
		if err != nil {
			b.Fatal(err)
		}
		if a, err = w.Load(); err != nil {
			b.Fatal(err)
		}
		decide(b, a, 1000)
		if err := w.Save(a.Snapshot()); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	reportSize(b, path, len(a.Doc.Text))
}

// BenchmarkOpen20MB is loading the 20 MB article's annotation file as
// `corefix review` (and apply, export…) does: the file alone, and the
// file with 200 saved decisions not yet folded into it (an editor that
// was killed).
func BenchmarkOpen20MB(b *testing.B) {
	for _, decisions := range []int{0, 200} {
		b.Run(map[int]string{0: "folded", 200: "journal-200"}[decisions], func(b *testing.B) {
			w, a := savedBig(b)
			for i := range decisions {
				decide(b, a, i*97)
				if err := w.Save(a.Snapshot()); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(len(a.Doc.Text)))
			for b.Loop() {
				got, err := model.ReadAnnotationFile(w.Path)
				if err != nil {
					b.Fatal(err)
				}
				if got.Counts()[model.Rejected] != decisions {
					b.Fatalf("%d rejected, want %d", got.Counts()[model.Rejected], decisions)
				}
			}
		})
	}
}
