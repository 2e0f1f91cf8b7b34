package store_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"corefix/model"
	"corefix/model/store"
)

// The editor's life cycle over a dataset: open (indexing it the first
// time), resume where the annotator stopped, annotate, save, move on.
func Example() {
	dir, _ := os.MkdirTemp("", "corefix-example")
	defer os.RemoveAll(dir)
	dataset := filepath.Join(dir, "news.jsonl")
	os.WriteFile(dataset, []byte(`{"id":"a","text":"They The Democrats the election ."}`+"\n"+
		`{"id":"b","text":"Sessions Sessions reporters ."}`+"\n"), 0o644)

	s, err := store.Open(store.DefaultPath(dataset), store.Options{Dataset: dataset})
	if err != nil {
		log.Fatal(err)
	}
	defer s.Close()

	i := 0
	if pos, ok, _ := s.LastPosition("alice"); ok {
		i = pos.Index
	}
	rec, _ := s.Record(i)
	detect := func() ([]model.Finding, error) { // the detectors, in corefix
		return []model.Finding{{Start: 5, End: 18, Category: model.Overwrite, Confidence: 0.9,
			Proposals: []model.Proposal{{Text: "lost"}}}}, nil
	}
	a, resumed, _ := s.LoadOrStart(rec, "alice", detect, model.FromDetector)
	a.Accept(0, 0)
	s.SaveAnnotation(a)
	s.SetPosition("alice", store.Position{DocID: rec.ID, Span: 0})

	p, _ := s.Progress("alice")
	fmt.Println(rec.ID, resumed, a.CorrectedText())
	fmt.Printf("%d of %d done\n", p.Done, p.Total)
	// Output:
	// a false They lost the election .
	// 1 of 2 done
}
