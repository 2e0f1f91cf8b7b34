package main

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"corefix/model"
	"corefix/model/store"
)

// decision is one span to annotate: the last occurrence of text, decided.
type decision struct {
	text   string
	status model.Status
	repl   string
}

// exportDecisions annotates testdata/export/news.jsonl; "/etc/passwd" is
// left unannotated on purpose.
var exportDecisions = map[string][]decision{
	"cnn/2017/sessions": {{"Democrats", model.Accepted, "were"}, {"Sessions reporters", model.Edited, "told reporters"}},
	"../../x":           {{"The Democrats", model.Accepted, "lost"}},
	"Zürich’s":          {{"The real story", model.Accepted, "is"}},
	"..":                {{"he to", model.Edited, "he plans to"}},
	"A":                 {{"Sessions reporters", model.Rejected, ""}},
	"a":                 {{"Sessions told", model.Pending, ""}},
}

// annotateRecord builds annotator's annotation of rec from exportDecisions.
func annotateRecord(t *testing.T, rec *model.Record, annotator string, ds []decision) *model.Annotation {
	t.Helper()
	doc := rec.Document("news.jsonl")
	var fs []model.Finding
	for _, d := range ds {
		i := strings.LastIndex(doc.Text, d.text)
		fs = append(fs, model.Finding{Start: i, End: i + len(d.text), Category: model.Overwrite,
			Confidence: 0.9, Proposals: []model.Proposal{{Text: d.repl}}})
	}
	a, err := model.NewAnnotation(doc, fs, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	a.Annotator = annotator
	for i, d := range ds {
		switch d.status {
		case model.Accepted:
			err = a.Accept(i, 0)
		case model.Edited:
			err = a.Edit(i, d.repl)
		case model.Rejected:
			err = a.Reject(i)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return a
}

// exportDB copies the dataset to a temporary directory and stores
// annotator's annotations of it; it returns the database path.
func exportDB(t *testing.T, annotators ...string) (db, dataset string) {
	t.Helper()
	data, err := os.ReadFile("../../testdata/export/news.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	dataset = filepath.Join(t.TempDir(), "news.jsonl")
	if err := os.WriteFile(dataset, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(store.DefaultPath(dataset), store.Options{Dataset: dataset})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for rec, err := range s.Records() {
		if err != nil {
			t.Fatal(err)
		}
		ds, ok := exportDecisions[rec.ID]
		if !ok {
			continue
		}
		for _, name := range annotators {
			if err := s.SaveAnnotation(annotateRecord(t, rec, name, ds)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return s.Path(), dataset
}

func TestExportJSONLKeepsLinesByteForByte(t *testing.T) {
	db, dataset := exportDB(t, "ann")
	code, out, errOut := runCLI(t, "", "export", "--db", db)
	if code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	in, _ := os.ReadFile(dataset)
	inLines := strings.Split(strings.TrimSuffix(string(in), "\n"), "\n")
	outLines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(outLines) != len(inLines) {
		t.Fatalf("export wrote %d lines for %d input lines:\n%s", len(outLines), len(inLines), out)
	}
	for i, line := range inLines {
		var rec struct {
			ID          string
			Text        string
			Annotations []struct {
				Start, End int
				Text       string
			}
			CorrectedText *string `json:"corrected_text"`
		}
		if err := json.Unmarshal([]byte(outLines[i]), &rec); err != nil {
			t.Fatalf("line %d is not JSON: %v", i+1, err)
		}
		if rec.ID == "/etc/passwd" {
			if outLines[i] != line {
				t.Errorf("unannotated line %d changed:\n got %s\nwant %s", i+1, outLines[i], line)
			}
			continue
		}
		if rec.ID == "a" {
			// Its input already had corrected_text: replaced in place.
			if want := `{"text":"Sessions Sessions told reporters .","id":"a","corrected_text":"Sessions Sessions told reporters .","annotations":[`; !strings.HasPrefix(outLines[i], want) {
				t.Errorf("line %d:\n got %s\nwant prefix %s", i+1, outLines[i], want)
			}
		} else if prefix := strings.TrimSuffix(line, "}"); !strings.HasPrefix(outLines[i], prefix) {
			t.Errorf("line %d: input fields not kept byte for byte:\n got %s\nwant prefix %s", i+1, outLines[i], prefix)
		}
		runes := []rune(rec.Text)
		for _, s := range rec.Annotations {
			if got := string(runes[s.Start:s.End]); got != s.Text {
				t.Errorf("%s: annotation [%d,%d) slices to %q, want %q", rec.ID, s.Start, s.End, got, s.Text)
			}
		}
	}
	if !strings.Contains(out, `"corrected_text":"Trump’s aide said they were supposed to win.\nSessions told reporters ."`) {
		t.Errorf("corrected text of cnn/2017/sessions missing:\n%s", out)
	}
}

func TestExportBratStaysInsideOutDir(t *testing.T) {
	db, _ := exportDB(t, "ann")
	root := t.TempDir()
	out := filepath.Join(root, "a", "b", "out")
	if code, _, errOut := runCLI(t, "", "export", "--format", "brat", "--db", db, "-o", out); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if !d.IsDir() && filepath.Dir(p) != out {
			t.Errorf("export wrote %s outside %s", p, out)
		}
		return nil
	})
	files := manifestFiles(t, out)
	for _, name := range files {
		checkBratPair(t, out, name)
	}
	if len(files) != len(exportDecisions) {
		t.Errorf("manifest lists %d documents, want %d: %v", len(files), len(exportDecisions), files)
	}
	if _, err := os.Stat(filepath.Join(out, "annotation.conf")); err != nil {
		t.Errorf("no annotation.conf: %v", err)
	}
}

// checkBratPair checks that every T line of base.ann slices base.txt (by
// code points, as brat does) to the text the line gives.
func checkBratPair(t *testing.T, dir, base string) {
	t.Helper()
	txt, err1 := os.ReadFile(filepath.Join(dir, base+".txt"))
	ann, err2 := os.ReadFile(filepath.Join(dir, base+".ann"))
	if err1 != nil || err2 != nil {
		t.Fatalf("%s: %v %v", base, err1, err2)
	}
	runes := []rune(string(txt))
	for _, line := range strings.Split(strings.TrimSpace(string(ann)), "\n") {
		f := strings.Split(line, "\t")
		if !strings.HasPrefix(line, "T") {
			continue
		}
		_, offs, _ := strings.Cut(f[1], " ")
		var parts []string
		for _, frag := range strings.Split(offs, ";") {
			se := strings.Fields(frag)
			s, _ := strconv.Atoi(se[0])
			e, _ := strconv.Atoi(se[1])
			parts = append(parts, string(runes[s:e]))
		}
		if got := strings.Join(parts, " "); got != f[2] {
			t.Errorf("%s.ann %q: offsets slice %q", base, line, got)
		}
	}
}

func TestExportTxtFromFiles(t *testing.T) {
	dir := t.TempDir()
	rec, _ := model.ParseRecord([]byte(`{"id":"../../x","text":"They The Democrats the election ."}`))
	a := annotateRecord(t, rec, "ann", exportDecisions["../../x"])
	file := filepath.Join(dir, "x.corefix.json")
	if err := model.SaveAnnotation(file, a); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if code, _, errOut := runCLI(t, "", "export", "--format", "txt", "-o", out, file); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 2 { // the text and manifest.jsonl
		t.Fatalf("export wrote %d files, want 2", len(entries))
	}
	var m struct{ ID, File string }
	manifest, _ := os.ReadFile(filepath.Join(out, "manifest.jsonl"))
	json.Unmarshal(manifest, &m)
	got, err := os.ReadFile(filepath.Join(out, m.File+".txt"))
	if err != nil || string(got) != "They lost the election ." {
		t.Errorf("corrected text %q, %v", got, err)
	}
}

func TestExportBadInputWritesNothing(t *testing.T) {
	dir := t.TempDir()
	rec, _ := model.ParseRecord([]byte(`{"id":"good","text":"They The Democrats the election ."}`))
	good := filepath.Join(dir, "good.corefix.json")
	if err := model.SaveAnnotation(good, annotateRecord(t, rec, "ann", exportDecisions["../../x"])); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(good)
	bad := filepath.Join(dir, "bad.corefix.json")
	os.WriteFile(bad, bytes.Replace(data, []byte(`"length":33`), []byte(`"length":34`), 1), 0o644)
	for _, format := range []string{"jsonl", "brat", "txt"} {
		out := filepath.Join(dir, "out-"+format)
		code, stdout, errOut := runCLI(t, "", "export", "--format", format, "-o", out, good, bad)
		if code != 1 || !strings.Contains(errOut, bad) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want 1 and one line naming %s", format, code, errOut, bad)
		}
		if entries, _ := os.ReadDir(out); len(entries) > 0 || stdout != "" {
			t.Errorf("%s: bad input still wrote %d files / %q", format, len(entries), stdout)
		}
	}
	// The same document twice (two annotators' files) would write one
	// file over the other.
	code, _, errOut := runCLI(t, "", "export", "--format", "txt", "-o", filepath.Join(dir, "dup"), good, good)
	if code != 1 || !strings.Contains(errOut, `document "good" is in two inputs`) {
		t.Errorf("duplicate document: exit %d, %q", code, errOut)
	}
}

func TestExportUsage(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"export"}, "give --db PATH or annotation files"},
		{[]string{"export", "--db", "x.db", "a.corefix.json"}, "not both"},
		{[]string{"export", "--format", "xml", "a.corefix.json"}, `unknown format "xml"`},
		{[]string{"export", "--format", "brat", "a.corefix.json"}, "give -o DIR"},
	} {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != 2 || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
	db, _ := exportDB(t, "ann", "bob")
	code, _, errOut := runCLI(t, "", "export", "--db", db)
	if code != 2 || !strings.Contains(errOut, "choose one with --annotator") {
		t.Errorf("two annotators without --annotator: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI(t, "", "export", "--db", db, "--annotator", "bob"); code != 0 {
		t.Errorf("--annotator bob: exit %d, %q", code, errOut)
	}
}

func TestExportWriteErrorIsReported(t *testing.T) {
	db, _ := exportDB(t, "ann")
	out := t.TempDir()
	// A directory where a file must go: its rename fails, whatever the
	// user's privileges.
	if err := os.MkdirAll(filepath.Join(out, "manifest.jsonl", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "export", "--format", "txt", "--db", db, "-o", out)
	if code != 1 || !strings.Contains(errOut, "manifest.jsonl") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("export over a blocking directory: exit %d, %q; want 1 and one line naming manifest.jsonl", code, errOut)
	}
	leftovers, _ := filepath.Glob(filepath.Join(out, ".*tmp-*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left behind: %v", leftovers)
	}
}

func TestAnnotatorNeedsDB(t *testing.T) {
	for _, cmd := range []string{"export", "stats"} {
		code, _, errOut := runCLI(t, "", cmd, "--annotator", "bob", agreeFiles[0])
		if code != 2 || !strings.Contains(errOut, "it needs --db") {
			t.Errorf("%s --annotator without --db: exit %d, %q", cmd, code, errOut)
		}
	}
}

// An export killed before its renames (kill -9) leaves hidden temporary
// files; the next export into the directory removes them.
func TestExportRemovesLeftoverTemps(t *testing.T) {
	db, _ := exportDB(t, "ann")
	out := t.TempDir()
	gone := exec.Command(os.Args[0], "-test.run=^$") // a process that has exited
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	leftover := filepath.Join(out, ".x.ann.tmp-"+strconv.Itoa(gone.Process.Pid)+"-77")
	os.WriteFile(leftover, []byte("T1\tov"), 0o644)
	if code, _, errOut := runCLI(t, "", "export", "--format", "brat", "--db", db, "-o", out); code != 0 {
		t.Fatalf("export: exit %d, %q", code, errOut)
	}
	if _, err := os.Stat(leftover); err == nil {
		t.Errorf("%s is still there after the next export", leftover)
	}
}

// TestExportDecidedOnlyUnlessIncludePending: document "a" has one span,
// never decided. Exported, it is left out (and said so) unless
// --include-pending asks for the guesses too; every file written ends in
// a newline.
func TestExportDecidedOnlyUnlessIncludePending(t *testing.T) {
	db, _ := exportDB(t, "ann")
	for _, include := range []bool{false, true} {
		out := t.TempDir()
		args := []string{"export", "--format", "brat", "--db", db, "-o", out}
		if include {
			args = append(args, "--include-pending")
		}
		code, _, errOut := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if said := strings.Contains(errOut, "1 pending spans left out (--include-pending adds them)"); said == include {
			t.Errorf("%v: stderr %q", args, errOut)
		}
		files := manifestFiles(t, out)
		ann, err := os.ReadFile(filepath.Join(out, files["a"]+".ann"))
		if err != nil {
			t.Fatal(err)
		}
		want := ""
		if include {
			want = "T1\toverwrite 9 22\tSessions told\nA1\tStatus T1 pending\n"
		}
		if !strings.HasPrefix(string(ann), want) || (want == "" && len(ann) > 0) {
			t.Errorf("%v: a.ann =\n%s\nwant it to start with\n%s", args, ann, want)
		}
		for _, name := range []string{"manifest.jsonl", "annotation.conf", "visual.conf", files["cnn/2017/sessions"] + ".ann"} {
			data, err := os.ReadFile(filepath.Join(out, name))
			if err != nil || len(data) == 0 || data[len(data)-1] != '\n' {
				t.Errorf("%v: %s does not end with a newline (%v)", args, name, err)
			}
		}
	}
	_, out, _ := runCLI(t, "", "export", "--db", db)
	if !strings.Contains(out, `"id":"a","corrected_text":"Sessions Sessions told reporters .","annotations":[]`) {
		t.Errorf("jsonl export of a pending-only document keeps its guess:\n%s", out)
	}
}

// manifestFiles reads dir/manifest.jsonl: the file name of each id.
func manifestFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "manifest.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var m struct{ ID, File string }
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatal(err)
		}
		files[m.ID] = m.File
	}
	return files
}
