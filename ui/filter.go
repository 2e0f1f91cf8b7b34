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

// step moves the focus to the next (dir 1) or previous (dir -1) span the
// filter keeps, wrapping around. Going forward, pending spans come first
// because they are the work left (all spans once none is pending, or under
// the "decided" filter); going back visits every span, so the one just
// decided is one key away. It reports whether the focus moved.
func (m *Model) step(dir int) bool {
	n := m.a.Len()
	if n == 0 {
		return false
	}
	f := filters[m.filter]
	wantPending := dir > 0 && f.name != "decided"
	for pass := 0; pass < 2; pass++ {
		for k := 1; k <= n; k++ {
			j := ((m.focus+dir*k)%n + n) % n
			s := m.a.Span(j)
			if f.keep(s) && (!wantPending || s.Status == model.Pending) {
				if j == m.focus {
					return false
				}
				m.setFocus(j)
				return true
			}
		}
		wantPending = false
	}
	return false
}
