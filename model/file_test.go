package model

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// randomAnnotation builds an annotation of the seed with random findings and
// random decisions of every kind, including manual spans and non-ASCII edits.
func randomAnnotation(t testing.TB, r *rand.Rand) *Annotation {
	if r == nil {
		r = rand.New(rand.NewPCG(1, 1))
	}
	doc := NewDocument("cnn-sessions", "testdata/cnn-sessions.txt", readSeed(t))
	toks := doc.Tokens()
	var fs []Finding
	for i := 0; i < len(toks); i += 1 + r.IntN(40) {
		j := min(i+r.IntN(3), len(toks)-1)
		orig := "were"
		fs = append(fs, Finding{
			Start: int(toks[i].Start), End: int(toks[j].End), Category: Categories[r.IntN(len(Categories))],
			Rule: "test", Confidence: float64(r.IntN(101)) / 100, Message: "m",
			Proposals: []Proposal{{Text: "his", Note: "pronoun"}, {Text: "Trump ’s"}}, Original: &orig,
		})
		i = j
	}
	a, err := NewAnnotation(doc, fs, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	a.Annotator = "tester"
	clock := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	a.Now = func() time.Time { clock = clock.Add(time.Duration(r.IntN(90)) * time.Second); return clock }
	for k := 0; k < 60; k++ {
		i := r.IntN(a.Len())
		switch r.IntN(7) {
		case 0:
			_ = a.Accept(i, r.IntN(2))
		case 1:
			_ = a.Edit(i, []string{"lost", "", "漢字 ’s", "e\u0301 👍"}[r.IntN(4)])
		case 2:
			_ = a.Reject(i)
		case 3:
			_ = a.Reset(i)
		case 4:
			t := toks[r.IntN(len(toks))]
			_, _ = a.AddManual(int(t.Start), int(t.End), Other)
		case 5:
			_, _ = a.Undo()
		case 6:
			_ = a.SetNote(i, "note ’")
		}
	}
	return a
}

func TestRoundTripProperty(t *testing.T) {
	dir := t.TempDir()
	for seed := uint64(1); seed <= 40; seed++ {
		a := randomAnnotation(t, rand.New(rand.NewPCG(seed, 7)))
		path := filepath.Join(dir, "a.corefix.json")
		if err := SaveAnnotation(path, a); err != nil {
			t.Fatal(err)
		}
		b, err := ReadAnnotationFile(path)
		if err != nil {
			t.Fatalf("seed %d: load: %v", seed, err)
		}
		if d := cmp.Diff(a.Spans(), b.Spans()); d != "" {
			t.Fatalf("seed %d: spans differ after round trip (-saved +loaded):\n%s", seed, d)
		}
		if a.CorrectedText() != b.CorrectedText() || a.Doc.Text != b.Doc.Text {
			t.Fatalf("seed %d: text differs after round trip", seed)
		}
		if a.Annotator != b.Annotator || !a.Created.Equal(b.Created) || !a.Updated.Equal(b.Updated) {
			t.Fatalf("seed %d: header differs: %v/%v %v/%v", seed, a.Created, b.Created, a.Updated, b.Updated)
		}
		// Saving what was loaded gives the same bytes.
		x, _ := a.MarshalJSON()
		y, _ := b.MarshalJSON()
		if string(x) != string(y) {
			t.Fatalf("seed %d: re-encoding differs", seed)
		}
	}
}

// TestSavedOffsetsAreCodePoints checks the file against Python semantics:
// text[start:end] on code points gives the span text.
func TestSavedOffsetsAreCodePoints(t *testing.T) {
	a := randomAnnotation(t, rand.New(rand.NewPCG(3, 3)))
	data, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var f annotationFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	runes := []rune(*f.Document.Text)
	if f.Document.Length != len(runes) {
		t.Errorf("length %d, want %d", f.Document.Length, len(runes))
	}
	afterQuote := 0
	for _, s := range f.Spans {
		if got := string(runes[s.Start:s.End]); got != s.Text {
			t.Errorf("span %s [%d,%d): runes give %q, text says %q", s.ID, s.Start, s.End, got, s.Text)
		}
		if strings.Contains(string(runes[:s.Start]), "’") {
			afterQuote++
		}
	}
	if afterQuote == 0 {
		t.Fatalf("no span after a ’: the test would not catch byte offsets")
	}
}

func TestLoadErrors(t *testing.T) {
	good := randomAnnotation(t, rand.New(rand.NewPCG(5, 5)))
	data, err := good.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	spanStart := strings.Index(s, `"start": `) // first span's start
	tests := []struct {
		name, give, want string
	}{
		{"not json", "hello", "invalid JSON at column 1"},
		{"bad second line", "{\n  x: 1}", "invalid JSON at line 2, column 3"},
		{"truncated", s[:len(s)/2], "truncated JSON"},
		{"empty", "", "truncated JSON"},
		{"no schema", `{"document":{}}`, `no "schema"`},
		{"wrong schema", strings.Replace(s, AnnotationSchema, "corefix.annotation/v9", 1), `unknown schema "corefix.annotation/v9" (this corefix reads corefix.annotation/v2 and corefix.annotation/v1)`},
		{"no text", `{"schema":"corefix.annotation/v1","document":{"id":"x"}}`, `no "text"`},
		{"hash mismatch", strings.Replace(s, good.Doc.SHA256(), strings.Repeat("0", 64), 1), "sha256 000000000000… does not match"},
		{"wrong type", strings.Replace(s, `"annotator": "tester"`, `"annotator": 5`, 1), `field "annotator" should be string`},
		{"out of range", s[:spanStart] + `"start": 99999, "end": 100000,` + s[strings.Index(s[spanStart:], `"text"`)+spanStart:], "outside the text"},
		{"text mismatch", strings.Replace(s, `"text": "`+good.Doc.Text[good.Span(0).Start:good.Span(0).End]+`"`, `"text": "zzz"`, 1), `text "zzz" does not match`},
		{"bad status", strings.Replace(s, `"status": "pending"`, `"status": "maybe"`, 1), `unknown status "maybe"`},
	}
	for _, tt := range tests {
		_, err := ParseAnnotation([]byte(tt.give))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error is not one line: %q", tt.name, err)
		}
	}
}

