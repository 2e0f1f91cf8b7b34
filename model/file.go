package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Schema names of the files corefix writes.
const (
	AnnotationSchema = "corefix.annotation/v1"
	FindingsSchema   = "corefix.findings/v1"
)

// fileDocument is the "document" object of annotation and findings files:
// which text the offsets index. Only annotation files carry the text
// itself (findings files are read against a text given beside them).
type fileDocument struct {
	ID     string  `json:"id"`
	Path   string  `json:"path"`
	SHA256 string  `json:"sha256"`
	Length int     `json:"length"`
	Text   *string `json:"text,omitempty"`
}

// ErrNoText is returned when a file's offsets index a text that neither
// the file carries nor the caller gave.
var ErrNoText = errors.New(`document has no "text"`)

// resolve returns the document a file's offsets index: given, or else the
// file's own text. Either way its hash and length must be the file's, so
// a file is never read against another text.
func (fd fileDocument) resolve(given *Document) (*Document, error) {
	doc := given
	if doc == nil {
		if fd.Text == nil {
			return nil, ErrNoText
		}
		if !utf8.ValidString(*fd.Text) {
			return nil, errors.New("document text is not valid UTF-8")
		}
		doc = NewDocument(fd.ID, fd.Path, *fd.Text)
	}
	if got := doc.SHA256(); got != fd.SHA256 {
		return nil, fmt.Errorf("document sha256 %s does not match the text (%s)", short(fd.SHA256), short(got))
	}
	if fd.Length != doc.RuneCount() {
		return nil, fmt.Errorf("document length %d does not match the text (%d code points)", fd.Length, doc.RuneCount())
	}
	return doc, nil
}

type fileOriginal struct {
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
}

// fileSpan is one span as written: the finding's fields, offsets in code
// points, then the decision.
type fileSpan struct {
	fileFinding
	Origin      Origin     `json:"origin"`
	Status      Status     `json:"status"`
	Replacement *string    `json:"replacement"`
	Note        string     `json:"note"`
	Updated     *time.Time `json:"updated,omitempty"`
}

// annotationMeta is what both versions of the annotation file say of
// an annotation besides its spans, in the order both write it.
type annotationMeta struct {
	Document  fileDocument  `json:"document"`
	Original  *fileOriginal `json:"original,omitempty"`
	Annotator string        `json:"annotator"`
	Created   time.Time     `json:"created"`
	Updated   time.Time     `json:"updated"`
}

// fileMeta is a's annotationMeta.
func (a *Annotation) fileMeta() annotationMeta {
	d := a.Doc
	text := d.Text
	m := annotationMeta{
		Document:  fileDocument{ID: d.ID, Path: d.Path, SHA256: d.SHA256(), Length: d.RuneCount(), Text: &text},
		Annotator: a.Annotator, Created: a.Created, Updated: a.Updated,
	}
	if a.Original != nil {
		m.Original = &fileOriginal{Path: a.Original.Path, SHA256: a.Original.SHA256}
	}
	return m
}

// annotation starts the annotation a file describes, without its spans,
// checking its document.
func (m *annotationMeta) annotation() (*Annotation, error) {
	doc, err := m.Document.resolve(nil)
	if err != nil {
		return nil, err
	}
	a := &Annotation{Doc: doc, Annotator: m.Annotator, Created: m.Created, Updated: m.Updated,
		Now: func() time.Time { return time.Now().UTC().Truncate(time.Second) }}
	if m.Original != nil {
		a.Original = &OriginalRef{Path: m.Original.Path, SHA256: m.Original.SHA256}
	}
	return a, nil
}

type annotationFile struct {
	Schema string `json:"schema"`
	annotationMeta
	Spans         []fileSpan `json:"spans"`
	CorrectedText string     `json:"corrected_text"`
	Resume        *filePlace `json:"resume,omitempty"`
	Draft         *fileDraft `json:"draft,omitempty"`
}

// MarshalJSON encodes the annotation as a corefix.annotation/v1 file.
func (a *Annotation) MarshalJSON() ([]byte, error) {
	f := annotationFile{
		Schema:         AnnotationSchema,
		annotationMeta: a.fileMeta(),
		Spans:          make([]fileSpan, a.spans.Len()),
		CorrectedText:  a.CorrectedText(),
		Resume:         a.encodePlace(),
		Draft:          a.fileDraft(),
	}
	for i, s := range a.spans.all() {
		f.Spans[i] = encodeSpan(a.Doc, &s)
	}
	return encodeJSON(f, "  ")
}

// encodeSpan is a span as v1 files and journals write it, whole.
func encodeSpan(d *Document, s *Span) fileSpan {
	fs := fileSpan{fileFinding: encodeFinding(d, s.Finding), Origin: s.Origin, Status: s.Status, Note: s.Note}
	fs.Replacement, fs.Updated = s.fileDecision()
	return fs
}

// fileDecision is s's replacement and time as files write them: nil
// for a span that changes nothing, nil for one never changed.
func (s *Span) fileDecision() (*string, *time.Time) {
	var r *string
	var u *time.Time
	if s.Status.Changes() {
		r = new(s.Replacement)
	}
	if !s.Updated.IsZero() {
		u = new(s.Updated)
	}
	return r, u
}

