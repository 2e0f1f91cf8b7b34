package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// fileFinding is one finding as written: offsets in code points.
type fileFinding struct {
	ID         string     `json:"id"`
	Start      int        `json:"start"`
	End        int        `json:"end"`
	Text       string     `json:"text"`
	Category   Category   `json:"category"`
	Rule       string     `json:"rule"`
	Confidence float64    `json:"confidence"`
	Message    string     `json:"message"`
	Proposals  []Proposal `json:"proposals"`
	Original   *string    `json:"original,omitempty"`
}

// findingsHead is a findings file without its findings, which
// WriteFindings streams after it one at a time.
type findingsHead struct {
	Schema   string       `json:"schema"`
	Document fileDocument `json:"document"`
}

// encodeFinding converts a finding to its file form (code points).
func encodeFinding(doc *Document, x Finding) fileFinding {
	ff := fileFinding{
		ID: x.ID, Start: doc.RuneOffset(x.Start), End: doc.RuneOffset(x.End),
		Text: doc.Text[x.Start:x.End], Category: x.Category, Rule: x.Rule,
		Confidence: x.Confidence, Message: x.Message, Proposals: x.Proposals, Original: x.Original,
	}
	if ff.Proposals == nil {
		ff.Proposals = []Proposal{}
	}
	return ff
}

// decodeFinding converts a finding from its file form, checking that its
// range is inside doc and, when it gives its text, that the text matches
// the document there.
func decodeFinding(doc *Document, ff fileFinding) (Finding, error) {
	r, err := fileRange{ff.Start, ff.End, ff.Text}.decode(doc)
	if err != nil {
		return Finding{}, err
	}
	x := Finding{ID: ff.ID, Start: r.Start, End: r.End, Category: ff.Category, Rule: ff.Rule,
		Confidence: ff.Confidence, Message: ff.Message, Proposals: ff.Proposals, Original: ff.Original}
	if len(x.Proposals) == 0 {
		x.Proposals = nil // "proposals": [] and a missing list mean the same
	}
	return x, x.Validate(len(doc.Text))
}

// EncodeFindings returns the corefix.findings/v1 object for doc's
// findings (see WriteFindings).
func EncodeFindings(doc *Document, fs []Finding, indent bool) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, encodedSize(doc, fs, indent)))
	err := WriteFindings(buf, doc, fs, indent)
	return buf.Bytes(), err
}

// encodedSize is about the length of doc's findings file, a little more
// if anything, so EncodeFindings builds it without growing its buffer
// (regrowing a file several times the text's size, copy upon copy, cost
// more than encoding it): each finding's strings and room for its names,
// numbers and escapes.
func encodedSize(doc *Document, fs []Finding, indent bool) int {
	n := 256 + len(doc.ID) + len(doc.Path)
	for _, x := range fs {
		n += 160 + len(x.ID) + len(x.Rule) + len(x.Message) + (x.End-x.Start)*5/4
		for _, p := range x.Proposals {
			n += 32 + (len(p.Text)+len(p.Note))*5/4
		}
		if x.Original != nil {
			n += 16 + len(*x.Original)*5/4
		}
		if indent {
			n += 160 + 16*len(x.Proposals)
		}
	}
	return n
}

// WriteFindings writes the corefix.findings/v1 object for doc's findings
// to w, ending in a newline; with indent false it is one line (JSON Lines
// output). The findings are encoded and written one at a time: their JSON
// is several times the size of the text (each carries its message and
// proposals), so building it whole would cost more memory than detecting
// them. The bytes are those of encoding the whole object at once with
// encoding/json (HTML escaping off).
func WriteFindings(w io.Writer, doc *Document, fs []Finding, indent bool) error {
	fw := NewFindingsWriter(w, doc, indent)
	if err := fw.Write(fs); err != nil {
		return err
	}
	return fw.Close()
}

// FindingsWriter writes WriteFindings' bytes with the findings handed
// over batch by batch, in order, so a long text's findings can be
// written as they are found instead of held until the last is.
type FindingsWriter struct {
	w      io.Writer
	doc    *Document
	indent bool
	n      int    // findings written
	item   []byte // one finding's bytes, reused
}

// NewFindingsWriter returns a writer of doc's findings to w (see
// WriteFindings); Close ends the object.
func NewFindingsWriter(w io.Writer, doc *Document, indent bool) *FindingsWriter {
	return &FindingsWriter{w: w, doc: doc, indent: indent}
}

