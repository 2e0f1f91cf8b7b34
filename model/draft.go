package model

import "fmt"

// Draft is a fix being typed, not yet committed, when the editor had to
// stop (a signal, a closed terminal, a failure). It is saved with the
// annotation, so the typing is not lost, and the next editor offers it
// back. It is not a decision: exports, agreement and statistics ignore it.
type Draft struct {
	Span string // the id of the span the fix is for
	Text string // what was typed
}

// fileDraft is a Draft as written: "draft": {"span": "f0005", "text": "…"}.
type fileDraft struct {
	Span string `json:"span"`
	Text string `json:"text"`
}

// draftFromFile checks that a file's or a journal's draft names one of
// a's spans.
func (a *Annotation) draftFromFile(fd *fileDraft) (*Draft, error) {
	if fd == nil {
		return nil, nil
	}
	for _, s := range a.spans.all() {
		if s.ID == fd.Span {
			return &Draft{Span: fd.Span, Text: fd.Text}, nil
		}
	}
	return nil, fmt.Errorf("draft for span %q, which the annotation does not have", fd.Span)
}
