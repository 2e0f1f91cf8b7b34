package model

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
)

// ExportLine is one JSON Lines record of `corefix export --format jsonl`:
// line (the dataset's line for a's document; nil to start from
// {"id","text"}) with "annotations" (a's spans exactly as the annotation
// file writes them, code point offsets) and "corrected_text" spliced in.
// Every other field of line is kept byte for byte (see SpliceJSON).
func ExportLine(line []byte, a *Annotation) ([]byte, error) {
	if line == nil {
		base, err := encodeCompact(struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}{a.Doc.ID, a.Doc.Text})
		if err != nil {
			return nil, err
		}
		line = base
	}
	// The spans come from the annotation file encoder, so the two formats
	// cannot drift apart.
	file, err := a.MarshalJSON()
	if err != nil {
		return nil, err
	}
	var parts struct {
		Spans         json.RawMessage `json:"spans"`
		CorrectedText json.RawMessage `json:"corrected_text"`
	}
	if err := json.Unmarshal(file, &parts); err != nil {
		return nil, err
	}
	var spans bytes.Buffer
	if err := json.Compact(&spans, parts.Spans); err != nil {
		return nil, err
	}
	out, err := SpliceJSON(line, Member{"annotations", spans.Bytes()}, Member{"corrected_text", parts.CorrectedText})
	if err != nil {
		return nil, fmt.Errorf("document %q: %w", a.Doc.ID, err)
	}
	return out, nil
}

// encodeCompact is json.Marshal without HTML escaping, so text keeps its
// <, > and & readable.
func encodeCompact(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Decided is a snapshot of a without its pending spans: what the exports
// write unless asked to add the detector's undecided guesses, so a
// consumer never mistakes a guess for a decision. The corrected text is
// the same, since a pending span changes nothing.
func (a *Annotation) Decided() *Annotation {
	s := a.Snapshot()
	s.setSpans(newSpanSeq(slices.DeleteFunc(s.spans.slice(), func(sp Span) bool { return sp.Status == Pending })))
	return s
}
