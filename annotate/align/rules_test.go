package align

import (
	"encoding/json"
	"strings"
	"testing"
)

// shipped returns the rules of rules.json, failing the test when they do
// not load.
func shipped(t testing.TB) *rules {
	t.Helper()
	r, err := shippedRules()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestShippedRules(t *testing.T) {
	t.Parallel()
	r := shipped(t)
	// A few entries as the file states them, decoded into their fields.
	if r.Verdicts.StrongDrift.Value != 0.95 || r.Drift.MinSubstitutions.Value != 5 || r.Split.MaxDrift.Value != 40 {
		t.Errorf("decoded strong_drift %v, min_substitutions %v, max_drift %v; want 0.95, 5, 40",
			r.Verdicts.StrongDrift.Value, r.Drift.MinSubstitutions.Value, r.Split.MaxDrift.Value)
	}
	if !r.words.title.HasLower("Mr") || !r.words.speaker.HasLower("we") || r.words.neuter.HasLower("he") {
		t.Errorf("word classes not loaded from the lexicon")
	}
}

// Each broken variant of the shipped file fails to load, saying where.
func TestLoadRulesRefuses(t *testing.T) {
	t.Parallel()
	type object = map[string]any
	at := func(m object, path ...string) object {
		for _, k := range path {
			m = m[k].(object)
		}
		return m
	}
	tests := []struct {
		name  string
		spoil func(m object)
		want  string
	}{
		{"missing key", func(m object) { delete(at(m, "drift"), "min_strong") }, "missing key drift.min_strong"},
		{"missing group", func(m object) { delete(m, "notes") }, "missing key notes"},
		{"unknown key", func(m object) { at(m, "drift")["min_strung"] = at(m, "drift", "min_strong") }, "unknown key drift.min_strung"},
		{"empty why", func(m object) { at(m, "drift", "min_strong")["why"] = " " }, "drift.min_strong.why: empty"},
		{"confidence above one", func(m object) { at(m, "verdicts", "strong_drift")["confidence"] = 1.5 }, "verdicts.strong_drift.confidence: 1.5 is not in (0,1]"},
		{"negative value", func(m object) { at(m, "split", "max_drift")["value"] = -40 }, "split.max_drift.value: -40"},
		{"fraction for a count", func(m object) { at(m, "split", "max_drift")["value"] = 40.5 }, "max_drift"},
		{"unknown placeholder", func(m object) { at(m, "messages")["possessive"] = "the possessive {orignal} became a bare mention" }, "messages.possessive: unknown placeholder"},
	}
	for _, tt := range tests {
		var m object
		if err := json.Unmarshal([]byte(rulesJSON), &m); err != nil {
			t.Fatal(err)
		}
		tt.spoil(m)
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		_, err = loadRules(data)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestFill(t *testing.T) {
	t.Parallel()
	got := fill("{resolution} overwrote {original}; {message} {other}", `he "said"`, "Sessions {original}", "earlier")
	want := `"Sessions {original}" overwrote "he \"said\""; earlier {other}`
	if got != want {
		t.Errorf("fill = %s, want %s", got, want)
	}
}
