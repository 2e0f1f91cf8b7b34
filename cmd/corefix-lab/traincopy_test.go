package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"corefix/annotate/detect"
)

// TestTrainCopyReproducible trains twice on the same documents and checks
// that the data files are the same bytes, that detect reads them, and
// that they name no absolute path. A coarse grid keeps it fast.
func TestTrainCopyReproducible(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var files [2][]byte
	for k := range files {
		out := filepath.Join(dir, []string{"a.json", "b.json"}[k])
		var stdout, stderr bytes.Buffer
		args := []string{"train-copy", "-train", "../../testdata/gum/drift", "-keep", "../../testdata", "-minp", "0.8", "-step", "0.1", "-o", out}
		if code := run(args, &stdout, &stderr); code != exitOK {
			t.Fatalf("corefix-lab %s: exit %d\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
		}
		if !strings.Contains(stdout.String(), "operating point veto") {
			t.Errorf("the report names no operating point:\n%s", stdout.String())
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		files[k] = data
	}
	if !bytes.Equal(files[0], files[1]) {
		t.Fatalf("two trainings on the same data differ:\n%s\n---\n%s", files[0], files[1])
	}
	if _, err := detect.ParseCopyScorer(files[0]); err != nil {
		t.Fatalf("detect refuses the trained file: %v", err)
	}
	wd, _ := os.Getwd()
	for _, abs := range []string{wd, dir, `"/`} {
		if bytes.Contains(files[0], []byte(abs)) {
			t.Errorf("the data file holds the absolute path %s:\n%s", abs, files[0])
		}
	}
	want := `"command": "go run ./cmd/corefix-lab train-copy -train testdata/gum/drift -keep testdata -l2 0.003 -minp 0.8 -step 0.1"`
	if !bytes.Contains(files[0], []byte(want)) {
		t.Errorf("the data file does not record its command as\n%s\n%s", want, files[0])
	}
}

func TestTrainLogistic(t *testing.T) {
	t.Parallel()
	// Feature 0 is the bias; feature 1 says yes, feature 2 no.
	var xs []sparse
	var ys []float64
	for k := range 40 {
		x := []float64{1, 0, 0}
		x[1+k%2] = 1
		xs = append(xs, toSparse(x))
		ys = append(ys, float64(1-k%2))
	}
	w := trainLogistic(xs, ys, 3, 0.01, 500)
	if !(w[1] > 1 && w[2] < -1) {
		t.Errorf("weights %v: want feature 1 clearly positive, 2 clearly negative", w)
	}
	if loss := meanLogLoss(xs, ys, w); loss > 0.2 {
		t.Errorf("mean log loss %v on a separable set", loss)
	}
	if again := trainLogistic(xs, ys, 3, 0.01, 500); !equalFloats(w, again) {
		t.Errorf("training twice gave %v and %v", w, again)
	}
}

func equalFloats(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if a[k] != b[k] {
			return false
		}
	}
	return true
}

func TestGrid(t *testing.T) {
	t.Parallel()
	th := grid(thresholdFrom, thresholdTo, 0.01)
	if len(th) != 56 || th[0] != 0.4 || th[55] != 0.95 || th[15] != 0.55 {
		t.Errorf("threshold grid %v: want 0.4, 0.41, …, 0.95 exactly", th)
	}
	if v := grid(vetoFrom, vetoTo, 0.01); len(v) != 61 || v[49] != 0.49 || v[60] != 0.6 {
		t.Errorf("veto grid %v: want 0, 0.01, …, 0.6 exactly", v)
	}
}

func TestRepoPath(t *testing.T) {
	t.Parallel()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Dir(filepath.Dir(wd)) // cmd/corefix-lab
	for give, want := range map[string]string{
		"../../testdata/gum":            "testdata/gum",
		".":                             "cmd/corefix-lab",
		filepath.Join(root, "testdata"): "testdata",
		filepath.Join(filepath.Dir(root), "shared"): "../shared",
	} {
		if got := repoPath(give); got != want {
			t.Errorf("repoPath(%q) = %q, want %q", give, got, want)
		}
	}
}

func TestRunUsage(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		args []string
		code int
		out  string // in stdout, or stderr when it fails
	}{
		{[]string{"help"}, exitOK, "train-copy"},
		{nil, exitUsage, "train-copy"},
		{[]string{"train"}, exitUsage, `unknown command "train"`},
		{[]string{"train-copy"}, exitUsage, "-train is required"},
		{[]string{"train-copy", "-train", "x", "-step", "0"}, exitUsage, "-step"},
		{[]string{"train-copy", "-train", "x", "extra"}, exitUsage, `unexpected argument "extra"`},
		{[]string{"train-copy", "-train", t.TempDir()}, exitFailure, "no gold files"},
	} {
		var stdout, stderr bytes.Buffer
		code := run(c.args, &stdout, &stderr)
		got := stdout.String()
		if code != exitOK {
			got = stderr.String()
		}
		if code != c.code || !strings.Contains(got, c.out) {
			t.Errorf("corefix-lab %q: exit %d, %q; want exit %d saying %q", c.args, code, got, c.code, c.out)
		}
	}
}
