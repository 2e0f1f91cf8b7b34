package model

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// goldText has a ’ (3 bytes) before every span, so code points read as
// bytes would land two bytes early.
const goldText = "Trump ’s aides they Democrats supposed to win , Sessions Sessions reporters"

// goldJSON is a gold file of goldText with the given spans, neutral and
// scope members, in the shared data's shape (no document text).
func goldJSON(members string) []byte {
	doc := NewDocument("g", "", goldText)
	return fmt.Appendf(nil, `{"schema": %q, "document": {"id": "g", "sha256": %q, "length": %d}, %s}`,
		AnnotationSchema, doc.SHA256(), doc.RuneCount(), members)
}

func TestDecodeGold(t *testing.T) {
	doc := NewDocument("g", "", goldText)
	g, err := DecodeGold(goldJSON(`"spans": [
		{"id": "g1", "start": 15, "end": 19, "text": "they", "category": "overwrite", "status": "rejected", "origin": "manual"},
		{"id": "g2", "start": 20, "end": 29, "text": "Democrats", "category": "overwrite", "status": "edited", "replacement": "were"},
		{"start": 42, "end": 45, "status": "accepted", "replacement": "win"},
		{"id": "g4", "start": 48, "end": 56, "text": "Sessions", "category": "antecedent", "replacement": null}],
		"neutral": [{"start": 57, "end": 65, "text": "Sessions", "original": "he"}, {"start": 0, "end": 5}],
		"scope": {"start": 9, "end": 66, "note": "the rest is not annotated"}`), doc)
	if err != nil {
		t.Fatal(err)
	}
	// Byte offsets: every code point offset after the ’ plus 2.
	were, win := "were", "win"
	if g.Doc != doc {
		t.Errorf("gold of %p, want the text given, %p", g.Doc, doc)
	}
	g.Doc = nil
	want := &Gold{
		Spans: []GoldSpan{
			{Range{22, 31}, Overwrite, &were}, // edited
			{Range{44, 47}, Other, &win},      // accepted, no category: other
			{Range{50, 58}, Antecedent, nil},  // no status: edited; the words unknown
		},
		Neutral: []Range{{59, 67}, {0, 5}},
		Scope:   &Range{11, 68},
	}
	if diff := cmp.Diff(want, g); diff != "" {
		t.Errorf("DecodeGold (-want +got):\n%s", diff)
	}
}

// An annotation file written by the editor is a gold file with its text:
// its accepted and edited spans are the broken ones.
func TestDecodeGoldFromAnnotation(t *testing.T) {
	a := newTestAnnotation(t)
	if err := a.Accept(0, 0); err != nil {
		t.Fatal(err)
	}
	v1, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var v2 bytes.Buffer
	if err := WriteAnnotationFile(&v2, a, 1); err != nil {
		t.Fatal(err)
	}
	for _, data := range [][]byte{v1, v2.Bytes()} {
		for _, text := range []*Document{nil, a.Doc} {
			g, err := DecodeGold(data, text)
			if err != nil {
				t.Fatal(err)
			}
			if g.Doc.Text != a.Doc.Text || len(g.Spans) != 1 || g.Spans[0].Range != (Range{5, 18}) || *g.Spans[0].Replacement != "lost" {
				t.Errorf("gold = %+v, want the accepted span [5,18) → lost of the annotation's text", g)
			}
		}
	}
	other := NewDocument("t", "", a.Doc.Text+" more")
	if _, err := DecodeGold(v2.Bytes(), other); err == nil || !strings.Contains(err.Error(), "does not match the text") {
		t.Errorf("v2 against another text: err = %v", err)
	}
}

// The shared data's gold files decode against their texts: the sample's
// dev gold has 42 broken spans, 35 of them with known words.
func TestDecodeGoldSample(t *testing.T) {
	data, err := os.ReadFile("../testdata/cnn-sessions.gold-dev.json")
	if err != nil {
		t.Fatal(err)
	}
	g, err := DecodeGold(data, NewDocument("cnn-sessions", "", readSeed(t)))
	if err != nil {
		t.Fatal(err)
	}
	known := 0
	for _, s := range g.Spans {
		if s.Replacement != nil {
			known++
		}
	}
	if len(g.Spans) != 42 || known != 35 || g.Scope == nil {
		t.Errorf("%d spans, %d with words, scope %v; want 42, 35 and a scope", len(g.Spans), known, g.Scope)
	}
}

func TestDecodeGoldErrors(t *testing.T) {
	doc := NewDocument("g", "", goldText)
	span := `{"id": "g2", "start": 20, "end": 29, "text": "Democrats", "category": "overwrite", "status": "edited", "replacement": "were"}`
	tests := []struct {
		name string
		give []byte
		text *Document
		want string
	}{
		{"no text", goldJSON(`"spans": []`), nil, `document has no "text"`},
		{"other text", goldJSON(`"spans": []`), NewDocument("x", "", "another article"), "sha256 "},
		{"wrong schema", []byte(`{"schema": "corefix.findings/v1"}`), doc, `unknown schema "corefix.findings/v1"`},
		{"no schema", []byte(`{"spans": []}`), doc, `not a corefix annotation file: no "schema" field`},
		{"text mismatch", goldJSON(`"spans": [` + strings.Replace(span, `"start": 20`, `"start": 18`, 1) + `]`), doc, `span 1 (g2): text "Democrats" does not match the document at [18,29)`},
		{"out of range", goldJSON(`"spans": [{"start": 70, "end": 90}]`), doc, "span 1 (): range [70,90) is empty or outside the text (length 75)"},
		{"overlap", goldJSON(`"spans": [` + span + `,` + span + `]`), doc, "span 2 (g2) [20,29) overlaps or precedes span g2"},
		{"bad status", goldJSON(`"spans": [` + strings.Replace(span, `"edited"`, `"broken"`, 1) + `]`), doc, `unknown status "broken"`},
		{"bad category", goldJSON(`"spans": [` + strings.Replace(span, `"overwrite"`, `"typo"`, 1) + `]`), doc, `unknown category "typo"`},
		{"bad neutral", goldJSON(`"spans": [], "neutral": [{"start": 20, "end": 29, "text": "Sessions"}]`), doc, `neutral span 1: text "Sessions" does not match`},
		{"wrong type", goldJSON(`"spans": [{"start": "20", "end": 29}]`), doc, `field "spans.start" should be int, not string`},
		{"empty scope", goldJSON(`"spans": [], "scope": {"start": 9, "end": 9}`), doc, "scope: range [9,9) is empty"},
	}
	for _, tt := range tests {
		_, err := DecodeGold(tt.give, tt.text)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: err = %v, want one line containing %q", tt.name, err, tt.want)
		}
	}
	if _, err := DecodeGold(goldJSON(`"spans": []`), nil); !errors.Is(err, ErrNoText) {
		t.Errorf("without a text: err = %v, want ErrNoText", err)
	}
}
