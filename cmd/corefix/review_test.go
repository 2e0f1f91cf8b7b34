package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/model"
)

// article writes a copy of the sample-sized test article into dir.
func article(t *testing.T, dir string) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/align/drift-GUM_news_stampede.txt")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "news.txt")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// holdLock opens path's annotation file as another editor would.
func holdLock(t *testing.T, path string) {
	t.Helper()
	w, err := model.OpenWorkfile(model.AnnotationPath(path), "alice")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
}

func TestReviewLockedSuggestsReadOnly(t *testing.T) {
	path := article(t, t.TempDir())
	holdLock(t, path)
	code, _, errOut := runCLI(t, "", "review", "--annotator", "bob", path)
	if code != exitFailure || strings.Count(errOut, "\n") != 1 ||
		!strings.Contains(errOut, "alice (pid ") || !strings.Contains(errOut, "--read-only") {
		t.Errorf("review of a locked file: exit %d, stderr %q; want one line naming alice and suggesting --read-only", code, errOut)
	}
}

// TestReviewUnwritableNamesTheWaysOut: where no lock file can be made (a
// read-only directory; here a directory in the lock file's place, which
// fails for root too), the error names --out and --read-only.
func TestReviewUnwritableNamesTheWaysOut(t *testing.T) {
	path := article(t, t.TempDir())
	if err := os.Mkdir(model.LockPath(model.AnnotationPath(path)), 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "review", path)
	if code != exitFailure || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "news.corefix.json") ||
		!strings.Contains(errOut, "--out PATH") || !strings.Contains(errOut, "--read-only") {
		t.Errorf("review where no lock can be made: exit %d, stderr %q; want one line naming the file, --out and --read-only", code, errOut)
	}
}

func TestReviewReadOnlyOpensLockedFile(t *testing.T) {
	path := article(t, t.TempDir())
	holdLock(t, path)
	r, err := openReview(&env{}, &reviewOptions{annotator: "bob", readOnly: true}, []string{path})
	if err != nil {
		t.Fatalf("--read-only on a locked file: %v", err)
	}
	defer r.file.Close()
	r.found(t)
	if !r.file.ReadOnly || r.a.Len() == 0 {
		t.Errorf("--read-only: read-only %v, %d spans; want a read-only file and the findings", r.file.ReadOnly, r.a.Len())
	}
}

func TestReviewOriginOfSpans(t *testing.T) {
	dir := t.TempDir()
	path := article(t, dir)
	for _, tt := range []struct {
		original string
		want     model.Origin
	}{
		{"", model.FromDetector},
		{"../../testdata/align/GUM_news_stampede.orig.txt", model.FromAlignment},
	} {
		o := &reviewOptions{annotator: "bob", original: tt.original, out: filepath.Join(dir, string(tt.want)+".corefix.json")}
		r, err := openReview(&env{}, o, []string{path})
		if err != nil {
			t.Fatal(err)
		}
		r.file.Close()
		if r.a.Len() != 0 {
			t.Fatalf("--original %q: %d spans before the editor found them", tt.original, r.a.Len())
		}
		r.found(t)
		if r.a.Len() == 0 {
			t.Fatalf("--original %q: no spans", tt.original)
		}
		if got := r.a.Span(0).Origin; got != tt.want {
			t.Errorf("--original %q: spans from %s, want %s", tt.original, got, tt.want)
		}
	}
}

