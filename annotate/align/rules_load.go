package align

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"

	"corefix/annotate/lexicon"
)

// loadRules decodes rules.json and checks it: every key of the rules is
// in the file and no other (a misspelt key would otherwise leave its rule
// at zero), every "why" says something, every confidence is in (0,1],
// every template uses only known placeholders. All problems are reported
// at once.
func loadRules(data []byte) (*rules, error) {
	var file, shape any
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, fmt.Errorf("align: rules.json: %w", err)
	}
	b, err := json.Marshal(rules{})
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &shape); err != nil {
		return nil, err
	}
	var errs []error
	sameKeys("", shape, file, &errs)
	checkValues("", file, &errs)
	var r rules
	if len(errs) == 0 {
		if err := json.Unmarshal(data, &r); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("align: rules.json: %w", err)
	}
	r.words = loadWords()
	return &r, nil
}

// sameKeys reports, at path, the keys of the object want that got lacks
// and the keys got has that want lacks, down to want's leaves.
func sameKeys(path string, want, got any, errs *[]error) {
	w, ok := want.(map[string]any)
	if !ok {
		return // a leaf: its type is checked when decoding
	}
	g, ok := got.(map[string]any)
	if !ok {
		*errs = append(*errs, fmt.Errorf("%s: want an object", path))
		return
	}
	for _, k := range slices.Sorted(maps.Keys(w)) {
		if _, ok := g[k]; !ok {
			*errs = append(*errs, fmt.Errorf("missing key %s", join(path, k)))
			continue
		}
		sameKeys(join(path, k), w[k], g[k], errs)
	}
	for _, k := range slices.Sorted(maps.Keys(g)) {
		if _, ok := w[k]; !ok {
			*errs = append(*errs, fmt.Errorf("unknown key %s", join(path, k)))
		}
	}
}

// checkValues reports, below path, a "why" or "about" that says nothing, a
// confidence outside (0,1], a negative value, and a placeholder that fill
// does not know.
func checkValues(path string, v any, errs *[]error) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			p := join(path, k)
			switch x := v[k]; k {
			case "why", "about":
				if s, _ := x.(string); strings.TrimSpace(s) == "" {
					*errs = append(*errs, fmt.Errorf("%s: empty", p))
				}
			case "confidence":
				if f, ok := x.(float64); !ok || f <= 0 || f > 1 {
					*errs = append(*errs, fmt.Errorf("%s: %v is not in (0,1]", p, x))
				}
			case "value":
				if f, ok := x.(float64); !ok || f < 0 {
					*errs = append(*errs, fmt.Errorf("%s: %v is not a number ≥ 0", p, x))
				}
			}
			checkValues(p, v[k], errs)
		}
	case string:
		if strings.ContainsAny(fillMention(v, "", "", ""), "{}") {
			*errs = append(*errs, fmt.Errorf("%s: unknown placeholder in %q", path, v))
		}
	}
}

// loadWords fetches the lexicon's exact-mode classes (lexicon.Set panics
// on a name words.txt lacks, so every test that aligns checks these).
func loadWords() wordClasses {
	return wordClasses{
		title:         lexicon.Set("abbrev-title"),
		demonstrative: lexicon.Set("demonstrative"),
		speaker:       lexicon.Set("speaker"),
		neuter:        lexicon.Set("neuter"),
		possOrObj:     lexicon.Set("poss-or-obj"),
	}
}

// join is the path of key in the object at path, as errors name it.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
