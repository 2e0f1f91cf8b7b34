package ui

import (
	"fmt"
	"path/filepath"
	"sync"

	"corefix/model"
)

// dataset is Documents as the editor's Target (Save, ForceSave and
// ReadOnly are the Documents'), with the position writes put in order.
type dataset struct {
	Documents

	mu sync.Mutex
	// posSeq numbers the newest position written: position Cmds run
	// concurrently, and a late one must not overwrite a newer position.
	posSeq int
}

// document is one document of the dataset, loaded for the editor.
type document struct {
	index   int
	a       *model.Annotation
	resumed bool
	// done counts the annotator's documents done when this one was loaded,
	// and wasDone says this one was among them: with them the header
	// counts the documents done without a query after every decision (see
	// docsDone).
	done    int
	wasDone bool
}

// finished reports that no span of a is pending: what makes a saved
// document count as done.
func finished(a *model.Annotation) bool { return a.Counts()[model.Pending] == 0 }

// position is where the annotator is: a document and their place in it.
type position struct {
	doc   int
	place spot
}

// load reads document i and resumes or starts its annotation.
func (d *dataset) load(i int) (*document, error) {
	a, resumed, err := d.Load(i)
	if err != nil {
		return nil, err
	}
	done, err := d.Done()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.Name(), err)
	}
	return &document{index: i, a: a, resumed: resumed, done: done, wasDone: resumed && finished(a)}, nil
}

// resume loads the document where the annotator stopped and returns it
// with that position, or the first document and nil when they never
// started.
func (d *dataset) resume() (*document, *position, error) {
	i, place, ok, err := d.Position()
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", d.Name(), err)
	}
	if !ok {
		doc, err := d.load(0)
		return doc, nil, err
	}
	doc, err := d.load(i)
	if err != nil {
		return nil, nil, err
	}
	return doc, &position{doc: i, place: spotOf(doc.a.Doc, place)}, nil
}

// setPosition records that the annotator is at place in document id,
// unless a newer position (a higher seq) was written already.
func (d *dataset) setPosition(seq int, id string, place model.Place) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if seq <= d.posSeq {
		return nil
	}
	d.posSeq = seq
	return d.SetPosition(id, place)
}

// RescuePath puts the annotation beside where the work goes, as an
// annotation file named after the document.
func (d *dataset) RescuePath(a *model.Annotation) string {
	name := model.NewSafeNames().Name(a.Doc.ID)
	return filepath.Join(filepath.Dir(d.Name()), name+".corefix.json.rescue")
}
