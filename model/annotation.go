package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// OriginalRef names the original (pre-substitution) text an annotation was
// made against, in exact mode.
type OriginalRef struct {
	Path   string
	SHA256 string
}

// Annotation is the review state of one document: its spans with decisions,
// and an undo/redo history of every change. It is UI-agnostic; the editor,
// the CLI and the exporters all drive it through these methods.
type Annotation struct {
	Doc       *Document
	Original  *OriginalRef
	Annotator string
	Created   time.Time
	Updated   time.Time
	// Draft is a fix that was being typed when the editor stopped, nil
	// when there is none (see Draft).
	Draft *Draft
	// Place is where the editor left the document, nil when unknown. It
	// is saved with the annotation but is no decision: changing it touches
	// neither Updated nor the history.
	Place *Place

	spans spanSeq
	// counts is the number of spans per status (indexed as Statuses),
	// kept up to date by swap so a key never counts the whole article.
	counts [4]int
	// manual is the highest number of a manual span id (m001…) this
	// annotation ever had, so ids are never reused, even after an undo.
	manual int
	undo   []change
	redo   []change
	watch  func(at int, before, after *Span)
	// heard is the span AddFound shows the watcher: a span of its own
	// for each, its address taken, was made on the heap (208 bytes, 60
	// MB of garbage as a 20 MB article's regions arrive in the editor).
	heard Span
	// line and changes are what a journal needs (see Workfile): line is
	// the identity of this state's lineage, shared with its snapshots and
	// new whenever the spans are set wholesale; changes are the span
	// changes made since then, in order. A snapshot shares the slice up
	// to its length, which the annotation only appends after.
	line    *lineage
	changes []logged
	// found holds the messages and proposal lists of the findings
	// arriving (AddFound), until AllFound.
	found *foundTables
	// Now is the clock used for timestamps; tests replace it.
	Now func() time.Time
}

// change is one reversible edit of the span list: at index At, Before is
// replaced by After (nil Before = insertion, nil After = deletion).
type change struct {
	At            int
	Before, After *Span
	Updated       time.Time // the annotation's Updated before the change
}

// lineage identifies an annotation and its snapshots since their spans
// were last set wholesale (loaded, found, filtered).
type lineage struct{ _ byte }

// logged is one change to the spans, as a journal records it: at index
// At, From became To (nil From: inserted, nil To: removed), and the
// annotation's Updated became Updated.
type logged struct {
	At       int
	From, To *Span
	Updated  time.Time
}

// Errors returned by Annotation methods.
var (
	ErrOverlap   = errors.New("span overlaps an existing span")
	ErrRange     = errors.New("span is empty or outside the text")
	ErrNoSpan    = errors.New("no such span")
	ErrProposal  = errors.New("no such proposal")
	ErrNothing   = errors.New("nothing to undo")
	ErrNoRedo    = errors.New("nothing to redo")
	ErrNotManual = errors.New("only manual spans can be removed")
)

// NewAnnotation starts an annotation of doc with the given findings as
// pending spans of the given origin. Findings must not overlap; overlapping
// ones are an error (detectors merge per region before this).
func NewAnnotation(doc *Document, findings []Finding, origin Origin) (*Annotation, error) {
	a := &Annotation{Doc: doc, Now: func() time.Time { return time.Now().UTC().Truncate(time.Second) }}
	a.Created = a.Now()
	a.Updated = a.Created
	if err := a.SetFindings(findings, origin); err != nil {
		return nil, err
	}
	return a, nil
}

// SetFindings gives an annotation that has no spans yet (one made while
// its findings were still being detected) the findings as pending spans
// of the given origin; as NewAnnotation otherwise. It is no decision: the
// history stays as it is.
func (a *Annotation) SetFindings(findings []Finding, origin Origin) error {
	if a.spans.Len() > 0 {
		return errors.New("the annotation has its spans already")
	}
	fs := append([]Finding(nil), findings...)
	SortFindings(fs)
	spans := make([]Span, len(fs))
	for i, f := range fs {
		if err := f.Validate(len(a.Doc.Text)); err != nil {
			return fmt.Errorf("finding %s: %w", f.ID, err)
		}
		if i > 0 && fs[i-1].End > f.Start {
			return fmt.Errorf("finding %s: %w (%s)", f.ID, ErrOverlap, fs[i-1].ID)
		}
		spans[i] = Span{Finding: f, Origin: origin, Status: Pending}
	}
	a.setSpans(newSpanSeq(spans))
	return nil
}