func TestLoadRefusesOverlap(t *testing.T) {
	doc := NewDocument("t", "", "aa bb cc")
	a, _ := NewAnnotation(doc, []Finding{{Start: 0, End: 2, Category: Other}, {Start: 3, End: 5, Category: Other}}, FromDetector)
	data, _ := a.MarshalJSON()
	bad := strings.Replace(string(data), `"start": 3,`, `"start": 1,`, 1)
	bad = strings.Replace(bad, `"text": "bb"`, `"text": "a bb"`, 1)
	_, err := ParseAnnotation([]byte(bad))
	if err == nil || !strings.Contains(err.Error(), "overlaps") {
		t.Errorf("err = %v, want overlap", err)
	}
}

func TestReadAnnotationFileNamesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.corefix.json")
	os.WriteFile(path, []byte("{"), 0o644)
	_, err := ReadAnnotationFile(path)
	if err == nil || !strings.HasPrefix(err.Error(), path+": ") {
		t.Errorf("err = %v, want it to start with the path", err)
	}
}

// A fix typed but not committed when the editor stopped travels with the
// annotation, and must name one of its spans.
func TestDraftRoundTrip(t *testing.T) {
	a := randomAnnotation(t, rand.New(rand.NewPCG(6, 6)))
	a.Draft = &Draft{Span: a.Span(2).ID, Text: "told ▢ 漢字"}
	data, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseAnnotation(data)
	if err != nil {
		t.Fatal(err)
	}
	if b.Draft == nil || *b.Draft != *a.Draft {
		t.Errorf("draft after a round trip: %+v, want %+v", b.Draft, a.Draft)
	}
	if s := a.Snapshot(); s.Draft == nil || *s.Draft != *a.Draft {
		t.Errorf("a snapshot lost the draft: %+v", s.Draft)
	}
	bad := strings.Replace(string(data), `"span": "`+a.Draft.Span+`"`, `"span": "nope"`, 1)
	if _, err := ParseAnnotation([]byte(bad)); err == nil || !strings.Contains(err.Error(), `draft for span "nope"`) {
		t.Errorf("a draft for a missing span: error %v", err)
	}
	a.Draft = nil
	if data, _ := a.MarshalJSON(); strings.Contains(string(data), `"draft"`) {
		t.Error(`an annotation without a draft writes "draft"`)
	}
}
