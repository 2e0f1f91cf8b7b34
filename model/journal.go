package model

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"
)

// JournalSchema names the journal of an annotation file (docs/formats.md).
const JournalSchema = "corefix.journal/v1"

// JournalPath is the journal kept beside the annotation file at path: the
// decisions saved since the file was last written whole.
func JournalPath(path string) string { return path + ".journal" }

// journalHead is a journal's first line: which annotation file it goes
// on, by generation and by the SHA-256 of the file's bytes, so it is
// never replayed over another file.
type journalHead struct {
	Schema     string `json:"schema"`
	Generation int    `json:"generation"`
	Base       string `json:"base"`
}

// journalEntry is one line of a journal after the head: a span set,
// inserted or removed at index at (with the annotation's updated time
// after it), or where the editor stopped, or a draft.
type journalEntry struct {
	Op      string     `json:"op"`
	At      int        `json:"at"`
	ID      string     `json:"id,omitempty"` // remove: the span removed
	Span    *fileSpan  `json:"span,omitempty"`
	Updated *time.Time `json:"updated,omitempty"`
	Resume  *filePlace `json:"resume,omitempty"`
	Draft   *fileDraft `json:"draft,omitempty"`
}

// Journal operations.
const (
	opSet, opInsert, opRemove, opResume, opDraft = "set", "insert", "remove", "resume", "draft"
)

// journalState is what loading a file and its journal found: the file's
// generation, the bytes of the journal's whole lines (a torn last line,
// never acknowledged, comes after), how many entries they hold, and
// whether the journal belongs to an older generation of the file (a fold
// that stopped before removing it): then it is ignored.
type journalState struct {
	gen     int
	valid   int64
	entries int
	stale   bool
}

// ReadAnnotationFile loads and validates the annotation file at path, v2
// or v1, with the journal beside it when there is one: what `review`,
// `apply`, `export`, `agree` and `stats` read. Errors name the file.
func ReadAnnotationFile(path string) (*Annotation, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	a, _, err := loadAnnotation(path, data, func() [32]byte { return sha256.Sum256(data) })
	return a, err
}

// loadAnnotation parses the annotation file at path, whose bytes are data
// (sum their SHA-256, computed only when a journal needs it), and replays
// its journal.
func loadAnnotation(path string, data []byte, sum func() [32]byte) (*Annotation, journalState, error) {
	a, gen, err := parseAnnotation(data)
	if err != nil {
		return nil, journalState{}, fmt.Errorf("%s: %w", path, err)
	}
	jpath := JournalPath(path)
	jdata, err := os.ReadFile(jpath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return a, journalState{gen: gen}, nil
	case err != nil:
		return nil, journalState{}, err
	}
	base := sum()
	st, err := a.replay(jdata, gen, hex.EncodeToString(base[:]))
	st.gen = gen
	if err != nil {
		return nil, st, fmt.Errorf("%s: %w", jpath, err)
	}
	return a, st, nil
}

// replay applies a journal's whole lines to a, the annotation file of
// generation gen whose bytes hash to base.
func (a *Annotation) replay(data []byte, gen int, base string) (journalState, error) {
	var st journalState
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return journalState{stale: true}, nil // the head itself torn: nothing was acknowledged
	}
	var head journalHead
	if err := json.Unmarshal(data[:nl], &head); err != nil {
		return st, fmt.Errorf("line 1: %w", jsonError(data[:nl], err))
	}
	switch {
	case head.Schema != JournalSchema:
		return st, fmt.Errorf("unknown schema %q (this corefix reads %s)", head.Schema, JournalSchema)
	case head.Generation < gen:
		return journalState{stale: true}, nil
	case head.Generation != gen || head.Base != base:
		return st, fmt.Errorf("goes on generation %d of the annotation file (sha256 %s), not on this one (generation %d, sha256 %s): the file was replaced; move the journal away to open it",
			head.Generation, short(head.Base), gen, short(base))
	}
	st.valid = int64(nl + 1)
	var resume *filePlace
	var draft *fileDraft
	touched := false
	for line := 2; ; line++ {
		rest := data[st.valid:]
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			break // a torn last line: its save never returned
		}
		var e journalEntry
		if err := json.Unmarshal(rest[:nl], &e); err != nil {
			return st, fmt.Errorf("line %d: %w", line, jsonError(rest[:nl], err))
		}
		switch e.Op {
		case opResume:
			resume, touched = e.Resume, true
		case opDraft:
			draft, touched = e.Draft, true
		default:
			if err := a.replayChange(e); err != nil {
				return st, fmt.Errorf("line %d: %w", line, err)
			}
		}
		st.valid += int64(nl + 1)
		st.entries++
	}
	if touched {
		a.Place = nil
		if err := a.decodePlace(resume); err != nil {
			return st, err
		}
		var err error
		if a.Draft, err = a.draftFromFile(draft); err != nil {
			return st, err
		}
	}
	return st, nil
}

