package model

// Snapshot returns a copy of the annotation's current state without its
// history, safe to read (for example to save it) while the original keeps
// changing in another goroutine. The document is shared: it is never
// modified after it is made. The spans are shared too, block by block,
// until one side changes a block (see spanSeq): a snapshot costs the
// block index, not the article.
func (a *Annotation) Snapshot() *Annotation {
	return &Annotation{
		Doc: a.Doc, Original: a.Original, Annotator: a.Annotator,
		Created: a.Created, Updated: a.Updated, Place: clonePlace(a.Place), Draft: a.Draft,
		spans: a.spans.share(), counts: a.counts, manual: a.manual, Now: a.Now,
	}
}

func clonePlace(p *Place) *Place {
	if p == nil {
		return nil
	}
	c := *p
	return &c
}
