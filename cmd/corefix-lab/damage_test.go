package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"corefix/model"
)

const sample = "../../testdata/gum/ontogum-sample.jsonl"

// runLab runs corefix-lab in-process and returns its exit status and
// stderr.
func runLab(args ...string) (int, string) {
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stderr.String()
}

// TestDamageCommandReproducesDrift: with the shared gold's classification
// the command writes the files of testdata/gum/drift, byte for byte, in
// the layout corefix eval --dir reads, and a manifest.
func TestDamageCommandReproducesDrift(t *testing.T) {
	out := t.TempDir()
	if code, errOut := runLab("damage", "-in", sample, "-out", out, "-shared-gold"); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want, _ := filepath.Glob("../../testdata/gum/drift/*")
	if len(want) != 6 {
		t.Fatalf("testdata/gum/drift holds %d files, want 6", len(want))
	}
	for _, w := range want {
		a, _ := os.ReadFile(w)
		b, err := os.ReadFile(filepath.Join(out, filepath.Base(w)))
		if err != nil || !bytes.Equal(a, b) {
			t.Errorf("%s: not reproduced (%v)", filepath.Base(w), err)
		}
	}
	var m model.DamageManifest
	data, err := os.ReadFile(filepath.Join(out, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Resolver   string `json:"resolver"`
		MaxLen     int    `json:"max_mention_len"`
		SharedGold bool   `json:"shared_gold"`
	}
	if err := json.Unmarshal(m.Config, &cfg); err != nil || cfg.Resolver != "shrink" || cfg.MaxLen != 3 || !cfg.SharedGold {
		t.Errorf("manifest config %s (%v)", m.Config, err)
	}
	got := []string{}
	for _, d := range m.Documents {
		got = append(got, d.Name)
	}
	if diff := cmp.Diff([]string{"GUM_news_afghan", "GUM_news_iodine"}, got); diff != "" || m.Documents[0].Broken["overwrite"] != 72 {
		t.Errorf("manifest documents %+v", m.Documents)
	}
}

func TestDamageCommandLong(t *testing.T) {
	out := t.TempDir()
	manifest := filepath.Join(t.TempDir(), "m.json")
	if code, errOut := runLab("damage", "-in", sample, "-out", out, "-long", "1000", "-genre", "news",
		"-resolver", "inplace", "-prose", "-manifest", manifest); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	var m model.DamageManifest
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if len(m.Documents) != 1 || m.Documents[0].Name != "news-long-01" || len(m.Documents[0].Sources) != 2 || m.LongTokens != 1000 {
		t.Fatalf("manifest %+v", m)
	}
	orig, err := os.ReadFile(filepath.Join(out, "news-long-01.orig.txt"))
	if err != nil || !strings.Contains(string(orig), "Afghan Girls") || !strings.Contains(string(orig), "iodine") {
		t.Errorf("the long original does not hold both articles (%v)", err)
	}
}

func TestDamageCommandErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.conllu")
	if err := os.WriteFile(bad, []byte("1\tHi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"no subcommand", nil, 2, "usage: corefix-lab COMMAND"},
		{"unknown subcommand", []string{"train-all"}, 2, `corefix-lab: unknown command "train-all"`},
		{"no input", []string{"damage", "-out", dir}, 2, "corefix-lab damage: no -in\n"},
		{"no output", []string{"damage", "-in", sample}, 2, "corefix-lab damage: no -out\n"},
		{"bad flag", []string{"damage", "-rate", "1"}, 2, "flag provided but not defined: -rate\nusage: corefix-lab damage"},
		{"bad rate", []string{"damage", "-in", sample, "-out", dir, "-merge", "2"}, 2, "corefix-lab damage: rate merge = 2 is not in [0, 1]\n"},
		{"bad resolver", []string{"damage", "-in", sample, "-out", dir, "-resolver", "x"}, 2, `corefix-lab damage: unknown resolver "x"`},
		{"argument", []string{"damage", "-in", sample, "-out", dir, "more"}, 2, `corefix-lab damage: unexpected argument "more"`},
		{"missing input", []string{"damage", "-in", filepath.Join(dir, "none.conllu"), "-out", dir}, 1, "corefix-lab damage: stat " + filepath.Join(dir, "none.conllu") + ": no such file or directory\n"},
		{"bad input", []string{"damage", "-in", bad, "-out", dir}, 1, "corefix-lab damage: " + bad + ":1: a word line has 10 tab-separated columns, this one 2\n"},
		{"empty directory", []string{"damage", "-in", t.TempDir(), "-out", dir}, 1, "no .conllu or .jsonl files\n"},
		{"no such genre", []string{"damage", "-in", sample, "-out", dir, "-genre", "news,fiction"}, 1, "corefix-lab damage: no document of genre \"fiction\" in the input\n"},
		{"twice", []string{"damage", "-in", sample, "-in", sample, "-out", dir}, 1, `corefix-lab damage: ` + sample + `: document "GUM_news_afghan" again (first in ` + sample + ")\n"},
		{"no tags", []string{"damage", "-in", sample, "-out", dir, "-wrong-antecedent", "0.5"}, 1, "corefix-lab damage: GUM_news_afghan: wrong antecedents need part-of-speech tags (CoNLL-U input)\n"},
		{"help", []string{"damage", "-h"}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, errOut := runLab(tc.args...)
			if code != tc.code || !strings.Contains(errOut, tc.want) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errOut, tc.code, tc.want)
			}
			if code == 1 && strings.Count(errOut, "\n") != 1 {
				t.Errorf("a failure must be one line: %q", errOut)
			}
			if code != 0 {
				if written, _ := filepath.Glob(filepath.Join(dir, "*")); len(written) != 1 { // bad.conllu
					t.Errorf("a failed run wrote %v", written)
				}
			}
		})
	}
}
