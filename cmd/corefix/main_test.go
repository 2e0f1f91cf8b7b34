package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/model"
)

// runCLI runs corefix in-process and returns its exit status and output.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpListsSubcommands(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"-h"}, {"help"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 {
			t.Errorf("%v: exit %d", args, code)
		}
		for _, c := range commands() {
			if !strings.Contains(out, "\n  "+c.name+" ") {
				t.Errorf("%v: help does not list %q:\n%s", args, c.name, out)
			}
		}
	}
}

func TestEveryCommandHasHelp(t *testing.T) {
	for _, c := range commands() {
		for _, args := range [][]string{{c.name, "-h"}, {"help", c.name}} {
			code, out, errOut := runCLI(t, "", args...)
			if code != 0 || !strings.HasPrefix(out, "usage: corefix "+c.name) || errOut != "" {
				t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
			}
		}
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `corefix: unknown command "frobnicate"`},
		{[]string{"--frob"}, "corefix: unknown flag --frob"},
		{[]string{"detect", "--frob", "x.txt"}, "corefix: detect: flag provided but not defined: -frob"},
		{[]string{"detect"}, "corefix: detect: no input"},
		{[]string{"detect", "--format", "xml", "x.txt"}, `corefix: detect: unknown format "xml"`},
		{[]string{"apply"}, "corefix: apply: want exactly one ANNOTATION file"},
		{[]string{"help", "nope"}, `corefix: unknown command "nope"`},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		first, _, _ := strings.Cut(errOut, "\n")
		if code != exitUsage || !strings.HasPrefix(first, tt.want) {
			t.Errorf("%v: exit %d, first stderr line %q; want exit 2 and %q", tt.args, code, first, tt.want)
		}
		if !strings.Contains(errOut, "usage:") {
			t.Errorf("%v: no usage after the error", tt.args)
		}
	}
}

func TestInputErrorsAreOneLine(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	bin := write("bin.txt", []byte("abc\x00def"))
	latin := write("latin1.txt", []byte("caf\xe9\n"))
	badAnn := write("bad.corefix.json", []byte(`{"schema": "corefix.annotation/v1", "document": {`))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"detect", filepath.Join(dir, "missing.txt")}, "missing.txt: no such file or directory"},
		{[]string{"detect", bin}, bin + ": binary data (NUL byte at line 1)"},
		{[]string{"detect", latin}, latin + ": not valid UTF-8 (byte 0xe9 at line 1)"},
		{[]string{"detect", dir}, dir + ": is a directory"},
		{[]string{"apply", badAnn}, badAnn + ": truncated JSON"},
		{[]string{"review", "--out", badAnn, bin}, bin + ": binary data"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != exitFailure || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 1 and one line containing %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestApplyWritesCorrectedText(t *testing.T) {
	dir := t.TempDir()
	doc := model.NewDocument("t", "t.txt", "They The Democrats the election .")
	a, err := model.NewAnnotation(doc, []model.Finding{{Start: 5, End: 18, Category: model.Overwrite,
		Proposals: []model.Proposal{{Text: "lost"}}}}, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Accept(0, 0); err != nil {
		t.Fatal(err)
	}
	ann := filepath.Join(dir, "t.corefix.json")
	if err := model.SaveAnnotation(ann, a); err != nil {
		t.Fatal(err)
	}
	want := "They lost the election ."
	if code, out, errOut := runCLI(t, "", "apply", ann); code != 0 || out != want {
		t.Errorf("apply: exit %d, stdout %q, stderr %q; want %q", code, out, errOut, want)
	}
	outPath := filepath.Join(dir, "fixed.txt")
	if code, _, errOut := runCLI(t, "", "apply", ann, "-o", outPath); code != 0 {
		t.Fatalf("apply -o: exit %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(outPath); string(got) != want {
		t.Errorf("apply -o wrote %q, want %q", got, want)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "corefix ") || !strings.Contains(out, model.AnnotationSchema) {
		t.Errorf("version: exit %d, %q", code, out)
	}
}

func TestReviewRefusesEmptyFile(t *testing.T) {
	dir := t.TempDir()
	for _, text := range []string{"", " \n\t\r\n"} {
		p := filepath.Join(dir, "empty.txt")
		os.WriteFile(p, []byte(text), 0o644)
		code, _, errOut := runCLI(t, "", "review", p)
		if code != exitFailure || errOut != "corefix: "+p+": empty, nothing to review\n" {
			t.Errorf("review %q: exit %d, %q", text, code, errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, "empty.corefix.json")); err == nil {
			t.Errorf("review of an empty file wrote an annotation file")
		}
	}
}

// TestDetectTextFormat checks the human format of docs/formats.md:
// path:line:col: category: message, one line per finding.
func TestDetectTextFormat(t *testing.T) {
	p := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(p, []byte("First line .\nThen Sessions Sessions reporters ’s ."), 0o644)
	code, out, errOut := runCLI(t, "", "detect", "--format", "text", p)
	if code != 0 || out == "" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !strings.HasPrefix(line, p+":2:") || !strings.Contains(line, ": overwrite: ") {
			t.Errorf("line %q does not start with %s:2:COL: overwrite: ", line, p)
		}
	}
	// Either copy of the repeated name may carry the finding (columns 6
	// and 15 of line 2): which one overwrote a word is the judge's call.
	if !strings.Contains(out, p+":2:6: overwrite: ") && !strings.Contains(out, p+":2:15: overwrite: ") {
		t.Errorf("the repeated Sessions (line 2, column 6 or 15) is not reported:\n%s", out)
	}
}
