package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// statsGolden is the output for the hand-made annotations in
// testdata/agree; model.TestStatsByHand derives the counts by hand.
const statsGolden = `2 document(s), 16 span(s), 15 decision(s)

spans by status
  pending      1 █████▊
  accepted     4 ██████████████████████▉
  edited       7 ████████████████████████████████████████
  rejected     4 ██████████████████████▉

spans by category
  overwrite        8 ████████████████████████████████████████
  possessive       0
  antecedent       2 ██████████
  quote            2 ██████████
  other            4 ████████████████████
  substitution     0

decisions per hour (UTC), 3.8 per hour worked
  2026-11-27 10h     4 ████████████████████████████████
  2026-11-27 11h     3 ████████████████████████
  2026-11-27 14h     5 ████████████████████████████████████████
  2026-11-27 15h     3 ████████████████████████
`

func TestStatsFiles(t *testing.T) {
	code, out, errOut := runCLI(t, "", append([]string{"stats"}, agreeFiles...)...)
	if code != 0 {
		t.Fatalf("stats: exit %d: %s", code, errOut)
	}
	if out != statsGolden {
		t.Errorf("stats output:\n%s\nwant:\n%s", out, statsGolden)
	}
}

func TestStatsDatabase(t *testing.T) {
	db := agreeDBFrom(t)
	code, out, errOut := runCLI(t, "", "stats", "--db", db)
	if code != 0 {
		t.Fatalf("stats --db: exit %d: %s", code, errOut)
	}
	// alice saved the sample (1 pending span: in progress) and "extra"
	// (no spans: done); bob saved the sample (all decided: done).
	progress := "alice: 1 of 2 documents done, 1 in progress, 0 untouched\n" +
		"bob: 1 of 2 documents done, 0 in progress, 1 untouched\n\n"
	if want := progress + strings.Replace(statsGolden, "2 document(s)", "3 document(s)", 1); out != want {
		t.Errorf("stats --db output:\n%s\nwant:\n%s", out, want)
	}
	code, out, _ = runCLI(t, "", "stats", "--db", db, "--annotator", "bob")
	if code != 0 || !strings.HasPrefix(out, "bob: 1 of 2 documents done") || !strings.Contains(out, "1 document(s), 8 span(s), 8 decision(s)") {
		t.Errorf("stats --annotator bob: exit %d\n%s", code, out)
	}
}

func TestStatsBadFileNamesIt(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "bad.corefix.json")
	os.WriteFile(bad, []byte(`{"schema": "corefix.annotation/v1", "document": `), 0o644)
	code, _, errOut := runCLI(t, "", "stats", agreeFiles[0], bad)
	if code != 1 || !strings.HasPrefix(errOut, "corefix: "+bad+": truncated JSON") {
		t.Errorf("stats on a truncated file: exit %d, %q", code, errOut)
	}
}

func TestBar(t *testing.T) {
	for _, tt := range []struct {
		n, most, width int
		want           string
	}{
		{0, 10, 8, ""}, {10, 10, 8, "████████"}, {5, 10, 8, "████"},
		{8, 16, 1, "▌"}, {1, 1000, 10, "▏"}, {3, 0, 8, ""},
	} {
		if got := bar(tt.n, tt.most, tt.width); got != tt.want {
			t.Errorf("bar(%d, %d, %d) = %q, want %q", tt.n, tt.most, tt.width, got, tt.want)
		}
	}
}
