package ui

// layout is how many rows each part of the screen gets, top to bottom.
type layout struct {
	Width   int
	Header  int // file, progress, counts
	Article int
	Strip   int // where the findings sit
	Detail  int // the focused span
	Status  int // messages, or the input while editing
	Help    int
}

// computeLayout divides a w×h screen. Small screens shrink the header and
// the detail panel first, so 40×12 still shows six rows of article; tall
// ones give the detail panel a row more. The full help and a message in
// full draw over the article, strip and detail rows (see overlayRows), so
// they change no layout.
func computeLayout(w, h int) layout {
	l := layout{Width: max(w, 1), Header: 2, Strip: 1, Detail: 4, Status: 1, Help: 1}
	switch {
	case h < 16:
		l.Header, l.Detail = 1, 2
	case h < 24:
		l.Detail = 3
	case h >= 40:
		l.Detail = 5 // room for the detector's whole reason
	}
	fixed := func() int { return l.Header + l.Strip + l.Detail + l.Status + l.Help }
	for _, shrink := range []*int{&l.Detail, &l.Strip, &l.Help, &l.Header, &l.Status} {
		for *shrink > 0 && h-fixed() < 1 {
			(*shrink)--
		}
	}
	l.Article = max(h-fixed(), 0)
	return l
}

// overlayRows is the height of a panel drawn over the article, the strip
// and the detail panel.
func (l layout) overlayRows() int { return l.Article + l.Strip + l.Detail }
