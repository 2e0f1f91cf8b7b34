package detect

// Loading rules.json: once, strictly, into a value nothing writes.

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sync"
)

//go:embed rules.json
var rulesJSON string

// shippedRules is rules.json, parsed and checked on first use and never
// written after. The file is part of the binary, so a broken one is a
// build mistake: it panics, and TestShippedRules catches it first.
var shippedRules = sync.OnceValue(func() *Rules {
	r, err := parseRules([]byte(rulesJSON))
	if err != nil {
		panic(err)
	}
	return r
})

// rules returns the rules the analysis applies. Callers must not modify
// them.
func (a *Analysis) rules() *Rules { return a.rulebook }

// parseRules decodes a rules file. A key the Rules type lacks, a key it
// has that the file lacks, a confidence outside (0, 1], an empty text or
// a limit below 1 is an error: a renamed rule must not read as zero.
func parseRules(data []byte) (*Rules, error) {
	var raw any
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("rules.json: %w", err)
	}
	if err := checkKeys(reflect.TypeFor[Rules](), raw, "rules.json"); err != nil {
		return nil, err
	}
	var r Rules
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("rules.json: %w", err)
	}
	if err := checkValues(reflect.ValueOf(r), "rules.json"); err != nil {
		return nil, err
	}
	return &r, nil
}

// checkKeys reports the first key of v, in sorted order, that the struct
// type t lacks, or the first key of t that v lacks.
func checkKeys(t reflect.Type, v any, path string) error {
	if t.Kind() != reflect.Struct {
		return nil // a value: decoding checks its type
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("%s: want an object", path)
	}
	known := make(map[string]bool, t.NumField())
	for f := range t.Fields() {
		key := f.Tag.Get("json")
		known[key] = true
		sub, ok := obj[key]
		if !ok {
			return fmt.Errorf("%s: missing key %q", path, key)
		}
		if err := checkKeys(f.Type, sub, path+"."+key); err != nil {
			return err
		}
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !known[k] {
			return fmt.Errorf("%s: unknown key %q", path, k)
		}
	}
	return nil
}

// checkValues reports the first value of v out of its range: every
// float is a confidence (but a margin in Nats or a Weight, any positive
// number), every string a text to show, every int a limit.
func checkValues(v reflect.Value, path string) error {
	switch x := v.Interface().(type) {
	case Nats:
		if x.Nats <= 0 || x.Why == "" {
			return fmt.Errorf("%s: a margin needs positive nats and a why", path)
		}
		return nil
	case Weight:
		if x.Weight <= 0 || x.Why == "" {
			return fmt.Errorf("%s: a weight needs to be positive and a why", path)
		}
		return nil
	}
	switch v.Kind() {
	case reflect.Struct:
		for k := range v.NumField() {
			if err := checkValues(v.Field(k), path+"."+v.Type().Field(k).Tag.Get("json")); err != nil {
				return err
			}
		}
	case reflect.Float64:
		if c := v.Float(); c <= 0 || c > 1 {
			return fmt.Errorf("%s: confidence %v outside (0, 1]", path, c)
		}
	case reflect.String:
		if v.String() == "" {
			return fmt.Errorf("%s: empty", path)
		}
	case reflect.Int:
		if v.Int() < 1 {
			return fmt.Errorf("%s: limit %d below 1", path, v.Int())
		}
	}
	return nil
}
