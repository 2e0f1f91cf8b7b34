package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"corefix/annotate/fluency"
)

func TestRunFluencyDeterministic(t *testing.T) {
	dir := t.TempDir()
	build := func(name string) []byte {
		out := filepath.Join(dir, name)
		if err := runFluency([]string{"-ewt", "testdata/ewt", "-out", out, "-mintag", "1"}, io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b := build("a.txt"), build("b.txt")
	if !bytes.Equal(a, b) {
		t.Fatal("two builds from the same files differ")
	}
	if _, err := fluency.Parse(a); err != nil {
		t.Fatalf("the built file does not parse: %v", err)
	}
	for _, want := range []string{"Silveira et al. 2014", "Files: a.conllu b.conllu", "\nword\tn't\t", "\nword\tvotes\t"} {
		if !bytes.Contains(a, []byte(want)) {
			t.Errorf("built file lacks %q:\n%s", want, a)
		}
	}
	// The words are the syntactic ones: not the multiword token "won't",
	// not the empty node "lose"; and no tag bigram runs across documents
	// (". The" joins doc-a and doc-b: PUNCT/. is tag 0, DET/DT tag 1).
	if bytes.Contains(a, []byte("won't")) || bytes.Contains(a, []byte("\nword\tlose\t")) {
		t.Errorf("multiword tokens and empty nodes must not be words:\n%s", a)
	}
	if !bytes.Contains(a, []byte("tag\t0\tPUNCT\t.\t4\n")) || !bytes.Contains(a, []byte("tag\t1\tDET\tDT\t3\n")) || bytes.Contains(a, []byte("\nbi\t0\t1\t")) {
		t.Errorf("want tags 0 PUNCT/. and 1 DET/DT, and no bigram 0 1 across documents:\n%s", a)
	}
	if err := runFluency([]string{"-ewt", t.TempDir(), "-out", filepath.Join(dir, "c.txt")}, io.Discard, io.Discard); err == nil {
		t.Error("a folder without CoNLL-U files: want an error")
	}
}

func TestAUC(t *testing.T) {
	for _, c := range []struct {
		pos, neg []float64
		want     float64
	}{
		{[]float64{3, 4}, []float64{1, 2}, 1},
		{[]float64{1, 2}, []float64{3, 4}, 0},
		{[]float64{2}, []float64{2}, 0.5},
		{[]float64{1, 3}, []float64{2, 2}, 0.5},
		{[]float64{3}, []float64{1, 3, 5}, 0.5},
	} {
		if got := auc(c.pos, c.neg); got != c.want {
			t.Errorf("auc(%v, %v) = %v, want %v", c.pos, c.neg, got, c.want)
		}
	}
}
