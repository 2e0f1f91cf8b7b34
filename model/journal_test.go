package model

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// v1Bytes is a's full v1 encoding, to compare two annotations field by
// field (spans, decisions, notes, times, place, draft).
func v1Bytes(t *testing.T, a *Annotation) string {
	t.Helper()
	data, err := a.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// sessions is the v1 annotation file of the seed article written by an
// earlier build, open for editing in a temporary directory.
func sessions(t *testing.T) (*Workfile, *Annotation) {
	t.Helper()
	data, err := os.ReadFile("../testdata/annotations/cnn-sessions.v1.corefix.json")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "cnn-sessions.corefix.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	w, err := OpenWorkfile(path, "alice")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	a, err := w.Load()
	if err != nil {
		t.Fatal(err)
	}
	return w, a
}

// Every kind of change saved through the journal comes back the same,
// the file untouched until Close folds the journal into it.
func TestJournalKeepsEveryChange(t *testing.T) {
	w, a := sessions(t)
	before, _ := os.ReadFile(w.Path)
	gap := a.Span(0).End // a byte no span holds, for a manual one
	for i := 1; a.Span(i).Start == gap; i++ {
		gap = a.Span(i).End
	}
	steps := []func() error{
		func() error { return a.Accept(0, 0) },
		func() error { return a.Edit(1, "they lost") },
		func() error { return a.Reject(2) },
		func() error { return a.SetNote(3, "check the quote") },
		func() error { _, err := a.AddManual(gap, gap+1, Other); return err },
		func() error { return a.Remove(a.Find(gap)) },
		func() error { _, err := a.Undo(); return err }, // the manual span back
		func() error { _, err := a.Undo(); return err }, // and gone again
		func() error { _, err := a.Redo(); return err },
		func() error { a.Place = &Place{Focus: 4, Filter: "pending", Top: 120}; return nil },
		func() error { a.Draft = &Draft{Span: a.Span(5).ID, Text: "half"}; return nil },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		if err := w.Save(a.Snapshot()); err != nil {
			t.Fatalf("save %d: %v", i+1, err)
		}
		got, err := ReadAnnotationFile(w.Path)
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		if v1Bytes(t, got) != v1Bytes(t, a) {
			t.Fatalf("step %d: the file with its journal is not what was saved", i+1)
		}
	}
	if now, _ := os.ReadFile(w.Path); !bytes.Equal(now, before) {
		t.Errorf("a journalled save rewrote the file")
	}
	journal, err := os.ReadFile(JournalPath(w.Path))
	if err != nil || bytes.Count(journal, []byte("\n")) != 1+len(steps) {
		t.Fatalf("journal: %d lines, %v; want a head and one entry per save", bytes.Count(journal, []byte("\n")), err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(JournalPath(w.Path)); !os.IsNotExist(err) {
		t.Errorf("Close left the journal: %v", err)
	}
	data, _ := os.ReadFile(w.Path)
	if !bytes.HasPrefix(data, []byte(`{"schema":"corefix.annotation/v2","generation":1,`)) {
		t.Errorf("folded file starts %.60q", data)
	}
	got, err := ReadAnnotationFile(w.Path)
	if err != nil || v1Bytes(t, got) != v1Bytes(t, a) {
		t.Fatalf("folded file is not what was saved (%v)", err)
	}
}

// A kill during a journal write leaves a torn last line: it was never
// acknowledged, so loading ignores it, and the next save cuts it off
// before appending.
func TestJournalTornLine(t *testing.T) {
	w, a := sessions(t)
	a.Accept(0, 0)
	if err := w.Save(a.Snapshot()); err != nil {
		t.Fatal(err)
	}
	saved := v1Bytes(t, a)
	w.Close()
	f, _ := os.OpenFile(JournalPath(w.Path), os.O_WRONLY|os.O_APPEND, 0)
	f.WriteString(`{"op":"set","at":1,"span":{"id":"f00`)
	f.Close()
	w2, err := OpenWorkfile(w.Path, "alice")
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	b, err := w2.Load()
	if err != nil || v1Bytes(t, b) != saved {
		t.Fatalf("load with a torn line: %v", err)
	}
	b.Reject(1)
	if err := w2.Save(b.Snapshot()); err != nil {
		t.Fatal(err)
	}
	got, err := ReadAnnotationFile(w.Path)
	if err != nil || got.Span(0).Status != Accepted || got.Span(1).Status != Rejected {
		t.Fatalf("append after a torn line: %v", err)
	}
}

// The journal goes on one generation of the file: once folded (a crash
// before its removal) it is ignored; over another file it is refused,
// naming it.
func TestJournalGeneration(t *testing.T) {
	w, a := sessions(t)
	a.Accept(0, 0)
	w.Save(a.Snapshot())
	journal, _ := os.ReadFile(JournalPath(w.Path))
	w.Close() // folds: the file is generation 1, holding the decision
	os.WriteFile(JournalPath(w.Path), journal, 0o644)
	got, err := ReadAnnotationFile(w.Path)
	if err != nil || got.Span(0).Status != Accepted {
		t.Fatalf("stale journal: %v", err)
	}
	other := strings.Replace(string(journal), `"generation":0`, `"generation":1`, 1)
	os.WriteFile(JournalPath(w.Path), []byte(other), 0o644)
	if _, err := ReadAnnotationFile(w.Path); err == nil || !strings.Contains(err.Error(), JournalPath(w.Path)) ||
		!strings.Contains(err.Error(), "the file was replaced") {
		t.Fatalf("journal of another file: err = %v", err)
	}
}

// An entry that does not fit the file (a span that is not where the
// journal says) is an error naming the journal and the line.
func TestJournalMismatch(t *testing.T) {
	w, a := sessions(t)
	a.Accept(0, 0)
	w.Save(a.Snapshot())
	w.jf.Close()
	w.jf, w.entries = nil, 0 // keep Close from folding
	data, _ := os.ReadFile(JournalPath(w.Path))
	bad := strings.Replace(string(data), `"at":0`, `"at":1`, 1)
	os.WriteFile(JournalPath(w.Path), []byte(bad), 0o644)
	_, err := ReadAnnotationFile(w.Path)
	if err == nil || !strings.Contains(err.Error(), ".journal: line 2: set of span f0001 at 1, where span") {
		t.Fatalf("err = %v", err)
	}
}

// A long article's annotation file is written without a copy of its
// text: through encoding/json the text was copied escaped into a pooled
// buffer (twice its size, once grown) and again into the head's.
func TestWriteAnnotationFileCopiesNoText(t *testing.T) {
	seed := readSeed(t)
	text := strings.Repeat(seed, (2<<20)/len(seed)+1)
	a, err := NewAnnotation(NewDocument("long", "", text), nil, FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	a.Doc.SHA256() // the document's hash and offset index, made once whoever writes it
	var buf bytes.Buffer
	buf.Grow(2 * len(text))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	err = WriteAnnotationFile(&buf, a, 1)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(len(text)/4) {
		t.Errorf("writing the annotation of a %d-byte text allocated %d bytes", len(text), n)
	}
	b, _, err := parseAnnotation(buf.Bytes())
	if err != nil || b.Doc.Text != text {
		t.Errorf("read back: %v, the text the same %v", err, err == nil && b.Doc.Text == text)
	}
}

// The v2 file holds the same annotation as v1 in a fraction of the
// bytes: the text once, no span text, shared messages and proposals.
func TestCompactFile(t *testing.T) {
	_, a := sessions(t)
	a.Edit(1, "they lost")
	a.SetNote(2, "a note")
	var buf bytes.Buffer
	if err := WriteAnnotationFile(&buf, a, 3); err != nil {
		t.Fatal(err)
	}
	b, gen, err := parseAnnotation(buf.Bytes())
	if err != nil || gen != 3 || v1Bytes(t, b) != v1Bytes(t, a) {
		t.Fatalf("v2 round trip: generation %d, %v", gen, err)
	}
	v1 := v1Bytes(t, a)
	if buf.Len() > 3*len(a.Doc.Text) || buf.Len()*2 > len(v1) {
		t.Errorf("v2 is %d bytes, v1 %d, the text %d: want under half of v1 and 3 times the text", buf.Len(), len(v1), len(a.Doc.Text))
	}
	for _, bad := range []struct{ from, to, want string }{
		{`"message":0`, `"message":999`, "message 999: the file has"},
		{`"rule":0`, `"rule":-1`, "rule -1: the file has"},
		{`"generation":3`, `"generation":-3`, "generation -3"},
	} {
		data := strings.Replace(buf.String(), bad.from, bad.to, 1)
		if _, err := ParseAnnotation([]byte(data)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: err = %v", bad.to, err)
		}
	}
}

// A journal that outgrows its floor (and an eighth of the file) is
// folded by the save that made it so: the file moves to the next
// generation and the journal starts again.
func TestJournalFoldsWhenLarge(t *testing.T) {
	w, a := sessions(t)
	folds := 0
	for i := 0; folds == 0 && i < 5000; i++ {
		var err error
		if a.Span(0).Status == Pending {
			err = a.Reject(0)
		} else {
			err = a.Reset(0)
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := w.Save(a.Snapshot()); err != nil {
			t.Fatal(err)
		}
		if w.gen > 0 {
			folds++
			st, err := os.Stat(JournalPath(w.Path))
			if !os.IsNotExist(err) {
				t.Errorf("after the fold the journal is still there (%v, %d bytes)", err, st.Size())
			}
			if i < 100 {
				t.Errorf("folded after %d saves: the floor is %d bytes", i+1, foldFloor)
			}
		}
	}
	if folds == 0 {
		t.Fatal("5000 saves and no fold")
	}
	got, err := ReadAnnotationFile(w.Path)
	if err != nil || v1Bytes(t, got) != v1Bytes(t, a) {
		t.Fatalf("after the fold: %v", err)
	}
}