// setSpans makes q (its spans sorted, disjoint, checked) the
// annotation's spans, counting them.
func (a *Annotation) setSpans(q spanSeq) {
	a.spans = q
	a.line, a.changes = &lineage{}, nil
	a.counts = [4]int{}
	for _, b := range q.blocks {
		for j := range b.spans {
			s := &b.spans[j]
			a.counts[statusIndex(nameAt(Statuses, s.status))]++
			if s.idKind != idFound { // no manual ID: made for nothing
				a.manual = max(a.manual, manualNumber(s.ID()))
			}
		}
	}
}

// Len is the number of spans.
func (a *Annotation) Len() int { return a.spans.Len() }

// Span returns span i (a copy: change it through the methods).
func (a *Annotation) Span(i int) Span { return a.spans.at(i).span() }

// Spans returns a copy of all spans in text order. It costs the whole
// article: an editor reads spans one at a time (Span, Search).
func (a *Annotation) Spans() []Span { return a.spans.slice() }

// Search returns the first index whose span satisfies f, Len when none
// does; f must be false and then true along the spans (sort.Search).
func (a *Annotation) Search(f func(s *Span) bool) int {
	var s Span // one for all the spans f sees: one each escaped to the heap
	return a.spans.search(func(p *storedSpan) bool {
		s = p.span()
		return f(&s)
	})
}

// Counts returns the number of spans per status.
func (a *Annotation) Counts() map[Status]int {
	c := make(map[Status]int, len(Statuses))
	for k, s := range Statuses {
		c[s] = a.counts[k]
	}
	return c
}

// Pending is the number of spans still pending.
func (a *Annotation) Pending() int { return a.counts[statusIndex(Pending)] }

// statusIndex is s's index in Statuses.
func statusIndex(s Status) int {
	switch s {
	case Accepted:
		return 1
	case Edited:
		return 2
	case Rejected:
		return 3
	}
	return 0
}

// Accept takes proposal n (0-based) of span i.
func (a *Annotation) Accept(i, n int) error {
	if err := a.check(i); err != nil {
		return err
	}
	s := a.Span(i)
	if n < 0 || n >= len(s.Proposals) {
		return fmt.Errorf("span %s: %w %d", s.ID, ErrProposal, n+1)
	}
	return a.decide(i, Accepted, s.Proposals[n].Text)
}

// Edit sets a typed replacement for span i.
func (a *Annotation) Edit(i int, replacement string) error {
	if err := a.check(i); err != nil {
		return err
	}
	return a.decide(i, Edited, replacement)
}

// Reject marks span i as not broken.
func (a *Annotation) Reject(i int) error {
	if err := a.check(i); err != nil {
		return err
	}
	return a.decide(i, Rejected, "")
}

// Reset returns span i to pending.
func (a *Annotation) Reset(i int) error {
	if err := a.check(i); err != nil {
		return err
	}
	return a.decide(i, Pending, "")
}

// SetNote sets the free-text note of span i.
func (a *Annotation) SetNote(i int, note string) error {
	if err := a.check(i); err != nil {
		return err
	}
	s := a.Span(i)
	s.Note = note
	s.Updated = a.Now()
	a.apply(change{At: i, Before: ptr(a.Span(i)), After: &s})
	return nil
}

// AddManual adds a span the detector missed over [start,end) (bytes) and
// returns its index. It refuses empty, out-of-range and overlapping spans.
func (a *Annotation) AddManual(start, end int, cat Category) (int, error) {
	if start < 0 || end > len(a.Doc.Text) || start >= end {
		return 0, ErrRange
	}
	if !cat.Valid() {
		return 0, fmt.Errorf("unknown category %q", cat)
	}
	i := a.spans.search(func(s *storedSpan) bool { return int(s.start) >= start })
	if (i > 0 && int(a.spans.at(i-1).end) > start) || (i < a.spans.Len() && int(a.spans.at(i).start) < end) {
		return 0, ErrOverlap
	}
	a.manual++
	s := Span{
		Finding: Finding{ID: manualID(a.manual), Start: start, End: end, Category: cat,
			Rule: "manual", Confidence: 1, Message: "marked by the editor"},
		Origin: FromManual, Status: Pending, Updated: a.Now(),
	}
	a.apply(change{At: i, After: &s})
	return i, nil
}

// Remove deletes manual span i (detector spans are rejected, not removed).
func (a *Annotation) Remove(i int) error {
	if err := a.check(i); err != nil {
		return err
	}
	if a.Span(i).Origin != FromManual {
		return ErrNotManual
	}
	a.apply(change{At: i, Before: ptr(a.Span(i))})
	return nil
}

