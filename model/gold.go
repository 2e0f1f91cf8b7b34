package model

import (
	"bytes"
	"fmt"
)

// Range is a half-open byte range [Start, End) of a document's text.
type Range struct {
	Start, End int
}

// Overlaps reports whether r and o share a byte.
func (r Range) Overlaps(o Range) bool { return r.Start < o.End && o.Start < r.End }

// Gold is a gold file: an annotation file read as the right answer for
// scoring (docs/formats.md, "Gold files"). Its offsets are bytes of Doc,
// like every span in the program.
type Gold struct {
	Doc *Document
	// Spans are the broken spans (accepted or edited), in text order.
	Spans []GoldSpan
	// Neutral are substitutions that are correct: findings there count
	// neither way.
	Neutral []Range
	// Scope is the annotated part of the text; nil when it is all of it.
	Scope *Range
}

// GoldSpan is a broken span and, when known, the words that belong there.
type GoldSpan struct {
	Range
	Category    Category
	Replacement *string // nil where the right words are unknown
}

// goldFile is an annotation file with the two fields only gold files
// have.
type goldFile struct {
	annotationFile
	Scope   *fileRange  `json:"scope"`
	Neutral []fileRange `json:"neutral"`
}

// DecodeGold decodes a gold file against text, the document its offsets
// index, or against the file's own document text when text is nil
// (ErrNoText when it has none: the gold files of a corpus sit beside
// their texts). What the file gives is checked as in annotation files
// (schema, hash, ranges, texts, order, categories, statuses), but like
// findings files, gold files come from other tools too and need give no
// more than the shared scoring script reads: a span without a status is
// edited, one without a category is other, ids and texts may be missing,
// and an accepted or edited span may have no replacement (the right words
// are unknown). Annotator, times and origins are not read.
func DecodeGold(data []byte, text *Document) (*Gold, error) {
	if bytes.HasPrefix(data, compactPrefix) {
		return goldOfAnnotation(data, text)
	}
	var f goldFile
	if err := decodeFile(data, AnnotationSchema, "annotation", &f); err != nil {
		return nil, err
	}
	doc, err := f.Document.resolve(text)
	if err != nil {
		return nil, err
	}
	g := &Gold{Doc: doc}
	err = eachSpan(f.Spans, func(fs fileSpan) error {
		if fs.Status == "" {
			fs.Status = Edited
		}
		if fs.Category == "" {
			fs.Category = Other
		}
		x, err := decodeFinding(doc, fs.fileFinding)
		switch {
		case err != nil:
			return err
		case !fs.Status.Valid():
			return fmt.Errorf("unknown status %q", fs.Status)
		case fs.Status.Changes():
			g.Spans = append(g.Spans, GoldSpan{Range{x.Start, x.End}, x.Category, fs.Replacement})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, n := range f.Neutral {
		r, err := n.decode(doc)
		if err != nil {
			return nil, fmt.Errorf("neutral span %d: %w", i+1, err)
		}
		g.Neutral = append(g.Neutral, r)
	}
	if f.Scope != nil {
		r, err := f.Scope.decode(doc)
		if err != nil {
			return nil, fmt.Errorf("scope: %w", err)
		}
		g.Scope = &r
	}
	return g, nil
}

// goldOfAnnotation reads a corefix.annotation/v2 file (one the editor
// wrote) as a gold file: its accepted and edited spans, against text when
// given, which must be the file's.
func goldOfAnnotation(data []byte, text *Document) (*Gold, error) {
	a, err := ParseAnnotation(data)
	if err != nil {
		return nil, err
	}
	doc := a.Doc
	if text != nil {
		if text.SHA256() != doc.SHA256() {
			return nil, fmt.Errorf("document sha256 %s does not match the text (%s)", short(doc.SHA256()), short(text.SHA256()))
		}
		doc = text
	}
	g := &Gold{Doc: doc}
	for _, s := range a.spans.all() {
		if s.Status.Changes() {
			r := s.Replacement
			g.Spans = append(g.Spans, GoldSpan{Range{s.Start, s.End}, s.Category, &r})
		}
	}
	return g, nil
}
