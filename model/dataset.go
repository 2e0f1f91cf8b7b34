package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Record is one article of a JSON Lines dataset.
type Record struct {
	ID       string
	Text     string
	Original *string // text before substitution, when the line has one
	// HasClusters says the line has "clusters" (ClusterDoc reads them).
	HasClusters bool
	Line        int    // 1-based line number in the dataset
	Offset      int64  // byte offset of the line in the dataset
	Raw         []byte // the line as read (without its newline), for exports
}

// RecordError is a bad line in a dataset; Line says which.
type RecordError struct {
	Line int
	Err  error
}

// Error reads "LINE: problem", to follow the dataset's name as in
// "data.jsonl:3: invalid JSON at column 7: …".
func (e *RecordError) Error() string { return fmt.Sprintf("%d: %v", e.Line, e.Err) }
func (e *RecordError) Unwrap() error { return e.Err }

// DatasetReader streams a JSON Lines dataset one record at a time, so
// memory stays flat however large the file is.
type DatasetReader struct {
	r      *bufio.Reader
	line   int
	offset int64
	seen   map[string]int // id → line, to refuse duplicates
}

// bom is the UTF-8 byte-order mark some editors (Notepad, Excel) put at
// the start of a file.
var bom = []byte("\ufeff")

// NewDatasetReader reads records from r, a whole dataset. A byte-order
// mark at its start is skipped.
func NewDatasetReader(r io.Reader) *DatasetReader { return NewDatasetReaderAt(r, 0) }

// NewDatasetReaderAt reads records from r, the part of a dataset that
// starts at byte off (a line start), so parts can be read in parallel:
// offsets count from the dataset's start, and a byte-order mark is
// skipped only at offset 0, where the file starts.
func NewDatasetReaderAt(r io.Reader, off int64) *DatasetReader {
	return &DatasetReader{r: bufio.NewReaderSize(r, 1<<20), offset: off, seen: make(map[string]int)}
}

// Next returns the next record, io.EOF at the end, or a *RecordError for a
// bad line (the reader can go on after one). Blank lines are skipped.
func (d *DatasetReader) Next() (*Record, error) {
	line, err := d.NextLine()
	if err != nil {
		return nil, err
	}
	rec, err := line.Parse()
	if err == nil {
		err = d.Claim(rec)
	}
	if err != nil {
		return nil, err
	}
	return rec, nil
}

// Line is one non-blank line of a dataset, not parsed yet: Next in three
// steps, so lines can be parsed (and worked on) in parallel and their ids
// claimed in order, as Next would.
type Line struct {
	Raw    []byte // the JSON, without its newline; owned by the Line
	Line   int    // 1-based line number in the dataset
	Offset int64  // byte offset of Raw in the dataset
}

// NextLine returns the next non-blank line, io.EOF at the end.
func (d *DatasetReader) NextLine() (Line, error) {
	for {
		raw, err := d.r.ReadBytes('\n')
		if len(raw) == 0 && err != nil {
			if errors.Is(err, io.EOF) {
				return Line{}, io.EOF
			}
			return Line{}, err
		}
		d.line++
		off := d.offset
		d.offset += int64(len(raw))
		if off == 0 && bytes.HasPrefix(raw, bom) {
			raw, off = raw[len(bom):], int64(len(bom)) // Offset and Raw: the JSON itself
		}
		raw = bytes.TrimRight(raw, "\r\n")
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		return Line{Raw: raw, Line: d.line, Offset: off}, nil
	}
}

// Parse decodes the line into a record, or a *RecordError naming it.
func (l Line) Parse() (*Record, error) {
	rec, err := ParseRecord(l.Raw)
	if err != nil {
		return nil, &RecordError{Line: l.Line, Err: err}
	}
	rec.Line, rec.Offset = l.Line, l.Offset
	return rec, nil
}

// Claim records rec's id as read, or returns a *RecordError when an
// earlier line has it. Lines must be claimed in dataset order; Claim
// touches only the ids seen, so one goroutine may claim while another
// reads lines.
func (d *DatasetReader) Claim(rec *Record) error {
	if prev, dup := d.seen[rec.ID]; dup {
		return &RecordError{Line: rec.Line, Err: fmt.Errorf("duplicate id %q (first on line %d)", rec.ID, prev)}
	}
	d.seen[rec.ID] = rec.Line
	return nil
}

// ParseRecord decodes one dataset line.
func ParseRecord(raw []byte) (*Record, error) {
	if !utf8.Valid(raw) {
		return nil, errors.New("not valid UTF-8")
	}
	if bytes.HasPrefix(raw, bom) {
		// json's own message would be "invalid character 'ï'".
		return nil, errors.New("starts with a byte-order mark (U+FEFF), which only the first line of a dataset may have")
	}
	var v struct {
		ID       *string         `json:"id"`
		Text     *string         `json:"text"`
		Original *string         `json:"original"`
		Clusters json.RawMessage `json:"clusters"`
	}
	if p, ok := parsePlain(raw); ok {
		v.ID, v.Text, v.Original = p.id, p.text, p.original
	} else if err := json.Unmarshal(raw, &v); err != nil {
		return nil, jsonError(raw, err)
	}
	switch {
	case v.ID == nil || *v.ID == "":
		return nil, errors.New(`no "id" (a non-empty string)`)
	case v.Text == nil:
		return nil, fmt.Errorf(`record %q has no "text"`, *v.ID)
	case strings.IndexByte(*v.Text, 0) >= 0:
		return nil, fmt.Errorf("record %q: text contains NUL bytes", *v.ID)
	}
	return &Record{ID: *v.ID, Text: *v.Text, Original: v.Original, HasClusters: v.Clusters != nil, Raw: raw}, nil
}

// Document returns the record's text as a Document (path: the dataset).
func (r *Record) Document(dataset string) *Document {
	return NewDocument(r.ID, dataset, r.Text)
}

// ClusterDoc reads the line's coreference clusters, in a JSON cluster
// format (docs/formats.md, "Clusters"): word indices when the line gives
// its words ("tokens", "document" or "sentences"), else code point
// offsets. They count the original when the line has one, else the text.
// nil when the line has no "clusters".
func (r *Record) ClusterDoc() (*ClusterDoc, error) {
	if !r.HasClusters {
		return nil, nil
	}
	text := &r.Text
	if r.Original != nil {
		text = r.Original
	}
	doc, err := decodeCorefJSON(r.Raw, text, ClustersTokens)
	if err != nil {
		return nil, fmt.Errorf("record %q: %w", r.ID, err)
	}
	doc.ID, doc.Line = r.ID, r.Line
	return doc, nil
}
