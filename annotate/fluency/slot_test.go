package fluency

import (
	"bytes"
	"strings"
	"testing"

	"corefix/model"
)

// odds returns the default slot's Odds of the bracketed words of s.
func odds(t *testing.T, s string) float64 {
	t.Helper()
	open, close := strings.Index(s, "["), strings.Index(s, "]")
	text := s[:open] + s[open+1:close] + s[close+1:]
	toks := model.Tokenize(text)
	i, j := -1, -1
	for k, tk := range toks {
		if int(tk.Start) >= open && i < 0 {
			i = k
		}
		if int(tk.End) <= close-1 {
			j = k
		}
	}
	_, gain := Default().Possessive(text, toks, i, j)
	return DefaultSlot().Odds(text, toks, i, j, gain)
}

// TestDefaultSlot: a name where a possessive determiner stood (before
// the noun it owns) reads as one; a name as subject, object or both
// objects of "gave" does not. The sentences are made up here, not the
// data's.
func TestDefaultSlot(t *testing.T) {
	for _, c := range []struct {
		s          string
		possessive bool
	}{
		{"They spoke after [Mary Okafor] death in the spring .", true},
		{"The court rejected [the Minister] request for more time .", true},
		{"Fans waited outside for [the band] first concert since May .", true},
		{"Everyone admired [Paul Tran] early paintings .", true},
		{"When [Mary Okafor] arrived , the hall was full .", false},
		{"The board thanked [the Minister] for the report .", false},
		{"The teacher gave [Paul Tran] a book about ships .", false},
		{"Then [the band] played until midnight .", false},
	} {
		if o := odds(t, c.s); (o > 0) != c.possessive {
			t.Errorf("%q: odds %.2f, want possessive %v", c.s, o, c.possessive)
		}
	}
}

// TestSlotNames: every key the features make has a name that reads back
// as the same key, and no two keys share a name.
func TestSlotNames(t *testing.T) {
	s := NewSlot(Default())
	names := map[string]uint32{}
	for _, w := range []SlotWindow{
		{"", "", "x", "career", ".", ""},
		{"The", "teacher", "x", "a", "book", "about"},
		{"of", "the", "x", "Empire", "that", "was"},
		{"", "When", "x", "", "", ""},
		{"rest", "of", "x", "own", "life", "’s"},
	} {
		for _, f := range s.Features(w, 1.5, nil) {
			name := s.Name(f.Key)
			k, err := s.key(name)
			if err != nil || k != f.Key {
				t.Errorf("%q reads back as %#x (%v), want %#x", name, k, err, f.Key)
			}
			if other, ok := names[name]; ok && other != f.Key {
				t.Errorf("%q names %#x and %#x", name, other, f.Key)
			}
			names[name] = f.Key
		}
	}
	if len(names) < 20 {
		t.Fatalf("only %d features over five windows", len(names))
	}
}

// TestParseSlotRefuses: another format, a kind or tag the model lacks,
// and a malformed name are refused; the written file parses back to the
// same weights.
func TestParseSlotRefuses(t *testing.T) {
	m := Default()
	for _, data := range []string{
		`{"format":"corefix.possessive-slot/v0","training":{},"weights":{}}`,
		`{"format":"corefix.possessive-slot/v1","training":{},"weights":{"colour=3":1}}`,
		`{"format":"corefix.possessive-slot/v1","training":{},"weights":{"tag=1_NOUN/XX":1}}`,
		`{"format":"corefix.possessive-slot/v1","training":{},"weights":{"tag=9_NOUN/NN":1}}`,
		`{"format":"corefix.possessive-slot/v1","training":{},"weights":{"bias=1":1}}`,
		`{"format":"corefix.possessive-slot/v1","training":{},"weights":{"after-run=NOUN_VERB":1}}`,
		`{"format":"corefix.possessive-slot/v1","training":{},"weights":{"owned-nat=12":1}}`,
		`{"format":"corefix.possessive-slot/v1","training":{},"extra":1,"weights":{}}`,
	} {
		if _, err := ParseSlot(m, []byte(data)); err == nil {
			t.Errorf("accepted %s", data)
		}
	}
	s := NewSlot(m)
	want := map[uint32]float64{}
	for k, f := range s.Features(SlotWindow{"of", "the", "x", "career", ".", ""}, 2, nil) {
		want[f.Key] = float64(k) - 3.5
	}
	var b bytes.Buffer
	if err := s.WriteSlot(&b, want, SlotTraining{Command: "test"}); err != nil {
		t.Fatal(err)
	}
	back, err := ParseSlot(m, b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(back.weights) != len(want) {
		t.Fatalf("%d weights back, want %d", len(back.weights), len(want))
	}
	for k, v := range want {
		if back.weights[k] != v {
			t.Errorf("%s: %v back, want %v", s.Name(k), back.weights[k], v)
		}
		if got := back.table.get(k); got != v {
			t.Errorf("%s: %v in the table Odds reads, want %v", s.Name(k), got, v)
		}
	}
	// A key without a weight reads 0 from the table, as from the map.
	for k := range uint32(1 << 16) {
		if _, ok := want[k<<8]; !ok && back.table.get(k<<8) != 0 {
			t.Fatalf("key %#x: %v in the table, want 0", k<<8, back.table.get(k<<8))
		}
	}
}

// TestSlotTrainingFeatures: a treebank pronoun's slot is read with the
// word after it counted without that occurrence, so its Owned features
// differ from a text's read of the same window exactly there.
func TestSlotTrainingFeatures(t *testing.T) {
	s, m := DefaultSlot(), Default()
	w := SlotWindow{"they", "discussed", "his", "career", "in", "detail"}
	owned := func(fs []SlotFeature, kind int) (float64, bool) {
		for _, f := range fs {
			if int(f.Key>>24) == kind {
				return f.Value, true
			}
		}
		return 0, false
	}
	text := s.Features(w, 1, nil)
	train := s.TrainingFeatures(w, 1, true, nil)
	if got, _ := owned(text, slotOwned); got != m.Owned("career")/5 {
		t.Errorf("Features: Owned feature %.4f, want Owned(career)/5 = %.4f", got, m.Owned("career")/5)
	}
	want := m.OwnedLeavingOut("career", true)
	if !(want < m.Owned("career")) {
		t.Fatalf("OwnedLeavingOut(career, true) = %.4f is not below Owned = %.4f", want, m.Owned("career"))
	}
	for _, kind := range []int{slotOwned, slotHeadOwned} {
		if got, ok := owned(train, kind); !ok || got != want/5 {
			t.Errorf("TrainingFeatures: feature kind %d = %.4f (%v), want %.4f", kind, got, ok, want/5)
		}
	}
	if len(text) != len(train) {
		t.Errorf("%d features against %d: only values should differ", len(train), len(text))
	}
}