func TestReviewDatasetFlags(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(data, []byte(`{"id":"a","text":"They The Democrats the election ."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := article(t, dir)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"review", "--db", filepath.Join(dir, "x.db"), path}, "--db goes with a dataset"},
		{[]string{"review", "--original", path, data}, "--original is for one FILE"},
		{[]string{"review", "--out", "x.json", data}, "--out is for one FILE"},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		if first, _, _ := strings.Cut(errOut, "\n"); code != exitUsage || !strings.Contains(first, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, code, first, tt.want)
		}
	}
	d, err := openDatasetReview(&reviewOptions{annotator: "bob"}, data)
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	if got, want := d.store.Path(), filepath.Join(dir, "news.corefix.db"); got != want || d.ds.Len() != 1 {
		t.Errorf("database %s with %d documents, want %s with 1", got, d.ds.Len(), want)
	}
}

// Two editors on one dataset as the same annotator: the second stops with
// one line naming the first and suggesting --read-only, which opens it
// without deciding; another annotator opens it alongside.
func TestReviewDatasetSameAnnotatorTwice(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(data, []byte(`{"id":"a","text":"They The Democrats the election ."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	first, err := openDatasetReview(&reviewOptions{annotator: "alice"}, data)
	if err != nil {
		t.Fatal(err)
	}
	defer first.close()
	code, _, errOut := runCLI(t, "", "review", "--annotator", "alice", data)
	if code != exitFailure || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, "news.corefix.db") ||
		!strings.Contains(errOut, "alice (pid ") || !strings.Contains(errOut, "--read-only") {
		t.Errorf("second editor as alice: exit %d, stderr %q; want one line naming the database, alice's editor and --read-only", code, errOut)
	}
	look, err := openDatasetReview(&reviewOptions{annotator: "alice", readOnly: true}, data)
	if err != nil {
		t.Fatalf("--read-only beside alice's editor: %v", err)
	}
	defer look.close()
	if !look.ds.ReadOnly() {
		t.Error("--read-only opened a review that saves")
	}
	bob, err := openDatasetReview(&reviewOptions{annotator: "bob"}, data)
	if err != nil {
		t.Fatalf("bob beside alice: %v", err)
	}
	bob.close()
}

// TestReviewDatasetRefusesAPair: a dataset line whose "original" is
// another article is refused as detect refuses it, in one line naming the
// line's document; the first document is loaded before the editor opens,
// so it never opens.
func TestReviewDatasetRefusesAPair(t *testing.T) {
	dir := t.TempDir()
	text, err := os.ReadFile(article(t, dir))
	if err != nil {
		t.Fatal(err)
	}
	other, err := os.ReadFile("../../testdata/gum/drift/GUM_news_afghan.orig.txt")
	if err != nil {
		t.Fatal(err)
	}
	line, err := json.Marshal(map[string]string{"id": "stampede", "text": string(text), "original": string(other)})
	if err != nil {
		t.Fatal(err)
	}
	data := filepath.Join(dir, "news.jsonl")
	if err := os.WriteFile(data, append(line, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := runCLI(t, "", "review", data)
	if code != exitFailure || strings.Count(errOut, "\n") != 1 || !strings.Contains(errOut, `document "stampede": `) ||
		!strings.Contains(errOut, "does not look like the original of") {
		t.Errorf("review of a dataset whose line pairs two articles: exit %d, stderr %q; want 1 and one line naming the document and the problem", code, errOut)
	}
}

// loaded reads the saved annotation (Options.Load) as the editor does
// after its first frame.
func (r *review) loaded(t *testing.T) {
	t.Helper()
	if r.opts.Load == nil {
		t.Fatal("no saved annotation to read")
	}
	if r.a.Len() != 0 {
		t.Fatalf("%d spans before the saved annotation was read", r.a.Len())
	}
	a, err := r.opts.Load()
	if err != nil {
		t.Fatal(err)
	}
	r.a = a
}

// found does what the editor does after its first frame: it finds the
// spans region by region (Options.Detect), last region first, and gives
// them to the annotation.
func (r *review) found(t *testing.T) {
	t.Helper()
	d := r.opts.Detect
	if d == nil {
		t.Fatal("a new annotation without a way to find its spans")
	}
	n, err := d.Prepare()
	for k := n - 1; k >= 0 && err == nil; k-- {
		var fs []model.Finding
		if fs, err = d.Find(k); err == nil {
			err = r.a.AddFound(fs, r.opts.Origin)
		}
	}
	if err == nil {
		err = r.a.AllFound()
	}
	if err != nil {
		t.Fatal(err)
	}
}
