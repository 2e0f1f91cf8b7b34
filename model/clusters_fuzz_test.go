package model

import (
	"os"
	"path/filepath"
	"testing"
)

// The cluster parsers read files from other programs: whatever they are
// given, they never panic, and what they accept is consistent — every
// mention inside the document's words, and matched onto the text the
// file itself gives, every word and mention inside that text.

func FuzzClustersTokens(f *testing.F) { fuzzClusters(f, ClustersTokens, "paris.allennlp.json") }

func FuzzClustersOffsets(f *testing.F) { fuzzClusters(f, ClustersOffsets, "paris.fastcoref.json") }

func FuzzClustersCoNLLU(f *testing.F) { fuzzClusters(f, ClustersCoNLLU, "paris.conllu") }

func FuzzClustersCoNLL2012(f *testing.F) { fuzzClusters(f, ClustersCoNLL2012, "paris.conll") }

func fuzzClusters(f *testing.F, format ClusterFormat, sample string) {
	data, err := os.ReadFile(filepath.Join(clusterSamples, sample))
	if err != nil {
		f.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(clusterSamples, "paris.txt"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data, string(text))
	f.Add([]byte(`{"id": "x", "text": "Ann met Bob .", "tokens": [[0, 3], [4, 7], [8, 11], [12, 13]], "clusters": [[[0, 0], [2, 2]]], "sentences": [[0, 3]]}`), "Ann met Bob .")
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		docs, err := ParseClusters(data, "f", format)
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, c := range d.Clusters {
				for _, m := range c.Mentions {
					if m.Start < 0 || m.End > len(d.Tokens) || m.Start >= m.End {
						t.Fatalf("mention %v outside the %d words", m, len(d.Tokens))
					}
				}
			}
			for _, c := range d.Chars {
				for _, m := range c {
					if m.Start < 0 || m.Start >= m.End {
						t.Fatalf("character mention %v", m)
					}
				}
			}
			own, ok := d.OwnText()
			if !ok {
				own = text
			}
			ct, err := d.Match(own, "t", "f")
			if err != nil {
				if ok && d.Chars == nil {
					t.Fatalf("the words do not fit their own text %q: %v", own, err)
				}
				continue
			}
			checkMatched(t, ct)
		}
	})
}

// checkMatched fails unless every word of ct is a range of its text after
// the one before, and every mention covers words.
func checkMatched(t *testing.T, ct *CorefText) {
	t.Helper()
	prev := 0
	for i, w := range ct.Words {
		if w.Start < prev || w.End < w.Start || w.End > len(ct.Text) {
			t.Fatalf("word %d %v after %d, text of %d bytes", i, w, prev, len(ct.Text))
		}
		prev = w.End
	}
	if len(ct.Doc.Tokens) != len(ct.Words) {
		t.Fatalf("%d words, %d ranges", len(ct.Doc.Tokens), len(ct.Words))
	}
	for _, c := range ct.Doc.Clusters {
		for _, m := range c.Mentions {
			if m.Start < 0 || m.End > len(ct.Words) || m.Start >= m.End {
				t.Fatalf("mention %v outside the %d words", m, len(ct.Words))
			}
		}
	}
}