// Undo reverts the last change and returns the index of the span it
// touched, so an editor can move its focus there.
func (a *Annotation) Undo() (int, error) {
	if len(a.undo) == 0 {
		return 0, ErrNothing
	}
	c := a.undo[len(a.undo)-1]
	a.undo = a.undo[:len(a.undo)-1]
	a.redo = append(a.redo, c)
	a.swap(c.At, c.After, c.Before)
	a.Updated = c.Updated
	a.log(c.At, c.After, c.Before)
	return c.At, nil
}

// Redo re-applies the last undone change and returns the span index.
func (a *Annotation) Redo() (int, error) {
	if len(a.redo) == 0 {
		return 0, ErrNoRedo
	}
	c := a.redo[len(a.redo)-1]
	a.redo = a.redo[:len(a.redo)-1]
	a.undo = append(a.undo, c)
	a.swap(c.At, c.Before, c.After)
	a.Updated = a.Now()
	a.log(c.At, c.Before, c.After)
	return c.At, nil
}

// CanUndo and CanRedo tell whether history is available.
func (a *Annotation) CanUndo() bool { return len(a.undo) > 0 }

// CanRedo reports whether an undone change can be re-applied.
func (a *Annotation) CanRedo() bool { return len(a.redo) > 0 }

// CorrectedText is the text with every accepted or edited span replaced.
func (a *Annotation) CorrectedText() string {
	var b strings.Builder
	b.Grow(len(a.Doc.Text))
	last := 0
	for _, s := range a.spans.all() {
		if !s.Status.Changes() {
			continue
		}
		b.WriteString(a.Doc.Text[last:s.Start])
		b.WriteString(s.Replacement)
		last = s.End
	}
	b.WriteString(a.Doc.Text[last:])
	return b.String()
}

// Find returns the index of the span containing byte offset off, or -1.
func (a *Annotation) Find(off int) int {
	i := a.spans.search(func(s *storedSpan) bool { return int(s.end) > off })
	if i < a.spans.Len() && int(a.spans.at(i).start) <= off {
		return i
	}
	return -1
}

func (a *Annotation) check(i int) error {
	if i < 0 || i >= a.spans.Len() {
		return fmt.Errorf("%w %d", ErrNoSpan, i)
	}
	return nil
}

func (a *Annotation) decide(i int, st Status, repl string) error {
	s := a.Span(i)
	if s.Status == st && s.Replacement == repl {
		return nil // no-op decisions stay out of the history
	}
	s.Status, s.Replacement, s.Updated = st, repl, a.Now()
	if st == Pending {
		s.Updated = time.Time{}
	}
	a.apply(change{At: i, Before: ptr(a.Span(i)), After: &s})
	return nil
}

// apply records c as a new change (clearing redo) and performs it.
func (a *Annotation) apply(c change) {
	c.Updated = a.Updated
	a.undo = append(a.undo, c)
	a.redo = a.redo[:0]
	a.swap(c.At, c.Before, c.After)
	a.Updated = a.Now()
	a.log(c.At, c.Before, c.After)
}

// log records a change made by swap, once Updated is set, for a journal.
func (a *Annotation) log(at int, from, to *Span) {
	a.changes = append(a.changes, logged{At: at, From: from, To: to, Updated: a.Updated})
}

// swap replaces from with to at index at (insert when from is nil, delete
// when to is nil).
func (a *Annotation) swap(at int, from, to *Span) {
	switch {
	case from == nil:
		a.spans.insert(at, *to)
	case to == nil:
		a.spans.remove(at)
	default:
		a.spans.set(at, *to)
	}
	if from != nil {
		a.counts[statusIndex(from.Status)]--
	}
	if to != nil {
		a.counts[statusIndex(to.Status)]++
	}
	if a.watch != nil {
		a.watch(at, from, to)
	}
}

// Watch makes f hear of every change to a span from now on (a decision,
// a note, a mark, an undo or redo): span at was before and is now after,
// before nil for an inserted span, after nil for a removed one. An editor
// keeps its views up to date from these, without reading every span.
// One watcher at a time; nil stops. SetFindings is not a change (there
// were no spans). The spans f is given are valid during the call: one
// to keep is copied.
func (a *Annotation) Watch(f func(at int, before, after *Span)) { a.watch = f }

// manualID is the ID of the n-th manual span: m001….
func manualID(n int) string { return numberedID('m', n, 3) }

// manualNumber is the number of a manual span id (12 for "m012"), 0
// for any other id.
func manualNumber(id string) int {
	if len(id) < 2 || id[0] != 'm' {
		return 0
	}
	n, err := strconv.Atoi(id[1:])
	if err != nil || n < 0 {
		return 0
	}
	return n
}

func ptr(s Span) *Span { return &s }
