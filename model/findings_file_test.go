package model

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// What EncodeFindings writes, DecodeFindings reads back unchanged, byte
// offsets included (the sample has a ’ before most findings).
func TestDecodeFindingsRoundTrip(t *testing.T) {
	a := randomAnnotation(t, nil)
	var fs []Finding
	for _, s := range a.Spans() {
		fs = append(fs, s.Finding)
	}
	for _, indent := range []bool{true, false} {
		data, err := EncodeFindings(a.Doc, fs, indent)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeFindings(data, a.Doc)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(fs, got); diff != "" {
			t.Errorf("indent %v: round trip (-want +got):\n%s", indent, diff)
		}
	}
}

// Other tools' findings may be a bare list giving only what the shared
// scoring script reads.
func TestDecodeFindingsMinimal(t *testing.T) {
	doc := NewDocument("g", "", goldText)
	got, err := DecodeFindings([]byte(` [{"start": 20, "end": 29}, {"start": 15, "end": 19, "confidence": 0.25, "proposals": [{"text": "they were"}]}]`), doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []Finding{
		{Start: 22, End: 31, Category: Other, Confidence: 1},
		{Start: 17, End: 21, Category: Other, Confidence: 0.25, Proposals: []Proposal{{Text: "they were"}}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DecodeFindings (-want +got):\n%s", diff)
	}
}

func TestDecodeFindingsErrors(t *testing.T) {
	doc := NewDocument("g", "", goldText)
	file, err := EncodeFindings(doc, []Finding{{ID: "f0001", Start: 22, End: 31, Category: Overwrite, Confidence: 0.9}}, false)
	if err != nil {
		t.Fatal(err)
	}
	s := string(file)
	tests := []struct {
		name string
		give string
		text *Document
		want string
	}{
		{"other text", s, NewDocument("x", "", "another article"), "document sha256 "},
		{"annotation file", `{"schema": "corefix.annotation/v1", "spans": []}`, doc, `unknown schema "corefix.annotation/v1" (this corefix reads corefix.findings/v1)`},
		{"no schema", `{"findings": []}`, doc, `not a corefix findings file: no "schema" field`},
		{"text mismatch", strings.Replace(s, `"Democrats"`, `"Republicans"`, 1), doc, `finding 1: text "Republicans" does not match the document at [20,29)`},
		{"out of range", `[{"start": 60, "end": 80}]`, doc, "finding 1: range [60,80) is empty or outside the text"},
		{"confidence", `[{"start": 20, "end": 29, "confidence": 1.5}]`, doc, "finding 1: confidence 1.5 outside [0,1]"},
		{"category", `[{"start": 20, "end": 29, "category": "typo"}]`, doc, `finding 1: unknown category "typo"`},
		{"broken list", `[{"start": 20,`, doc, "truncated JSON"},
		{"wrong type", `[{"start": "20"}]`, doc, `field "start" should be int`},
	}
	for _, tt := range tests {
		_, err := DecodeFindings([]byte(tt.give), tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err = %v, want one line containing %q", tt.name, err, tt.want)
		}
	}
}

// WriteFindings streams the findings one at a time; the bytes must be
// those of encoding the whole object at once (as corefix always wrote
// it), with and without indentation, for no finding, one and many.
func TestWriteFindingsIsTheWholeObject(t *testing.T) {
	a := randomAnnotation(t, nil)
	all := make([]Finding, 0, a.Len())
	for _, s := range a.Spans() {
		all = append(all, s.Finding)
	}
	for _, fs := range [][]Finding{nil, all[:1], all} {
		for _, indent := range []bool{true, false} {
			whole := struct {
				Schema   string        `json:"schema"`
				Document fileDocument  `json:"document"`
				Findings []fileFinding `json:"findings"`
			}{FindingsSchema, fileDocument{ID: a.Doc.ID, Path: a.Doc.Path, SHA256: a.Doc.SHA256(), Length: a.Doc.RuneCount()}, []fileFinding{}}
			for _, x := range fs {
				whole.Findings = append(whole.Findings, encodeFinding(a.Doc, x))
			}
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if indent {
				enc.SetIndent("", "  ")
			}
			if err := enc.Encode(whole); err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := WriteFindings(&got, a.Doc, fs, indent); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), got.String()); diff != "" {
				t.Errorf("%d findings, indent %v (-whole +streamed):\n%s", len(fs), indent, diff)
			}
			// The same handed over in batches: none, then one at a
			// time, with empty batches between.
			var batched bytes.Buffer
			fw := NewFindingsWriter(&batched, a.Doc, indent)
			for k := range fs {
				if fw.Write(nil) != nil || fw.Write(fs[k:k+1]) != nil {
					t.Fatal("write failed")
				}
			}
			if err := fw.Close(); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want.String(), batched.String()); diff != "" {
				t.Errorf("%d findings, indent %v (-whole +batched):\n%s", len(fs), indent, diff)
			}
		}
	}
}
