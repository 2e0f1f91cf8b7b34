package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"corefix/annotate/fluency"
)

// slotConllu has, in order: "his" (PRP$, possessive), "He" (PRP,
// Case=Nom), "him" (PRP, Case=Acc), "hers" (PRP with no case: a pronoun
// standing alone, no slot) and "it" in a sentence of the second
// document.
const slotConllu = `# sent_id = a-1
# text = He saw his brother and him.
1	He	he	PRON	PRP	Case=Nom|Gender=Masc|Number=Sing|Person=3|PronType=Prs	2	nsubj	_	_
2	saw	see	VERB	VBD	Mood=Ind|Tense=Past|VerbForm=Fin	0	root	_	_
3	his	his	PRON	PRP$	Gender=Masc|Number=Sing|Person=3|Poss=Yes|PronType=Prs	4	nmod:poss	_	_
4	brother	brother	NOUN	NN	Number=Sing	2	obj	_	_
5	and	and	CCONJ	CC	_	6	cc	_	_
6	him	he	PRON	PRP	Case=Acc|Gender=Masc|Number=Sing|Person=3|PronType=Prs	4	conj	_	SpaceAfter=No
7	.	.	PUNCT	.	_	2	punct	_	_

# sent_id = a-2
# text = The book is hers.
1	The	the	DET	DT	Definite=Def|PronType=Art	2	det	_	_
2	book	book	NOUN	NN	Number=Sing	4	nsubj	_	_
3	is	be	AUX	VBZ	Mood=Ind|Tense=Pres|VerbForm=Fin	4	cop	_	_
4	hers	hers	PRON	PRP	Gender=Fem|Number=Sing|Person=3|Poss=Yes|PronType=Prs	0	root	_	SpaceAfter=No
5	.	.	PUNCT	.	_	4	punct	_	_

`

// TestSlotExamples: a possessive determiner is 1, a pronoun with a case
// 0, one with neither no example; each example has the bias feature.
func TestSlotExamples(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.conllu"), []byte(slotConllu), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := readCorefInputs([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	xs, ys, keys := slotExamples(fluency.Default(), docs)
	if want := []float64{0, 1, 0}; !slices.Equal(ys, want) {
		t.Fatalf("labels %v, want %v (He, his, him)", ys, want)
	}
	for n, x := range xs {
		if len(x.k) < 8 || keys[x.k[0]]>>24 != 1 {
			t.Errorf("example %d: %d features, first %#x", n, len(x.k), keys[x.k[0]])
		}
	}
}

// TestRunPossessiveSlot: two trainings on the same files write the same
// bytes, and the file parses over the embedded fluency model.
func TestRunPossessiveSlot(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.conllu"), []byte(slotConllu), 0o644); err != nil {
		t.Fatal(err)
	}
	build := func(name string) []byte {
		out := filepath.Join(dir, name)
		if err := runPossessiveSlot([]string{"-ewt", dir, "-out", out}, io.Discard, io.Discard); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	a, b := build("a.json"), build("b.json")
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same files differ")
	}
	if _, err := fluency.ParseSlot(fluency.Default(), a); err != nil {
		t.Fatalf("the written file does not parse: %v", err)
	}
	if err := runPossessiveSlot([]string{"-ewt", t.TempDir(), "-out", filepath.Join(dir, "c.json")}, io.Discard, io.Discard); err == nil {
		t.Error("a folder with no pronouns trained a file")
	}
}
