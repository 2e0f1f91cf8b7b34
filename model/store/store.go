package store

import (
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"corefix/model"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver
)

// schemaVersion is stored in PRAGMA user_version; a database written by a
// newer corefix is refused rather than misread, an older one upgraded
// (see migrations).
const schemaVersion = 3

// migrations[v-1] upgrades a database of schema version v to v+1.
var migrations = []string{
	// 2: the positions remember the filter, the order and the scroll.
	`ALTER TABLE positions ADD COLUMN filter TEXT NOT NULL DEFAULT '';
	ALTER TABLE positions ADD COLUMN sort TEXT NOT NULL DEFAULT '';
	ALTER TABLE positions ADD COLUMN top INTEGER NOT NULL DEFAULT 0;`,
	// 3: annotations of texts that changed are set aside (see aside.go).
	setAsideTable,
}

// setAsideTable holds the annotations set aside (schema 3).
const setAsideTable = `
CREATE TABLE IF NOT EXISTS set_aside (
	doc_id TEXT NOT NULL,
	annotator TEXT NOT NULL,
	doc_sha256 TEXT NOT NULL,
	json TEXT NOT NULL,
	created TEXT NOT NULL,
	updated TEXT NOT NULL,
	set_aside TEXT NOT NULL,
	PRIMARY KEY (doc_id, annotator, doc_sha256)
);
`

// busyTimeout is how long a write waits for another process's transaction
// before giving up. Saves are small, so seconds are plenty; re-indexing a
// large dataset holds the lock longest.
const busyTimeout = 30 * time.Second

// schema creates the tables. records.seq is the document's position in the
// dataset (0-based), so "next article" is a primary-key lookup.
const schema = `
CREATE TABLE IF NOT EXISTS dataset (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	path TEXT NOT NULL,
	size INTEGER NOT NULL,
	mtime_ns INTEGER NOT NULL,
	sha256 TEXT NOT NULL,
	indexed TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS records (
	seq INTEGER PRIMARY KEY,
	id TEXT NOT NULL UNIQUE,
	byte_offset INTEGER NOT NULL,
	byte_length INTEGER NOT NULL,
	line INTEGER NOT NULL,
	sha256 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS annotations (
	doc_id TEXT NOT NULL,
	annotator TEXT NOT NULL,
	status TEXT NOT NULL CHECK (status IN ('untouched', 'in-progress', 'done')),
	doc_sha256 TEXT NOT NULL,
	json TEXT NOT NULL,
	created TEXT NOT NULL,
	updated TEXT NOT NULL,
	PRIMARY KEY (doc_id, annotator)
);
CREATE INDEX IF NOT EXISTS annotations_by_annotator ON annotations (annotator, status);
CREATE TABLE IF NOT EXISTS positions (
	annotator TEXT PRIMARY KEY,
	doc_id TEXT NOT NULL,
	span INTEGER NOT NULL,
	updated TEXT NOT NULL,
	filter TEXT NOT NULL DEFAULT '',
	sort TEXT NOT NULL DEFAULT '',
	top INTEGER NOT NULL DEFAULT 0
);
` + setAsideTable

// Store is an open corefix database and the dataset it indexes. Its methods
// are safe for concurrent use.
type Store struct {
	db      *sql.DB
	path    string
	dataset string   // absolute path of the dataset
	data    *os.File // the dataset, read by ReadAt; nil when it is missing
	missing error    // why data is nil (Options.DatasetOptional)
	// Now is the clock for timestamps; tests replace it.
	Now func() time.Time
}

// Options tune Open.
type Options struct {
	// Dataset is the JSON Lines dataset. Empty means the one the database
	// was made for (its path is stored relative to the database).
	Dataset string
	// DatasetOptional opens the database even when the dataset is gone
	// (only the database was copied): annotations stay readable, while
	// Record and Records fail naming the missing file.
	DatasetOptional bool
}

// DefaultPath is where the database of a dataset lives unless the user
// says otherwise: NAME.corefix.db beside NAME.jsonl, as NAME.corefix.json
// sits beside NAME.txt.
func DefaultPath(dataset string) string {
	return filepath.Join(filepath.Dir(dataset), model.IDFromPath(dataset)+".corefix.db")
}

