package ui

import (
	"slices"
	"sort"
	"strings"

	"corefix/model"

	tea "charm.land/bubbletea/v2"
)

// article is the wrapped article with every span highlighted. It wraps
// once per width or text change (incrementally after a decision), keeps
// the styled rows it drew, and draws only the visible ones.
type article struct {
	a      *model.Annotation
	styles *Styles
	gen    int // counts the times all spans were replaced (see Reset)
	st     stream
	// changed lists the byte ranges whose displayed text changed since
	// the last Refresh (see spanChanged).
	changed [][2]int
	rows    []row
	head    bool // rows are only the first few screens (see SetHead)
	width   int
	height  int
	top     int // first visible row
	cache   map[int]string

	focus  int                   // focused span, -1 for none
	match  [2]int                // current search match (bytes), empty when Start==End
	sel    [2]int                // span being marked (bytes), empty when Start==End
	filter func(model.Span) bool // spans failing it are drawn as plain text
}

func newArticle(a *model.Annotation, styles *Styles) *article {
	v := &article{a: a, styles: styles, focus: -1, cache: map[int]string{}}
	v.st = stream{text: a.Doc.Text, shown: shownSpans(a)}
	return v
}

// Reset catches up with spans replaced all at once (findings that
// arrived after the first frame): it lists the shown spans again and
// re-wraps when some are shown.
func (v *article) Reset() {
	v.gen++
	v.changed = nil
	v.st.shown = shownSpans(v.a)
	if v.rows != nil && (len(v.st.shown) > 0 || v.head) {
		v.head = false
		v.rows = wrap(&v.st, v.width)
	}
	v.clampTop()
	v.dirty()
}

// spanChanged keeps the shown spans up to date with one change of the
// annotation (see model.Annotation.Watch) and notes the range to re-wrap:
// the cost of a decision is the cost of its span, whatever the article's
// size.
func (v *article) spanChanged(at int, before, after *model.Span) {
	ref := before
	if ref == nil {
		ref = after
	}
	sh := v.st.shown
	k := sort.Search(len(sh), func(k int) bool { return sh[k].start >= ref.Start })
	var old *shown
	if before != nil && k < len(sh) && sh[k].span == at {
		o := sh[k]
		old = &o
		sh = slices.Delete(sh, k, k+1)
	}
	switch {
	case before == nil:
		shiftShown(sh, at, 1)
	case after == nil:
		shiftShown(sh, at+1, -1)
	}
	var fresh *shown
	if after != nil && after.Status.Changes() {
		fresh = &shown{start: after.Start, end: after.End, text: displayText(after.Replacement), span: at}
		sh = slices.Insert(sh, k, *fresh)
	}
	v.st.shown = sh
	switch {
	case old == nil && fresh == nil:
	case old == nil:
		v.changed = append(v.changed, [2]int{fresh.start, fresh.end})
	case fresh == nil:
		v.changed = append(v.changed, [2]int{old.start, old.end})
	case old.text != fresh.text || old.end != fresh.end:
		v.changed = append(v.changed, [2]int{min(old.start, fresh.start), max(old.end, fresh.end)})
	}
}

// shiftShown adds d to the span index of every shown span from index
// from on (a span was inserted or removed before them).
func shiftShown(sh []shown, from, d int) {
	for k := range sh {
		if sh[k].span >= from {
			sh[k].span += d
		}
	}
}

// SetSize re-wraps when the width changes and keeps the first visible
// character on screen.
func (v *article) SetSize(w, h int) {
	if w < 1 {
		w = 1
	}
	v.height = max(h, 0)
	if w == v.width && v.rows != nil {
		v.clampTop()
		return
	}
	v.head = false
	var anchor pos
	if v.rows != nil {
		anchor = v.rows[v.top].start
	}
	v.width = w
	v.rows = wrap(&v.st, w)
	v.top = rowAt(v.rows, anchor)
	v.clampTop()
	v.dirty()
}

// headScreens is how many screens of rows SetHead wraps.
const headScreens = 4

// SetHead lays out only the first few screens of rows at width w: the
// first frame of an article whose spans are awaited, so that it does not
// wait for the whole article to be wrapped (0.1-0.3 s at 20 MB). The
// rows wrapped in the background (wrapCmd) take their place, unless a
// key wants them sooner (Whole).
func (v *article) SetHead(w, h int) {
	v.width, v.height = max(w, 1), max(h, 0)
	v.rows, v.head, v.top = wrapHead(&v.st, v.width, headScreens*max(h, 1)), true, 0
	v.dirty()
}

