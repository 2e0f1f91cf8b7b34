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

	detect := func(doc, orig *model.Document) ([]model.Finding, error) { // the detectors, in corefix
		return []model.Finding{{Start: 5, End: 18, Category: model.Overwrite, Confidence: 0.9,
			Proposals: []model.Proposal{{Text: "lost"}}}}, nil
	}
	r, err := store.NewReview(s, "alice", detect) // alice's review, locked for this process
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()

	i, _, _, _ := r.Position() // 0 the first time
	a, resumed, _ := r.Load(i)
	a.Accept(0, 0)
	r.Save(a)
	r.SetPosition(a.Doc.ID, model.Place{})

	done, _ := r.Done()
	fmt.Println(a.Doc.ID, resumed, a.CorrectedText())
	fmt.Printf("%d of %d done\n", done, r.Len())
	// Output:
	// a false They lost the election .
	// 1 of 2 done
}
