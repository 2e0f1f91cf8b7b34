package model

import (
	"errors"
	"fmt"
	"slices"
)

// Findings that arrive while the annotation is reviewed: an editor shows
// a large article at once and gives it its findings region by region as
// they are found (AddFound), the region on screen first; decisions on the
// findings already there go on meanwhile. When the last region's are in,
// AllFound numbers them as a detection of the whole text would have.

// AddFound gives the annotation more findings of its text, as pending
// spans of the given origin among the spans it has: findings detected
// after it started (see SetFindings). They must not overlap each other
// or its spans. Like SetFindings it is no decision, so the history does
// not hold it; the changes the history holds move with the spans they
// are about. A watcher (Watch) hears of each span inserted.
func (a *Annotation) AddFound(findings []Finding, origin Origin) error {
	fs := append([]Finding(nil), findings...)
	SortFindings(fs)
	for i, f := range fs {
		if err := f.Validate(len(a.Doc.Text)); err != nil {
			return fmt.Errorf("finding %s: %w", f.ID, err)
		}
		if i > 0 && fs[i-1].End > f.Start {
			return fmt.Errorf("finding %s: %w (%s)", f.ID, ErrOverlap, fs[i-1].ID)
		}
		at := a.spans.search(func(s *storedSpan) bool { return int(s.start) >= f.Start })
		if at > 0 && int(a.spans.at(at-1).end) > f.Start || at < a.spans.Len() && int(a.spans.at(at).start) < f.End {
			return fmt.Errorf("finding %s: %w", f.ID, ErrOverlap)
		}
	}
	if a.found == nil {
		a.found = &foundTables{messages: map[string]string{}, lists: map[string][]Proposal{}}
	}
	for _, f := range fs {
		a.found.share(&f)
		at := a.spans.search(func(s *storedSpan) bool { return int(s.start) >= f.Start })
		s := Span{Finding: f, Origin: origin, Status: Pending}
		a.spans.insert(at, s)
		a.counts[statusIndex(Pending)]++
		shiftChanges(a.undo, at)
		shiftChanges(a.redo, at)
		if a.watch != nil {
			a.heard = s
			a.watch(at, nil, &a.heard)
		}
	}
	return nil
}

// foundTables hold one copy of each message and proposal list among the
// findings arriving (AddFound), which their spans share, as a reopened
// annotation's spans share its file's tables: a detector makes each
// finding's own, and at 20 MB 339,432 findings had 22 messages and 792
// lists between them, some 15 MB held twice over, while the detection's
// pass was still live beside them.
type foundTables struct {
	messages map[string]string
	lists    map[string][]Proposal
	key      []byte // proposalsKey of the finding at hand
}

// share points f's message and proposals at the copies already held,
// or holds f's.
func (t *foundTables) share(f *Finding) {
	if m, ok := t.messages[f.Message]; ok {
		f.Message = m
	} else {
		t.messages[f.Message] = f.Message
	}
	t.key = appendProposalsKey(t.key[:0], f.Proposals)
	if ps, ok := t.lists[string(t.key)]; ok {
		f.Proposals = ps
	} else {
		// Clipped: an append to one span's proposals must not write
		// into the others'.
		f.Proposals = slices.Clip(f.Proposals)
		t.lists[string(t.key)] = f.Proposals
	}
}

// shiftChanges moves the changes at or after index at one span on: a
// span was inserted there.
func shiftChanges(cs []change, at int) {
	for k := range cs {
		if cs[k].At >= at {
			cs[k].At++
		}
	}
}

// AllFound ends the findings' arrival (AddFound): it numbers the spans
// f0001… in text order, as a detection of the whole text numbers its
// findings, in the history too, and starts a new lineage, so the next
// save writes the file whole. Only findings may be there: marks wait
// for the last region. The spans are renumbered where they are (a block
// a snapshot shares is copied first): copying them whole, and mapping
// every old ID to its new one, took a 20 MB article's heap from 133 to
// 221 MB (gctrace) just as the antecedent panel's analysis started.
func (a *Annotation) AllFound() error {
	for _, s := range a.spans.all() {
		if s.Origin == FromManual {
			return errors.New("a mark among the findings still arriving")
		}
	}
	// The history names its spans by ID: only its IDs need their new
	// one, "" until the span is met.
	ids := map[string]string{}
	for _, cs := range [][]change{a.undo, a.redo} {
		for _, c := range cs {
			for _, s := range []*Span{c.Before, c.After} {
				if s != nil {
					ids[s.ID] = ""
				}
			}
		}
	}
	for k := range a.spans.blocks {
		b := a.spans.own(k)
		for j := range b.spans {
			s := &b.spans[j]
			n := a.spans.first[k] + j + 1
			if len(ids) > 0 { // a stored ID is made to be looked up: only when there are any
				old := s.ID()
				if _, ok := ids[old]; ok {
					ids[old] = foundID(n)
				}
			}
			s.setFoundID(n)
		}
	}
	for _, cs := range [][]change{a.undo, a.redo} {
		for k := range cs {
			cs[k].Before, cs[k].After = renamed(cs[k].Before, ids), renamed(cs[k].After, ids)
		}
	}
	a.line, a.changes, a.found = &lineage{}, nil, nil
	return nil
}

// renamed is a copy of s with the ID ids gives it (none: a span no
// longer there keeps its own), nil for nil.
func renamed(s *Span, ids map[string]string) *Span {
	if s == nil {
		return nil
	}
	c := *s
	if id := ids[c.ID]; id != "" {
		c.ID = id
	}
	return &c
}
