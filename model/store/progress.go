package store

import (
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// Progress counts an annotator's documents by status. Documents never
// saved count as untouched.
type Progress struct {
	Total      int
	Saved      int // documents with a saved annotation, whatever its status
	Untouched  int
	InProgress int
	Done       int
}

// Progress reports how far annotator got through the dataset.
func (s *Store) Progress(annotator string) (Progress, error) {
	var p Progress
	err := s.db.QueryRow(`SELECT
		(SELECT count(*) FROM records),
		count(*),
		count(*) FILTER (WHERE a.status = 'in-progress'),
		count(*) FILTER (WHERE a.status = 'done')
		FROM annotations a JOIN records r ON r.id = a.doc_id
		WHERE a.annotator = ?`, annotator).Scan(&p.Total, &p.Saved, &p.InProgress, &p.Done)
	p.Untouched = p.Total - p.InProgress - p.Done
	return p, err
}

// Position is where an annotator stopped: a document, the span in focus,
// the filter and order they stepped by and the scroll, so reopening the
// dataset resumes exactly there.
type Position struct {
	DocID string
	Index int // the document's index in the dataset
	Span  int // the focused span, an index into the annotation's spans
	// Filter, Order and Top are the editor's (see model.Place): Top is the
	// code point offset of the first character on screen.
	Filter, Order string
	Top           int
}

// LastPosition returns where annotator stopped; ok is false when they never
// started or their document is no longer in the dataset.
func (s *Store) LastPosition(annotator string) (p Position, ok bool, err error) {
	err = s.db.QueryRow(`SELECT p.doc_id, r.seq, p.span, p.filter, p.sort, p.top FROM positions p JOIN records r ON r.id = p.doc_id
		WHERE p.annotator = ?`, annotator).Scan(&p.DocID, &p.Index, &p.Span, &p.Filter, &p.Order, &p.Top)
	if errors.Is(err, sql.ErrNoRows) {
		return Position{}, false, nil
	}
	return p, err == nil, err
}

// SetPosition records where annotator is now (p.Index is ignored: the id is
// the stable reference, the index is looked up on reading).
func (s *Store) SetPosition(annotator string, p Position) error {
	err := s.tx(func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO positions (annotator, doc_id, span, filter, sort, top, updated) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (annotator) DO UPDATE SET doc_id = excluded.doc_id, span = excluded.span,
			filter = excluded.filter, sort = excluded.sort, top = excluded.top, updated = excluded.updated`,
			annotator, p.DocID, p.Span, p.Filter, p.Order, p.Top, s.Now().Format(time.RFC3339))
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: record where %s is: %w", s.path, annotator, err)
	}
	return nil
}
