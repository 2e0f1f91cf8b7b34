package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// person-nouns on model's six-synset WordNet keeps the lower-case nouns
// whose first sense is a person, with the database's licence.
func TestPersonNouns(t *testing.T) {
	out := filepath.Join(t.TempDir(), "p.txt")
	var stdout, stderr strings.Builder
	if code := run([]string{"person-nouns", "-wordnet", "../../model/testdata/wordnet", "-out", out}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	// man: a person first (a chess piece second); physicist; not "Bush"
	// (a name), "George_Bush" (two words), "bush" or "people".
	if !strings.HasSuffix(text, "\nperson: man physicist\n") {
		t.Errorf("table ends %q, want the line \"person: man physicist\"", text[strings.LastIndex(strings.TrimSuffix(text, "\n"), "\n")+1:])
	}
	if !strings.Contains(text, "# This software and database is being provided to you, the LICENSEE\n") {
		t.Errorf("table lacks the database's licence:\n%s", text)
	}
	if code := run([]string{"person-nouns", "-wordnet", t.TempDir(), "-out", out}, &stdout, &stderr); code != exitFailure {
		t.Errorf("no database: exit %d, want %d", code, exitFailure)
	}
}
