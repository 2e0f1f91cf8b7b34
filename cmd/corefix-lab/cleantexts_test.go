package main

import (
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
