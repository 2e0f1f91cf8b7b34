package store

import (
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"time"

	"corefix/model"
)

// DocStatus is how far an annotator got with one document.
type DocStatus string

// Document statuses. They are derived from the spans when an annotation is
// saved, so the progress figures can never disagree with the decisions.
const (
	Untouched  DocStatus = "untouched"   // no span decided yet
	InProgress DocStatus = "in-progress" // some spans decided, some pending
	Done       DocStatus = "done"        // no span pending (also: no span at all)
)

// StatusOf derives a document status from an annotation's spans.
func StatusOf(a *model.Annotation) DocStatus {
	c := a.Counts()
	switch {
	case c[model.Pending] == 0:
		return Done
	case c[model.Pending] == a.Len():
		return Untouched
	}
	return InProgress
}

// Row is one stored annotation.
type Row struct {
	DocID      string
	Annotator  string
	Status     DocStatus
	Created    time.Time
	Updated    time.Time
	Annotation *model.Annotation
}

// SaveAnnotation stores a as a.Annotator's annotation of document a.Doc.ID,
// in one transaction. It refuses an annotation of a document the dataset
// lacks or of a different text than the dataset's (by SHA-256). Errors
// name the database, whatever failed (a full disk included).
func (s *Store) SaveAnnotation(a *model.Annotation) error {
	_, err := s.saveIf(a, nil)
	return err
}

// saveIf is SaveAnnotation that, when want is not nil, first checks in
// the same transaction that the row is still at version *want (see
// version), so a save never overwrites one it did not see. It returns
// the version it wrote.
func (s *Store) saveIf(a *model.Annotation, want *string) (string, error) {
	v, err := s.save(a, want)
	if err != nil {
		return "", fmt.Errorf("%s: save the annotation of %q: %w", s.path, a.Doc.ID, err)
	}
	return v, nil
}

func (s *Store) save(a *model.Annotation, want *string) (string, error) {
	if a.Annotator == "" {
		return "", errors.New("no annotator name")
	}
	data, err := a.MarshalJSON()
	if err != nil {
		return "", err
	}
	now := s.Now().Format(time.RFC3339)
	return version(data), s.tx(func(tx *sql.Tx) error {
		var sum string
		err := tx.QueryRow("SELECT sha256 FROM records WHERE id = ?", a.Doc.ID).Scan(&sum)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("%w in %s", ErrNotFound, s.dataset)
		}
		if err != nil {
			return err
		}
		if sum != a.Doc.SHA256() {
			return errors.New("it was made for a different text than the dataset's")
		}
		if want != nil {
			var stored []byte
			err := tx.QueryRow("SELECT json FROM annotations WHERE doc_id = ? AND annotator = ?", a.Doc.ID, a.Annotator).Scan(&stored)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if version(stored) != *want {
				return &ChangedError{Doc: a.Doc.ID, Annotator: a.Annotator}
			}
		}
		_, err = tx.Exec(`INSERT INTO annotations (doc_id, annotator, status, doc_sha256, json, created, updated)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (doc_id, annotator) DO UPDATE SET status = excluded.status,
			doc_sha256 = excluded.doc_sha256, json = excluded.json, updated = excluded.updated`,
			a.Doc.ID, a.Annotator, StatusOf(a), sum, data, now, now)
		return err
	})
}

