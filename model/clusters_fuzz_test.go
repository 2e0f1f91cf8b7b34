package model

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// The cluster parsers read files from other programs: whatever they are
// given, they never panic, and what they accept is consistent — every
// mention inside the document's words, and matched onto the text the
// file itself gives, every word and mention inside that text. Whatever
// they read, the writers write it (or say why they cannot) so that it
// reads back as the same words and clusters.

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
	// Mentions of one cluster that cross or repeat, an empty cluster, a
	// type no bracket can hold.
	f.Add([]byte(`{"document": ["a", "b", "c", "d"], "clusters": [[[0, 1], [1, 2]], [[3, 3], [3, 3]], []], "cluster_types": ["x-y", "p", "q"]}`), "a b c d")
	// A mention of a word of white space only (spaCy's line breaks).
	f.Add([]byte(`{"document": ["Ann", "\n", "met", "Bob"], "clusters": [[[1, 1], [0, 1]], [[1, 2]]]}`), "Ann\nmet Bob")
	for i := range wantCoNLLU { // the writers' own test files, nesting and all
		f.Add([]byte(wantCoNLLU[i]), "")
		f.Add([]byte(wantCoNLL2012[i]), "")
	}
	f.Fuzz(func(t *testing.T, data []byte, text string) {
		docs, err := ParseClusters(data, "f", format)
		if err != nil {
			return
		}
		for _, d := range docs {
			if d.Chars == nil {
				checkWritten(t, d.CorefDocument)
			}
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
			checkOffsetsWritten(t, ct)
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

// checkWritten fails unless doc, written in each word format it can be,
// reads back as one document of the same words and clusters.
func checkWritten(t *testing.T, doc *CorefDocument) {
	t.Helper()
	for _, w := range []struct {
		format ClusterFormat
		encode func(*CorefDocument) ([]byte, error)
	}{{ClustersTokens, EncodeTokenClusters}, {ClustersCoNLLU, EncodeCoNLLU}, {ClustersCoNLL2012, EncodeCoNLL2012}} {
		out, err := w.encode(doc)
		if err != nil {
			continue // a document the format cannot hold, said so
		}
		back, err := ParseClusters(out, "w", w.format)
		if err != nil || len(back) != 1 {
			t.Fatalf("%s written:\n%s\nread back: %d documents, %v", w.format, out, len(back), err)
		}
		got := back[0].CorefDocument
		if !slices.EqualFunc(doc.Tokens, got.Tokens, func(a, b CorefToken) bool { return a.Form == b.Form }) {
			t.Fatalf("%s written:\n%s\nwords %q, want %q", w.format, out, forms(got), forms(doc))
		}
		if want, have := clusterSet(doc), clusterSet(got); !slices.EqualFunc(want, have, slices.Equal) {
			t.Fatalf("%s written:\n%s\nclusters %v, want %v", w.format, out, have, want)
		}
	}
}

func forms(doc *CorefDocument) []string {
	out := make([]string, len(doc.Tokens))
	for i, t := range doc.Tokens {
		out[i] = t.Form
	}
	return out
}

// clusterSet is a document's clusters whatever their ids and order: the
// mention lists of those that have mentions, sorted.
func clusterSet(doc *CorefDocument) [][]TokenSpan {
	var out [][]TokenSpan
	for _, c := range doc.Clusters {
		if len(c.Mentions) > 0 {
			out = append(out, c.Mentions)
		}
	}
	slices.SortFunc(out, func(a, b []TokenSpan) int { return slices.CompareFunc(a, b, TokenSpan.Compare) })
	return out
}

// checkOffsetsWritten fails unless ct's clusters written as character
// offsets read back onto its text as mentions of the same stretches of
// it.
func checkOffsetsWritten(t *testing.T, ct *CorefText) {
	t.Helper()
	out, err := json.Marshal(map[string]any{"clusters": ct.OffsetClusters()})
	if err != nil {
		t.Fatal(err)
	}
	back, err := ParseClusters(out, "w", ClustersOffsets)
	if err != nil {
		t.Fatalf("offsets written %s: %v", out, err)
	}
	again, err := back[0].Match(ct.Text, "t", "w")
	if err != nil {
		t.Fatalf("offsets written %s: %v", out, err)
	}
	if want, have := mentionRanges(ct), mentionRanges(again); !slices.EqualFunc(want, have, slices.Equal) {
		t.Fatalf("offsets written %s read back as %v, want %v", out, have, want)
	}
}

// mentionRanges are the byte ranges of the text ct's mentions cover, by
// cluster, white space at their edges left out, for the mentions that
// cover text.
func mentionRanges(ct *CorefText) [][]Range {
	var out [][]Range
	for _, c := range ct.Doc.Clusters {
		var rs []Range
		for _, m := range c.Mentions {
			start := skipSpace(ct.Text, ct.Words[m.Start].Start)
			if end := trimSpaceEnd(ct.Text, start, ct.Words[m.End-1].End); start < end {
				rs = append(rs, Range{start, end})
			}
		}
		if len(rs) > 0 {
			out = append(out, rs)
		}
	}
	return out
}
