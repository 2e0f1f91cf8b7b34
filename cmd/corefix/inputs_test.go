package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// findingsJSON is the part of a findings file the input tests check.
type findingsJSON struct {
	Schema   string `json:"schema"`
	Document struct {
		Length int `json:"length"`
	} `json:"document"`
	Findings []struct {
		Start, End int
		Text       string
	} `json:"findings"`
}

// checkFindings asserts out is a findings file for text whose spans are in
// range, sorted, non-overlapping and slice the text (code points).
func checkFindings(t *testing.T, name, text, out string) {
	t.Helper()
	var f findingsJSON
	if err := json.Unmarshal([]byte(out), &f); err != nil {
		t.Fatalf("%s: output is not JSON: %v\n%.300s", name, err, out)
	}
	runes := []rune(text)
	if f.Schema != "corefix.findings/v1" || f.Document.Length != len(runes) {
		t.Errorf("%s: schema %q, length %d; want corefix.findings/v1, %d", name, f.Schema, f.Document.Length, len(runes))
	}
	prev := 0
	for _, x := range f.Findings {
		if x.Start < prev || x.End <= x.Start || x.End > len(runes) {
			t.Fatalf("%s: span [%d,%d) out of order or range", name, x.Start, x.End)
		}
		if got := string(runes[x.Start:x.End]); got != x.Text {
			t.Errorf("%s: [%d,%d) slices to %q, text says %q", name, x.Start, x.End, got, x.Text)
		}
		prev = x.End
	}
}

// heavyEnv opts in to the multi-megabyte inputs: COREFIX_HEAVY=1 runs them.
// They take minutes and gigabytes on a 2-core machine (tenfold that under
// -race), so the default `go test ./...` leaves them out and .ci/run runs
// them in a step of their own, without -race.
const heavyEnv = "COREFIX_HEAVY"

// requireHeavy skips t unless the heavy inputs were asked for.
func requireHeavy(t testing.TB) {
	t.Helper()
	if os.Getenv(heavyEnv) != "1" {
		t.Skipf("multi-megabyte input: set %s=1 to run it (.ci/run does, in its slower checks)", heavyEnv)
	}
}

// seedText is the start of the repository's sample text.
func seedText(t testing.TB) string {
	t.Helper()
	seed, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(seed)
}

// longLine is one line of about size bytes: the seed's first 2,000 bytes
// repeated, without a newline.
func longLine(seed string, size int) string {
	return strings.Repeat(seed[:2000]+" ", size/2001)
}

// manyLines is n short lines, each with a repeated word.
func manyLines(n int) string {
	return strings.Repeat("Sessions said he he would go .\n", n)
}

type inputCase struct{ name, text string }

// detectEach writes each text to a file, detects it through the CLI and
// checks the findings.
func detectEach(t *testing.T, texts []inputCase) {
	t.Helper()
	dir := t.TempDir()
	for _, tt := range texts {
		p := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".txt")
		if err := os.WriteFile(p, []byte(tt.text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, errOut := runCLI(t, "", "detect", "--format", "json", p)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", tt.name, code, errOut)
			continue
		}
		checkFindings(t, tt.name, tt.text, out)
	}
}

// TestDetectInputs is the input table of the reliability issue: every kind
// of text file gets findings that slice correctly, or a one-line error. The
// big inputs here (a 1 MB single line, 10,000 lines) are past any line
// buffer; TestDetectLargeInputs runs the full sizes.
func TestDetectInputs(t *testing.T) {
	seed := seedText(t)
	detectEach(t, []inputCase{
		{"empty", ""},
		{"whitespace only", " \n\t \n"},
		{"bom", "\ufeff" + seed[:500]},
		{"crlf", strings.ReplaceAll(seed[:3000], " . ", " .\r\n")},
		{"tabs", strings.ReplaceAll(seed[:3000], " ", "\t")},
		{"rtl", "הוא הוא אמר . Sessions Sessions reporters . قال قال"},
		{"cjk", "他 他 说 。 Sessions Sessions reporters 漢字"},
		{"emoji and combining", "👩‍💻 They The Democrats the election e\u0301 e\u0301 ❤️ he he"},
		{"one long line", longLine(seed, 1<<20)},
		{"many lines", manyLines(10000)},
	})
}