// replayChange applies one span change of a journal, checking it fits:
// the span it replaces or removes has its id, one it inserts overlaps
// none.
func (a *Annotation) replayChange(e journalEntry) error {
	n := a.spans.Len()
	var s *Span
	if e.Op != opRemove {
		if e.Span == nil {
			return fmt.Errorf("%s without a span", e.Op)
		}
		sp, err := spanFromFile(a.Doc, *e.Span, true)
		if err != nil {
			return fmt.Errorf("span %s: %w", e.Span.ID, err)
		}
		s = &sp
	}
	switch e.Op {
	case opSet, opRemove:
		if e.At < 0 || e.At >= n {
			return fmt.Errorf("%s at %d: the annotation has %d spans", e.Op, e.At, n)
		}
		old := a.Span(e.At)
		id := e.ID
		if s != nil {
			id = s.ID
		}
		if old.ID != id {
			return fmt.Errorf("%s of span %s at %d, where span %s is", e.Op, id, e.At, old.ID)
		}
		a.swap(e.At, &old, s)
	case opInsert:
		if e.At < 0 || e.At > n {
			return fmt.Errorf("insert at %d: the annotation has %d spans", e.At, n)
		}
		if (e.At > 0 && int(a.spans.at(e.At-1).end) > s.Start) || (e.At < n && int(a.spans.at(e.At).start) < s.End) {
			return fmt.Errorf("span %s: %w", s.ID, ErrOverlap)
		}
		a.swap(e.At, nil, s)
		a.manual = max(a.manual, manualNumber(s.ID))
	default:
		return fmt.Errorf("unknown op %q", e.Op)
	}
	if e.Updated != nil {
		a.Updated = *e.Updated
	}
	return nil
}

// journalLines encodes a's changes from the first one not yet written,
// and its place and draft when they differ from those written (see
// Workfile), one entry a line.
func (a *Annotation) journalLines(from int, place *filePlace, draft *fileDraft) ([]byte, error) {
	var out []byte
	add := func(e journalEntry) error {
		b, err := encodeCompact(e)
		out = append(append(out, b...), '\n')
		return err
	}
	for _, c := range a.changes[from:] {
		e := journalEntry{Op: opSet, At: c.At, Updated: &c.Updated}
		switch {
		case c.To == nil:
			e.Op, e.ID = opRemove, c.From.ID
		case c.From == nil:
			e.Op = opInsert
		}
		if c.To != nil {
			fs := encodeSpan(a.Doc, c.To)
			e.Span = &fs
		}
		if err := add(e); err != nil {
			return nil, err
		}
	}
	if p := a.encodePlace(); !samePlace(p, place) {
		if err := add(journalEntry{Op: opResume, Resume: p}); err != nil {
			return nil, err
		}
	}
	if d := a.fileDraft(); !sameDraft(d, draft) {
		if err := add(journalEntry{Op: opDraft, Draft: d}); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// fileDraft is a's draft as files write it, nil for none.
func (a *Annotation) fileDraft() *fileDraft {
	if a.Draft == nil {
		return nil
	}
	return &fileDraft{Span: a.Draft.Span, Text: a.Draft.Text}
}

func samePlace(p, q *filePlace) bool { return p == q || p != nil && q != nil && *p == *q }

func sameDraft(p, q *fileDraft) bool { return p == q || p != nil && q != nil && *p == *q }
