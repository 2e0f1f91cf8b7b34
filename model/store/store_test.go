package store

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"corefix/model"
)

// writeDataset writes n articles of about 4 kB (a typical news article)
// as JSON Lines and returns the path. Each
// text contains ’ (3 bytes) so byte and code point offsets differ.
func writeDataset(t testing.TB, dir string, n int) string {
	t.Helper()
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"id":"doc-%05d","text":"Article %d. They Democrats supposed to win ’ %s","source":{"x":[1, 2]}}`+"\n",
			i, i, strings.Repeat("word ", 800))
	}
	path := filepath.Join(dir, "data.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func openNew(t testing.TB, n int) (*Store, string) {
	t.Helper()
	ds := writeDataset(t, t.TempDir(), n)
	s, err := Open(DefaultPath(ds), Options{Dataset: ds})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, ds
}

// annotate starts an annotation of rec with one finding over "Democrats"
// and decides it.
func annotate(t testing.TB, rec *model.Record, annotator string, st model.Status) *model.Annotation {
	t.Helper()
	doc := rec.Document("data.jsonl")
	start := strings.Index(doc.Text, "Democrats")
	a, err := model.NewAnnotation(doc, []model.Finding{{Start: start, End: start + len("Democrats"),
		Category: model.Overwrite, Confidence: 0.9, Proposals: []model.Proposal{{Text: "were"}}}}, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	a.Annotator = annotator
	switch st {
	case model.Accepted:
		err = a.Accept(0, 0)
	case model.Rejected:
		err = a.Reject(0)
	}
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestOpenIndexesAndSeeks(t *testing.T) {
	s, ds := openNew(t, 50)
	if got, want := s.Path(), filepath.Join(filepath.Dir(ds), "data.corefix.db"); got != want {
		t.Errorf("Path() = %q, want %q", got, want)
	}
	n, err := s.Count()
	if err != nil || n != 50 {
		t.Fatalf("Count() = %d, %v; want 50", n, err)
	}
	rec, err := s.Record(7)
	if err != nil {
		t.Fatal(err)
	}
	if rec.ID != "doc-00007" || rec.Line != 8 || !strings.HasPrefix(rec.Text, "Article 7.") {
		t.Errorf("Record(7) = %q line %d %.20q", rec.ID, rec.Line, rec.Text)
	}
	if !bytes.Contains(rec.Raw, []byte(`"source":{"x":[1, 2]}`)) {
		t.Errorf("Record(7).Raw lost the unknown field: %.80s", rec.Raw)
	}
	rec, i, err := s.RecordByID("doc-00042")
	if err != nil || i != 42 || rec.ID != "doc-00042" {
		t.Errorf(`RecordByID("doc-00042") = %v, %d, %v`, rec, i, err)
	}
	for _, bad := range []int{-1, 50} {
		if _, err := s.Record(bad); !errors.Is(err, ErrNotFound) {
			t.Errorf("Record(%d) error = %v, want ErrNotFound", bad, err)
		}
	}
}

func TestReopenUsesStoredDataset(t *testing.T) {
	s, ds := openNew(t, 3)
	s.Close()
	s2, err := Open(DefaultPath(ds), Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.Dataset() != ds {
		t.Errorf("Dataset() = %q, want %q", s2.Dataset(), ds)
	}
	if _, err := Open(filepath.Join(t.TempDir(), "none.corefix.db"), Options{}); err == nil {
		t.Error("opening a missing database without a dataset succeeded")
	}
}

func TestChangedDatasetIsReindexed(t *testing.T) {
	s, ds := openNew(t, 5)
	s.Close()
	// Same content, new mtime: the hash says nothing changed.
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(ds, later, later); err != nil {
		t.Fatal(err)
	}
	s, err := Open(DefaultPath(ds), Options{Dataset: ds})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// New content: a record is dropped from the front, so every offset moves.
	data, _ := os.ReadFile(ds)
	data = data[bytes.IndexByte(data, '\n')+1:]
	if err := os.WriteFile(ds, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = Open(DefaultPath(ds), Options{Dataset: ds})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rec, err := s.Record(0)
	if err != nil || rec.ID != "doc-00001" {
		t.Errorf("after re-index Record(0) = %v, %v; want doc-00001", rec, err)
	}
	if n, _ := s.Count(); n != 4 {
		t.Errorf("after re-index Count() = %d, want 4", n)
	}
}

func TestBadDatasetKeepsOldIndex(t *testing.T) {
	s, ds := openNew(t, 3)
	s.Close()
	if err := os.WriteFile(ds, []byte("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Open(DefaultPath(ds), Options{Dataset: ds})
	if err == nil || !strings.Contains(err.Error(), ds+":2: duplicate id") {
		t.Fatalf("Open on a duplicate id: error %v, want it to name %s:2", err, ds)
	}
}

func TestSaveLoadProgressPosition(t *testing.T) {
	s, _ := openNew(t, 4)
	for i, st := range []model.Status{model.Accepted, model.Pending} {
		rec, _ := s.Record(i)
		if err := s.SaveAnnotation(annotate(t, rec, "ann", st)); err != nil {
			t.Fatal(err)
		}
	}
	rec, _ := s.Record(0)
	a, ok, err := s.LoadAnnotation(rec.ID, "ann")
	if err != nil || !ok {
		t.Fatalf("LoadAnnotation = %v, %v", ok, err)
	}
	if got := a.Span(0); got.Status != model.Accepted || got.Replacement != "were" {
		t.Errorf("loaded span = %s %q, want accepted \"were\"", got.Status, got.Replacement)
	}
	if _, ok, err := s.LoadAnnotation(rec.ID, "other"); ok || err != nil {
		t.Errorf("LoadAnnotation(other) = %v, %v; want none", ok, err)
	}
	p, err := s.Progress("ann")
	if want := (Progress{Total: 4, Saved: 2, Untouched: 3, Done: 1}); err != nil || p != want {
		t.Errorf("Progress = %+v, %v; want %+v", p, err, want)
	}
	if _, ok, _ := s.LastPosition("ann"); ok {
		t.Error("LastPosition before SetPosition reports a position")
	}
	if err := s.SetPosition("ann", Position{DocID: "doc-00002", Span: 3, Filter: "overwrite", Order: "confidence", Top: 120}); err != nil {
		t.Fatal(err)
	}
	pos, ok, err := s.LastPosition("ann")
	if want := (Position{DocID: "doc-00002", Index: 2, Span: 3, Filter: "overwrite", Order: "confidence", Top: 120}); err != nil || !ok || pos != want {
		t.Errorf("LastPosition = %+v, %v, %v; want %+v", pos, ok, err, want)
	}
	names, err := s.Annotators()
	if err != nil || len(names) != 1 || names[0] != "ann" {
		t.Errorf("Annotators() = %v, %v", names, err)
	}
	var ids []string
	for r, err := range s.Annotations("ann") {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.DocID+":"+string(r.Status))
	}
	if got, want := strings.Join(ids, " "), "doc-00000:done doc-00001:untouched"; got != want {
		t.Errorf("Annotations() = %s, want %s", got, want)
	}
}

func TestSaveRefusesForeignText(t *testing.T) {
	s, _ := openNew(t, 2)
	a := annotate(t, &model.Record{ID: "doc-00000", Text: "They Democrats supposed to win"}, "ann", model.Accepted)
	if err := s.SaveAnnotation(a); err == nil || !strings.Contains(err.Error(), "different text") {
		t.Errorf("saving an annotation of another text: error %v", err)
	}
	a = annotate(t, &model.Record{ID: "nope", Text: "They Democrats supposed to win"}, "ann", model.Accepted)
	if err := s.SaveAnnotation(a); !errors.Is(err, ErrNotFound) {
		t.Errorf("saving an annotation of an unknown id: error %v", err)
	}
}

func TestStatusOf(t *testing.T) {
	rec := &model.Record{ID: "x", Text: "They Democrats supposed to win"}
	for _, tc := range []struct {
		give model.Status
		want DocStatus
	}{{model.Pending, Untouched}, {model.Rejected, Done}, {model.Accepted, Done}} {
		if got := StatusOf(annotate(t, rec, "a", tc.give)); got != tc.want {
			t.Errorf("StatusOf(one %s span) = %s, want %s", tc.give, got, tc.want)
		}
	}
}

// rewriteInPlace rewrites the dataset at path through the same inode, as
// `>` in a shell or an editor saving over the file do, with old replaced
// by new.
func rewriteInPlace(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(bytes.Replace(data, []byte(old), []byte(new), 1)); err != nil {
		t.Fatal(err)
	}
}

// An annotation of a document whose text changed is set aside on the next
// open: kept, listed, exportable, and no longer blocking the others.
func TestChangedTextSetsTheAnnotationAside(t *testing.T) {
	s, ds := openNew(t, 3)
	for i := range 2 {
		rec, _ := s.Record(i)
		if err := s.SaveAnnotation(annotate(t, rec, "ann", model.Accepted)); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	rewriteInPlace(t, ds, "Article 0.", "Article 0!")
	s, err := Open(DefaultPath(ds), Options{Dataset: ds})
	if err != nil {
		t.Fatalf("reopen after a text changed: %v", err)
	}
	defer s.Close()
	if _, ok, err := s.LoadAnnotation("doc-00000", "ann"); ok || err != nil {
		t.Errorf("LoadAnnotation of the changed document: ok %v, err %v; want none (set aside)", ok, err)
	}
	var ids []string
	for r, err := range s.Annotations("ann") {
		if err != nil {
			t.Fatalf("Annotations after a text changed: %v", err)
		}
		ids = append(ids, r.DocID)
	}
	if strings.Join(ids, " ") != "doc-00001" {
		t.Errorf("Annotations = %v, want only doc-00001", ids)
	}
	var aside []AsideRow
	for r, err := range s.SetAside("") {
		if err != nil {
			t.Fatal(err)
		}
		aside = append(aside, r)
	}
	if len(aside) != 1 || aside[0].DocID != "doc-00000" || aside[0].Annotator != "ann" || aside[0].SetAside.IsZero() ||
		!strings.HasPrefix(aside[0].Annotation.Doc.Text, "Article 0.") || aside[0].Annotation.Span(0).Status != model.Accepted {
		t.Fatalf("SetAside = %+v, want doc-00000's accepted annotation of the old text", aside)
	}
	if p, _ := s.Progress("ann"); p.Done != 1 {
		t.Errorf("Progress counts %d done, want 1 (the set-aside one starts afresh)", p.Done)
	}
	rec, _ := s.Record(0)
	if err := s.SaveAnnotation(annotate(t, rec, "ann", model.Rejected)); err != nil {
		t.Fatalf("saving the changed document afresh: %v", err)
	}
	n := 0
	for range s.SetAside("ann") {
		n++
	}
	if n != 1 {
		t.Errorf("after saving the document afresh %d set-aside rows, want the old one kept", n)
	}
}

// A database from before set_aside (schema 2) holding an annotation of a
// text that changed, which corefix then refused to open at all, opens
// with that annotation set aside.
func TestOlderDatabaseSetsStaleAnnotationsAside(t *testing.T) {
	s, ds := openNew(t, 2)
	rec, _ := s.Record(1)
	if err := s.SaveAnnotation(annotate(t, rec, "ann", model.Accepted)); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"DROP TABLE set_aside", "UPDATE annotations SET doc_sha256 = 'old'", "PRAGMA user_version = 2"} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err := Open(DefaultPath(ds), Options{Dataset: ds})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v int
	s.db.QueryRow("PRAGMA user_version").Scan(&v)
	n := 0
	for r, err := range s.SetAside("ann") {
		if err != nil || r.DocID != "doc-00001" {
			t.Errorf("set aside: %+v, %v", r.Row, err)
		}
		n++
	}
	if v != schemaVersion || n != 1 {
		t.Errorf("after opening a version 2 database: version %d, %d set aside; want %d and 1", v, n, schemaVersion)
	}
}

// A dataset changed in place while it is open: reading a record that is
// no longer what was indexed says the dataset changed, not what the
// changed bytes look like.
func TestRecordNoticesAChangedDataset(t *testing.T) {
	for _, tt := range []struct{ name, old, new string }{
		{"same length, other text", "Article 1.", "Article 1!"},
		{"no longer JSON", `{"id":"doc-00001"`, `{"id":"doc-00001",`},
		{"cut short", `{"id":"doc-00001"`, "\n"},
	} {
		s, ds := openNew(t, 3)
		rewriteInPlace(t, ds, tt.old, tt.new)
		if tt.name == "cut short" {
			os.Truncate(ds, 10)
		}
		_, err := s.Record(1)
		if err == nil || !strings.Contains(err.Error(), ds+" changed since it was opened") {
			t.Errorf("%s: Record(1) error %v, want it to say %s changed", tt.name, err, ds)
		}
	}
}

func TestRecordsStreamsInOrder(t *testing.T) {
	s, _ := openNew(t, 5)
	var ids []string
	for rec, err := range s.Records() {
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, rec.ID)
	}
	if got, want := strings.Join(ids, " "), "doc-00000 doc-00001 doc-00002 doc-00003 doc-00004"; got != want {
		t.Errorf("Records() = %s, want %s", got, want)
	}
}

func TestRecordsNoticesAChangedDataset(t *testing.T) {
	s, ds := openNew(t, 3)
	data, _ := os.ReadFile(ds)
	// Rewrite in place (same inode, as an editor saving over it might).
	f, err := os.OpenFile(ds, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(bytes.Replace(data, []byte("Article 1."), []byte("Article 1!"), 1))
	f.Close()
	var got error
	n := 0
	for _, err := range s.Records() {
		if err != nil {
			got = err
			break
		}
		n++
	}
	if n != 1 || got == nil || !strings.Contains(got.Error(), "changed since it was opened") {
		t.Errorf("Records over a changed dataset: %d records, then %v", n, got)
	}
}

func TestOpenErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	notDB := filepath.Join(dir, "x.corefix.db")
	os.WriteFile(notDB, []byte("not a database, just text that is long enough to be read as a header......"), 0o644)
	ds := writeDataset(t, dir, 1)
	for _, tt := range []struct{ db, dataset, want string }{
		{notDB, ds, notDB + ": "},
		{filepath.Join(dir, "db"), filepath.Join(dir, "missing.jsonl"), "missing.jsonl"},
		{filepath.Join(dir, "db2"), dir, "is a directory"},
		{filepath.Join(dir, "a?b.db"), ds, "must not contain '?'"},
	} {
		s, err := Open(tt.db, Options{Dataset: tt.dataset})
		if err == nil {
			s.Close()
			t.Errorf("Open(%s, %s) succeeded", tt.db, tt.dataset)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Open(%s, %s) error %q, want one line containing %q", tt.db, tt.dataset, err, tt.want)
		}
	}
}

func TestDatasetOptional(t *testing.T) {
	s, ds := openNew(t, 2)
	rec, _ := s.Record(0)
	if err := s.SaveAnnotation(annotate(t, rec, "ann", model.Accepted)); err != nil {
		t.Fatal(err)
	}
	s.Close()
	os.Remove(ds) // only the database is left, as when it alone was copied
	if _, err := Open(DefaultPath(ds), Options{}); err == nil {
		t.Error("Open without the dataset succeeded without DatasetOptional")
	}
	s, err := Open(DefaultPath(ds), Options{DatasetOptional: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, ok, err := s.LoadAnnotation("doc-00000", "ann"); !ok || err != nil {
		t.Errorf("LoadAnnotation without the dataset: %v, %v", ok, err)
	}
	if _, err := s.Record(0); err == nil || !strings.Contains(err.Error(), ds) {
		t.Errorf("Record without the dataset: error %v, want it to name %s", err, ds)
	}
	for _, err := range s.Records() {
		if err == nil {
			t.Error("Records without the dataset yielded a record")
		}
	}
}

// A dataset saved with a byte-order mark (Notepad, Excel) opens, and its
// first record is read from after the mark.
func TestByteOrderMarkDataset(t *testing.T) {
	dir := t.TempDir()
	ds := filepath.Join(dir, "bom.jsonl")
	os.WriteFile(ds, []byte("\ufeff{\"id\":\"a\",\"text\":\"first\"}\n{\"id\":\"b\",\"text\":\"second\"}\n"), 0o644)
	s, err := Open(DefaultPath(ds), Options{Dataset: ds})
	if err != nil {
		t.Fatalf("Open on a dataset with a byte-order mark: %v", err)
	}
	defer s.Close()
	rec, err := s.Record(0)
	if err != nil || rec.ID != "a" || rec.Text != "first" {
		t.Errorf("Record(0) = %+v, %v; want a: first", rec, err)
	}
	n := 0
	for rec, err := range s.Records() {
		if err != nil {
			t.Fatal(err)
		}
		n += len(rec.Text)
	}
	if n != len("first")+len("second") {
		t.Errorf("Records read %d bytes of text, want both records", n)
	}
}

// A first open that fails on a bad dataset removes the database it
// created: nothing is left beside the dataset but the dataset.
func TestFailedFirstOpenLeavesNothing(t *testing.T) {
	for _, tt := range []struct{ name, data, want string }{
		{"malformed", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\n", ":2: truncated JSON"},
		{"no text", "{\"id\":\"a\"}\n", `:1: record "a" has no "text"`},
		{"duplicate id", "{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}\n", ":2: duplicate id"},
		{"no documents", "\n", " has no documents"},
	} {
		dir := t.TempDir()
		ds := filepath.Join(dir, "data.jsonl")
		os.WriteFile(ds, []byte(tt.data), 0o644)
		s, err := Open(DefaultPath(ds), Options{Dataset: ds})
		if err == nil {
			s.Close()
			t.Fatalf("%s: Open succeeded", tt.name)
		}
		if !strings.Contains(err.Error(), ds+tt.want) {
			t.Errorf("%s: error %q, want it to contain %q", tt.name, err, ds+tt.want)
		}
		ents, _ := os.ReadDir(dir)
		if len(ents) != 1 {
			var names []string
			for _, e := range ents {
				names = append(names, e.Name())
			}
			t.Errorf("%s: the directory holds %v after a failed open, want only data.jsonl", tt.name, names)
		}
	}
}

// A full disk is SQLite's "database or disk is full"; the error must also
// say which database, as every error does. max_page_count makes the
// database full without filling a disk.
func TestFullDatabaseErrorNamesTheFile(t *testing.T) {
	s, _ := openNew(t, 3)
	s.db.SetMaxOpenConns(1) // the pragma holds for one connection: make it the only one
	var pages int
	if err := s.db.QueryRow("PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(fmt.Sprintf("PRAGMA max_page_count = %d", pages)); err != nil {
		t.Fatal(err)
	}
	rec, _ := s.Record(0)
	for _, err := range []error{
		s.SaveAnnotation(annotate(t, rec, "ann", model.Accepted)),
		s.SetPosition("a name long enough to need a page "+strings.Repeat("x", 5000), Position{DocID: rec.ID}),
	} {
		if err == nil || !strings.Contains(err.Error(), "full") || !strings.HasPrefix(err.Error(), s.Path()+": ") {
			t.Errorf("write into a full database: error %v, want one naming %s and saying it is full", err, s.Path())
		}
	}
}

// TestMigrateSchema1: a database made by a corefix of schema version 1
// (positions without filter, order and scroll) is upgraded in place on
// opening, its position kept.
func TestMigrateSchema1(t *testing.T) {
	dataset := filepath.Join(t.TempDir(), "d.jsonl")
	if err := os.WriteFile(dataset, []byte(`{"id":"a","text":"he he"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := DefaultPath(dataset)
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	v1 := strings.Replace(schema, `updated TEXT NOT NULL,
	filter TEXT NOT NULL DEFAULT '',
	sort TEXT NOT NULL DEFAULT '',
	top INTEGER NOT NULL DEFAULT 0
);`, "updated TEXT NOT NULL\n);", 1)
	if v1 == schema {
		t.Fatal("the positions table of schema 2 changed: update this test's schema 1")
	}
	for _, q := range []string{v1, "PRAGMA user_version = 1",
		`INSERT INTO positions (annotator, doc_id, span, updated) VALUES ('ann', 'a', 0, '2026-11-27T10:00:00Z')`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	s, err := Open(db, Options{Dataset: dataset})
	if err != nil {
		t.Fatalf("open a schema 1 database: %v", err)
	}
	defer s.Close()
	if pos, ok, err := s.LastPosition("ann"); !ok || err != nil || pos != (Position{DocID: "a", Span: 0}) {
		t.Errorf("position after the upgrade = %+v, %v, %v", pos, ok, err)
	}
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil || v != schemaVersion {
		t.Errorf("user_version %d after opening, want %d (%v)", v, schemaVersion, err)
	}
}
