package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
)

// Member is one key of a JSON object and its encoded value.
type Member struct {
	Key   string
	Value []byte // valid JSON
}

// SpliceJSON sets members of the JSON object obj without re-encoding it:
// the value of a key obj already has is replaced in place, a missing key
// is appended before the closing brace, and every other byte is kept. So
// fields corefix does not know (their order, spacing, number spelling,
// escapes) reach the output exactly as they came in.
func SpliceJSON(obj []byte, members ...Member) ([]byte, error) {
	type span struct{ start, end int }
	found := make(map[string][]span)
	dec := json.NewDecoder(bytes.NewReader(obj))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errors.New("not a JSON object")
	}
	n := 0
	for ; dec.More(); n++ {
		tok, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		end := int(dec.InputOffset())
		key := tok.(string) // object keys are always strings
		found[key] = append(found[key], span{end - len(v), end})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	closing := int(dec.InputOffset()) - 1

	var out bytes.Buffer
	out.Grow(len(obj) + 64)
	last := 0
	// Rewrite the existing members in input order (a key may repeat).
	type edit struct {
		span
		value []byte
	}
	var edits []edit
	for _, m := range members {
		for _, s := range found[m.Key] {
			edits = append(edits, edit{s, m.Value})
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.start - b.start })
	for _, e := range edits {
		out.Write(obj[last:e.start])
		out.Write(e.value)
		last = e.end
	}
	out.Write(obj[last:closing])
	for _, m := range members {
		if len(found[m.Key]) > 0 {
			continue
		}
		if n > 0 {
			out.WriteByte(',')
		}
		n++
		key, err := json.Marshal(m.Key)
		if err != nil {
			return nil, fmt.Errorf("key %q: %w", m.Key, err)
		}
		out.Write(key)
		out.WriteByte(':')
		out.Write(m.Value)
	}
	out.Write(obj[closing:])
	return out.Bytes(), nil
}
