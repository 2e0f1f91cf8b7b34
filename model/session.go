package model

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
)

// AnnotationPath is where the annotation of the document at path is kept
// by default: NAME.corefix.json beside it (NAME = the file name without
// its extension).
func AnnotationPath(path string) string {
	return filepath.Join(filepath.Dir(path), IDFromPath(path)+".corefix.json")
}

// LoadOrStart resumes the annotation saved in w when it exists and was
// made for doc's text, or starts a new one from the findings detect returns
// (called only when nothing is saved; nil starts one without findings,
// for an editor that finds them after its first frame). An annotation
// file for a different text is refused, never overwritten. resumed tells
// which.
func (w *Workfile) LoadOrStart(doc *Document, detect func() ([]Finding, error), origin Origin) (a *Annotation, resumed bool, err error) {
	saved, err := w.Load()
	switch {
	case err == nil:
		if saved.Doc.SHA256() != doc.SHA256() {
			return nil, false, fmt.Errorf("%s was made for a different text than %s (sha256 %s, the text now %s); move it away or choose another --out",
				w.Path, displayPath(doc.Path), short(saved.Doc.SHA256()), short(doc.SHA256()))
		}
		// The same text: doc, with the path and id the user gave this
		// time, and one copy of the text, where the file's was a second
		// (20 MB of a reopened 20 MB article's heap, for as long as it
		// was open).
		saved.Doc = doc
		return saved, true, nil
	case errors.Is(err, fs.ErrNotExist):
	default:
		return nil, false, err
	}
	var fs []Finding
	if detect != nil {
		if fs, err = detect(); err != nil {
			return nil, false, err
		}
	}
	a, err = NewAnnotation(doc, fs, origin)
	return a, false, err
}

// Describe is a one-line summary of an annotation's progress, e.g.
// "12/75 reviewed (accepted 8, edited 2, rejected 2, pending 63)".
func (a *Annotation) Describe() string {
	c := a.Counts()
	var parts []string
	for _, s := range Statuses {
		parts = append(parts, fmt.Sprintf("%s %d", s, c[s]))
	}
	return fmt.Sprintf("%d/%d reviewed (%s)", a.Len()-c[Pending], a.Len(), strings.Join(parts, ", "))
}
