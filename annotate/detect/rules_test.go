package detect

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestShippedRules(t *testing.T) {
	if _, err := parseRules([]byte(rulesJSON)); err != nil {
		t.Fatalf("the shipped rules.json does not load: %v", err)
	}
}

// TestRulesRefused checks that parseRules reports what is wrong with a
// rules file, edited from the shipped one, by its path.
func TestRulesRefused(t *testing.T) {
	tests := []struct {
		name string
		edit func(r map[string]any)
		want string
	}{
		{"missing rule", func(r map[string]any) {
			delete(group(r, "lost-possessive", "confidence"), "her-object")
		}, `rules.json.lost-possessive.confidence: missing key "her-object"`},
		{"missing group", func(r map[string]any) { delete(r, "notes") }, `rules.json: missing key "notes"`},
		{"missing message", func(r map[string]any) {
			delete(group(r, "pronoun-then-mention", "stray-pronoun"), "message")
		}, `rules.json.pronoun-then-mention.stray-pronoun: missing key "message"`},
		{"unknown rule", func(r map[string]any) {
			group(r, "misfit")["noun-then-noun"] = group(r, "misfit", "noun-then-phrase")
		}, `rules.json.misfit: unknown key "noun-then-noun"`},
		{"confidence above 1", func(r map[string]any) {
			group(r, "repeated-token")["confidence"] = 1.5
		}, "rules.json.repeated-token.confidence: confidence 1.5 outside (0, 1]"},
		{"zero confidence", func(r map[string]any) {
			group(r, "lost-possessive", "confidence")["kin-next"] = 0
		}, "rules.json.lost-possessive.confidence.kin-next: confidence 0 outside (0, 1]"},
		{"empty note", func(r map[string]any) {
			group(r, "notes")["type-word"] = ""
		}, "rules.json.notes.type-word: empty"},
		{"zero limit", func(r map[string]any) {
			group(r, "limits", "max-mention")["value"] = 0
		}, "rules.json.limits.max-mention.value: limit 0 below 1"},
		{"fractional limit", func(r map[string]any) {
			group(r, "limits", "copy-count")["value"] = 2.5
		}, "limits.copy-count.value"},
		{"zero margin", func(r map[string]any) {
			group(r, "pronoun-case", "min-nats")["nats"] = 0
		}, "rules.json.pronoun-case.min-nats: a margin needs positive nats and a why"},
		{"rule not an object", func(r map[string]any) {
			group(r, "verb-agreement")["inside-quote"] = 0.7
		}, "rules.json.verb-agreement.inside-quote: want an object"},
	}
	for _, tt := range tests {
		var r map[string]any
		if err := json.Unmarshal([]byte(rulesJSON), &r); err != nil {
			t.Fatal(err)
		}
		tt.edit(r)
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := parseRules(data); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: parseRules error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

// group returns the object at path in a decoded rules file.
func group(r map[string]any, path ...string) map[string]any {
	for _, k := range path {
		r = r[k].(map[string]any)
	}
	return r
}
