package store

import (
	"fmt"
	"sync"

	"corefix/model"
)

// Detect finds the spans of a document nobody annotated yet. orig is the
// text before substitution when the record has one (exact mode), else nil.
type Detect func(doc, orig *model.Document) ([]model.Finding, error)

// Review is one annotator's review of the dataset in a store, document by
// document: what the review editor reads and writes (it is the editor's
// ui.Documents), with the annotator and the detectors bound once so the
// editor deals in documents and spans only.
//
// No decision is lost to a second editor: a Review holds a lock per
// database and annotator, so a second one as the same annotator is
// refused (ReadOnlyReview looks without it), and a save first checks that
// the row is still the one this Review loaded or saved (see saveIf), so
// even a writer that ignores the lock is noticed instead of overwritten.
type Review struct {
	s         *Store
	annotator string
	detect    Detect
	count     int
	lock      *model.Lock // nil when read-only

	mu sync.Mutex
	// base is, per document id, the version of the annotator's row this
	// Review last read or wrote: the SHA-256 of its bytes, "" for none.
	base map[string]string
}

// NewReview reviews the dataset of s as annotator, detecting with detect
// in the documents they have not started. It locks the annotator's review
// in this database: while another process holds it, the error is a
// *model.LockedError naming the holder. Close releases it.
func NewReview(s *Store, annotator string, detect Detect) (*Review, error) {
	r, err := newReview(s, annotator, detect)
	if err != nil {
		return nil, err
	}
	if r.lock, err = model.TakeLock(LockPath(s.Path(), annotator), s.Path()+" (as "+annotator+")", annotator); err != nil {
		return nil, err
	}
	return r, nil
}

// ReadOnlyReview is a Review that only looks, without the lock: Save
// refuses and SetPosition leaves the annotator's position alone.
func ReadOnlyReview(s *Store, annotator string, detect Detect) (*Review, error) {
	return newReview(s, annotator, detect)
}

func newReview(s *Store, annotator string, detect Detect) (*Review, error) {
	n, err := s.Count()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Path(), err)
	}
	if n == 0 {
		return nil, fmt.Errorf("%s has no documents to review", s.Dataset())
	}
	return &Review{s: s, annotator: annotator, detect: detect, count: n, base: make(map[string]string)}, nil
}

// LockPath is the lock file of annotator's review in the database at db:
// beside it, named after both (the name made safe as export names are).
func LockPath(db, annotator string) string {
	return model.LockPath(db + "." + model.NewSafeNames().Name(annotator))
}

// Close releases the lock.
func (r *Review) Close() error {
	if r.lock == nil {
		return nil
	}
	return r.lock.Unlock()
}

// ReadOnly reports that the review was opened only to look.
func (r *Review) ReadOnly() bool { return r.lock == nil }

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
	a, version, err := r.s.loadVersion(rec.ID, r.annotator)
	if err != nil {
		return nil, false, err
	}
	r.setBase(rec.ID, version)
	if a != nil {
		return a, true, nil
	}
	fs, err := r.detect(rec.Document(r.s.Dataset()), orig)
	if err != nil {
		// Both texts are named by the dataset (exact mode's refusal of
		// a line whose "original" is another article): say which line.
		return nil, false, fmt.Errorf("document %q: %w", rec.ID, err)
	}
	if a, err = r.s.start(rec, r.annotator, fs, model.OriginFor(orig)); err != nil {
		return nil, false, err
	}
	if orig != nil {
		a.Original = &model.OriginalRef{Path: r.s.Dataset(), SHA256: orig.SHA256()}
	}
	return a, false, nil
}

func (r *Review) setBase(id, version string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.base[id] = version
}

// Done counts the annotator's documents done (no span pending), as saved.
func (r *Review) Done() (int, error) {
	p, err := r.s.Progress(r.annotator)
	return p.Done, err
}

// Save stores a in the database, in one transaction, unless the
// annotator's row of the document changed since this Review loaded or
// saved it: that error wraps model.ErrChangedOnDisk.
func (r *Review) Save(a *model.Annotation) error { return r.save(a, false) }

// ForceSave stores a even over such a change, once the user said so.
func (r *Review) ForceSave(a *model.Annotation) error { return r.save(a, true) }

func (r *Review) save(a *model.Annotation, force bool) error {
	if r.ReadOnly() {
		return fmt.Errorf("%s: opened read-only, nothing is saved", r.s.Path())
	}
	// Saves of one document come one at a time (the editor waits for
	// each), so holding the lock across the write is not needed; holding
	// it keeps base consistent if they ever do not.
	r.mu.Lock()
	defer r.mu.Unlock()
	base, known := r.base[a.Doc.ID]
	var want *string
	if known && !force {
		want = &base
	}
	version, err := r.s.saveIf(a, want)
	if err != nil {
		return err
	}
	r.base[a.Doc.ID] = version
	return nil
}

// Position returns where the annotator stopped: the document's index and
// their place in it. ok is false when they never started, or their
// document is no longer in the dataset.
func (r *Review) Position() (doc int, place model.Place, ok bool, err error) {
	p, ok, err := r.s.LastPosition(r.annotator)
	return p.Index, model.Place{Focus: p.Span, Filter: p.Filter, Order: p.Order, Top: p.Top}, ok, err
}

// SetPosition records that the annotator is at place in document id; a
// read-only review records nothing, leaving the holder's place as it is.
func (r *Review) SetPosition(id string, place model.Place) error {
	if r.ReadOnly() {
		return nil
	}
	return r.s.SetPosition(r.annotator, Position{DocID: id, Span: place.Focus, Filter: place.Filter, Order: place.Order, Top: place.Top})
}
