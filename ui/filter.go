package ui

import "corefix/model"

// filter narrows which spans n/p visit and the article highlights.
type filter struct {
	name string
	keep func(model.Span) bool
	// kinds are the spans keep keeps, for finding the next one without
	// reading every span (model.Annotation.Next) and for the strip.
	kinds model.Kinds
}

// filters is the cycle f walks: all, pending, decided, then each category.
var filters = func() []filter {
	fs := []filter{
		{"all", func(model.Span) bool { return true }, model.AllKinds},
		{"pending", func(s model.Span) bool { return s.Status == model.Pending }, model.StatusKinds(model.Pending)},
		{"decided", func(s model.Span) bool { return s.Status != model.Pending }, model.AllKinds &^ model.StatusKinds(model.Pending)},
	}
	for _, c := range model.Categories {
		fs = append(fs, filter{string(c), func(s model.Span) bool { return s.Category == c }, model.CategoryKinds(c)})
	}
	return fs
}()
