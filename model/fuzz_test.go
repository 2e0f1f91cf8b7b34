package model

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// TestLoadSavedSchemaVersions loads every annotation file kept in
// testdata/annotations: files written by earlier versions must stay
// readable (docs/formats.md: schemas change only with a loader for the old one).
func TestLoadSavedSchemaVersions(t *testing.T) {
	paths, _ := filepath.Glob("../testdata/annotations/*.corefix.json")
	if len(paths) == 0 {
		t.Fatal("no annotation fixtures")
	}
	for _, p := range paths {
		a, err := ReadAnnotationFile(p)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		if a.Len() == 0 || a.CorrectedText() == a.Doc.Text {
			t.Errorf("%s: %d spans, corrected text unchanged", p, a.Len())
		}
	}
}

func FuzzParseAnnotation(f *testing.F) {
	paths, _ := filepath.Glob("../testdata/annotations/*.corefix.json")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	// A tiny valid file lets mutations get past the hash check.
	small := NewDocument("s", "", "a’b cd")
	a, err := NewAnnotation(small, []Finding{{Start: 5, End: 7, Category: Other, Proposals: []Proposal{{Text: "x"}}}}, FromDetector)
	if err != nil {
		f.Fatal(err)
	}
	_ = a.Accept(0, 0)
	data, _ := a.MarshalJSON()
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAnnotation(data)
		if err != nil {
			return
		}
		// Whatever loads is consistent: spans in range, sorted, disjoint,
		// and it saves and loads again to the same corrected text.
		prev := 0
		for _, s := range a.Spans() {
			if s.Start < prev || s.End <= s.Start || s.End > len(a.Doc.Text) {
				t.Fatalf("span %s [%d,%d) out of order or range", s.ID, s.Start, s.End)
			}
			prev = s.End
		}
		out, err := a.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		b, err := ParseAnnotation(out)
		if err != nil {
			t.Fatalf("re-load of a saved annotation: %v", err)
		}
		if a.CorrectedText() != b.CorrectedText() {
			t.Fatal("corrected text changed in a round trip")
		}
	})
}

func FuzzParseRecord(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Sessions Sessions reporters","original":"x"}`))
	f.Add([]byte(`{"id":"../../x","text":""}`))
	f.Add([]byte(`{"id":1}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		r, err := ParseRecord(raw)
		if err != nil {
			return
		}
		if r.ID == "" || !utf8.ValidString(r.Text) {
			t.Fatalf("accepted a record with id %q / invalid text", r.ID)
		}
	})
}

func FuzzOffsets(f *testing.F) {
	f.Add("Trump ’s 漢字 👩‍💻 e\u0301")
	f.Fuzz(func(t *testing.T, s string) {
		d := NewDocument("f", "", s)
		cp := 0
		for b := range s {
			if got := d.RuneOffset(b); got != cp {
				t.Fatalf("RuneOffset(%d) = %d, want %d", b, got, cp)
			}
			if got, err := d.ByteOffset(cp); err != nil || got != b {
				t.Fatalf("ByteOffset(%d) = %d, %v; want %d", cp, got, err, b)
			}
			cp++
		}
		if d.RuneCount() != cp {
			t.Fatalf("RuneCount = %d, want %d", d.RuneCount(), cp)
		}
	})
}

func FuzzDatasetReader(f *testing.F) {
	if data, err := os.ReadFile("../testdata/export/news.jsonl"); err == nil {
		f.Add(data)
	}
	f.Add([]byte("{\"id\":\"a\",\"text\":\"x\"}\r\n\n{bad}\n{\"id\":\"a\",\"text\":\"dup\"}\n{\"id\":\"b\""))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewDatasetReader(bytes.NewReader(data))
		last := 0
		for {
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			var re *RecordError
			switch {
			case errors.As(err, &re):
				if re.Line <= last {
					t.Fatalf("error line %d after line %d", re.Line, last)
				}
				last = re.Line
			case err != nil:
				t.Fatalf("not a RecordError: %v", err)
			default:
				if rec.Line <= last || rec.Offset < 0 || int(rec.Offset) >= len(data) {
					t.Fatalf("record line %d offset %d after line %d", rec.Line, rec.Offset, last)
				}
				if !bytes.HasPrefix(data[rec.Offset:], rec.Raw) {
					t.Fatalf("record %q: Raw is not the line at its offset", rec.ID)
				}
				last = rec.Line
			}
		}
	})
}
