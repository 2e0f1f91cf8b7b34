package store

import (
	"fmt"

	"corefix/model"
)

// Detect finds the spans of a document nobody annotated yet. orig is the
// text before substitution when the record has one (exact mode), else nil.
type Detect func(doc, orig *model.Document) ([]model.Finding, error)

// Review is one annotator's review of the dataset in a store, document by
// document: what the review editor reads and writes (it is the editor's
// ui.Documents), with the annotator and the detectors bound once so the
// editor deals in documents and spans only.
type Review struct {
	s         *Store
	annotator string
	detect    Detect
	count     int
}

// NewReview reviews the dataset of s as annotator, detecting with detect
// in the documents they have not started.
func NewReview(s *Store, annotator string, detect Detect) (*Review, error) {
	n, err := s.Count()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path(), err)
	}
	if n == 0 {
		return nil, fmt.Errorf("%s has no documents to review", s.Dataset())
	}
	return &Review{s: s, annotator: annotator, detect: detect, count: n}, nil
}

// Name is the review database, where the work goes.
func (r *Review) Name() string { return r.s.Path() }

// Len is the number of documents, counted when the review was opened.
func (r *Review) Len() int { return r.count }

// Load reads document i and the annotator's annotation of it; resumed
// says it was saved before. A document they never saved is detected now,
// and a record's "original" field makes the spans alignment findings.
func (r *Review) Load(i int) (a *model.Annotation, resumed bool, err error) {
	rec, err := r.s.Record(i)
	if err != nil {
		return nil, false, err
	}
	var orig *model.Document
	if rec.Original != nil {
		orig = model.NewDocument(rec.ID, r.s.Dataset(), *rec.Original)
	}
	a, resumed, err = r.s.LoadOrStart(rec, r.annotator,
		func() ([]model.Finding, error) { return r.detect(rec.Document(r.s.Dataset()), orig) }, model.OriginFor(orig))
	if err != nil {
		return nil, false, err
	}
	if !resumed && orig != nil {
		a.Original = &model.OriginalRef{Path: r.s.Dataset(), SHA256: orig.SHA256()}
	}
	return a, resumed, nil
}

// Done counts the annotator's documents done (no span pending), as saved.
func (r *Review) Done() (int, error) {
	p, err := r.s.Progress(r.annotator)
	return p.Done, err
}

// Save stores a in the database, in one transaction.
func (r *Review) Save(a *model.Annotation) error { return r.s.SaveAnnotation(a) }

// Position returns where the annotator stopped: the document's index and
// their place in it. ok is false when they never started, or their
// document is no longer in the dataset.
func (r *Review) Position() (doc int, place model.Place, ok bool, err error) {
	p, ok, err := r.s.LastPosition(r.annotator)
	return p.Index, model.Place{Focus: p.Span, Filter: p.Filter, Order: p.Order, Top: p.Top}, ok, err
}

// SetPosition records that the annotator is at place in document id.
func (r *Review) SetPosition(id string, place model.Place) error {
	return r.s.SetPosition(r.annotator, Position{DocID: id, Span: place.Focus, Filter: place.Filter, Order: place.Order, Top: place.Top})
}
