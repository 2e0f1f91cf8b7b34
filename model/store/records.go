package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"iter"
	"os"

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

const selectRecord = "SELECT seq, id, byte_offset, byte_length, line FROM records WHERE "

// record reads the line a records row points at; what names the document
// in errors.
func (s *Store) record(row *sql.Row, what string) (*model.Record, int, error) {
	var seq int
	var id string
	var off, n int64
	var line int
	if err := row.Scan(&seq, &id, &off, &n, &line); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return nil, 0, fmt.Errorf("document %s: %w", what, ErrNotFound)
		}
		return nil, 0, err
	}
	raw := make([]byte, n)
	if _, err := s.data.ReadAt(raw, off); err != nil {
		return nil, 0, fmt.Errorf("%s:%d: %w (the dataset changed since it was opened?)", s.dataset, line, err)
	}
	rec, err := model.ParseRecord(raw)
	if err != nil {
		return nil, 0, fmt.Errorf("%s:%d: %w", s.dataset, line, err)
	}
	if rec.ID != id {
		// The file was rewritten under us: never hand out the wrong article.
		return nil, 0, fmt.Errorf("%s:%d: expected document %q, found %q: the dataset changed since it was opened; reopen it", s.dataset, line, id, rec.ID)
	}
	rec.Line, rec.Offset = line, off
	return rec, seq, nil
}

// Records yields every document in dataset order by reading the dataset
// once from the start: for exports, where seeking per record would be
// slower. Memory stays flat: one record at a time.
func (s *Store) Records() iter.Seq2[*model.Record, error] {
	return func(yield func(*model.Record, error) bool) {
		f, err := os.Open(s.dataset)
		if err != nil {
			yield(nil, err)
			return
		}
		defer f.Close()
		r := model.NewDatasetReader(f)
		for {
			rec, err := r.Next()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				err = fmt.Errorf("%s:%w", s.dataset, err)
			}
			if !yield(rec, err) || err != nil {
				return
			}
		}
	}
}
