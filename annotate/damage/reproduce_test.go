package damage

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"corefix/model"
)

// The shared gum/drift and gum/clean files were made from the OntoGUM
// clusters of 24 Wikinews articles by the seed's shrinking-list bug and by
// a correct but naive resolver. The factory with those settings must give
// them back byte for byte: text, original and gold file. testdata/gum
// holds two of the articles (clusters in ontogum-sample.jsonl), so this
// runs on a clean checkout; TestReproduceSharedGUM checks all 24 where
// the shared data is.

// sharedGold is the classification of the shared gold files.
func sharedGold(c Config) Config {
	c.SharedGold = true
	return c
}

func TestReproduceSampleGUM(t *testing.T) {
	docs, err := model.ReadCorefFile("../../testdata/gum/ontogum-sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("%d sample documents, want 2", len(docs))
	}
	for _, set := range []struct {
		dir string
		cfg Config
	}{{"drift", sharedGold(SeedBug())}, {"clean", sharedGold(NaiveResolver())}} {
		for _, doc := range docs {
			if diff := reproduce(t, doc, set.cfg, filepath.Join("../../testdata/gum", set.dir)); diff != "" {
				t.Errorf("%s/%s: %s", set.dir, doc.ID, diff)
			}
		}
	}
}

func TestReproduceSharedGUM(t *testing.T) {
	const shared = "/work/shared/data/gum" // the project's shared material, where this machine keeps it
	docs, err := model.ReadCorefFile(filepath.Join(shared, "gum-news-ontogum.jsonl"))
	if os.IsNotExist(err) {
		t.Skip("no shared GUM data on this machine")
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, set := range []struct {
		dir string
		cfg Config
	}{{"drift", sharedGold(SeedBug())}, {"clean", sharedGold(NaiveResolver())}} {
		same := 0
		for _, doc := range docs {
			if diff := reproduce(t, doc, set.cfg, filepath.Join(shared, set.dir)); diff != "" {
				t.Errorf("%s/%s: %s", set.dir, doc.ID, diff)
				continue
			}
			same++
		}
		t.Logf("%s: %d of %d documents reproduced byte for byte (text, original, gold)", set.dir, same, len(docs))
	}
}

// reproduce damages doc and compares the three files with those in dir;
// it returns what differs, "" when nothing does.
func reproduce(t *testing.T, doc *model.CorefDocument, cfg Config, dir string) string {
	t.Helper()
	res, err := Damage(doc, cfg)
	if err != nil {
		t.Fatal(err)
	}
	gold, err := model.EncodeGold(model.NewDocument(doc.ID, "", res.Resolved), res.Gold)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct {
		suffix string
		got    []byte
	}{{".txt", []byte(res.Resolved)}, {".orig.txt", []byte(res.Original)}, {".gold.json", gold}} {
		want, err := os.ReadFile(filepath.Join(dir, doc.ID+f.suffix))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Equal(f.got, want) {
			continue
		}
		if f.suffix != ".gold.json" {
			return f.suffix + " differs"
		}
		var a, b any
		if json.Unmarshal(want, &a) != nil || json.Unmarshal(f.got, &b) != nil {
			return "gold file not JSON"
		}
		return "gold differs (-shared +factory):\n" + cmp.Diff(a, b)
	}
	return ""
}
