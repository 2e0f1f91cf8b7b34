package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"iter"
	"math"

	"corefix/model"
)

// ErrNotFound is returned for a document index or id the dataset lacks.
var ErrNotFound = errors.New("no such document")

// Count is the number of documents in the dataset.
func (s *Store) Count() (int, error) {
	var n int
	err := s.db.QueryRow("SELECT count(*) FROM records").Scan(&n)
	return n, err
}

// Record reads document i (0-based, in dataset order) by seeking to its
// line: one primary-key lookup and one read, whatever the dataset's size.
func (s *Store) Record(i int) (*model.Record, error) {
	rec, _, err := s.record(s.db.QueryRow(selectRecord+"seq = ?", i), fmt.Sprint(i))
	return rec, err
}

// RecordByID reads the document with the given id and returns it with its
// index in the dataset.
func (s *Store) RecordByID(id string) (*model.Record, int, error) {
	return s.record(s.db.QueryRow(selectRecord+"id = ?", id), fmt.Sprintf("%q", id))
}

const selectRecord = "SELECT seq, id, byte_offset, byte_length, line, sha256 FROM records WHERE "

// record reads the line a records row points at; what names the document
// in errors. The line was valid when it was indexed, so a line that no
// longer reads as the record indexed there (cut short, not JSON, another
// id, another text) means the dataset changed since: the error says so,
// rather than report the symptom.
func (s *Store) record(row *sql.Row, what string) (*model.Record, int, error) {
	var seq int
	var id, sum string
	var off, n int64
	var line int
	if s.data == nil {
		return nil, 0, s.missing
	}
	if err := row.Scan(&seq, &id, &off, &n, &line, &sum); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, 0, fmt.Errorf("document %s: %w", what, ErrNotFound)
		}
		return nil, 0, err
	}
	raw := make([]byte, n)
	if _, err := s.data.ReadAt(raw, off); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, 0, s.changed(fmt.Sprintf("it ends before line %d, document %q", line, id))
		}
		return nil, 0, fmt.Errorf("%s:%d: %w", s.dataset, line, err)
	}
	rec, err := model.ParseRecord(raw)
	if err != nil || rec.ID != id || model.HashText(rec.Text) != sum {
		// Never hand out the wrong article, nor a changed one.
		return nil, 0, s.changed(fmt.Sprintf("line %d is no longer document %q as indexed", line, id))
	}
	rec.Line, rec.Offset = line, off
	return rec, seq, nil
}

// Records yields every document in dataset order by reading the dataset
// once from the start: for exports, where seeking per record would be
// slower. Memory stays flat: one record at a time. Each record is checked
// against the index (id, offset, text hash), so a dataset changed since it
// was opened is an error, not a silent mix of old and new.
func (s *Store) Records() iter.Seq2[*model.Record, error] {
	return func(yield func(*model.Record, error) bool) {
		if s.data == nil {
			yield(nil, s.missing)
			return
		}
		idx, err := s.db.Query("SELECT id, byte_offset, sha256 FROM records ORDER BY seq")
		if err != nil {
			yield(nil, err)
			return
		}
		defer idx.Close()
		r := model.NewDatasetReader(io.NewSectionReader(s.data, 0, math.MaxInt64))
		for {
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				if idx.Next() {
					yield(nil, s.changed("it has fewer records than indexed"))
				} else if err := idx.Err(); err != nil {
					yield(nil, err)
				}
				return
			}
			if err != nil {
				yield(nil, fmt.Errorf("%s:%w", s.dataset, err))
				return
			}
			if !idx.Next() {
				yield(nil, errors.Join(idx.Err(), s.changed("it has more records than indexed")))
				return
			}
			var id, sum string
			var off int64
			if err := idx.Scan(&id, &off, &sum); err != nil {
				yield(nil, err)
				return
			}
			if id != rec.ID || off != rec.Offset || sum != model.HashText(rec.Text) {
				yield(nil, s.changed(fmt.Sprintf("line %d is not the record indexed there (%q)", rec.Line, id)))
				return
			}
			if !yield(rec, nil) {
				return
			}
		}
	}
}

// changed is the error for a dataset modified while it is open.
func (s *Store) changed(why string) error {
	return fmt.Errorf("%s changed since it was opened (%s); open it again to re-index it", s.dataset, why)
}
