package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"corefix/model"
)

// TestOrderedKeepsOrder runs items that finish in random order on four
// workers: emit sees them in input order, and never more than the window
// are between next and emit.
func TestOrderedKeepsOrder(t *testing.T) {
	const jobs, n = 4, 500
	r := rand.New(rand.NewSource(1))
	delays := make([]time.Duration, n)
	for i := range delays {
		delays[i] = time.Duration(r.Intn(200)) * time.Microsecond
	}
	var read, inFlight, most atomic.Int64
	next := func() (int, bool, error) {
		i := int(read.Add(1)) - 1
		if i == n {
			return 0, false, nil
		}
		if k := inFlight.Add(1); k > most.Load() {
			most.Store(k)
		}
		return i, true, nil
	}
	work := func(i int) int { time.Sleep(delays[i]); return i * i }
	var got []int
	emit := func(v int) error { inFlight.Add(-1); got = append(got, v); return nil }
	if err := ordered(jobs, next, work, emit); err != nil {
		t.Fatal(err)
	}
	if len(got) != n {
		t.Fatalf("emitted %d items, want %d", len(got), n)
	}
	for i, v := range got {
		if v != i*i {
			t.Fatalf("item %d is %d, want %d", i, v, i*i)
		}
	}
	if most.Load() > jobs*inFlightPerJob {
		t.Errorf("%d items in flight, want at most %d", most.Load(), jobs*inFlightPerJob)
	}
}

// TestOrderedErrors: an emit error stops the pipeline and is returned; a
// reading error comes after every item read before it.
func TestOrderedErrors(t *testing.T) {
	stop := errors.New("stop")
	i := 0
	next := func() (int, bool, error) { i++; return i, true, nil } // endless
	var got []int
	err := ordered(3, next, func(v int) int { return v }, func(v int) error {
		if v == 10 {
			return stop
		}
		got = append(got, v)
		return nil
	})
	if !errors.Is(err, stop) || len(got) != 9 {
		t.Errorf("emit error: %v after %d items, want stop after 9", err, len(got))
	}

	broken := errors.New("read failed")
	j := 0 // not i: the first pipeline's reader may still be calling its next
	var got2 []int
	next2 := func() (int, bool, error) {
		j++
		if j == 6 {
			return 0, false, broken
		}
		return j, true, nil
	}
	err = ordered(3, next2, func(v int) int { return v }, func(v int) error { got2 = append(got2, v); return nil })
	if !errors.Is(err, broken) || fmt.Sprint(got2) != "[1 2 3 4 5]" {
		t.Errorf("read error: %v after %v, want read failed after [1 2 3 4 5]", err, got2)
	}
}

// testArticle is a test article, with its original when it is a drift one
// (exact mode).
type testArticle struct{ name, text, orig string }

// testArticles are the GUM test articles (drift and clean) and the
// sample.
func testArticles(tb testing.TB) []testArticle {
	tb.Helper()
	paths, _ := filepath.Glob("../../testdata/gum/*/*.txt")
	var out []testArticle
	for _, p := range append(paths, "../../testdata/cnn-sessions.txt") {
		if strings.HasSuffix(p, ".orig.txt") {
			continue
		}
		text, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		a := testArticle{name: filepath.Base(p), text: string(text)}
		if o, err := os.ReadFile(strings.TrimSuffix(p, ".txt") + ".orig.txt"); err == nil && strings.Contains(p, "drift") {
			a.orig = string(o)
		}
		out = append(out, a)
	}
	if len(out) < 5 {
		tb.Fatal("too few texts in testdata/gum")
	}
	return out
}

// testDataset is a dataset of the test articles, read as path, and the
// reference output: each record detected on its own through the
// library, as the single loop did.
func testDataset(t *testing.T, path string) (data, want string) {
	t.Helper()
	var lines, out strings.Builder
	for i, a := range testArticles(t) {
		rec := map[string]string{"id": fmt.Sprintf("%d-%s", i, a.name), "text": a.text}
		doc := model.NewDocument(rec["id"], path, a.text)
		var orig *model.Document
		if a.orig != "" {
			rec["original"] = a.orig
			orig = model.NewDocument(rec["id"], path, a.orig)
		}
		line, _ := json.Marshal(rec)
		lines.Write(append(line, '\n'))
		fs, err := findings(doc, orig)
		if err != nil {
			t.Fatal(err)
		}
		if err := model.WriteFindings(&out, doc, fs, false); err != nil {
			t.Fatal(err)
		}
	}
	return lines.String(), out.String()
}

