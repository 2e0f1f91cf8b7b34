package model

import "fmt"

// fileRange is a range as files give it: code points, and the words it
// covers when the file says them (a gold file's scope carries none).
type fileRange struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// decode converts r to bytes of doc: the one place file offsets become
// the program's. It refuses a range that is empty or outside the text, and
// words that are not the document's there.
func (r fileRange) decode(doc *Document) (Range, error) {
	if r.Start < 0 || r.End > doc.RuneCount() || r.Start >= r.End {
		return Range{}, fmt.Errorf("range [%d,%d) is empty or outside the text (length %d)", r.Start, r.End, doc.RuneCount())
	}
	start, _ := doc.ByteOffset(r.Start)
	end, _ := doc.ByteOffset(r.End)
	if got := doc.Text[start:end]; r.Text != "" && got != r.Text {
		return Range{}, fmt.Errorf("text %q does not match the document at [%d,%d) (%q)", r.Text, r.Start, r.End, got)
	}
	return Range{start, end}, nil
}
