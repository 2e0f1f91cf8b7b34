package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/annotate/fluency"
)

func TestReadCoNLLU(t *testing.T) {
	docs, err := readCoNLLUFile("testdata/ewt/a.conllu")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		var forms []string
		for _, w := range d {
			forms = append(forms, w.Form+"/"+w.XPOS)
		}
		got = append(got, strings.Join(forms, " "))
	}
	// Two documents; the multiword token "won't" and the empty node
	// "lose" are not words.
	want := []string{
		"They/PRP lost/VBD the/DT election/NN ./. We/PRP wo/MD n't/RB ./.",
		"The/DT vote/NN counted/VBD ./.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if docs[0][6].UPOS != "AUX" {
		t.Errorf("UPOS of wo = %q, want AUX", docs[0][6].UPOS)
	}
	if _, err := readCoNLLU(strings.NewReader("# c\n1\tx\tx\tX\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("a short line: got %v, want an error naming line 2", err)
	}
}

func TestRunFluencyDeterministic(t *testing.T) {
	dir := t.TempDir()
	build := func(name string) []byte {
		out := filepath.Join(dir, name)
		if err := runFluency([]string{"-ewt", "testdata/ewt", "-out", out, "-mintag", "1"}); err != nil {
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
	if bytes.Contains(a, []byte("won't")) || bytes.Contains(a, []byte("\nword\tlose\t")) {
		t.Errorf("multiword tokens and empty nodes must not be words:\n%s", a)
	}
	if err := runFluency([]string{"-ewt", t.TempDir(), "-out", filepath.Join(dir, "c.txt")}); err == nil {
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