// Whole wraps the rest of the article when only its head is wrapped.
// The head's rows stay as they were drawn.
func (v *article) Whole() {
	if v.head {
		v.rows, v.head = wrap(&v.st, v.width), false
		v.clampTop()
	}
}

// wrappedMsg brings the rows of art wrapped in the background.
type wrappedMsg struct {
	art   *article
	width int
	gen   int
	rows  []row
}

// wrapCmd wraps the whole article in the background when only its head
// is wrapped, on a copy of what it shows.
func (v *article) wrapCmd() tea.Cmd {
	if !v.head {
		return nil
	}
	st := stream{text: v.st.text, shown: slices.Clone(v.st.shown)}
	width, gen := v.width, v.gen
	return func() tea.Msg { return wrappedMsg{art: v, width: width, gen: gen, rows: wrap(&st, width)} }
}

// wrapped takes the rows wrapCmd wrapped, unless they are no longer the
// article's: the whole article was wrapped meanwhile, or at another
// width, or its spans were replaced.
func (v *article) wrapped(msg wrappedMsg) {
	if msg.art != v || !v.head || msg.width != v.width || msg.gen != v.gen {
		return
	}
	v.rows, v.head = msg.rows, false
	v.clampTop()
}

// Refresh catches up with changes to the annotation: it re-wraps only
// around spans whose displayed text changed (see spanChanged).
func (v *article) Refresh() {
	if v.rows != nil {
		for _, c := range v.changed {
			v.rows = rewrap(&v.st, v.width, v.rows, c[0], c[1])
		}
	}
	v.changed = v.changed[:0]
	v.clampTop()
	v.dirty()
}

// SetFocus moves the highlight of the focused span, redrawing only the
// rows of the old and the new focus.
func (v *article) SetFocus(i int) {
	if i == v.focus {
		return
	}
	v.invalidateSpan(v.focus)
	v.focus = i
	v.invalidateSpan(i)
}

// SetMatch, SetSelection and SetFilter change what is highlighted.
func (v *article) SetMatch(start, end int) {
	v.match = [2]int{start, end}
	v.dirty()
}

// SetSelection highlights the span being marked ([start,end) in bytes).
func (v *article) SetSelection(start, end int) {
	v.sel = [2]int{start, end}
	v.dirty()
}

// SetFilter draws spans failing f as plain text.
func (v *article) SetFilter(f func(model.Span) bool) {
	v.filter = f
	v.dirty()
}

// SetStyles switches styles (after the background colour is known).
func (v *article) SetStyles(s *Styles) {
	v.styles = s
	v.dirty()
}

func (v *article) dirty() { clear(v.cache) }

func (v *article) invalidateSpan(i int) {
	if i < 0 || i >= v.a.Len() || v.rows == nil {
		return
	}
	s := v.a.Span(i)
	first, last := v.rowsOf(s.Start, s.End)
	for r := first; r <= last; r++ {
		delete(v.cache, r)
	}
}

// rowsOf returns the first and last rows showing the source range
// [start, end).
func (v *article) rowsOf(start, end int) (first, last int) {
	first = rowAt(v.rows, pos{src: start})
	lastPos := pos{src: max(end-1, start)}
	if k := sort.Search(len(v.st.shown), func(k int) bool { return v.st.shown[k].start >= start }); k < len(v.st.shown) && v.st.shown[k].start == start {
		lastPos = pos{src: start, sub: len(v.st.shown[k].text) - 1}
	}
	return first, rowAt(v.rows, lastPos)
}

// Reveal scrolls as little as possible to show source range [start,end);
// a target far off screen lands a third of the way down, so the reader
// sees what leads up to it.
func (v *article) Reveal(start, end int) {
	if v.rows == nil || v.height == 0 {
		return
	}
	first, last := v.rowsOf(start, end)
	switch {
	case first >= v.top && last < v.top+v.height:
		return
	case first < v.top-v.height || last >= v.top+2*v.height:
		v.top = first - v.height/3
	case first < v.top:
		v.top = first
	default:
		v.top = last - v.height + 1
		if first < v.top {
			v.top = first
		}
	}
	v.clampTop()
}

// Scroll moves the view by n rows; Home and End are huge n.
func (v *article) Scroll(n int) {
	v.top += n
	v.clampTop()
}

func (v *article) clampTop() {
	v.top = min(v.top, len(v.rows)-v.height)
	v.top = max(v.top, 0)
}

// Visible returns the source byte range shown on screen.
func (v *article) Visible() (start, end int) {
	if v.rows == nil {
		return 0, 0
	}
	last := min(v.top+v.height, len(v.rows)) - 1
	return v.rows[v.top].start.src, v.rows[max(last, v.top)].end.src
}