// TestDetectLargeInputs is the input table's full sizes: a 50 MB single line
// and 100,000 lines (opt-in, see heavyEnv).
func TestDetectLargeInputs(t *testing.T) {
	requireHeavy(t)
	seed := seedText(t)
	detectEach(t, []inputCase{
		{"one long line", longLine(seed, 50<<20)},
		{"many lines", manyLines(100000)},
	})
}

// BenchmarkDetectLongLine measures the whole detect command (read, detect,
// JSON out) on a 1 MB single line.
func BenchmarkDetectLongLine(b *testing.B) {
	text := longLine(seedText(b), 1<<20)
	p := filepath.Join(b.TempDir(), "long.txt")
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		var out, errb bytes.Buffer
		if code := run([]string{"detect", "--format", "json", p}, strings.NewReader(""), &out, &errb); code != 0 {
			b.Fatalf("exit %d: %s", code, errb.String())
		}
	}
}

func TestDetectStdinAndFIFO(t *testing.T) {
	text := "Sessions Sessions reporters ’s ."
	code, out, errOut := runCLI(t, text, "detect", "--format", "json", "-")
	if code != 0 {
		t.Fatalf("stdin: exit %d: %s", code, errOut)
	}
	checkFindings(t, "stdin", text, out)

	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	go func() {
		f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString(text)
			f.Close()
		}
	}()
	code, out, errOut = runCLI(t, "", "detect", "--format", "json", fifo)
	if code != 0 {
		t.Fatalf("fifo: exit %d: %s", code, errOut)
	}
	checkFindings(t, "fifo", text, out)
}

func TestDetectUnreadable(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads everything")
	}
	p := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(p, []byte("x"), 0o000)
	code, _, errOut := runCLI(t, "", "detect", p)
	if code != exitFailure || !strings.Contains(errOut, "permission denied") {
		t.Errorf("unreadable: exit %d, %q", code, errOut)
	}
}

func TestDetectDataset(t *testing.T) {
	dir := t.TempDir()
	good := `{"id":"a","text":"Sessions Sessions reporters .","extra":1}` + "\n" +
		`{"id":"b","text":"They The Democrats the election ."}` + "\n"
	p := filepath.Join(dir, "good.jsonl")
	os.WriteFile(p, []byte(good), 0o644)
	code, out, errOut := runCLI(t, "", "detect", p)
	if code != 0 || strings.Count(out, "\n") != 2 {
		t.Fatalf("dataset: exit %d, %d lines: %s", code, strings.Count(out, "\n"), errOut)
	}
	for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct{ Text string }
		json.Unmarshal([]byte(strings.Split(good, "\n")[i]), &rec)
		checkFindings(t, "dataset line", rec.Text, line)
	}

	bad := good + "{not json}\n" + `{"id":"a","text":"dup"}` + "\n" + `{"id":"../../x","text":"fine ."}` + "\n"
	p = filepath.Join(dir, "bad.jsonl")
	os.WriteFile(p, []byte(bad), 0o644)
	code, _, errOut = runCLI(t, "", "detect", p)
	if code != exitFailure || !strings.Contains(errOut, p+":3: invalid JSON at column 2") {
		t.Errorf("bad line: exit %d, %q", code, errOut)
	}
	code, out, errOut = runCLI(t, "", "detect", "--skip-bad", p)
	if code != 0 || strings.Count(out, "\n") != 3 ||
		!strings.Contains(errOut, ":3: skipped: invalid JSON") || !strings.Contains(errOut, `:4: skipped: duplicate id "a" (first on line 1)`) {
		t.Errorf("--skip-bad: exit %d, %d lines, stderr %q", code, strings.Count(out, "\n"), errOut)
	}
	code, out, _ = runCLI(t, good, "detect", "--jsonl", "-")
	if code != 0 || strings.Count(out, "\n") != 2 {
		t.Errorf("dataset on stdin: exit %d, %d lines", code, strings.Count(out, "\n"))
	}
}
