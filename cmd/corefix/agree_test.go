package main

import (
	"encoding/json"
	"errors"
	"fmt"
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

func TestAgreeJSON(t *testing.T) {
	code, out, errOut := runCLI(t, "", "agree", "--json", agreeFiles[0], agreeFiles[1])
	if code != 0 {
		t.Fatalf("agree --json: exit %d: %s", code, errOut)
	}
	var got struct {
		Annotators []string
		Spans      struct{ F1 *float64 }
		Decisions  struct {
			Pairs int
			Kappa *float64
		}
		Disagreements []struct {
			Doc  string
			A, B *struct {
				Start, End  int
				Status      model.Status
				Replacement *string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("agree --json is not JSON: %v\n%s", err, out)
	}
	if got.Spans.F1 == nil || *got.Spans.F1 < 0.7272 || *got.Spans.F1 > 0.7273 ||
		got.Decisions.Kappa == nil || *got.Decisions.Kappa < 0.3999 || *got.Decisions.Kappa > 0.4001 || got.Decisions.Pairs != 7 {
		t.Errorf("agree --json figures:\n%s", out)
	}
	if n := len(got.Disagreements); n != 7 {
		t.Fatalf("%d disagreements, want 7", n)
	}
	first, lone := got.Disagreements[0], got.Disagreements[4]
	if first.A.Status != model.Pending || first.A.Replacement != nil || lone.A != nil || *lone.B.Replacement != "a supplement" {
		t.Errorf("disagreements: first %+v, lone %+v", first, lone)
	}
}

// TestAgreeReportsUnreviewedApart: two annotators who decided 3 spans and
// left 153 pending get kappa over the 3 (model.TestAgreementLeavesOutPendingInBoth
// derives 2/5 by hand) and the 153 reported as reviewed by neither.
func TestAgreeReportsUnreviewedApart(t *testing.T) {
	var words []string
	var fs []model.Finding
	at := 0
	for i := range 156 {
		w := fmt.Sprintf("w%d", i)
		words = append(words, w)
		fs = append(fs, model.Finding{Start: at, End: at + len(w), Category: model.Overwrite, Confidence: 0.9,
			Proposals: []model.Proposal{{Text: "x"}}})
		at += len(w) + 1
	}
	doc := model.NewDocument("d", "", strings.Join(words, " "))
	dir := t.TempDir()
	var paths []string
	for _, rejectThird := range []bool{false, true} {
		a, err := model.NewAnnotation(doc, fs, model.FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		third := a.Accept(2, 0)
		if rejectThird {
			third = a.Reject(2)
		}
		if err := errors.Join(a.Accept(0, 0), a.Reject(1), third); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("%d.corefix.json", len(paths)))
		if err := model.SaveAnnotation(p, a); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	code, out, errOut := runCLI(t, "", "agree", paths[0], paths[1])
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, w := range []string{"decisions on the 3 spans", "kappa 0.400", "not reviewed by either: 153 span(s)", "span F1 0.667"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}
	_, out, _ = runCLI(t, "", "agree", "--json", paths[0], paths[1])
	if !strings.Contains(out, `"not_reviewed": 153`) || !strings.Contains(out, `"pairs": 3`) {
		t.Errorf("agree --json lacks pairs 3 and not_reviewed 153:\n%s", out)
	}
}
