package store

import (
	"database/sql"
	"fmt"
	"iter"
	"time"
)

// When a document's text changes in the dataset, the annotations made for
// the old text no longer fit it: their offsets index words that may be
// gone. Refusing them would block the whole dataset (the editor, export,
// stats) over one edited article; dropping them would lose decisions. So
// they are set aside: moved, whole, to the set_aside table, where stats
// lists them and export --set-aside writes them out (each carries the
// text it was made for), while the document starts afresh.

// setAsideStale moves every annotation whose document's text changed
// (records.sha256 is no longer the annotation's doc_sha256) to set_aside.
// Annotations of documents that left the dataset stay: nothing replaces
// them, and exports and stats still read them.
func (s *Store) setAsideStale(tx *sql.Tx) error {
	const stale = `FROM annotations a JOIN records r ON r.id = a.doc_id WHERE r.sha256 != a.doc_sha256`
	_, err := tx.Exec(`INSERT OR REPLACE INTO set_aside (doc_id, annotator, doc_sha256, json, created, updated, set_aside)
		SELECT a.doc_id, a.annotator, a.doc_sha256, a.json, a.created, a.updated, ? `+stale, s.Now().Format(time.RFC3339))
	if err != nil {
		return err
	}
	_, err = tx.Exec(`DELETE FROM annotations WHERE rowid IN (SELECT a.rowid ` + stale + `)`)
	return err
}

// AsideRow is an annotation set aside because its document's text changed
// after it was made: Row as it was stored, and when it was set aside.
type AsideRow struct {
	Row
	SetAside time.Time
}

// SetAside yields annotator's set-aside annotations (everyone's when
// annotator is empty), by document id, annotator and time.
func (s *Store) SetAside(annotator string) iter.Seq2[AsideRow, error] {
	return func(yield func(AsideRow, error) bool) {
		rows, err := s.db.Query(`SELECT doc_id, annotator, created, updated, set_aside, json FROM set_aside
			WHERE ? = '' OR annotator = ? ORDER BY doc_id, annotator, set_aside`, annotator, annotator)
		if err != nil {
			yield(AsideRow{}, fmt.Errorf("%s: %w", s.path, err))
			return
		}
		defer rows.Close()
		for rows.Next() {
			var r AsideRow
			var created, updated, aside string
			var data []byte
			err := rows.Scan(&r.DocID, &r.Annotator, &created, &updated, &aside, &data)
			if err == nil {
				// No current text to check against: it is the one that changed.
				r.Annotation, err = s.parse(r.DocID, r.Annotator, data, sql.NullString{})
			}
			if err == nil {
				r.Status = StatusOf(r.Annotation)
				r.Created, r.Updated, err = parseTimes(created, updated)
			}
			if err == nil {
				r.SetAside, err = time.Parse(time.RFC3339, aside)
			}
			if !yield(r, err) || err != nil {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(AsideRow{}, err)
		}
	}
}
