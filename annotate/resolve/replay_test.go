package resolve

import (
	"iter"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"

	"corefix/model"
)

// gumCopies is n copies of the two sample GUM articles one after the
// other as one document, its clusters shifted: a long text with many
// mention lengths, hence many pipelines to try.
func gumCopies(t testing.TB, n int) *model.CorefText {
	t.Helper()
	cds, err := model.ReadClusterFile("../../testdata/gum/ontogum-sample.jsonl", model.ClustersAuto)
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.CorefDocument{ID: "copies"}
	for range n {
		for _, cd := range cds {
			off := len(doc.Tokens)
			shift := func(s model.TokenSpan) model.TokenSpan {
				return model.TokenSpan{Start: s.Start + off, End: s.End + off}
			}
			doc.Tokens = append(doc.Tokens, cd.Tokens...)
			for _, s := range cd.Sentences {
				doc.Sentences = append(doc.Sentences, shift(s))
			}
			for _, c := range cd.Clusters {
				ms := make([]model.TokenSpan, len(c.Mentions))
				for i, m := range c.Mentions {
					ms[i] = shift(m)
				}
				c.Mentions = ms
				doc.Clusters = append(doc.Clusters, c)
			}
		}
	}
	cd := &model.ClusterDoc{CorefDocument: doc}
	text, _ := cd.OwnText()
	ct, err := cd.Match(text, "copies", "copies")
	if err != nil {
		t.Fatal(err)
	}
	return ct
}

// writtenBackwards is what the seed's shrinking list makes of ct with its
// clusters written last first: an order no pipeline corefix knows uses,
// as a model's shuffled clusters.
func writtenBackwards(ct *model.CorefText) string {
	return shrunk(ct, slices.Backward(ct.Doc.Clusters), 0)
}

// writtenBySeed is what the seed's bug makes of ct: clusters by first
// mention, mentions of at most three words.
func writtenBySeed(ct *model.CorefText) string {
	clusters := slices.SortedStableFunc(slices.Values(ct.Doc.Clusters), func(a, b model.CorefCluster) int {
		return firstMention(a) - firstMention(b)
	})
	return shrunk(ct, slices.All(clusters), 3)
}

// shrunk writes the later mentions of the clusters, of at most maxLen
// words (0: all), with the shrinking list, its words spaced by one space.
func shrunk(ct *model.CorefText, clusters iter.Seq2[int, model.CorefCluster], maxLen int) string {
	var targets []model.TokenSpan
	var reps []string
	for _, c := range clusters {
		for _, m := range c.Mentions[min(1, len(c.Mentions)):] {
			if maxLen == 0 || m.Len() <= maxLen {
				targets = append(targets, m)
				reps = append(reps, wordsText(ct, c.Mentions[0]))
			}
		}
	}
	var out []string
	for _, p := range Shrink(len(ct.Words), targets) {
		if p.Changed() {
			out = append(out, reps[p.Sub])
		} else {
			out = append(out, wordsText(ct, model.TokenSpan{Start: p.Lo, End: p.Hi}))
		}
	}
	return strings.Join(out, " ")
}

// A text no pipeline writes is given up on without writing any pipeline
// whole: each is read only until it differs, into buffers the next one
// reuses (a shrinking list still applies all its replacements first, in
// O(log n) each), so what is allocated is proportional to the text, not
// to the text times the pipelines. Bytes allocated, which no load
// changes: 48 per byte of text here (the squeezed text, the words, the
// orders' substitutions, corefix's own resolution, the buffers), where
// main's replay, writing each of its 131 pipelines whole, allocated 2,218.
func TestReplayGivesUpInProportion(t *testing.T) {
	ct := gumCopies(t, 8)
	resolved := writtenBackwards(ct)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, ok := Replay(ct, resolved)
	runtime.ReadMemStats(&after)
	if ok {
		t.Fatal("a pipeline wrote the clusters last first")
	}
	perByte := float64(after.TotalAlloc-before.TotalAlloc) / float64(len(resolved))
	t.Logf("%d bytes, %d words, %d pipelines: %.1f bytes allocated per byte of text", len(resolved), len(ct.Words), len(pipelines(ct.Doc)), perByte)
	if perByte > 150 {
		t.Errorf("the replay allocated %.0f bytes per byte of text, more than 150: does it write every pipeline whole?", perByte)
	}
}

// BenchmarkReplay replays 1.7 MB of text (the sample GUM articles 128
// times): written by the seed's bug, which the fourth pipeline writes,
// and with the clusters last first, which none does. The machine is
// shared: besides wall-clock MB/s it reports MB of text per CPU-second of
// the process (cpu-MB/s), which other people's work moves less.
func BenchmarkReplay(b *testing.B) {
	ct := gumCopies(b, 128)
	for _, bc := range []struct {
		name     string
		resolved string
		replays  bool
	}{{"seed", writtenBySeed(ct), true}, {"none", writtenBackwards(ct), false}} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(int64(len(bc.resolved)))
			b.ReportAllocs()
			start := cpuSeconds()
			for b.Loop() {
				if _, ok := Replay(ct, bc.resolved); ok != bc.replays {
					b.Fatalf("replayed %v, want %v", ok, bc.replays)
				}
			}
			b.ReportMetric(float64(len(bc.resolved))*float64(b.N)/1e6/(cpuSeconds()-start), "cpu-MB/s")
		})
	}
}

// cpuSeconds is the CPU time the process has used, user and system.
func cpuSeconds() float64 {
	var u syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &u)
	return float64(u.Utime.Nano()+u.Stime.Nano()) / 1e9
}
