package model

// Snapshot returns a copy of the annotation's current state without its
// history, safe to read (for example to save it) while the original keeps
// changing in another goroutine. The document is shared: it is never
// modified after it is made.
func (a *Annotation) Snapshot() *Annotation {
	return &Annotation{
		Doc: a.Doc, Original: a.Original, Annotator: a.Annotator,
		Created: a.Created, Updated: a.Updated, Place: clonePlace(a.Place), Draft: a.Draft,
		spans: append([]Span(nil), a.spans...), Now: a.Now,
	}
}

func clonePlace(p *Place) *Place {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}
