package detect

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"corefix/annotate/eval"
	"corefix/model"
)

func FuzzDetect(f *testing.F) {
	for _, p := range []string{"../../testdata/cnn-sessions.txt", "../../testdata/gum/drift/GUM_news_afghan.txt"} {
		if data, err := os.ReadFile(p); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("they Democrats his he Sessions Sessions")
	f.Add("\xff\xfe ’s ’ 's he")
	f.Fuzz(func(t *testing.T, text string) {
		doc := model.NewDocument("fuzz", "", text)
		fs := Detect(doc)
		checkFindings(t, doc, fs, true)
		for _, x := range fs {
			if len(x.Proposals) == 0 || x.Message == "" || x.Rule == "" {
				t.Fatalf("finding %+v on %q lacks a proposal, message or rule", x, text)
			}
		}
	})
}

// TestDetectSeedArticle guards the figures on the seed article's scored
// part: every broken finding should be on a gold span, and most gold
// spans should be found (the full figures are in the README).
func TestDetectSeedArticle(t *testing.T) {
	text, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	goldData, err := os.ReadFile("../../testdata/cnn-sessions.gold-dev.json")
	if err != nil {
		t.Fatal(err)
	}
	doc := model.NewDocument("cnn-sessions", "", string(text))
	g, err := model.DecodeGold(goldData, doc)
	if err != nil {
		t.Fatal(err)
	}
	var tally eval.Tally
	tally.Add(g, Detect(doc), model.BrokenThreshold)
	if p, r, _, _ := tally.Figures(); p < 0.9 || r < 0.7 {
		var b bytes.Buffer
		tally.Report(&b)
		t.Errorf("seed article: precision %.3f recall %.3f, want at least 0.9 and 0.7:\n%s", p, r, b.String())
	}
}

// corpus builds a JSON Lines corpus of about size bytes from the test
// articles, as `corefix detect` streams it.
func corpus(b *testing.B, size int) []byte {
	paths, _ := filepath.Glob("../../testdata/gum/*/*.txt")
	paths = append(paths, "../../testdata/cnn-sessions.txt")
	var texts []string
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	var buf bytes.Buffer
	for i := 0; buf.Len() < size; i++ {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("doc%06d", i), "text": texts[i%len(texts)]})
		buf.Write(line)
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// BenchmarkDetectJSONL measures detection on a streamed JSON Lines corpus
// (reading, tokenising, detecting, encoding), in MB/s of input, with the
// shipped parameters (judge) and with the hand rules alone (hand). The
// machine is shared, so it also reports MB per CPU-second of the process
// (cpu-MB/s), which other people's work moves less, and the CPU time against
// a plain word scan of the same bytes (wordscan-x, BenchmarkWordScan): how
// far detection is from the cost of merely reading the words. (cmd/corefix's
// BenchmarkDetectDataset reports the same ratio in wall-clock time.)
func BenchmarkDetectJSONL(b *testing.B) {
	data := corpus(b, 8<<20)
	scan := wordScanTime(data)
	for _, p := range benchParams() {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				ds := model.NewDatasetReader(bytes.NewReader(data))
				w := bufio.NewWriter(io.Discard)
				for {
					rec, err := ds.Next()
					if err != nil {
						break
					}
					doc := rec.Document("bench")
					out, err := model.EncodeFindings(doc, DetectWith(doc, p.params), false)
					if err != nil {
						b.Fatal(err)
					}
					w.Write(out)
				}
			}
			reportSpeed(b, len(data), start, scan)
		})
	}
}

// BenchmarkDetectTexts measures detection alone on the texts of the same
// corpus, read and decoded before the clock starts: BenchmarkDetectJSONL
// without the JSON in and out.
func BenchmarkDetectTexts(b *testing.B) {
	data := corpus(b, 8<<20)
	var texts []string
	ds := model.NewDatasetReader(bytes.NewReader(data))
	size := 0
	for {
		rec, err := ds.Next()
		if err != nil {
			break
		}
		texts = append(texts, rec.Text)
		size += len(rec.Text)
	}
	scan := wordScanTime(data) * time.Duration(size) / time.Duration(len(data))
	for _, p := range benchParams() {
		b.Run(p.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			start := cpuTime()
			for b.Loop() {
				for _, t := range texts {
					DetectWith(model.NewDocument("bench", "", t), p.params)
				}
			}
			reportSpeed(b, size, start, scan)
		})
	}
}

// benchParams are the detectors the benchmarks compare: the shipped one
// and the hand rules it is built on.
func benchParams() []struct {
	name   string
	params Params
} {
	return []struct {
		name   string
		params Params
	}{{"judge", DefaultParams()}, {"hand", HandParams()}}
}

// BenchmarkWordScan is the yardstick of wordscan-x: a plain scan of the
// JSONL corpus for words (runs of ASCII letters and digits, counted), as
// cmd/corefix's BenchmarkDetectDataset scans.
func BenchmarkWordScan(b *testing.B) {
	data := corpus(b, 8<<20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		wordScan(data)
	}
}

// wordScan counts the words of data: runs of ASCII letters and digits.
func wordScan(data []byte) int {
	words, in := 0, false
	for _, c := range data {
		w := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
		if w && !in {
			words++
		}
		in = w
	}
	return words
}

// wordScanTime is the least CPU time of a few word scans of data, the
// yardstick measured in the same run as the benchmark it is compared with.
func wordScanTime(data []byte) time.Duration {
	best := time.Duration(math.MaxInt64)
	for range 5 {
		t := cpuTime()
		wordScan(data)
		best = min(best, cpuTime()-t)
	}
	return best
}

// cpuTime returns the CPU time the process has used (user and system).
func cpuTime() time.Duration {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano() + u.Stime.Nano())
}

// reportSpeed reports cpu-MB/s, the input bytes per CPU-second since
// start, and wordscan-x, the CPU time per operation over scan's.
func reportSpeed(b *testing.B, size int, start, scan time.Duration) {
	cpu := cpuTime() - start
	b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	b.ReportMetric(float64(cpu)/float64(b.N)/float64(scan), "wordscan-x")
}

// BenchmarkDetect measures detection alone on one article.
func BenchmarkDetect(b *testing.B) {
	text, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Detect(model.NewDocument("bench", "", string(text)))
	}
}
