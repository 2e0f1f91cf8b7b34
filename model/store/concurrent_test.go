package store

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"

	"corefix/model"
)

// writerEnv makes the test binary act as a second corefix process: it
// opens the database named by the variable and writes as one annotator.
const writerEnv = "COREFIX_STORE_WRITER"

// writeAll saves an annotation of every document as annotator, through
// its own Store (its own connections), alternating decisions so rows are
// rewritten as well as inserted.
func writeAll(t testing.TB, db, dataset, annotator string) {
	s, err := Open(db, Options{Dataset: dataset})
	if err != nil {
		t.Error(err)
		return
	}
	defer s.Close()
	n, _ := s.Count()
	for round, st := range []model.Status{model.Pending, model.Accepted} {
		for i := range n {
			rec, err := s.Record(i)
			if err != nil {
				t.Error(err)
				return
			}
			if err := s.SaveAnnotation(annotate(t, rec, annotator, st)); err != nil {
				t.Errorf("%s round %d doc %d: %v", annotator, round, i, err)
				return
			}
			if err := s.SetPosition(annotator, Position{DocID: rec.ID, Span: i}); err != nil {
				t.Error(err)
				return
			}
		}
	}
}

// TestWriterProcess is the body of the subprocess started by
// TestConcurrentWriters; on its own it does nothing.
func TestWriterProcess(t *testing.T) {
	db := os.Getenv(writerEnv)
	if db == "" {
		t.Skip("helper for TestConcurrentWriters")
	}
	writeAll(t, db, os.Getenv(writerEnv+"_DATASET"), os.Getenv(writerEnv+"_NAME"))
}

// TestConcurrentWriters has two other processes and two goroutines (each
// with its own Store, so its own connections) write one database at the
// same time, then checks SQLite's integrity and that every write landed.
func TestConcurrentWriters(t *testing.T) {
	const docs = 40
	s, ds := openNew(t, docs)
	db := s.Path()
	var procs []*exec.Cmd
	outs := make([]bytes.Buffer, 2)
	for p := range 2 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterProcess$", "-test.count=1")
		cmd.Env = append(os.Environ(), writerEnv+"="+db, writerEnv+"_DATASET="+ds, fmt.Sprintf("%s_NAME=proc%d", writerEnv, p))
		cmd.Stdout, cmd.Stderr = &outs[p], &outs[p]
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		procs = append(procs, cmd)
	}
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Go(func() { writeAll(t, db, ds, fmt.Sprintf("goroutine%d", g)) })
	}
	wg.Wait()
	for p, cmd := range procs {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer process %d: %v\n%s", p, err, outs[p].String())
		}
	}
	var check string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	names, _ := s.Annotators()
	if len(names) != 4 {
		t.Errorf("annotators = %v, want 4", names)
	}
	for _, name := range names {
		p, err := s.Progress(name)
		if err != nil || p.Done != docs {
			t.Errorf("Progress(%s) = %+v, %v; want %d done", name, p, err, docs)
		}
		if pos, ok, _ := s.LastPosition(name); !ok || pos.Index != docs-1 {
			t.Errorf("LastPosition(%s) = %+v, %v; want the last document", name, pos, ok)
		}
	}
	for r, err := range s.Annotations("") {
		if err != nil {
			t.Fatal(err) // every stored row must still parse and validate
		}
		if r.Annotation.Span(0).Status != model.Accepted {
			t.Errorf("%s by %s: final decision %s, want accepted", r.DocID, r.Annotator, r.Annotation.Span(0).Status)
		}
	}
}
