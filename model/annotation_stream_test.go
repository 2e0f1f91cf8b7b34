package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// v2File writes a as a v2 file.
func v2File(t *testing.T, a *Annotation) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteAnnotationFile(&b, a, 3); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A v2 file as the editor writes it is read span by span, to the same
// annotation as decoding it whole, and its bytes are as they were.
func TestStreamCompactIsWhole(t *testing.T) {
	for seed := uint64(1); seed <= 10; seed++ {
		a := randomAnnotation(t, rand.New(rand.NewPCG(seed, 11)))
		data := v2File(t, a)
		before := bytes.Clone(data)
		f1, a1, s1, err := streamCompact(data)
		if err != nil {
			t.Fatalf("seed %d: stream: %v", seed, err)
		}
		if !bytes.Equal(data, before) {
			t.Fatalf("seed %d: streamCompact changed the file's bytes", seed)
		}
		f2, a2, s2, err := wholeCompact(data)
		if err != nil {
			t.Fatalf("seed %d: whole: %v", seed, err)
		}
		if d := cmp.Diff(s2.slice(), s1.slice()); d != "" {
			t.Fatalf("seed %d: spans differ (-whole +stream):\n%s", seed, d)
		}
		if d := cmp.Diff(a.Spans(), s1.slice()); d != "" {
			t.Fatalf("seed %d: spans differ from the saved (-saved +stream):\n%s", seed, d)
		}
		if f1.Generation != 3 || f1.Generation != f2.Generation || a1.Annotator != a2.Annotator || a1.Doc.Text != a2.Doc.Text {
			t.Fatalf("seed %d: head differs: generation %d/%d, annotator %q/%q", seed, f1.Generation, f2.Generation, a1.Annotator, a2.Annotator)
		}
	}
}

// A v2 file whose spans are not its last member (members sorted, as a
// tool that rewrites JSON may leave them) is read whole, to the same spans.
func TestCompactSpansNotLast(t *testing.T) {
	a := randomAnnotation(t, rand.New(rand.NewPCG(2, 2)))
	var m map[string]json.RawMessage
	if err := json.Unmarshal(v2File(t, a), &m); err != nil {
		t.Fatal(err)
	}
	sorted, err := json.Marshal(m) // "spans" before "updated"
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := streamCompact(sorted); !errors.Is(err, errReadWhole) {
		t.Fatalf("streamCompact: %v, want errReadWhole", err)
	}
	b, err := ParseAnnotation(sorted)
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(a.Spans(), b.Spans()); d != "" {
		t.Fatalf("spans differ (-saved +loaded):\n%s", d)
	}
}

// A broken span of a v2 file is named as decoding the whole file names
// it: the field's path and the position in the file (broken JSON is
// read whole again for its error), or the span's number and ID.
func TestCompactSpanErrors(t *testing.T) {
	a := randomAnnotation(t, rand.New(rand.NewPCG(4, 4)))
	s := string(v2File(t, a))
	spans := strings.Index(s, `"spans":[`)
	// first and second are where the first and the second span start,
	// on lines 2 and 3.
	first := strings.Index(s[spans:], "\n{") + spans + 1
	second := strings.Index(s[first:], "\n{") + first + 1
	wrongType := s[:second] + strings.Replace(s[second:], `"start":`, `"start":"x","zz":`, 1)
	syntax := s[:second+1] + "!" + s[second+1:]
	for _, tt := range []struct{ name, give, want string }{
		{"wrong type in the second span", wrongType, `wrong type at line 3, column `},
		{"syntax error in the second span", syntax, `invalid JSON at line 3, column 2`},
		{"truncated among the spans", s[:second+20], "truncated JSON"},
		{"overlapping spans", s[:second] + strings.Replace(s[second:], `"start":`, `"start":0,"zz":`, 1), "span 2 (f0002) [0,"},
		{"first span's bad rule", s[:first] + strings.Replace(s[first:second], `"rule":`, `"rule":99,"zz":`, 1) + s[second:], "span 1 (f0001): rule 99"},
	} {
		_, err := ParseAnnotation([]byte(tt.give))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.name, err, tt.want)
		}
		// Decoded whole, the file gives the same error.
		_, _, _, whole := wholeCompact([]byte(tt.give))
		if err == nil || whole == nil || err.Error() != whole.Error() {
			t.Errorf("%s: streamed %v, whole %v: want the same", tt.name, err, whole)
		}
	}
}
