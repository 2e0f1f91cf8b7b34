package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/model"
)

// The worked example of the README: a GUM passage (paris.txt), its
// clusters in four formats, and what the seed's bug made of it
// (paris.drift.txt, corefix-lab damage -prose).
const sample = "../../testdata/clusters/"

var sampleClusters = []string{"paris.conllu", "paris.allennlp.json", "paris.fastcoref.json", "paris.conll"}

// Formats with the same information give the same exact findings — the
// tagged CoNLL formats know "her" is an object where the JSON formats
// can only flag it just above the line — each broken span explained by
// the mention it was meant for, and nothing on stderr (the pipeline was
// replayed).
func TestDetectWithClusters(t *testing.T) {
	found := map[string]string{}
	for _, f := range sampleClusters {
		code, out, errOut := runCLI(t, "", "detect", "--format", "json", "--original", sample+"paris.txt", "--clusters", sample+f, sample+"paris.drift.txt")
		if code != 0 || errOut != "" {
			t.Fatalf("%s: exit %d: %s", f, code, errOut)
		}
		found[f] = out
	}
	for _, pair := range [][2]string{{"paris.conllu", "paris.conll"}, {"paris.allennlp.json", "paris.fastcoref.json"}} {
		if found[pair[0]] != found[pair[1]] {
			t.Errorf("%s and %s: different findings", pair[0], pair[1])
		}
	}
	first := found["paris.conllu"]
	doc, err := model.ReadDocument(sample + "paris.drift.txt")
	if err != nil {
		t.Fatal(err)
	}
	fs, err := model.DecodeFindings([]byte(first), doc)
	if err != nil {
		t.Fatal(err)
	}
	overwrites := 0
	for _, f := range fs {
		if f.Category == model.Overwrite {
			overwrites++
			if f.Confidence != 1 || !strings.Contains(f.Message, " was meant for ") {
				t.Errorf("overwrite %q: confidence %v, message %q", doc.Text[f.Start:f.End], f.Confidence, f.Message)
			}
		}
	}
	if overwrites == 0 {
		t.Error("no overwrite found in the drifted passage")
	}
}

func TestClustersUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"detect", "--clusters", sample + "paris.conll", sample + "paris.drift.txt"}, "--clusters needs --original ORIG"},
		{[]string{"detect", "--clusters", sample + "paris.conll", "--original", "o", "data.jsonl"}, "--clusters is for one FILE"},
		{[]string{"detect", "--clusters-format", "conllu", sample + "paris.drift.txt"}, "--clusters-format goes with --clusters"},
		{[]string{"detect", "--clusters", "c", "--clusters-format", "xml", "--original", "o", "f.txt"}, `unknown clusters format "xml"`},
		{[]string{"show", "--clusters", sample + "paris.conll", sample + "paris.drift.txt"}, "--clusters needs --original ORIG"},
		{[]string{"review", "--clusters", sample + "paris.conll", sample + "paris.drift.txt"}, "--clusters needs --original ORIG"},
		{[]string{"resolve", sample + "paris.txt"}, "ORIG needs --clusters FILE"},
		{[]string{"resolve"}, "give --clusters FILE"},
		{[]string{"resolve", "--clusters", "c", "--format", "xml", "o"}, `unknown format "xml"`},
		{[]string{"resolve", "--clusters", "c", "data.jsonl"}, "--clusters is for one ORIG"},
		{[]string{"resolve", "--format", "text", "data.jsonl"}, "a dataset is resolved to --format jsonl"},
		{[]string{"resolve", "--clusters", "c", "--max-len", "-1", "o"}, "--max-len -1 is negative"},
	} {
		code, _, errOut := runCLI(t, "", tt.args...)
		if first, _, _ := strings.Cut(errOut, "\n"); code != exitUsage || !strings.Contains(first, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, code, first, tt.want)
		}
	}
}

