package model

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"
	"unicode/utf8"
)

// AnnotationFileSchema is the compact annotation file the editor writes
// (docs/formats.md): the text once, each span one line without its text,
// rules, messages and proposal lists written once and referred to by
// number. A v1 file (AnnotationSchema) repeats all of them in every span
// and the text again as corrected_text: 14 times the article.
const AnnotationFileSchema = "corefix.annotation/v2"

// compactHead is a v2 file up to its spans.
type compactHead struct {
	Schema     string `json:"schema"`
	Generation int    `json:"generation"`
	annotationMeta
	Resume    *filePlace   `json:"resume,omitempty"`
	Draft     *fileDraft   `json:"draft,omitempty"`
	Rules     []string     `json:"rules"`
	Messages  []string     `json:"messages"`
	Proposals [][]Proposal `json:"proposals"`
}

// compactFile is a whole v2 file.
type compactFile struct {
	compactHead
	Spans []compactSpan `json:"spans"`
}

// compactSpan is a span of a v2 file: offsets in code points, rule,
// message and proposals as indexes into the file's tables, defaults left
// out (origin detector, status pending, no note, never updated).
type compactSpan struct {
	ID          string     `json:"id"`
	Start       int        `json:"start"`
	End         int        `json:"end"`
	Category    Category   `json:"category"`
	Rule        int        `json:"rule"`
	Confidence  float64    `json:"confidence"`
	Message     int        `json:"message"`
	Proposals   int        `json:"proposals"`
	Original    *string    `json:"original,omitempty"`
	Origin      Origin     `json:"origin,omitempty"`
	Status      Status     `json:"status,omitempty"`
	Replacement *string    `json:"replacement,omitempty"`
	Note        string     `json:"note,omitempty"`
	Updated     *time.Time `json:"updated,omitempty"`
}

// interner numbers distinct values in the order they are first seen.
type interner[K comparable] struct {
	index map[K]int
	n     int
}

func (t *interner[K]) of(k K) (int, bool) {
	if t.index == nil {
		t.index = map[K]int{}
	}
	if i, ok := t.index[k]; ok {
		return i, false
	}
	t.index[k] = t.n
	t.n++
	return t.n - 1, true
}

// proposalsKey is a list of proposals as a map key.
func proposalsKey(ps []Proposal) string { return string(appendProposalsKey(nil, ps)) }

// appendProposalsKey appends proposalsKey(ps) to b.
func appendProposalsKey(b []byte, ps []Proposal) []byte {
	for _, p := range ps {
		b = append(b, p.Text...)
		b = append(b, 0)
		b = append(b, p.Note...)
		b = append(b, 0)
	}
	return b
}

