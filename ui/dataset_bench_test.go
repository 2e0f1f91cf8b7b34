package ui

import (
	"testing"

	"corefix/annotate/detect"
	"corefix/model"
	"corefix/model/store"

	tea "charm.land/bubbletea/v2"
)

// benchDocs is the dataset size of the acceptance criteria (issue 6).
const benchDocs = 10000

// detectAll runs the real detectors, as corefix review does without an
// original: the cost a fresh document adds to moving to it.
func detectAll(doc, _ *model.Document) ([]model.Finding, error) { return detect.Detect(doc), nil }

// benchDataset opens the review database of a generated dataset of
// benchDocs documents (indexing it), as annotator "test".
func benchDataset(b *testing.B, path string) (*store.Store, *testDataset) {
	b.Helper()
	d := openDatasetWith(b, path, detectAll)
	return d.store, d
}

// BenchmarkDatasetOpen is `corefix review DATA.jsonl` on an indexed
// 10,000-document dataset up to the first frame: open the database,
// resume where the annotator stopped, lay out and draw.
func BenchmarkDatasetOpen(b *testing.B) {
	path := writeDataset(b, b.TempDir(), benchDocs)
	s, _ := benchDataset(b, path) // the first open indexes it
	s.Close()
	for b.Loop() {
		s, d := benchDataset(b, path)
		m := resumeModel(b, d, 120, 40)
		_ = m.View()
		s.Close()
	}
}

// BenchmarkNextDocument is one ] to the next frame: load the document
// (seek, parse, look up its annotation, detect when it has none, count
// the progress), show it, write the position, draw.
func BenchmarkNextDocument(b *testing.B) {
	path := writeDataset(b, b.TempDir(), benchDocs)
	s, d := benchDataset(b, path)
	defer s.Close()
	b.Run("fresh", func(b *testing.B) { // nobody annotated them: detection runs
		m := modelAt(b, d, 0)
		for b.Loop() {
			if m.doc.index == benchDocs-1 {
				b.StopTimer()
				m = modelAt(b, d, 0)
				b.StartTimer()
			}
			press(b, m, "]")
			_ = m.View()
		}
	})
	b.Run("annotated", func(b *testing.B) { // back and forth between two saved documents
		m := modelAt(b, d, 0)
		press(b, m, "r", "]", "r") // r: a may open the input for a missing word
		keys := []string{"[", "]"}
		for i := 0; b.Loop(); i++ {
			press(b, m, keys[i%2])
			_ = m.View()
			if m.doc.index != i%2 {
				b.Fatalf("%s went to document %d", keys[i%2], m.doc.index)
			}
		}
		if !m.doc.resumed {
			b.Fatal("the documents were not saved")
		}
	})
}

// modelAt opens the editor on document i of d at 120×40.
func modelAt(b *testing.B, d *testDataset, i int) *Model {
	b.Helper()
	doc, err := d.load(i)
	if err != nil {
		b.Fatal(err)
	}
	m := newDatasetModel(d.dataset, doc, nil, Options{})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m
}
