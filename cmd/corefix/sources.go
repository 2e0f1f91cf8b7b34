package main

import (
	"fmt"
	"iter"
	"strings"

	"corefix/model"
	"corefix/model/store"
)

// annotationSource is where export, agree and stats read annotations:
// a review database (--db) or annotation files given as arguments.
type annotationSource struct {
	db    string
	files []string
}

// check records the positional arguments as files and requires exactly
// one kind of source.
func (src *annotationSource) check(args []string) error {
	src.files = args
	switch {
	case src.db == "" && len(args) == 0:
		return &usageError{msg: "give --db PATH or annotation files (NAME.corefix.json...)"}
	case src.db != "" && len(args) > 0:
		return &usageError{msg: "give --db PATH or annotation files, not both"}
	}
	return nil
}

// open opens the database; the caller closes it.
func (src *annotationSource) open() (*store.Store, error) {
	return store.Open(src.db, store.Options{})
}

// annotationFiles loads the files one at a time (errors name the file).
func annotationFiles(paths []string) iter.Seq2[*model.Annotation, error] {
	return func(yield func(*model.Annotation, error) bool) {
		for _, p := range paths {
			a, err := model.ReadAnnotationFile(p)
			if !yield(a, err) || err != nil {
				return
			}
		}
	}
}

// oneAnnotator picks the annotator whose work to use: name when given
// (it must have annotations), else the only annotator in the database.
func oneAnnotator(s *store.Store, name string) (string, error) {
	names, err := s.Annotators()
	if err != nil {
		return "", err
	}
	if name != "" {
		for _, n := range names {
			if n == name {
				return name, nil
			}
		}
		return "", fmt.Errorf("%s: no annotations by %q (annotators: %s)", s.Path(), name, listOrNone(names))
	}
	switch len(names) {
	case 0:
		return "", fmt.Errorf("%s: no annotations yet", s.Path())
	case 1:
		return names[0], nil
	}
	return "", &usageError{msg: fmt.Sprintf("%s has annotations by %s: choose one with --annotator", s.Path(), strings.Join(names, ", "))}
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, ", ")
}
