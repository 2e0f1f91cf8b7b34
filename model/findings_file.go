package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// findingsDocument is the "document" object of a findings file.
type findingsDocument struct {
	ID     string `json:"id"`
	Path   string `json:"path"`
	SHA256 string `json:"sha256"`
	Length int    `json:"length"`
}

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

type findingsFile struct {
	Schema   string           `json:"schema"`
	Document findingsDocument `json:"document"`
	Findings []fileFinding    `json:"findings"`
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
// range is inside doc and that its text matches the document there.
func decodeFinding(doc *Document, ff fileFinding) (Finding, error) {
	if ff.Start < 0 || ff.End > doc.RuneCount() || ff.Start >= ff.End {
		return Finding{}, fmt.Errorf("range [%d,%d) is empty or outside the text (length %d)", ff.Start, ff.End, doc.RuneCount())
	}
	start, _ := doc.ByteOffset(ff.Start)
	end, _ := doc.ByteOffset(ff.End)
	if got := doc.Text[start:end]; got != ff.Text {
		return Finding{}, fmt.Errorf("text %q does not match the document at [%d,%d) (%q)", ff.Text, ff.Start, ff.End, got)
	}
	x := Finding{ID: ff.ID, Start: start, End: end, Category: ff.Category, Rule: ff.Rule,
		Confidence: ff.Confidence, Message: ff.Message, Proposals: ff.Proposals, Original: ff.Original}
	if len(x.Proposals) == 0 {
		x.Proposals = nil // "proposals": [] and a missing list mean the same
	}
	if ff.ID == "" {
		return Finding{}, errors.New(`no "id"`)
	}
	return x, x.Validate(len(doc.Text))
}

// EncodeFindings writes the corefix.findings/v1 object for doc's findings.
// With indent false it is one line (JSON Lines output).
func EncodeFindings(doc *Document, fs []Finding, indent bool) ([]byte, error) {
	f := findingsFile{
		Schema:   FindingsSchema,
		Document: findingsDocument{ID: doc.ID, Path: doc.Path, SHA256: doc.SHA256(), Length: doc.RuneCount()},
		Findings: make([]fileFinding, len(fs)),
	}
	for i, x := range fs {
		f.Findings[i] = encodeFinding(doc, x)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