// A clusters file that does not fit the original: one line naming the
// file, the first word that does not fit and where; exit 1; and resolve
// writes nothing.
func TestClustersMismatch(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"document": ["Valeska", "Paris", ";"], "clusters": [[[0, 1], [1, 1]]]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	want := bad + `: word 3 ";" of document "bad" does not fit ` + sample + `paris.txt at line 1, column 14, which reads ", an Australian woman an…"`
	for _, args := range [][]string{
		{"detect", "--original", sample + "paris.txt", "--clusters", bad, sample + "paris.drift.txt"},
		{"resolve", "--clusters", bad, "-o", filepath.Join(dir, "out.txt"), sample + "paris.txt"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != exitFailure || out != "" || errOut != "corefix: "+want+"\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and %q", args[0], code, out, errOut, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out.txt")); !os.IsNotExist(err) {
		t.Errorf("resolve wrote its output after the error: %v", err)
	}
}

// resolve gives one text from the four formats; --format annotation is
// that text once every substitution is accepted, and --format jsonl a
// dataset line whose clusters explain it exactly.
func TestResolveFormats(t *testing.T) {
	var text string
	for _, f := range sampleClusters {
		code, out, errOut := runCLI(t, "", "resolve", "--clusters", sample+f, sample+"paris.txt")
		if code != 0 || errOut != "" {
			t.Fatalf("%s: exit %d: %s", f, code, errOut)
		}
		if text == "" {
			text = out
		} else if out != text {
			t.Errorf("%s: resolved text differs from %s's", f, sampleClusters[0])
		}
	}
	if !strings.Contains(text, "Paris was born in Switzerland but Valeska Paris' parents moved Valeska Paris") {
		t.Errorf("resolved text:\n%s", text)
	}

	code, out, errOut := runCLI(t, "", "resolve", "--format", "annotation", "--annotator", "ann", "--clusters", sample+"paris.conll", sample+"paris.txt")
	if code != 0 {
		t.Fatalf("annotation: exit %d: %s", code, errOut)
	}
	a, err := model.ParseAnnotation([]byte(out))
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := os.ReadFile(sample + "paris.txt")
	if a.Doc.Text != string(orig) || a.Annotator != "ann" || a.Len() == 0 || a.CorrectedText() != string(orig) {
		t.Fatalf("annotation of %d spans by %q: not the original text, untouched", a.Len(), a.Annotator)
	}
	for i := range a.Len() {
		if s := a.Span(i); s.Status != model.Pending || s.Origin != model.FromResolver || s.Category != model.Substitution || s.Confidence >= model.BrokenThreshold {
			t.Errorf("span %d: %s %s %s %v", i, s.Status, s.Origin, s.Category, s.Confidence)
		}
		if err := a.Accept(i, 0); err != nil {
			t.Fatal(err)
		}
	}
	if a.CorrectedText() != text {
		t.Errorf("every substitution accepted:\n%s\nwant the resolved text\n%s", a.CorrectedText(), text)
	}

	code, line, errOut := runCLI(t, "", "resolve", "--format", "jsonl", "--clusters", sample+"paris.conllu", sample+"paris.txt")
	if code != 0 {
		t.Fatalf("jsonl: exit %d: %s", code, errOut)
	}
	rec, err := model.ParseRecord([]byte(strings.TrimSuffix(line, "\n")))
	if err != nil || rec.Text != text || rec.Original == nil || *rec.Original != string(orig) || !rec.HasClusters {
		t.Fatalf("jsonl line: %v", err)
	}
	// Its own resolution read back: every substitution correct, replayed.
	data := filepath.Join(t.TempDir(), "resolved.jsonl")
	if err := os.WriteFile(data, []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = runCLI(t, "", "detect", "--format", "jsonl", data)
	if code != 0 || errOut != "" {
		t.Fatalf("detect on the resolved dataset: exit %d: %s", code, errOut)
	}
	var findings struct {
		Findings []struct {
			Category   string  `json:"category"`
			Confidence float64 `json:"confidence"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(out), &findings); err != nil {
		t.Fatal(err)
	}
	if len(findings.Findings) != a.Len() {
		t.Errorf("%d findings on the resolved text, want its %d substitutions", len(findings.Findings), a.Len())
	}
	for _, f := range findings.Findings {
		if f.Category != "substitution" || f.Confidence >= model.BrokenThreshold {
			t.Errorf("finding %s %v on corefix's own resolution", f.Category, f.Confidence)
		}
	}
}

// A dataset with text and clusters (the shared GUM format) resolves line
// by line, every other field kept.
func TestResolveDataset(t *testing.T) {
	code, out, errOut := runCLI(t, "", "resolve", "../../testdata/gum/ontogum-sample.jsonl")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 2 {
		t.Fatalf("%d lines, want 2", len(lines))
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Fatal(err)
		}
		if v["license"] == nil || v["tokens"] == nil || v["original"] == v["text"] {
			t.Errorf("line %v: fields lost or text unresolved", v["id"])
		}
	}
}

// The README's way from a resolution to a reviewed text: the resolver's
// annotation file beside the text is what review resumes.
func TestResolveThenReview(t *testing.T) {
	dir := t.TempDir()
	orig := filepath.Join(dir, "paris.txt")
	data, _ := os.ReadFile(sample + "paris.txt")
	if err := os.WriteFile(orig, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := runCLI(t, "", "resolve", "--format", "annotation", "--clusters", sample+"paris.conllu", "-o", filepath.Join(dir, "paris.corefix.json"), orig); code != 0 {
		t.Fatalf("resolve: %s", errOut)
	}
	r, err := openReview(&env{}, &reviewOptions{annotator: "bob"}, []string{orig})
	if err != nil {
		t.Fatal(err)
	}
	defer r.file.Close()
	r.loaded(t)
	if r.a.Len() == 0 || r.a.Span(0).Origin != model.FromResolver {
		t.Errorf("review resumed with %d spans; want the resolver's", r.a.Len())
	}
}

// A text no pipeline writes from the clusters: stderr says so in one line
// and the findings are the alignment's, as without clusters.
func TestDetectClustersFallback(t *testing.T) {
	drift, err := os.ReadFile(sample + "paris.drift.txt")
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(t.TempDir(), "edited.txt")
	if err := os.WriteFile(edited, []byte(strings.Replace(string(drift), "Switzerland", "Swiss", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	code, with, errOut := runCLI(t, "", "detect", "--format", "json", "--original", sample+"paris.txt", "--clusters", sample+"paris.conll", edited)
	if want := "corefix: " + edited + ": no pipeline corefix knows writes this text from these clusters; findings from the alignment alone\n"; code != 0 || errOut != want {
		t.Fatalf("exit %d, stderr %q; want %q", code, errOut, want)
	}
	_, without, _ := runCLI(t, "", "detect", "--format", "json", "--original", sample+"paris.txt", edited)
	if with != without {
		t.Error("findings differ from the alignment's")
	}
}
