package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/model"
	"corefix/model/store"
)

// agreeFiles are the hand-made annotations whose figures
// model.TestAgreementByHand derives by hand.
var agreeFiles = []string{"../../testdata/agree/a.corefix.json", "../../testdata/agree/b.corefix.json"}

// agreeDBFrom stores the hand-made annotations in a review database of a
// one-line dataset holding their text (plus one document only alice saw).
func agreeDBFrom(t *testing.T) string {
	t.Helper()
	var anns []*model.Annotation
	for _, f := range agreeFiles {
		a, err := model.ReadAnnotationFile(f)
		if err != nil {
			t.Fatal(err)
		}
		anns = append(anns, a)
	}
	line, _ := json.Marshal(map[string]string{"id": anns[0].Doc.ID, "text": anns[0].Doc.Text})
	dataset := filepath.Join(t.TempDir(), "agree.jsonl")
	if err := os.WriteFile(dataset, append(line, "\n{\"id\":\"extra\",\"text\":\"he he\"}\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(store.DefaultPath(dataset), store.Options{Dataset: dataset})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	extra, _ := model.NewAnnotation(model.NewDocument("extra", "", "he he"), nil, model.FromDetector)
	extra.Annotator = "alice"
	for _, a := range append(anns, extra) {
		if err := s.SaveAnnotation(a); err != nil {
			t.Fatal(err)
		}
	}
	return s.Path()
}

func TestAgreeFilesAndDatabaseAgree(t *testing.T) {
	want := []string{
		"A marked 5, 4 overlap B's: precision 0.800",
		"B marked 6, 4 overlap A's: recall    0.667",
		"span F1 0.727",
		"observed 0.571, chance 0.286, kappa 0.400",
		"7 disagreement(s) to adjudicate:",
		`agree-sample  A: [8,17) "aide said" edited → "aide told"`,
		`B: [97,99) "it" edited → "a supplement"`,
	}
	db := agreeDBFrom(t)
	for _, args := range [][]string{
		{"agree", agreeFiles[0], agreeFiles[1]},
		{"agree", "--db", db, "--annotators", "alice,bob"},
	} {
		code, out, errOut := runCLI(t, "", args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", args, w, out)
			}
		}
	}
	_, out, _ := runCLI(t, "", "agree", "--db", db, "--annotators", "alice,bob")
	if !strings.Contains(out, "(1 annotated by only one, left out)") {
		t.Errorf("database agreement does not report the document only alice saved:\n%s", out)
	}
}

func TestAgreeErrors(t *testing.T) {
	db := agreeDBFrom(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"agree", agreeFiles[0]}, 2, "give two annotation files"},
		{[]string{"agree", "--db", db}, 2, "--annotators wants two names"},
		{[]string{"agree", "--db", db, "--annotators", "alice"}, 2, "--annotators wants two names"},
		{[]string{"agree", "--db", db, "--annotators", "alice,carol"}, 1, `no annotations by "carol"`},
		{[]string{"agree", agreeFiles[0], "../../testdata/annotations/cnn-sessions.v1.corefix.json"}, 1, "different texts"},
		{[]string{"agree", agreeFiles[0], "nope.corefix.json"}, 1, "nope.corefix.json"},
	} {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != tt.code || !strings.Contains(errOut, tt.want) || (code == 1 && strings.Count(errOut, "\n") != 1) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, errOut, tt.code, tt.want)
		}
	}
}
