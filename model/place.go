package model

import "fmt"

// Place is where an editor left a document, so that reopening it resumes
// there: the focused span, how n and p walk the spans, and the scroll.
type Place struct {
	// Focus is the index of the focused span, -1 for none.
	Focus int
	// Filter and Order name the editor's filter ("pending", a category…)
	// and order ("confidence"); "" is the editor's default. They are the
	// editor's words, kept as given: an editor that no longer knows one
	// falls back to its default.
	Filter, Order string
	// Top is the code point offset of the first character on screen.
	// Code points, as in every file, so a place survives a different
	// terminal width: the editor re-wraps and shows that character's row
	// first.
	Top int
}

// filePlace is a Place as the annotation file writes it: the focus by
// span id, which stays right however the file is read.
type filePlace struct {
	Focus  string `json:"focus,omitempty"`
	Filter string `json:"filter,omitempty"`
	Order  string `json:"order,omitempty"`
	Top    int    `json:"top"`
}

// encodePlace writes a's place, nil when it has none.
func (a *Annotation) encodePlace() *filePlace {
	p := a.Place
	if p == nil {
		return nil
	}
	f := &filePlace{Filter: p.Filter, Order: p.Order, Top: p.Top}
	if p.Focus >= 0 && p.Focus < a.spans.Len() {
		f.Focus = a.spans.at(p.Focus).ID()
	}
	return f
}

// decodePlace reads a file's place into a. An unknown focus id is no
// error (the place is a convenience, not work): the focus is then none.
func (a *Annotation) decodePlace(f *filePlace) error {
	if f == nil {
		return nil
	}
	if f.Top < 0 || f.Top > a.Doc.RuneCount() {
		return fmt.Errorf("resume: top %d outside the text (length %d)", f.Top, a.Doc.RuneCount())
	}
	p := &Place{Focus: -1, Filter: f.Filter, Order: f.Order, Top: f.Top}
	for i, s := range a.spans.all() {
		if f.Focus != "" && s.ID == f.Focus {
			p.Focus = i
		}
	}
	a.Place = p
	return nil
}