// spanFrom is the index of the first span ending after byte offset off
// (len(spans) when none does).
func (v *article) spanFrom(off int) int {
	return v.a.Search(func(s *model.Span) bool { return s.End > off })
}

// Render draws the visible rows not drawn yet and keeps them. Update
// calls it after every message, so View only joins kept rows.
func (v *article) Render() {
	for r := v.top; r < min(v.top+v.height, len(v.rows)); r++ {
		if _, ok := v.cache[r]; !ok {
			v.cache[r] = v.renderRow(v.rows[r])
		}
	}
}

// View joins the visible rows, exactly height lines. A row Render did not
// draw (the article changed outside Update, as in tests) is drawn and not
// kept: View changes nothing.
func (v *article) View() string {
	lines := make([]string, v.height)
	for i := range lines {
		r := v.top + i
		if r >= len(v.rows) {
			break
		}
		s, ok := v.cache[r]
		if !ok {
			s = v.renderRow(v.rows[r])
		}
		lines[i] = s
	}
	return strings.Join(lines, "\n")
}

// renderRow draws one row, styling runs of characters that look the same.
func (v *article) renderRow(r row) string {
	j, n := v.spanFrom(r.start.src), v.a.Len()
	// The row's spans, read once each rather than once per character.
	cj, cur := -1, model.Span{}
	span := func(k int) *model.Span {
		if k != cj {
			cj, cur = k, v.a.Span(k)
		}
		return &cur
	}
	return drawRow(&v.st, r, func(at pos, sp int) spanLook {
		if sp < 0 {
			for j < n && span(j).End <= at.src {
				j++
			}
			if j < n && span(j).Start <= at.src {
				sp = j
			}
		}
		if sp < 0 {
			return v.lookAt(at, sp, nil)
		}
		return v.lookAt(at, sp, span(sp))
	}, v.styles.look)
}

// drawRow draws row r of st, writing each run of characters that look the
// same between the escape sequences sgr gives for their look. lookOf says
// how the character at a position looks (sp: the shown span it belongs
// to, -1 for none); it is called in text order, so it may keep a cursor.
func drawRow[L comparable](st *stream, r row, lookOf func(at pos, sp int) L, sgr func(L) (pre, suf string)) string {
	var b, seg strings.Builder
	var cur L
	flush := func() {
		if seg.Len() == 0 {
			return
		}
		pre, suf := sgr(cur)
		b.WriteString(pre)
		b.WriteString(seg.String())
		b.WriteString(suf)
		seg.Reset()
	}
	it := st.iterAt(r.start)
	for it.p.less(r.end) {
		g, _, at, sp, ok := it.next()
		if !ok {
			break
		}
		if l := lookOf(at, sp); l != cur {
			flush()
			cur = l
		}
		seg.WriteString(printable(g))
	}
	flush()
	return b.String()
}

// lookAt decides how the character at p, inside span sp (s, -1 and nil
// for none), is drawn: the selection and search match win over spans.
func (v *article) lookAt(p pos, sp int, s *model.Span) spanLook {
	switch {
	case v.sel[0] < v.sel[1] && p.src >= v.sel[0] && p.src < v.sel[1]:
		return spanLook{special: lookSelection}
	case v.match[0] < v.match[1] && p.src >= v.match[0] && p.src < v.match[1] && p.sub == 0:
		return spanLook{special: lookMatch}
	case sp < 0:
		return spanLook{special: lookPlain}
	}
	if v.filter != nil && !v.filter(*s) && sp != v.focus {
		return spanLook{special: lookPlain}
	}
	return spanLook{status: s.Status, cat: s.Category, focused: sp == v.focus}
}

// spanAt is the span drawn at cell x of row r, -1 for none.
func (v *article) spanAt(r, x int) int {
	if r < 0 || r >= len(v.rows) {
		return -1
	}
	col := 0
	it := v.st.iterAt(v.rows[r].start)
	for it.p.less(v.rows[r].end) {
		_, w, at, sp, ok := it.next()
		if !ok || col > x {
			break
		}
		if col+max(w, 1) > x {
			if sp >= 0 {
				return sp
			}
			return v.a.Find(at.src)
		}
		col += w
	}
	return -1
}

// rowText is the displayed text of r without styling.
func rowText(st *stream, r row) string {
	var b strings.Builder
	it := st.iterAt(r.start)
	for it.p.less(r.end) {
		g, _, _, _, ok := it.next()
		if !ok {
			break
		}
		b.WriteString(printable(g))
	}
	return b.String()
}