// Open opens the database at path, creating it when a dataset is given,
// and brings its index up to date with the dataset (re-indexing it when
// the file changed). Errors name the file at fault.
func Open(path string, opt Options) (*Store, error) {
	if strings.ContainsRune(path, '?') {
		return nil, fmt.Errorf("%s: database path must not contain '?'", path)
	}
	if opt.Dataset == "" {
		if _, err := os.Stat(path); err != nil {
			return nil, err // never create an empty database that indexes nothing
		}
	}
	// An empty file is an empty SQLite database. Creating it here tells
	// whether this Open made it, and so whether a failed open (a bad
	// dataset line) must remove it again rather than leave it behind.
	created := false
	if f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644); err == nil {
		created = true
		f.Close()
	}
	dsn := fmt.Sprintf("%s?_busy_timeout=%d&_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate",
		path, busyTimeout.Milliseconds())
	fail := func(err error) (*Store, error) {
		if created {
			removeDatabase(path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return fail(err)
	}
	s := &Store{db: db, path: path, Now: func() time.Time { return time.Now().UTC().Truncate(time.Second) }}
	if err := s.init(opt); err != nil {
		db.Close()
		return fail(err)
	}
	if n, err := s.Count(); created && (err != nil || n == 0) {
		// As above: a new database that indexes nothing is not worth
		// leaving behind.
		db.Close()
		return fail(errors.Join(err, fmt.Errorf("%s has no documents", s.dataset)))
	}
	return s, nil
}

// removeDatabase deletes a database and SQLite's files beside it (the
// write-ahead log and its index), best effort: it undoes a failed Open.
func removeDatabase(path string) {
	for _, suffix := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + suffix)
	}
}

func (s *Store) init(opt Options) error {
	if err := s.migrate(); err != nil {
		return err
	}
	dataset := opt.Dataset
	if dataset == "" {
		stored, err := s.storedDatasetPath()
		if err != nil {
			return err
		}
		dataset = stored
	}
	abs, err := filepath.Abs(dataset)
	if err != nil {
		return err
	}
	s.dataset = abs
	if _, err := os.Stat(abs); opt.DatasetOptional && errors.Is(err, fs.ErrNotExist) {
		s.missing = err
		return nil
	}
	if err := s.syncIndex(); err != nil {
		return err
	}
	f, err := os.Open(abs)
	if err != nil {
		return err
	}
	s.data = f
	return nil
}

// migrate creates the tables of a new database, upgrades one of an older
// schema in one transaction, and refuses one written by a newer corefix.
// An older database may hold annotations of texts that changed since,
// which before schema 3 blocked it from opening: they are set aside.
func (s *Store) migrate() error {
	var v int
	if err := s.db.QueryRow("PRAGMA user_version").Scan(&v); err != nil {
		return err
	}
	switch {
	case v == schemaVersion:
		return nil
	case v > schemaVersion:
		return fmt.Errorf("database schema version %d is newer than this corefix understands (%d)", v, schemaVersion)
	}
	return s.tx(func(tx *sql.Tx) error {
		steps := []string{schema}
		if v > 0 {
			steps = migrations[v-1:]
		}
		for _, step := range steps {
			if _, err := tx.Exec(step); err != nil {
				return err
			}
		}
		if err := s.setAsideStale(tx); err != nil {
			return err
		}
		_, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", schemaVersion))
		return err
	})
}

// storedDatasetPath is the dataset the database indexes, resolved against
// the database's directory so a folder moved as a whole still works.
func (s *Store) storedDatasetPath() (string, error) {
	var p string
	err := s.db.QueryRow("SELECT path FROM dataset WHERE id = 1").Scan(&p)
	if errors.Is(err, sql.ErrNoRows) {
		return "", errors.New("the database indexes no dataset yet; give the dataset")
	}
	if err != nil {
		return "", err
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(filepath.Dir(s.path), p)
	}
	return p, nil
}

// tx runs fn in one transaction, committing when it returns nil. With
// _txlock=immediate the write lock is taken at BEGIN.
func (s *Store) tx(fn func(*sql.Tx) error) error {
	tx, err := s.db.Begin()
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Dataset is the absolute path of the indexed dataset.
func (s *Store) Dataset() string { return s.dataset }

// Close releases the database and the dataset file.
func (s *Store) Close() error {
	var ferr error
	if s.data != nil {
		ferr = s.data.Close()
	}
	return errors.Join(s.db.Close(), ferr)
}