// WriteAnnotationFile writes a as a corefix.annotation/v2 file of the
// given generation (see Workfile) to w, streaming its spans.
func WriteAnnotationFile(w io.Writer, a *Annotation, generation int) error {
	d := a.Doc
	head := compactHead{
		Schema: AnnotationFileSchema, Generation: generation, annotationMeta: a.fileMeta(),
		Resume: a.encodePlace(), Draft: a.fileDraft(),
		Rules: []string{}, Messages: []string{}, Proposals: [][]Proposal{},
	}
	var rules, messages interner[string]
	var lists interner[string]
	spans := make([]compactSpan, 0, a.Len())
	for _, s := range a.spans.all() {
		cs := compactSpan{ID: s.ID, Start: d.RuneOffset(s.Start), End: d.RuneOffset(s.End), Category: s.Category,
			Confidence: s.Confidence, Original: s.Original, Note: s.Note}
		var isNew bool
		if cs.Rule, isNew = rules.of(s.Rule); isNew {
			head.Rules = append(head.Rules, s.Rule)
		}
		if cs.Message, isNew = messages.of(s.Message); isNew {
			head.Messages = append(head.Messages, s.Message)
		}
		if cs.Proposals, isNew = lists.of(proposalsKey(s.Proposals)); isNew {
			head.Proposals = append(head.Proposals, append([]Proposal{}, s.Proposals...))
		}
		if s.Origin != FromDetector {
			cs.Origin = s.Origin
		}
		if s.Status != Pending {
			cs.Status = s.Status
		}
		cs.Replacement, cs.Updated = s.fileDecision()
		spans = append(spans, cs)
	}
	// The text goes in by hand (writeJSONText), where the head holds an
	// empty one: through encoding/json, a long article's text was copied
	// escaped into a buffer that encoding/json pools, which held it for
	// two collections (40 MB at 20 MB; the editor allocates too little
	// after a save for a second one to come soon).
	text, empty := *head.Document.Text, ""
	head.Document.Text = &empty
	bw := bufio.NewWriterSize(w, 1<<16)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(head); err != nil {
		return err
	}
	// The head as one object, its closing brace taken off so the spans
	// follow, one a line. Its first "text" field is the document's: any
	// quotation mark before it in a string is escaped.
	h := bytes.TrimSuffix(bytes.TrimRight(buf.Bytes(), "\n"), []byte("}"))
	at := bytes.Index(h, []byte(`"text":""`))
	if at < 0 {
		return fmt.Errorf("annotation file head without its text: %.100s", h)
	}
	at += len(`"text":"`)
	bw.Write(h[:at])
	writeJSONText(bw, text)
	bw.Write(h[at:])
	bw.WriteString(`,"spans":[`)
	for i := range spans {
		buf.Reset()
		if err := enc.Encode(&spans[i]); err != nil {
			return err
		}
		if i > 0 {
			bw.WriteByte(',')
		}
		bw.WriteByte('\n')
		bw.Write(bytes.TrimRight(buf.Bytes(), "\n"))
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}

// writeJSONText writes s as it stands inside a JSON string (as
// appendJSONText), jsonChunk bytes at a time, so a long text is never
// copied whole. A piece ends before a byte that starts a rune, or before
// one that no valid rune holds (no start among the three bytes before
// it), so each piece is escaped as it would be within the whole text.
func writeJSONText(w *bufio.Writer, s string) {
	var buf []byte
	for len(s) > 0 {
		n := min(len(s), jsonChunk)
		for k := n; k < len(s) && k > n-utf8.UTFMax; k-- {
			if utf8.RuneStart(s[k]) {
				n = k
				break
			}
		}
		buf = appendJSONText(buf[:0], s[:n])
		w.Write(buf)
		s = s[n:]
	}
}

// jsonChunk is how many bytes of a text writeJSONText escapes at a time.
const jsonChunk = 16 << 10

// parseCompact decodes and validates a v2 file (its schema checked by
// the caller), with the checks of a v1 file.
func parseCompact(data []byte) (*Annotation, int, error) {
	f, a, spans, err := streamCompact(data)
	if errors.Is(err, errReadWhole) {
		f, a, spans, err = wholeCompact(data)
	}
	if err != nil {
		return nil, 0, err
	}
	a.setSpans(spans)
	if err := a.decodePlace(f.Resume); err != nil {
		return nil, 0, err
	}
	if a.Draft, err = a.draftFromFile(f.Draft); err != nil {
		return nil, 0, err
	}
	if f.Generation < 0 {
		return nil, 0, fmt.Errorf("generation %d below 0", f.Generation)
	}
	return a, f.Generation, nil
}

// wholeCompact decodes a v2 file in one piece: its spans as compactSpans
// first, then each converted.
func wholeCompact(data []byte) (*compactFile, *Annotation, spanSeq, error) {
	var f compactFile
	var spans spanSeq
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, nil, spans, jsonError(data, err)
	}
	a, err := f.annotation()
	if err != nil {
		return nil, nil, spans, err
	}
	var c spanChecker
	for _, cs := range f.Spans {
		s, err := c.next(&f, a.Doc, cs)
		if err != nil {
			return nil, nil, spans, err
		}
		spans.push(&s)
	}
	return &f, a, spans, nil
}

// errReadWhole is streamCompact's answer to a file it does not read: its
// spans are not its last member, or its JSON is broken somewhere, which
// wholeCompact then reports as decoding the whole file does.
var errReadWhole = errors.New("the file is read whole")

