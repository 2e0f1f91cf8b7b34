// Package store keeps the review of a whole JSON Lines dataset in one
// SQLite database: a byte-offset index of the dataset (so an article is read
// by seeking, and the dataset is never loaded whole), one annotation per
// document and annotator, and where each annotator stopped.
//
// The database is SQLite through modernc.org/sqlite, a pure Go translation
// of the C library: corefix stays one static binary with no cgo toolchain,
// and still gets SQLite's file locking, transactions and write-ahead log, so
// several corefix processes (several editors on one dataset) can share a
// database safely. Every write is one IMMEDIATE transaction: the write lock
// is taken when the transaction begins, so two writers queue on the busy
// timeout instead of failing on a read-to-write upgrade.
package store
