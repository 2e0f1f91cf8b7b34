package ui

import "corefix/model"

// filter narrows which spans n/p visit and the article highlights.
type filter struct {
	name string
	keep func(model.Span) bool
}

// filters is the cycle f walks: all, pending, decided, then each category.
var filters = func() []filter {
	fs := []filter{
		{"all", func(model.Span) bool { return true }},
		{"pending", func(s model.Span) bool { return s.Status == model.Pending }},
		{"decided", func(s model.Span) bool { return s.Status != model.Pending }},
	}
	for _, c := range model.Categories {
		fs = append(fs, filter{string(c), func(s model.Span) bool { return s.Category == c }})
	}
	return fs
}()