// streamCompact decodes a v2 file whose spans come last, as the editor
// writes it, converting each span as it is read: a whole []compactSpan,
// grown as encoding/json grows a slice, was most of the memory a
// reopened 20 MB article took (docs/experiments.md, Speed). The spans are
// the last `"spans":[` of the file (inside a string a quotation mark is
// escaped, and no span holds the key); the head before it is decoded in
// place, its comma made a closing brace for the while and then put back.
func streamCompact(data []byte) (*compactFile, *Annotation, spanSeq, error) {
	var spans spanSeq
	key := []byte(`"spans":[`)
	at := bytes.LastIndex(data, key)
	comma := at - 1
	if at < 1 || data[comma] != ',' {
		return nil, nil, spans, errReadWhole
	}
	var f compactFile
	data[comma] = '}'
	err := json.Unmarshal(data[:comma+1], &f.compactHead)
	data[comma] = ','
	if err != nil {
		return nil, nil, spans, errReadWhole
	}
	a, err := f.annotation()
	if err != nil {
		return nil, nil, spans, err
	}
	rest := data[at+len(key)-1:] // from the spans' [
	dec := json.NewDecoder(bytes.NewReader(rest))
	if _, err := dec.Token(); err != nil {
		return nil, nil, spans, errReadWhole
	}
	var c spanChecker
	for dec.More() {
		var cs compactSpan
		if err := dec.Decode(&cs); err != nil {
			return nil, nil, spans, errReadWhole
		}
		s, err := c.next(&f, a.Doc, cs)
		if err != nil {
			return nil, nil, spans, err
		}
		spans.push(&s)
	}
	if _, err := dec.Token(); err != nil { // ]
		return nil, nil, spans, errReadWhole
	}
	if end := bytes.TrimSpace(rest[dec.InputOffset():]); string(end) != "}" {
		return nil, nil, spans, errReadWhole
	}
	return &f, a, spans, nil
}

// spanChecker converts a v2 file's spans in order and checks that they
// do not overlap.
type spanChecker struct {
	n       int
	prevEnd int
	prevID  string
}

// next converts cs, the next span of f.
func (c *spanChecker) next(f *compactFile, doc *Document, cs compactSpan) (Span, error) {
	c.n++
	s, err := f.span(doc, cs)
	if err != nil {
		return Span{}, fmt.Errorf("span %d (%s): %w", c.n, cs.ID, err)
	}
	if c.n > 1 && cs.Start < c.prevEnd {
		return Span{}, fmt.Errorf("span %d (%s) [%d,%d) overlaps or precedes span %s", c.n, cs.ID, cs.Start, cs.End, c.prevID)
	}
	c.prevEnd, c.prevID = cs.End, cs.ID
	return s, nil
}

// span converts a v2 span, looking its rule, message and proposals up in
// the file's tables.
func (f *compactFile) span(doc *Document, cs compactSpan) (Span, error) {
	switch {
	case cs.Rule < 0 || cs.Rule >= len(f.Rules):
		return Span{}, fmt.Errorf("rule %d: the file has %d rules", cs.Rule, len(f.Rules))
	case cs.Message < 0 || cs.Message >= len(f.Messages):
		return Span{}, fmt.Errorf("message %d: the file has %d messages", cs.Message, len(f.Messages))
	case cs.Proposals < 0 || cs.Proposals >= len(f.Proposals):
		return Span{}, fmt.Errorf("proposals %d: the file has %d lists", cs.Proposals, len(f.Proposals))
	}
	fs := fileSpan{
		fileFinding: fileFinding{ID: cs.ID, Start: cs.Start, End: cs.End, Category: cs.Category,
			Rule: f.Rules[cs.Rule], Confidence: cs.Confidence, Message: f.Messages[cs.Message],
			Proposals: f.Proposals[cs.Proposals], Original: cs.Original},
		Origin: cs.Origin, Status: cs.Status, Replacement: cs.Replacement, Note: cs.Note, Updated: cs.Updated,
	}
	if fs.Origin == "" {
		fs.Origin = FromDetector
	}
	if fs.Status == "" {
		fs.Status = Pending
	}
	return spanFromFile(doc, fs, false)
}

// compactPrefix is how every v2 file corefix writes begins, so telling
// one from a v1 file needs no parse of it.
var compactPrefix = []byte(`{"schema":"` + AnnotationFileSchema + `"`)

// parseAnnotation decodes and validates an annotation file of either
// version, returning its generation (0 for v1, which has none).
func parseAnnotation(data []byte) (*Annotation, int, error) {
	if !bytes.HasPrefix(data, compactPrefix) {
		var probe struct {
			Schema string `json:"schema"`
		}
		err := json.Unmarshal(data, &probe)
		switch {
		case err == nil && probe.Schema != "" && probe.Schema != AnnotationSchema && probe.Schema != AnnotationFileSchema:
			return nil, 0, fmt.Errorf("unknown schema %q (this corefix reads %s and %s)", probe.Schema, AnnotationFileSchema, AnnotationSchema)
		case err != nil || probe.Schema != AnnotationFileSchema:
			a, err := parseV1(data)
			return a, 0, err
		}
	}
	return parseCompact(data)
}
