package main

import (
	"reflect"
	"testing"
	"time"

	"corefix/annotate/detect"
	"corefix/model"
	"corefix/ui/varied"
)

// foundByRegions gives a new annotation of doc the findings of the
// editor's detection region by region, from the region holding byte
// from on, then from the start (as the editor asks for them when the
// screen shows from), and returns its spans' findings.
func foundByRegions(t testing.TB, doc *model.Document, from int) []model.Finding {
	t.Helper()
	a, err := model.NewAnnotation(doc, nil, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	d := detection(doc, nil)
	n, err := d.Prepare()
	if err != nil {
		t.Fatal(err)
	}
	first := 0
	for k := range n {
		if start, _ := d.Bounds(k); start <= from {
			first = k
		}
	}
	for k := range n {
		fs, err := d.Find((first + k) % n)
		if err == nil {
			err = a.AddFound(fs, model.FromDetector)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := a.AllFound(); err != nil {
		t.Fatal(err)
	}
	out := make([]model.Finding, a.Len())
	for i, s := range a.Spans() {
		out[i] = s.Finding
	}
	return out
}

// sameAsDetect fails t unless fs are detect.Detect's findings of text.
func sameAsDetect(t *testing.T, text string, fs []model.Finding) {
	t.Helper()
	want := detect.Detect(model.NewDocument("d", "", text))
	if len(want) == 0 {
		t.Fatal("no findings to compare")
	}
	if len(fs) != len(want) {
		t.Fatalf("the editor found %d findings region by region, detect %d", len(fs), len(want))
	}
	for i := range fs {
		if !reflect.DeepEqual(fs[i], want[i]) {
			t.Fatalf("finding %d: the editor's\n%+v\ndetect's\n%+v", i, fs[i], want[i])
		}
	}
}

// TestEditorFindsWhatDetectFinds: the editor's detection, region by
// region from the middle of a varied article of 300 KB, gives the
// annotation exactly the findings `corefix detect` finds, IDs included.
func TestEditorFindsWhatDetectFinds(t *testing.T) {
	if testing.Short() {
		t.Skip("300 KB detected twice: -short skips it")
	}
	text := varied.Text(300 << 10)
	sameAsDetect(t, text, foundByRegions(t, model.NewDocument("v", "", text), len(text)/2))
}

// TestEditorFindsWhatDetectFindsLong is that on 5 MB.
func TestEditorFindsWhatDetectFindsLong(t *testing.T) {
	requireHeavy(t)
	text := varied.Text(5 << 20)
	sameAsDetect(t, text, foundByRegions(t, model.NewDocument("v", "", text), len(text)/3))
}

// BenchmarkFirstFindings20MB times the editor's detection of a 20 MB
// article of varied text, as it runs after the first frame: the pass
// over the whole text and the findings of the region on screen (the
// first: a new annotation opens at the top), then every other region.
// It reports seconds to the first findings and to all of them.
func BenchmarkFirstFindings20MB(b *testing.B) {
	text := varied.Text(20 << 20)
	var first, all time.Duration
	for b.Loop() {
		start := time.Now()
		d := detection(model.NewDocument("v", "", text), nil)
		n, err := d.Prepare()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := d.Find(0); err != nil {
			b.Fatal(err)
		}
		first += time.Since(start)
		for k := 1; k < n; k++ {
			if _, err := d.Find(k); err != nil {
				b.Fatal(err)
			}
		}
		all += time.Since(start)
	}
	b.ReportMetric(first.Seconds()/float64(b.N), "s-to-first-findings")
	b.ReportMetric(all.Seconds()/float64(b.N), "s-to-all-findings")
}

// TestRegionsLetThePassGo checks that the editor's detection lets its
// whole-text pass go once every region is found (the editor keeps the
// Detection for its whole run), and refuses to find a region again.
func TestRegionsLetThePassGo(t *testing.T) {
	d := detection(model.NewDocument("d", "", varied.Text(200<<10)), nil).(*regions)
	n, err := d.Prepare()
	if err != nil || n < 2 {
		t.Fatalf("Prepare = %d, %v: want regions", n, err)
	}
	for k := range n {
		if d.r == nil {
			t.Fatalf("the pass was let go after %d of %d regions", k, n)
		}
		if _, err := d.Find(k); err != nil {
			t.Fatal(err)
		}
	}
	if d.r != nil {
		t.Error("the pass is still held after the last region")
	}
	if _, err := d.Find(0); err == nil {
		t.Error("a region found again: want an error")
	}
}
