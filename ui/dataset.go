package ui

import (
	"fmt"
	"path/filepath"
	"sync"

	"corefix/model"
	"corefix/model/store"
)

// Detect finds the spans of a document nobody annotated yet. orig is the
// text before substitution when the record has one (exact mode), else nil.
type Detect func(doc, orig *model.Document) ([]model.Finding, error)

// Dataset is a JSON Lines dataset under review in a store: the documents
// ] and [ step through, the Target their annotations are saved to, and
// where the annotator stopped. Its methods run in Cmds, never in Update.
type Dataset struct {
	store     *store.Store
	annotator string
	detect    Detect
	count     int

	mu sync.Mutex
	// posSeq numbers the newest position written: position Cmds run
	// concurrently, and a late one must not overwrite a newer position.
	posSeq int
}

// NewDataset reviews the dataset of s as annotator, detecting with detect
// in the documents they have not started.
func NewDataset(s *store.Store, annotator string, detect Detect) (*Dataset, error) {
	n, err := s.Count()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path(), err)
	}
	if n == 0 {
		return nil, fmt.Errorf("%s has no documents to review", s.Dataset())
	}
	return &Dataset{store: s, annotator: annotator, detect: detect, count: n}, nil
}

// Len is the number of documents.
func (d *Dataset) Len() int { return d.count }

// document is one document of the dataset, loaded for the editor.
type document struct {
	index   int
	a       *model.Annotation
	resumed bool
	// stored is the status of the saved annotation when the document was
	// loaded ("" when none), and progress the annotator's progress then:
	// with them the header counts the documents done without a query
	// after every decision (see docsDone).
	stored   store.DocStatus
	progress store.Progress
}

// load reads document i and resumes or starts its annotation.
func (d *Dataset) load(i int) (*document, error) {
	rec, err := d.store.Record(i)
	if err != nil {
		return nil, err
	}
	var orig *model.Document
	if rec.Original != nil {
		orig = model.NewDocument(rec.ID, d.store.Dataset(), *rec.Original)
	}
	a, resumed, err := d.store.LoadOrStart(rec, d.annotator,
		func() ([]model.Finding, error) { return d.detect(rec.Document(d.store.Dataset()), orig) }, model.OriginFor(orig))
	if err != nil {
		return nil, err
	}
	if !resumed && orig != nil { // the record's "original" field
		a.Original = &model.OriginalRef{Path: d.store.Dataset(), SHA256: orig.SHA256()}
	}
	p, err := d.store.Progress(d.annotator)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", d.store.Path(), err)
	}
	dc := &document{index: i, a: a, resumed: resumed, progress: p}
	if resumed {
		dc.stored = store.StatusOf(a)
	}
	return dc, nil
}

// resume loads the document where the annotator stopped and returns it
// with that position, or the first document and nil when they never
// started.
func (d *Dataset) resume() (*document, *store.Position, error) {
	pos, ok, err := d.store.LastPosition(d.annotator)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", d.store.Path(), err)
	}
	if !ok {
		doc, err := d.load(0)
		return doc, nil, err
	}
	doc, err := d.load(pos.Index)
	return doc, &pos, err
}

// setPosition records that the annotator is at span of document id,
// unless a newer position (a higher seq) was written already.
func (d *Dataset) setPosition(seq int, id string, span int) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if seq <= d.posSeq {
		return nil
	}
	d.posSeq = seq
	return d.store.SetPosition(d.annotator, store.Position{DocID: id, Span: span})
}

// Name is the review database, where the work goes.
func (d *Dataset) Name() string { return d.store.Path() }

// Save stores a in the database, in one transaction.
func (d *Dataset) Save(a *model.Annotation) error { return d.store.SaveAnnotation(a) }

// ForceSave is Save: the database has no outside changes to overwrite
// (each save is a transaction of its own).
func (d *Dataset) ForceSave(a *model.Annotation) error { return d.Save(a) }

// ReadOnly is false: several editors may share a database.
func (d *Dataset) ReadOnly() bool { return false }

// RescuePath puts the annotation beside the database as an annotation
// file named after the document.
func (d *Dataset) RescuePath(a *model.Annotation) string {
	name := model.NewSafeNames().Name(a.Doc.ID)
	return filepath.Join(filepath.Dir(d.store.Path()), name+".corefix.json.rescue")
}
