package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCleanTextFilters checks what clean-texts keeps: prose of the right
// size, and no text sharing a run of ten words with an evaluation text.
func TestCleanTextFilters(t *testing.T) {
	prose := strings.Repeat("This program is free software, and you may share it with others. ", 40)
	table := strings.Repeat("--opt=VALUE  0x1F  /usr/lib/x86_64  -r --force  ", 60)
	if !trainingProse(prose, false) {
		t.Error("a README of plain sentences is refused")
	}
	if trainingProse(table, false) {
		t.Error("a table of options is taken as prose")
	}
	if trainingProse("Short and plain.", false) || !trainingProse("Short and plain.", true) {
		t.Error("the size limit should hold for READMEs only, not licences")
	}
	runs := wordRuns("Permission is hereby granted, free of charge, to any person obtaining a copy of this software", nil)
	if !sharesRun("Preamble. Permission is hereby granted, FREE of charge, to any person obtaining a copy", runs) {
		t.Error("a passage of an evaluation text (case and punctuation aside) is not found")
	}
	if sharesRun("Permission is hereby granted, free of charge, to anyone", runs) {
		t.Error("nine shared words count as a shared passage")
	}
	if got := cleanName("/usr/share/doc/zstd/README.md.gz"); got != "zstd_README.md" {
		t.Errorf("cleanName = %q", got)
	}
}

// TestTreebankTexts checks -ewt: each treebank document becomes one
// training text, spaced as the treebank spaces it (a contraction's words
// joined), and one sharing a passage with an evaluation text is left out.
func TestTreebankTexts(t *testing.T) {
	dir := t.TempDir()
	runs := wordRuns("They counted the votes.", nil) // under ten words: shares nothing
	kept, words, err := writeTreebankTexts("testdata/ewt", dir, runs)
	if err != nil {
		t.Fatal(err)
	}
	if kept != 3 || words != 14 {
		t.Errorf("kept %d texts of %d words, want 3 of 14", kept, words)
	}
	for name, want := range map[string]string{
		"ewt_doc-a.txt": "They lost the election. We won't.",
		"ewt_doc-b.txt": "The vote counted .", // no SpaceAfter=No in the file
		"ewt_doc-c.txt": "They counted the votes.",
	} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	long := t.TempDir()
	var conllu strings.Builder
	conllu.WriteString("# newdoc id = long\n")
	for k, w := range strings.Fields("Permission is hereby granted free of charge to any person obtaining") {
		fmt.Fprintf(&conllu, "%d\t%s\t_\tX\tX\t_\t0\t_\t_\t_\n", k+1, w)
	}
	if err := os.WriteFile(filepath.Join(long, "l.conllu"), []byte(conllu.String()+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	shared := wordRuns("Permission is hereby granted, free of charge, to any person obtaining a copy", nil)
	if kept, _, err := writeTreebankTexts(long, t.TempDir(), shared); kept != 0 || err != nil {
		t.Errorf("a document sharing a passage with an evaluation text: kept %d, %v; want 0", kept, err)
	}
	if _, _, err := writeTreebankTexts(t.TempDir(), dir, runs); err == nil || !strings.Contains(err.Error(), "no .conllu files") {
		t.Errorf("an empty folder: err = %v", err)
	}
}
