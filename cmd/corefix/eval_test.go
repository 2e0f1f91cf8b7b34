package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestDetectJSONSchema checks `detect --format json` against docs/formats.md:
// the fields and their types, findings sorted and non-overlapping, and
// every text equal to the code point slice of the document.
func TestDetectJSONSchema(t *testing.T) {
	const path = "../../testdata/cnn-sessions.txt"
	code, out, errOut := runCLI(t, "", "detect", "--format", "json", path)
	if code != 0 {
		t.Fatalf("detect exit %d: %s", code, errOut)
	}
	var f struct {
		Schema   string `json:"schema"`
		Document struct {
			ID     string `json:"id"`
			Path   string `json:"path"`
			SHA256 string `json:"sha256"`
			Length int    `json:"length"`
		} `json:"document"`
		Findings []struct {
			ID         string   `json:"id"`
			Start      *int     `json:"start"`
			End        *int     `json:"end"`
			Text       string   `json:"text"`
			Category   string   `json:"category"`
			Rule       string   `json:"rule"`
			Confidence *float64 `json:"confidence"`
			Message    string   `json:"message"`
			Proposals  []struct {
				Text *string `json:"text"`
				Note string  `json:"note"`
			} `json:"proposals"`
		} `json:"findings"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		t.Fatalf("decode findings: %v\n%s", err, out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune(string(data))
	if f.Schema != "corefix.findings/v1" || f.Document.ID != "cnn-sessions" || f.Document.Length != len(runes) ||
		!regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(f.Document.SHA256) {
		t.Errorf("header = %q %+v, want corefix.findings/v1 for cnn-sessions of %d code points", f.Schema, f.Document, len(runes))
	}
	if len(f.Findings) == 0 {
		t.Fatal("no findings on the seed article")
	}
	categories := map[string]bool{"overwrite": true, "possessive": true, "antecedent": true, "quote": true, "other": true, "substitution": true}
	end := 0
	for i, x := range f.Findings {
		if x.Start == nil || x.End == nil || x.Confidence == nil {
			t.Fatalf("finding %d lacks start, end or confidence: %+v", i, x)
		}
		if *x.Start < end || *x.Start >= *x.End || *x.End > len(runes) {
			t.Errorf("finding %s [%d,%d): unsorted, overlapping, empty or out of range", x.ID, *x.Start, *x.End)
			continue
		}
		end = *x.End
		if got := string(runes[*x.Start:*x.End]); got != x.Text {
			t.Errorf("finding %s text %q, but the code point slice is %q", x.ID, x.Text, got)
		}
		if !categories[x.Category] || x.Rule == "" || x.Message == "" || *x.Confidence < 0 || *x.Confidence > 1 || !regexp.MustCompile(`^f\d{4}$`).MatchString(x.ID) {
			t.Errorf("finding %+v: bad id, category, rule, message or confidence", x)
		}
		for _, p := range x.Proposals {
			if p.Text == nil || !utf8.ValidString(*p.Text) {
				t.Errorf("finding %s: proposal without text", x.ID)
			}
		}
	}
}

func TestEvalFiles(t *testing.T) {
	dir := t.TempDir()
	findings := filepath.Join(dir, "findings.json")
	code, out, errOut := runCLI(t, "", "detect", "--format", "json", "../../testdata/cnn-sessions.txt")
	if code != 0 {
		t.Fatalf("detect exit %d: %s", code, errOut)
	}
	if err := os.WriteFile(findings, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	code, got, errOut := runCLI(t, "", "eval", "../../testdata/cnn-sessions.gold-dev.json", findings, "--text", "../../testdata/cnn-sessions.txt")
	if code != 0 {
		t.Fatalf("eval exit %d: %s", code, errOut)
	}
	for _, want := range []string{"  recall overwrite ", "  findings: ", "(n=42 gold, 35 fixable)"} {
		if !strings.Contains(got, want) {
			t.Errorf("eval output lacks %q:\n%s", want, got)
		}
	}
	if !regexp.MustCompile(`(?m)^P=\d\.\d{3} R=\d\.\d{3} F1=\d\.\d{3} fix=\d\.\d{3} \(n=42 gold, 35 fixable\)$`).MatchString(got) {
		t.Errorf("eval summary line not in score.py's format:\n%s", got)
	}
}

func TestEvalDir(t *testing.T) {
	code, got, errOut := runCLI(t, "", "eval", "--dir", "../../testdata/gum/drift")
	if code != 0 {
		t.Fatalf("eval --dir exit %d: %s", code, errOut)
	}
	if !strings.Contains(got, "recall overwrite") || !strings.Contains(got, "P=") {
		t.Errorf("eval --dir output:\n%s", got)
	}
	code, got, errOut = runCLI(t, "", "eval", "--dir", "../../testdata/gum/drift", "--false-alarms")
	if code != 0 {
		t.Fatalf("eval --false-alarms exit %d: %s", code, errOut)
	}
	if !regexp.MustCompile(`^false_alarms_per_1k_tokens=\d+\.\d\d \(\d+ findings on \d+ tokens of untouched text\)\n$`).MatchString(got) {
		t.Errorf("eval --false-alarms output = %q", got)
	}
}

// In exact mode every overwrite of the two GUM articles is found and
// restored. One word is off (checked by hand against the gold): in iodine
// "foods 2006" overwrote "of the year", the gold gives "the year" to 2006, a
// correct substitution left as it is, and the cut gives "of the" to foods,
// so the corrected text reads "of the 2006".
func TestEvalDirExact(t *testing.T) {
	code, got, errOut := runCLI(t, "", "eval", "--dir", "../../testdata/gum/drift", "--exact")
	if code != 0 {
		t.Fatalf("eval --dir --exact exit %d: %s", code, errOut)
	}
	for _, want := range []string{"  findings: ", " 0 false, ", "  corrected text: 1/2 documents as the gold's, word edits from it: 1 of 2024 words (99.95% as the gold's)\n", "P=1.000 R=1.000 "} {
		if !strings.Contains(got, want) {
			t.Errorf("eval --exact output lacks %q:\n%s", want, got)
		}
	}
	if head := "exact: corrected text as the gold's for 99.95% of words (1 word edits in 2024); recall 1.000, precision 1.000, fix per span "; !strings.HasPrefix(got, head) {
		t.Errorf("eval --exact does not start with its headline %q:\n%s", head, got)
	}
}

// With the clusters the drift files were made from (the sample's OntoGUM
// clusters), the pipeline is replayed: every broken span is found and
// every first proposal gives back the original words, the cut between
// side-by-side representatives included.
func TestEvalDirExactClusters(t *testing.T) {
	code, got, errOut := runCLI(t, "", "eval", "--dir", "../../testdata/gum/drift", "--exact", "--clusters", "../../testdata/gum/ontogum-sample.jsonl")
	if code != 0 || errOut != "" {
		t.Fatalf("eval --dir --exact --clusters exit %d: %s", code, errOut)
	}
	for _, want := range []string{
		"exact: corrected text as the gold's for 100.00% of words (0 word edits in 2024); recall 1.000, precision 1.000, fix per span 1.000\n",
		" 0 false, ", "  corrected text: 2/2 documents as the gold's", "P=1.000 R=1.000 F1=1.000 fix=1.000 (n=140 gold, 140 fixable)\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("eval --exact --clusters output lacks %q:\n%s", want, got)
		}
	}
}

func TestEvalUsage(t *testing.T) {
	for _, args := range [][]string{{"eval"}, {"eval", "one.json"}, {"eval", "--false-alarms", "a", "b"},
		{"eval", "--exact", "a", "b"}, {"eval", "--dir", "d", "--exact", "--false-alarms"},
		{"eval", "--dir", "d", "--clusters", "c.json"}, {"eval", "--dir", "d", "--exact", "--clusters-format", "offsets"},
		{"eval", "--dir", "d", "--exact", "--clusters", "c.json", "--clusters-format", "xml"}} {
		if code, _, _ := runCLI(t, "", args...); code != exitUsage {
			t.Errorf("corefix %q: exit %d, want %d", args, code, exitUsage)
		}
	}
	if code, _, errOut := runCLI(t, "", "eval", "--dir", t.TempDir()); code != exitFailure || !strings.Contains(errOut, "no *.gold.json") {
		t.Errorf("eval on an empty dir: exit %d, stderr %q", code, errOut)
	}
}