// punctuation returns what separates findings, what opens their array
// after the document's head, and what ends the object.
func (fw *FindingsWriter) punctuation() (sep, open, end string) {
	if fw.indent {
		return ",\n    ", ",\n  \"findings\": [\n    ", "\n  ]\n}\n"
	}
	return ",", `,"findings":[`, "]}\n"
}

// head writes the object up to the findings: the head as a whole
// object, then its closing brace taken off so the findings can follow;
// open is what follows it.
func (fw *FindingsWriter) head(open string) error {
	doc := fw.doc
	head := appendFindingsHead(nil, fileDocument{ID: doc.ID, Path: doc.Path, SHA256: doc.SHA256(), Length: doc.RuneCount()})
	if fw.indent {
		var err error
		if head, err = indented(head, ""); err != nil {
			return err
		}
	}
	head = bytes.TrimRight(bytes.TrimSuffix(head, []byte("}")), "\n")
	_, err := fw.w.Write(append(head, open...))
	return err
}

// Write writes findings fs, each an array element two levels in, after
// those written before.
func (fw *FindingsWriter) Write(fs []Finding) error {
	sep, open, _ := fw.punctuation()
	for _, x := range fs {
		if fw.n == 0 {
			if err := fw.head(open); err != nil {
				return err
			}
		}
		item := fw.item[:0]
		if fw.n > 0 {
			item = append(item, sep...)
		}
		ff := encodeFinding(fw.doc, x)
		var err error
		if fw.indent {
			var compact []byte
			if compact, err = appendFinding(nil, &ff); err == nil {
				compact, err = indented(compact, "    ")
				item = append(item, compact...)
			}
		} else {
			item, err = appendFinding(item, &ff)
		}
		fw.item = item
		if err != nil {
			return err
		}
		if _, err := fw.w.Write(item); err != nil {
			return err
		}
		fw.n++
	}
	return nil
}

// Close ends the object: an empty findings array when none were
// written.
func (fw *FindingsWriter) Close() error {
	_, open, end := fw.punctuation()
	if fw.n == 0 {
		open, end = strings.TrimRight(open, "\n "), end[strings.Index(end, "]"):]
		if err := fw.head(open); err != nil {
			return err
		}
	}
	_, err := io.WriteString(fw.w, end)
	return err
}

// indented returns compact JSON b indented by two spaces a level, each
// line after the first starting with prefix, as encoding/json's Encoder
// writes it with SetIndent(prefix, "  ").
func indented(b []byte, prefix string) ([]byte, error) {
	var out bytes.Buffer
	err := json.Indent(&out, b, prefix, "  ")
	return out.Bytes(), err
}

// DecodeFindings reads a findings file against doc (not nil), the text
// its offsets index: a corefix.findings/v1 object, whose document must be doc, or a
// bare list of findings. A finding may give no more than the shared
// scoring script reads (start, end, confidence, proposals), so other
// tools' findings can be scored: a missing confidence counts as 1 (sure),
// a missing category as other. What it gives is checked.
func DecodeFindings(data []byte, doc *Document) ([]Finding, error) {
	// minimal makes confidence a pointer, so a missing one can count as 1.
	type minimal struct {
		fileFinding
		Confidence *float64 `json:"confidence"`
	}
	var list []minimal
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '[' {
		if err := json.Unmarshal(data, &list); err != nil {
			return nil, jsonError(data, err)
		}
	} else {
		var f struct {
			Document fileDocument `json:"document"`
			Findings []minimal    `json:"findings"`
		}
		if err := decodeFile(data, FindingsSchema, "findings", &f); err != nil {
			return nil, err
		}
		if _, err := f.Document.resolve(doc); err != nil {
			return nil, err
		}
		list = f.Findings
	}
	out := make([]Finding, len(list))
	for i, m := range list {
		ff := m.fileFinding
		ff.Confidence = 1
		if m.Confidence != nil {
			ff.Confidence = *m.Confidence
		}
		if ff.Category == "" {
			ff.Category = Other
		}
		x, err := decodeFinding(doc, ff)
		if err != nil {
			return nil, fmt.Errorf("finding %d: %w", i+1, err)
		}
		out[i] = x
	}
	return out, nil
}
