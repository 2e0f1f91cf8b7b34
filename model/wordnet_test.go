package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// testdata/wordnet is a WordNet database of six synsets in the files'
// own layout, licence lines included.
func TestReadWordNetNouns(t *testing.T) {
	wn, err := ReadWordNetNouns("testdata/wordnet")
	if err != nil {
		t.Fatal(err)
	}
	want := &WordNetNouns{
		Senses: map[string][]int{
			"physicist": {18},
			"people":    {14}, "citizenry": {14},
			// A name and a common noun spelt alike are apart, each in the
			// index's order of senses.
			"bush": {20}, "Bush": {18}, "George_Bush": {18},
			"man": {18, 4},
		},
		Licence: "This software and database is being provided to you, the LICENSEE\n",
	}
	if diff := cmp.Diff(want, wn); diff != "" {
		t.Errorf("nouns (-want +got):\n%s", diff)
	}
}

func TestReadWordNetNounsErrors(t *testing.T) {
	for name, index := range map[string]string{
		"index.noun:1: synset 00000999": "ghost n 1 0 1 0 00000999  \n",
		"index.noun:1: bad synset":      "ghost n x 0 1 0 00000100  \n",
	} {
		dir := t.TempDir()
		for _, f := range []string{"data.noun"} {
			b, err := os.ReadFile(filepath.Join("testdata/wordnet", f))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile(filepath.Join(dir, f), b, 0o644)
		}
		os.WriteFile(filepath.Join(dir, "index.noun"), []byte(index), 0o644)
		_, err := ReadWordNetNouns(dir)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%q: error %v, want one naming %q", index, err, name)
		}
	}
	if _, err := ReadWordNetNouns(t.TempDir()); err == nil || !strings.Contains(err.Error(), "data.noun") {
		t.Errorf("no database: error %v, want one naming data.noun", err)
	}
}
