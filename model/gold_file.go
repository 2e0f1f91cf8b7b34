package model

import (
	"bytes"
	"fmt"
)

// GoldEdit is one substitution a damage generator made, as EncodeGold
// records it. Start and End are byte offsets into the damaged text;
// Original is the words that stood there, which a fix puts back. Category
// Substitution marks a correct substitution (the gold file's "neutral"),
// any other category a broken span.
type GoldEdit struct {
	Start, End int
	Category   Category
	Original   string
}

// goldSpanFile is a broken span as a gold file writes it. The fields and
// their order are those of the shared gum/drift and gum/clean gold files.
type goldSpanFile struct {
	Start       int      `json:"start"`
	End         int      `json:"end"`
	Text        string   `json:"text"`
	Original    string   `json:"original"`
	Category    Category `json:"category"`
	Status      Status   `json:"status"`
	Replacement string   `json:"replacement"`
	Origin      Origin   `json:"origin"`
	ID          string   `json:"id"`
}

// goldNeutralFile is a correct substitution as a gold file writes it.
type goldNeutralFile struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Text     string `json:"text"`
	Original string `json:"original"`
}

type goldFileOut struct {
	Schema   string `json:"schema"`
	Document struct {
		ID     string `json:"id"`
		SHA256 string `json:"sha256"`
		Length int    `json:"length"`
	} `json:"document"`
	Spans   []goldSpanFile    `json:"spans"`
	Neutral []goldNeutralFile `json:"neutral"`
}

// EncodeGold writes the gold file of a damaged document for `corefix eval`
// (docs/formats.md, "Gold files"): each broken span edited by hand
// (origin manual, ids g001, g002…) with its original words as the
// replacement, and the correct substitutions under "neutral"; offsets in
// code points. The bytes are laid out as the shared gold files are (one
// space of indent, no final newline), so a regenerated file compares equal
// to theirs. spans must be in text order and must not overlap.
func EncodeGold(doc *Document, spans []GoldEdit) ([]byte, error) {
	f := goldFileOut{Schema: AnnotationSchema, Spans: []goldSpanFile{}, Neutral: []goldNeutralFile{}}
	f.Document.ID, f.Document.SHA256, f.Document.Length = doc.ID, doc.SHA256(), doc.RuneCount()
	prevEnd := 0
	for i, s := range spans {
		if s.Start < prevEnd || s.End <= s.Start || s.End > len(doc.Text) {
			return nil, fmt.Errorf("%s: gold span %d [%d, %d) is empty, outside the text or overlaps the one before", doc.ID, i, s.Start, s.End)
		}
		prevEnd = s.End
		start, end, text := doc.RuneOffset(s.Start), doc.RuneOffset(s.End), doc.Text[s.Start:s.End]
		if s.Category == Substitution {
			f.Neutral = append(f.Neutral, goldNeutralFile{start, end, text, s.Original})
			continue
		}
		f.Spans = append(f.Spans, goldSpanFile{
			Start: start, End: end, Text: text, Original: s.Original, Category: s.Category,
			Status: Edited, Replacement: s.Original, Origin: FromManual, ID: fmt.Sprintf("g%03d", len(f.Spans)+1),
		})
	}
	data, err := encodeJSON(f, " ")
	return bytes.TrimSuffix(data, []byte("\n")), err
}
