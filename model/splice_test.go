package model

import (
	"encoding/json"
	"testing"
)

func TestSpliceJSON(t *testing.T) {
	add := []Member{{"annotations", []byte(`[1]`)}, {"corrected_text", []byte(`"x"`)}}
	tests := []struct {
		name, give, want string
	}{
		{"append", `{"id":"a","text":"t"}`, `{"id":"a","text":"t","annotations":[1],"corrected_text":"x"}`},
		{"empty object", `{}`, `{"annotations":[1],"corrected_text":"x"}`},
		{"spacing, numbers and escapes kept", `{ "id" : "a", "n": 1.50e+2 , "u":"\u00e9\/", "o":{"k":[ true ,null]} }`,
			`{ "id" : "a", "n": 1.50e+2 , "u":"\u00e9\/", "o":{"k":[ true ,null]} ,"annotations":[1],"corrected_text":"x"}`},
		{"existing keys replaced in place", `{"annotations": {"old":1}, "id":"a", "corrected_text" :"old"}`,
			`{"annotations": [1], "id":"a", "corrected_text" :"x"}`},
		{"number before the brace", `{"id":"a","n":12}`, `{"id":"a","n":12,"annotations":[1],"corrected_text":"x"}`},
		{"repeated key", `{"annotations":1,"annotations":2}`, `{"annotations":[1],"annotations":[1],"corrected_text":"x"}`},
	}
	for _, tt := range tests {
		got, err := SpliceJSON([]byte(tt.give), add...)
		if err != nil {
			t.Errorf("%s: SpliceJSON(%s): %v", tt.name, tt.give, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s: SpliceJSON(%s)\n got %s\nwant %s", tt.name, tt.give, got, tt.want)
		}
		if !json.Valid(got) {
			t.Errorf("%s: output is not valid JSON: %s", tt.name, got)
		}
	}
	for _, bad := range []string{`[1]`, `"s"`, `{"a":`, ``} {
		if _, err := SpliceJSON([]byte(bad), add...); err == nil {
			t.Errorf("SpliceJSON(%q) succeeded, want an error", bad)
		}
	}
}
