package detect

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

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
// (reading, tokenising, detecting, encoding), in MB/s of input.
func BenchmarkDetectJSONL(b *testing.B) {
	data := corpus(b, 8<<20)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		ds := model.NewDatasetReader(bytes.NewReader(data))
		w := bufio.NewWriter(io.Discard)
		for {
			rec, err := ds.Next()
			if err != nil {
				break
			}
			doc := rec.Document("bench")
			out, err := model.EncodeFindings(doc, Detect(doc), false)
			if err != nil {
				b.Fatal(err)
			}
			w.Write(out)
		}
	}
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
