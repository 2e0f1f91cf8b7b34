package damage

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"corefix/model"
)

// The invariants every damaged document keeps, whatever the settings:
//
//   - the same document and Config give the same result;
//   - gold spans are in text order, never overlap, and in the gold file
//     each span's "text" is the resolved text at its code point offsets;
//   - writing every broken span's replacement and every correct
//     substitution's original back into the resolved text gives the
//     original text byte for byte (so with the correct substitutions kept,
//     the text differs from the original only inside them);
//   - corefix eval reads the gold file.

// settings covers every option.
var settings = map[string]Config{
	"seed bug":              SeedBug(),
	"seed bug, shared gold": sharedGold(SeedBug()),
	"seed bug, prose":       {Resolver: Shrink, Order: FirstMention, MaxLen: 3, Prose: true},
	"cap 1":                 {Resolver: Shrink, Order: FirstMention, MaxLen: 1},
	"cap 2":                 {Resolver: Shrink, Order: FirstMention, MaxLen: 2},
	"cap 5":                 {Resolver: Shrink, Order: FirstMention, MaxLen: 5},
	"no cap, file order":    {Resolver: Shrink, Order: FileOrder},
	"shuffled":              {Resolver: Shrink, Order: Shuffled, MaxLen: 3, Seed: 7},
	"naive":                 NaiveResolver(),
	"naive, prose":          {Resolver: InPlace, Order: FirstMention, MaxLen: 3, Prose: true},
	"naive, nested, no cap": {Resolver: InPlace, Order: Shuffled, Nested: true, Seed: 3},
	"correct":               {Resolver: Correct, Order: FirstMention},
	"correct, prose, cap 3": {Resolver: Correct, Order: FirstMention, MaxLen: 3, Prose: true},
	"model mistakes": {Resolver: Shrink, Order: Shuffled, Seed: 11, Prose: true,
		Merge: 0.2, Split: 0.3, PronounOnly: 0.3, Boundary: 0.2},
	"model mistakes, naive": {Resolver: InPlace, Order: FirstMention, MaxLen: 5, Nested: true, Seed: 5,
		Merge: 0.3, Split: 0.3, PronounOnly: 0.5, Boundary: 0.5},
}

// tagged settings need part-of-speech tags.
var taggedSettings = map[string]Config{
	"wrong antecedents": {Resolver: Shrink, Order: FirstMention, MaxLen: 3, WrongAntecedent: 0.5, Seed: 2},
	"every mistake": {Resolver: Shrink, Order: Shuffled, Seed: 13, WrongAntecedent: 0.3,
		Merge: 0.2, Split: 0.3, PronounOnly: 0.3, Boundary: 0.2},
	"every mistake, naive": {Resolver: InPlace, Order: FirstMention, Prose: true, Seed: 1,
		WrongAntecedent: 1, Merge: 0.5, Split: 0.5, PronounOnly: 0.5, Boundary: 0.5},
}