// TestDetectDatasetJobs: every --jobs gives the output of detecting each
// record in turn, bad lines reported on stderr in their place.
func TestDetectDatasetJobs(t *testing.T) {
	p := filepath.Join(t.TempDir(), "data.jsonl")
	data, want := testDataset(t, p)
	first := data[:strings.IndexByte(data, '\n')+1]
	data += "{not json}\n" + first // a bad line, then a duplicate id
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	n := strings.Count(data, "\n")
	wantErr := fmt.Sprintf("corefix: %s:%d: skipped: invalid JSON", p, n-1)
	for _, jobs := range []string{"1", "2", "7"} {
		code, out, errOut := runCLI(t, "", "detect", "--jobs", jobs, "--skip-bad", "--format", "jsonl", p)
		if code != 0 || out != want {
			t.Errorf("--jobs %s: exit %d, output differs from one record at a time (%d bytes, want %d): %s", jobs, code, len(out), len(want), errOut)
		}
		if !strings.HasPrefix(errOut, wantErr) || !strings.Contains(errOut, fmt.Sprintf(":%d: skipped: duplicate id", n)) {
			t.Errorf("--jobs %s: stderr %q", jobs, errOut)
		}
		code, out, errOut = runCLI(t, "", "detect", "--jobs", jobs, "--format", "jsonl", p)
		if code != exitFailure || out != want || !strings.Contains(errOut, fmt.Sprintf("%s:%d: invalid JSON", p, n-1)) {
			t.Errorf("--jobs %s without --skip-bad: exit %d, %d bytes out (want %d before the bad line), %q", jobs, code, len(out), len(want), errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", "detect", "--jobs", "0", p); code != exitUsage || !strings.Contains(errOut, "--jobs 0") {
		t.Errorf("--jobs 0: exit %d, %q", code, errOut)
	}
}

// BenchmarkDetectDataset measures `corefix detect` on an 8 MB JSON Lines
// dataset of the test articles (read, parse, detect, encode, write) in MB/s
// of input, with --jobs as -cpu sets GOMAXPROCS: run it with -cpu 1,2 for
// the speed-up. wordscan-x is how many times faster a plain word scan of
// the same bytes runs on this machine now (the floor of what detection
// could cost).
func BenchmarkDetectDataset(b *testing.B) {
	data := articleDataset(b, 8<<20)
	p := filepath.Join(b.TempDir(), "data.jsonl")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		b.Fatal(err)
	}
	scan := wordScanSeconds(data)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		var errb bytes.Buffer
		if code := run([]string{"detect", "--format", "jsonl", p}, strings.NewReader(""), io.Discard, &errb); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
	perOp := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(perOp/scan, "wordscan-x")
}

// articleDataset is a JSON Lines dataset of about size bytes: the test
// articles' texts in turn (text-only detection).
func articleDataset(b *testing.B, size int) []byte {
	articles := testArticles(b)
	var buf bytes.Buffer
	for i := 0; buf.Len() < size; i++ {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc%06d", i), "text": articles[i%len(articles)].text})
		buf.Write(append(line, '\n'))
	}
	return buf.Bytes()
}

// wordScanSeconds times a plain scan of data for words (runs of ASCII
// letters and digits, counted), the best of three.
func wordScanSeconds(data []byte) float64 {
	best := 0.0
	for range 3 {
		start := time.Now()
		words, in := 0, false
		for _, c := range data {
			w := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
			if w && !in {
				words++
			}
			in = w
		}
		if s := time.Since(start).Seconds(); best == 0 || s < best {
			best = s
		}
		if words == 0 {
			return best
		}
	}
	return best
}

// TestResolveDatasetJobs: a dataset resolved on several cores is each
// line resolved on its own (a dataset of that line alone), in order; a
// bad line fails the whole run, named, with nothing written.
func TestResolveDatasetJobs(t *testing.T) {
	raw, err := os.ReadFile("../../testdata/gum/ontogum-sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var data, want strings.Builder
	for k := range 3 { // six lines, ids made unique
		for i, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
			line = strings.Replace(line, `"id": "`, fmt.Sprintf(`"id": "%d-`, k), 1)
			one := filepath.Join(dir, fmt.Sprintf("one%d%d.jsonl", k, i))
			if err := os.WriteFile(one, []byte(line+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errOut := runCLI(t, "", "resolve", "--jobs", "1", one)
			if code != 0 {
				t.Fatalf("line %d alone: exit %d: %s", i, code, errOut)
			}
			data.WriteString(line + "\n")
			want.WriteString(strings.ReplaceAll(out, one, filepath.Join(dir, "data.jsonl")))
		}
	}
	p := filepath.Join(dir, "data.jsonl")
	if err := os.WriteFile(p, []byte(data.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, jobs := range []string{"1", "3"} {
		if code, out, errOut := runCLI(t, "", "resolve", "--jobs", jobs, p); code != 0 || out != want.String() {
			t.Errorf("--jobs %s: exit %d, output differs from each line alone (%d bytes, want %d): %s", jobs, code, len(out), want.Len(), errOut)
		}
	}
	bad := data.String() + `{"id":"x","text":"no clusters"}` + "\n"
	if err := os.WriteFile(p, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, "", "resolve", "--jobs", "3", p)
	if code != exitFailure || out != "" || !strings.Contains(errOut, p+`:7: record "x" has no "clusters"`) {
		t.Errorf("bad line: exit %d, %d bytes out, %q", code, len(out), errOut)
	}
}
