package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// A document's text changed in the dataset after it was annotated: the
// review opens (the annotation set aside, said in the status line), stats
// lists it, export --set-aside writes it with its old text, and the rest
// of the dataset exports as before.
func TestChangedDocumentIsSetAside(t *testing.T) {
	db, dataset := exportDB(t, "ann")
	data, err := os.ReadFile(dataset)
	if err != nil {
		t.Fatal(err)
	}
	old := `{"id":"A","text":"Sessions Sessions reporters ."}`
	if err := os.WriteFile(dataset, bytes.Replace(data, []byte(old), []byte(`{"id":"A","text":"Sessions told reporters ."}`), 1), 0o644); err != nil {
		t.Fatal(err)
	}

	d, err := openDatasetReview(&reviewOptions{annotator: "ann", db: db}, dataset)
	if err != nil {
		t.Fatalf("review after a text changed: %v", err)
	}
	if !strings.Contains(d.notice, `1 of your annotations were set aside`) || !strings.Contains(d.notice, `"A"`) {
		t.Errorf("the editor's notice %q does not tell about A", d.notice)
	}
	d.close()

	code, out, errOut := runCLI(t, "", "stats", "--db", db)
	if code != 0 || !strings.Contains(out, "set aside") || !strings.Contains(out, "  A by ann: 1/1 reviewed (") {
		t.Errorf("stats after a text changed: exit %d, %q\n%s", code, errOut, out)
	}
	code, out, errOut = runCLI(t, "", "export", "--set-aside", "--db", db)
	if code != 0 || strings.Count(out, "\n") != 1 || !strings.Contains(out, `"text":"Sessions Sessions reporters ."`) ||
		!strings.Contains(out, `"status":"rejected"`) {
		t.Errorf("export --set-aside: exit %d, %q\n%s", code, errOut, out)
	}
	code, out, errOut = runCLI(t, "", "export", "--db", db)
	if code != 0 || !strings.Contains(out, `{"id":"A","text":"Sessions told reporters ."}`+"\n") {
		t.Errorf("export after a text changed: exit %d, %q; want A's new line as it is\n%s", code, errOut, out)
	}
	if code, _, errOut := runCLI(t, "", "export", "--set-aside", agreeFiles[0]); code != exitUsage || !strings.Contains(errOut, "needs --db") {
		t.Errorf("--set-aside without --db: exit %d, %q", code, errOut)
	}
}
