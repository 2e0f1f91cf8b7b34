package store

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"

	"corefix/model"
)

// benchDocs is the dataset size the acceptance criteria name.
const benchDocs = 10000

// BenchmarkOpen measures opening a 10,000-article dataset: "index" builds
// the index into a new database (the first open), "reopen" finds it fresh
// (every later open).
func BenchmarkOpen(b *testing.B) {
	ds := writeDataset(b, b.TempDir(), benchDocs)
	b.Run("index", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("%d.db", i)), Options{Dataset: ds})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
	db := filepath.Join(b.TempDir(), "reopen.db")
	s, err := Open(db, Options{Dataset: ds})
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	b.Run("reopen", func(b *testing.B) {
		for b.Loop() {
			s, err := Open(db, Options{Dataset: ds})
			if err != nil {
				b.Fatal(err)
			}
			s.Close()
		}
	})
}

// BenchmarkNext is moving to the next article in the editor: read the
// record by seeking and load the annotator's saved annotation of it.
func BenchmarkNext(b *testing.B) {
	s, _ := openNew(b, benchDocs)
	for i := 0; i < benchDocs; i += 2 { // half the documents annotated
		rec, _ := s.Record(i)
		if err := s.SaveAnnotation(annotate(b, rec, "ann", model.Accepted)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		rec, err := s.Record(i % benchDocs)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := s.LoadAnnotation(rec.ID, "ann"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave is one decision saved (the editor saves after each).
func BenchmarkSave(b *testing.B) {
	s, _ := openNew(b, 100)
	rec, _ := s.Record(0)
	a := annotate(b, rec, "ann", model.Accepted)
	for b.Loop() {
		if err := s.SaveAnnotation(a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpenMemory reports the live heap of an open store (after a
// garbage collection) for growing datasets: flat figures show that the
// dataset is indexed, not held in memory.
func BenchmarkOpenMemory(b *testing.B) {
	for _, n := range []int{1000, benchDocs} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ds := writeDataset(b, b.TempDir(), n)
			var before, after runtime.MemStats
			for i := 0; b.Loop(); i++ {
				runtime.GC()
				runtime.ReadMemStats(&before)
				s, err := Open(filepath.Join(b.TempDir(), fmt.Sprintf("%d.db", i)), Options{Dataset: ds})
				if err != nil {
					b.Fatal(err)
				}
				runtime.GC()
				runtime.ReadMemStats(&after)
				s.Close()
			}
			b.ReportMetric(float64(after.HeapInuse)-float64(before.HeapInuse), "live-heap-B")
		})
	}
}