// version identifies the content of an annotations row: the hex SHA-256
// of its bytes, "" for no row (nil data).
func version(data []byte) string {
	if data == nil {
		return ""
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// ChangedError is a save refused because the annotator's row of the
// document changed since it was loaded: another process saved it.
type ChangedError struct{ Doc, Annotator string }

func (e *ChangedError) Error() string {
	return fmt.Sprintf("the annotation by %s was saved by another program since it was loaded here", e.Annotator)
}

// Unwrap makes errors.Is(err, model.ErrChangedOnDisk) hold, as for an
// annotation file changed under the editor.
func (e *ChangedError) Unwrap() error { return model.ErrChangedOnDisk }

// LoadAnnotation returns annotator's saved annotation of document docID;
// ok is false when there is none. An annotation made for a text other than
// the dataset's current one is an error, never silently reused.
func (s *Store) LoadAnnotation(docID, annotator string) (a *model.Annotation, ok bool, err error) {
	a, _, err = s.loadVersion(docID, annotator)
	return a, a != nil, err
}

// loadVersion is LoadAnnotation with the version of the row read (see
// version); a is nil when there is none.
func (s *Store) loadVersion(docID, annotator string) (a *model.Annotation, v string, err error) {
	var data []byte
	var current sql.NullString
	err = s.db.QueryRow(`SELECT a.json, r.sha256 FROM annotations a LEFT JOIN records r ON r.id = a.doc_id
		WHERE a.doc_id = ? AND a.annotator = ?`, docID, annotator).Scan(&data, &current)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, "", nil
	}
	if err != nil {
		return nil, "", err
	}
	if a, err = s.parse(docID, annotator, data, current); err != nil {
		return nil, "", err
	}
	return a, version(data), nil
}

// parse decodes and validates a stored annotation and checks it against
// the dataset's current text (current: the record's SHA-256, NULL when the
// document left the dataset), so a stale annotation is an error, never
// silently applied to a changed text.
func (s *Store) parse(docID, annotator string, data []byte, current sql.NullString) (*model.Annotation, error) {
	a, err := model.ParseAnnotation(data)
	if err != nil {
		return nil, fmt.Errorf("%s: annotation of %q by %s: %w", s.path, docID, annotator, err)
	}
	if current.Valid && current.String != a.Doc.SHA256() {
		return nil, fmt.Errorf("%s: annotation of %q by %s was made for a different text than the dataset's now", s.path, docID, annotator)
	}
	return a, nil
}

// Annotations yields annotator's annotations (every annotator's when
// annotator is empty) in dataset order, one at a time, so exports stay
// flat in memory. Annotations of documents no longer in the dataset come
// last.
func (s *Store) Annotations(annotator string) iter.Seq2[Row, error] {
	return func(yield func(Row, error) bool) {
		rows, err := s.db.Query(`SELECT a.doc_id, a.annotator, a.status, a.created, a.updated, a.json, r.sha256
			FROM annotations a LEFT JOIN records r ON r.id = a.doc_id
			WHERE ? = '' OR a.annotator = ?
			ORDER BY r.seq IS NULL, r.seq, a.doc_id, a.annotator`, annotator, annotator)
		if err != nil {
			yield(Row{}, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			var r Row
			var created, updated string
			var data []byte
			var current sql.NullString
			err := rows.Scan(&r.DocID, &r.Annotator, &r.Status, &created, &updated, &data, &current)
			if err == nil {
				r.Annotation, err = s.parse(r.DocID, r.Annotator, data, current)
			}
			if err == nil {
				r.Created, r.Updated, err = parseTimes(created, updated)
			}
			if !yield(r, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(Row{}, err)
		}
	}
}

// Annotators lists the names with at least one saved annotation.
func (s *Store) Annotators() ([]string, error) {
	rows, err := s.db.Query("SELECT DISTINCT annotator FROM annotations ORDER BY annotator")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// parseTimes reads the created and updated columns (RFC 3339, written by
// SaveAnnotation).
func parseTimes(created, updated string) (c, u time.Time, err error) {
	if c, err = time.Parse(time.RFC3339, created); err == nil {
		u, err = time.Parse(time.RFC3339, updated)
	}
	return c, u, err
}

// start begins annotator's annotation of rec with the findings fs.
func (s *Store) start(rec *model.Record, annotator string, fs []model.Finding, origin model.Origin) (*model.Annotation, error) {
	a, err := model.NewAnnotation(rec.Document(s.dataset), fs, origin)
	if err != nil {
		return nil, fmt.Errorf("%s:%d: %w", s.dataset, rec.Line, err)
	}
	a.Annotator = annotator
	return a, nil
}