// encodeJSON writes v as JSON indented by indent, characters such as < and
// & as they are (the files are data, not HTML), ending in a newline.
func encodeJSON(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// ParseAnnotation decodes and validates an annotation file, v2 or v1,
// without a journal (see ReadAnnotationFile). Every problem is reported
// precisely (which span, which field); nothing is silently dropped.
func ParseAnnotation(data []byte) (*Annotation, error) {
	a, _, err := parseAnnotation(data)
	return a, err
}

// parseV1 decodes and validates a corefix.annotation/v1 file.
func parseV1(data []byte) (*Annotation, error) {
	var f annotationFile
	if err := decodeFile(data, AnnotationSchema, "annotation", &f); err != nil {
		return nil, err
	}
	a, err := f.annotation()
	if err != nil {
		return nil, err
	}
	doc := a.Doc
	spans := make([]Span, 0, len(f.Spans))
	err = eachSpan(f.Spans, func(fs fileSpan) error {
		s, err := spanFromFile(doc, fs, true)
		if err != nil {
			return err
		}
		spans = append(spans, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	a.setSpans(newSpanSeq(spans))
	if err := a.decodePlace(f.Resume); err != nil {
		return nil, err
	}
	if a.Draft, err = a.draftFromFile(f.Draft); err != nil {
		return nil, err
	}
	return a, nil
}

// decodeFile decodes data, a corefix file of the given kind (its schema
// checked first, so a wrong file gets a plain answer), into v.
func decodeFile(data []byte, schema, kind string, v any) error {
	var probe struct {
		Schema *string `json:"schema"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return jsonError(data, err)
	}
	if probe.Schema == nil {
		return fmt.Errorf(`not a corefix %s file: no "schema" field`, kind)
	}
	if *probe.Schema != schema {
		return fmt.Errorf("unknown schema %q (this corefix reads %s)", *probe.Schema, schema)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return jsonError(data, err)
	}
	return nil
}

// eachSpan calls decode on every span of a file in order, and refuses
// spans that overlap or come out of order: annotation spans never do, and
// the editor and the scorer both rely on text order.
func eachSpan(spans []fileSpan, decode func(fileSpan) error) error {
	prevEnd, prevID := -1, ""
	for i, fs := range spans {
		if err := decode(fs); err != nil {
			return fmt.Errorf("span %d (%s): %w", i+1, fs.ID, err)
		}
		if fs.Start < prevEnd {
			return fmt.Errorf("span %d (%s) [%d,%d) overlaps or precedes span %s", i+1, fs.ID, fs.Start, fs.End, prevID)
		}
		prevEnd, prevID = fs.End, fs.ID
	}
	return nil
}

// spanFromFile converts an annotation file's span. Unlike gold and
// findings files, which other tools write too, an annotation file is
// corefix's own: every span names its id and its decision, and its text
// when withText (v1 and journals; v2 leaves it to the document).
func spanFromFile(doc *Document, fs fileSpan, withText bool) (Span, error) {
	f, err := decodeFinding(doc, fs.fileFinding)
	switch {
	case err != nil:
		return Span{}, err
	case withText && fs.Text == "":
		return Span{}, errors.New(`no "text"`)
	case fs.ID == "":
		return Span{}, errors.New(`no "id"`)
	case !fs.Status.Valid():
		return Span{}, fmt.Errorf("unknown status %q", fs.Status)
	case !fs.Origin.Valid():
		return Span{}, fmt.Errorf("unknown origin %q", fs.Origin)
	case fs.Status.Changes() && fs.Replacement == nil:
		return Span{}, fmt.Errorf("status %s without a replacement", fs.Status)
	}
	s := Span{Finding: f, Origin: fs.Origin, Status: fs.Status, Note: fs.Note}
	if fs.Status.Changes() {
		s.Replacement = *fs.Replacement
	}
	if fs.Updated != nil {
		s.Updated = *fs.Updated
	}
	return s, nil
}

// SaveAnnotation writes a to path atomically (see WriteAtomic) as a v2
// file of generation 0: a file written whole once, such as a rescue. An
// editor saves through a Workfile, which journals.
func SaveAnnotation(path string, a *Annotation) error {
	return WriteAtomic(path, 0o644, func(w io.Writer) error { return WriteAnnotationFile(w, a, 0) })
}

// jsonError turns a decoder error into one line with a line:column position.
func jsonError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.As(err, &se) && se.Offset >= int64(len(bytes.TrimSpace(data))):
		return errors.New("truncated JSON: the input ends in the middle of a value")
	case errors.As(err, &se):
		// Offset counts the bytes read, the offending one included.
		return fmt.Errorf("invalid JSON at %s: %v", position(data, se.Offset-1), se)
	case errors.As(err, &te):
		return fmt.Errorf("wrong type at %s: field %q should be %s, not %s", position(data, te.Offset), keyPath(te.Field), te.Type, te.Value)
	}
	return fmt.Errorf("invalid JSON: %v", err)
}

// keyPath is a decoder's field path as the file names it. The decoder
// names an embedded Go struct in the path ("spans.fileFinding.start");
// every key of the formats is lower case, so a part with a capital is such
// a name, not the file's.
func keyPath(field string) string {
	var keys []string
	for _, k := range strings.Split(field, ".") {
		if strings.ToLower(k) == k {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, ".")
}

// position names byte offset off of data as "line L, column C", or just
// "column C" for one-line data (a JSON Lines record, whose line number the
// caller gives).
func position(data []byte, off int64) string {
	off = min(max(off, 0), int64(len(data)))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	if bytes.IndexByte(data, '\n') < 0 {
		return fmt.Sprintf("column %d", col)
	}
	return fmt.Sprintf("line %d, column %d", line, col)
}

func short(h string) string {
	if len(h) > 12 {
		return h[:12] + "…"
	}
	return h
}