func TestInvariants(t *testing.T) {
	sample, err := model.ReadCorefFile("../../testdata/gum/ontogum-sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	tagged := []*model.CorefDocument{parseDoc(t, tinyCoNLLU), parseDoc(t, nestedCoNLLU)}
	long := JoinLong(sample, 1500) // the two articles have about 1,900 words
	if len(long) != 1 || len(long[0].Doc.Tokens) < 1500 {
		t.Fatalf("JoinLong of the samples: %d documents", len(long))
	}
	untagged := append(sample, long[0].Doc)
	for name, cfg := range settings {
		for _, doc := range append(untagged, tagged...) {
			checkInvariants(t, name, doc, cfg)
		}
	}
	for name, cfg := range taggedSettings {
		for _, doc := range tagged {
			checkInvariants(t, name, doc, cfg)
		}
	}
}

func checkInvariants(t *testing.T, name string, doc *model.CorefDocument, cfg Config) {
	t.Helper()
	where := name + "/" + doc.ID
	res, err := Damage(doc, cfg)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	again, err := Damage(doc, cfg)
	if err != nil || !reflect.DeepEqual(res, again) {
		t.Errorf("%s: a second run gives another result", where)
	}
	prevEnd := 0
	for _, g := range res.Gold {
		if g.Start < prevEnd || g.End <= g.Start || !g.Category.Valid() {
			t.Fatalf("%s: gold span %+v out of order, empty or of no known category", where, g)
		}
		prevEnd = g.End
	}
	if got := applyGold(res.Resolved, res.Gold); got != res.Original {
		t.Errorf("%s: the gold applied to the resolved text is not the original:\n%s\nwant\n%s", where, got, res.Original)
	}
	file, err := model.EncodeGold(model.NewDocument(doc.ID, "", res.Resolved), res.Gold)
	if err != nil {
		t.Fatalf("%s: %v", where, err)
	}
	spans, neutral := spanTexts(t, file)
	runes := []rune(res.Resolved)
	for _, s := range append(spans, neutral...) {
		if got := string(runes[s.Start:s.End]); got != s.Text {
			t.Errorf("%s: gold text %q at %d:%d, the resolved text there %q", where, s.Text, s.Start, s.End, got)
		}
	}
	g, err := model.DecodeGold(file, model.NewDocument(doc.ID, "", res.Resolved))
	if err != nil {
		t.Fatalf("%s: corefix eval cannot read the gold: %v", where, err)
	}
	if len(g.Spans) != len(spans) || len(g.Neutral) != len(neutral) {
		t.Errorf("%s: corefix eval reads %d spans of %d, %d neutral of %d", where, len(g.Spans), len(spans), len(g.Neutral), len(neutral))
	}
}

// applyGold writes each gold span's original words back into text.
func applyGold(text string, gold []model.GoldEdit) string {
	var b strings.Builder
	at := 0
	for _, g := range gold {
		b.WriteString(text[at:g.Start])
		b.WriteString(g.Original)
		at = g.End
	}
	b.WriteString(text[at:])
	return b.String()
}

// goldText is a span or neutral entry of a gold file as written.
type goldText struct {
	Start, End     int
	Text, Original string
	Replacement    *string
}

func spanTexts(t *testing.T, file []byte) (spans, neutral []goldText) {
	t.Helper()
	var f struct{ Spans, Neutral []goldText }
	if err := json.Unmarshal(file, &f); err != nil {
		t.Fatal(err)
	}
	return f.Spans, f.Neutral
}

// TestSharedGoldInvariant checks the invariant on the shared gum/drift and
// gum/clean files themselves (where this machine has them): every span's
// replacement and every neutral entry's original written back into
// NAME.txt give NAME.orig.txt. Writing back the spans alone does not when
// there are neutral entries: correct substitutions stay.
func TestSharedGoldInvariant(t *testing.T) {
	const shared = "/work/shared/data/gum" // the project's shared material, where this machine keeps it
	golds, _ := filepath.Glob(filepath.Join(shared, "*/*.gold.json"))
	if len(golds) == 0 {
		t.Skip("no shared GUM data on this machine")
	}
	for _, p := range golds {
		base := strings.TrimSuffix(p, ".gold.json")
		text, err1 := os.ReadFile(base + ".txt")
		orig, err2 := os.ReadFile(base + ".orig.txt")
		file, err3 := os.ReadFile(p)
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatal(err1, err2, err3)
		}
		spans, neutral := spanTexts(t, file)
		runes := []rune(string(text))
		var edits []goldText
		for _, s := range spans {
			edits = append(edits, goldText{Start: s.Start, End: s.End, Original: *s.Replacement})
		}
		edits = append(edits, neutral...)
		// In code points, from the end so earlier offsets stay right.
		slices.SortFunc(edits, func(a, b goldText) int { return a.Start - b.Start })
		for i := len(edits) - 1; i >= 0; i-- {
			e := edits[i]
			runes = append(runes[:e.Start], append([]rune(e.Original), runes[e.End:]...)...)
		}
		if string(runes) != string(orig) {
			t.Errorf("%s: spans and neutral written back do not give the original", p)
		}
	}
}

// TestSeedsDiffer: the seed matters where the settings draw from it.
func TestSeedsDiffer(t *testing.T) {
	docs, err := model.ReadCorefFile("../../testdata/gum/ontogum-sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]bool{}
	for seed := range uint64(3) {
		res, err := Damage(docs[0], Config{Resolver: Shrink, Order: Shuffled, MaxLen: 3, Seed: seed, Split: 0.5})
		if err != nil {
			t.Fatal(err)
		}
		texts[res.Resolved] = true
	}
	if len(texts) != 3 {
		t.Errorf("3 seeds gave %d different texts", len(texts))
	}
}
