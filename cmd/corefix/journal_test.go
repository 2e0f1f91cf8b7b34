package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/model"
)

// killedEditor leaves in dir what an editor killed after saving one
// decision leaves: the annotation file without it and the journal with
// it (copied before Close, which would fold them).
func killedEditor(t *testing.T, dir string) string {
	t.Helper()
	doc := model.NewDocument("t", "t.txt", "They The Democrats the election . It is he he .")
	a, err := model.NewAnnotation(doc, []model.Finding{
		{Start: 5, End: 18, Category: model.Overwrite, Proposals: []model.Proposal{{Text: "lost"}}},
		{Start: 43, End: 45, Category: model.Overwrite, Proposals: []model.Proposal{{Text: "said"}}},
	}, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	a.Annotator = "alice"
	work := filepath.Join(t.TempDir(), "t.corefix.json")
	w, err := model.OpenWorkfile(work, "alice")
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if err := w.Save(a.Snapshot()); err != nil {
		t.Fatal(err)
	}
	if err := a.Accept(0, 0); err != nil {
		t.Fatal(err)
	}
	if err := w.Save(a.Snapshot()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "t.corefix.json")
	for _, p := range []string{work, model.JournalPath(work)} {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// apply, export, stats and agree read the decision that is only in the
// journal.
func TestCommandsReadTheJournal(t *testing.T) {
	dir := t.TempDir()
	path := killedEditor(t, dir)
	if file, err := model.ParseAnnotation(mustRead(t, path)); err != nil || file.Counts()[model.Accepted] != 0 {
		t.Fatalf("the file alone should have no decision (%v)", err)
	}
	want := "They lost the election . It is he he ."
	if code, out, errOut := runCLI(t, "", "apply", path); code != 0 || out != want {
		t.Errorf("apply: exit %d, %q, %s; want %q", code, out, errOut, want)
	}
	out := filepath.Join(dir, "out")
	if code, _, errOut := runCLI(t, "", "export", "--format", "txt", "-o", out, path); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(filepath.Join(out, "t.txt")); string(got) != want {
		t.Errorf("export wrote %q, want %q", got, want)
	}
	if code, stdout, errOut := runCLI(t, "", "stats", path); code != 0 || !strings.Contains(stdout, "2 span(s), 1 decision(s)") {
		t.Errorf("stats: exit %d, %q, %s", code, stdout, errOut)
	}
	if code, stdout, errOut := runCLI(t, "", "agree", path, path); code != 0 || !strings.Contains(stdout, "A marked 1, 1 overlap B's") {
		t.Errorf("agree: exit %d, %q, %s", code, stdout, errOut)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
