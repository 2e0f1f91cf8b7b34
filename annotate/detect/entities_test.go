package detect

import (
	"os"
	"reflect"
	"testing"

	"corefix/model"
)

// TestEntitiesOfTheSample: the sample's recurring representatives are
// found with every occurrence, the first being where the writer names
// them; a span without a recurring phrase has no entity.
func TestEntitiesOfTheSample(t *testing.T) {
	data, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := model.NewDocument("cnn-sessions", "", string(data))
	es := Entities(doc)
	if es.Source != EntitiesSource || es.Len() == 0 {
		t.Fatalf("source %q, %d entities", es.Source, es.Len())
	}
	at := func(s string, nth int) (int, int) {
		i := -1
		for range nth + 1 {
			j := indexFrom(doc.Text, s, i+1)
			if j < 0 {
				t.Fatalf("%q has no occurrence %d", s, nth)
			}
			i = j
		}
		return i, i + len(s)
	}
	start, end := at("President Donald Trump", 1)
	ent, k, ok := es.At(start, end)
	if !ok || ent.Name != "President Donald Trump" || k != 1 || len(ent.Mentions) != 7 {
		t.Fatalf("second President Donald Trump: %q mention %d of %d (%v)", ent.Name, k, len(ent.Mentions), ok)
	}
	if first, _ := at("President Donald Trump", 0); ent.Mentions[0][0] != first {
		t.Errorf("first mention at %d, want %d (the writer's)", ent.Mentions[0][0], first)
	}
	for i, r := range ent.Mentions {
		if doc.Text[r[0]:r[1]] != ent.Name || (i > 0 && r[0] <= ent.Mentions[i-1][0]) {
			t.Errorf("mention %d [%d,%d) %q: not the name, or out of order", i, r[0], r[1], doc.Text[r[0]:r[1]])
		}
	}
	if s, e := at("his he", 0); func() bool { _, _, ok := es.At(s, e); return ok }() {
		t.Error(`"his he" holds no recurring phrase, yet has an entity`)
	}
}

func indexFrom(s, sub string, from int) int {
	for i := from; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

// Entities reads the hashes from the text where an analysis holding
// them reads them from memory: the same entities.
func TestEntitiesWithoutWordHashes(t *testing.T) {
	data, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc := model.NewDocument("cnn-sessions", "", string(data))
	want := entitiesOf(Analyze(doc))
	if got := Entities(doc); !reflect.DeepEqual(got, want) || got.Len() == 0 {
		t.Errorf("%d entities without the word hashes, %d with them, or they differ", got.Len(), want.Len())
	}
}
