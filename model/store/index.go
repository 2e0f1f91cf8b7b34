package store

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// fileState is what decides whether the index is still valid: size and
// modification time are checked on every open (cheap); the content hash
// only when they changed, so touching a file does not re-index it.
type fileState struct {
	path    string // as stored: relative to the database when possible
	size    int64
	mtimeNS int64
	sha256  string
}

// syncIndex makes the records table describe the dataset as it is now.
func (s *Store) syncIndex() error {
	st, err := os.Stat(s.dataset)
	if err != nil {
		return err
	}
	if st.IsDir() {
		return fmt.Errorf("%s: is a directory, not a JSON Lines dataset", s.dataset)
	}
	now := fileState{size: st.Size(), mtimeNS: st.ModTime().UnixNano()}
	old, err := s.indexedState(s.db)
	if err != nil {
		return err
	}
	if old != nil && old.size == now.size && old.mtimeNS == now.mtimeNS && old.path == s.relPath() {
		return nil
	}
	if old != nil {
		if now.sha256, err = hashFile(s.dataset); err != nil {
			return err
		}
	}
	// Re-check under the write lock: another process may have indexed the
	// same change while this one waited.
	return s.tx(func(tx *sql.Tx) error {
		old, err := s.indexedState(tx)
		if err != nil {
			return err
		}
		if old != nil && old.sha256 == now.sha256 {
			_, err := tx.Exec("UPDATE dataset SET path = ?, size = ?, mtime_ns = ? WHERE id = 1",
				s.relPath(), now.size, now.mtimeNS)
			return err
		}
		return s.reindex(tx)
	})
}

type queryer interface {
	QueryRow(query string, args ...any) *sql.Row
}

func (s *Store) indexedState(q queryer) (*fileState, error) {
	var f fileState
	err := q.QueryRow("SELECT path, size, mtime_ns, sha256 FROM dataset WHERE id = 1").Scan(&f.path, &f.size, &f.mtimeNS, &f.sha256)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &f, err
}

// reindex replaces the records with one scan of the dataset (see
// scanDataset), storing the hash of the bytes indexed even if the file
// changes meanwhile, and sets aside the annotations of texts that changed.
// A bad line aborts the transaction, so the old index stays.
func (s *Store) reindex(tx *sql.Tx) error {
	// Stat before reading: a change during the scan then shows as a new
	// mtime at the next open instead of hiding behind this one.
	st, err := os.Stat(s.dataset)
	if err != nil {
		return err
	}
	rows, sum, err := scanDataset(s.dataset, runtime.GOMAXPROCS(0))
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM records"); err != nil {
		return err
	}
	ins, err := tx.Prepare("INSERT INTO records (seq, id, byte_offset, byte_length, line, sha256) VALUES (?, ?, ?, ?, ?, ?)")
	if err != nil {
		return err
	}
	defer ins.Close()
	for seq, r := range rows {
		if _, err := ins.Exec(seq, r.id, r.offset, r.length, r.line, r.sha256); err != nil {
			return err
		}
	}
	_, err = tx.Exec(`INSERT INTO dataset (id, path, size, mtime_ns, sha256, indexed) VALUES (1, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET path = excluded.path, size = excluded.size,
		mtime_ns = excluded.mtime_ns, sha256 = excluded.sha256, indexed = excluded.indexed`,
		s.relPath(), st.Size(), st.ModTime().UnixNano(), sum, s.Now().Format(time.RFC3339))
	if err != nil {
		return err
	}
	return s.setAsideStale(tx)
}

// hashFile is the hex SHA-256 of the file at path, read in a stream.
func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, sum, err := planChunks(f, 0, 1) // one chunk: just the hash
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return sum, nil
}

// relPath is the dataset path to store: relative to the database's
// directory when it can be, so moving both together keeps them paired.
func (s *Store) relPath() string {
	dir, err := filepath.Abs(filepath.Dir(s.path))
	if err != nil {
		return s.dataset
	}
	if rel, err := filepath.Rel(dir, s.dataset); err == nil {
		return filepath.ToSlash(rel)
	}
	return s.dataset
}
