package ui

import (
	"slices"
	"sort"
	"unicode/utf8"
)

// row is one screen row of the wrapped article: the displayed characters
// in [start, end). cont marks a row that begins inside a word too long for
// the width, so its start depends on the row before it.
type row struct {
	start, end pos
	cont       bool
}

// wrap lays out the whole stream at width cells: greedy word wrap at
// grapheme boundaries, breaking inside a word only when it is wider than a
// row. Whitespace at a break is dropped; indentation at the start of a
// paragraph is kept.
func wrap(st *stream, width int) []row {
	rows, _ := wrapFrom(st, width, pos{}, false, st.end(), nil)
	return rows
}

// wrapHead lays out the first n rows of the stream at width cells (all
// of them when there are fewer): the rows wrap would begin with.
func wrapHead(st *stream, width, n int) []row {
	w := wrapper{st: st, width: max(width, 1), stop: st.end(), plain: true, limit: n, rows: make([]row, 0, n+1)}
	w.run()
	return w.rows
}

// rewrap re-wraps rows after the displayed text of [start, end) changed
// and returns the new rows. It restarts at the last row whose first word
// ends before the change, and stops as soon as it produces a row that the
// old layout also has after the change: greedy wrapping from the same
// place over the same text gives the same rows from there on.
func rewrap(st *stream, width int, rows []row, start, end int) []row {
	k := rowAt(rows, pos{src: start})
	if k > 0 {
		k-- // a shorter first word may now fit on the row before
	}
	for k > 0 && rows[k+1].cont {
		k-- // row k's first word runs into the change
	}
	from, cont := rows[k].start, rows[k].cont
	if k == 0 {
		// The first row may start after dropped spaces, and the change
		// may lie in them: begin at the beginning.
		from, cont = pos{}, false
	}
	fresh, resume := wrapFrom(st, width, from, cont, pos{src: end}, rows)
	// In place: usually as many rows come back as went, and nothing moves.
	return slices.Replace(rows, k, resume, fresh...)
}

// rowAt is the index of the row containing p (the last row starting at or
// before it).
func rowAt(rows []row, p pos) int {
	i := sort.Search(len(rows), func(i int) bool { return p.less(rows[i].start) }) - 1
	if i < 0 {
		return 0
	}
	return i
}

// wrapFrom wraps from position from to the end of the text, or until it
// starts a row at or after stop that old also starts there (then it
// returns that row's index in old as resume; len(old) otherwise).
func wrapFrom(st *stream, width int, from pos, cont bool, stop pos, old []row) (rows []row, resume int) {
	if width < 1 {
		width = 1
	}
	w := wrapper{st: st, width: width, start: from, cont: cont, end: from, stop: stop, old: old, resume: len(old), plain: true}
	if old == nil {
		// Rows fill about nine tenths of the width: growing the slice
		// row by row copied it twenty times over on a 20 MB article.
		w.rows = make([]row, 0, (len(st.text)-from.src)*10/(9*width)+16)
	}
	w.run()
	return w.rows, w.resume
}

// wrapper holds the state of one greedy wrapping pass.
type wrapper struct {
	st     *stream
	width  int
	rows   []row
	start  pos  // start of the row being filled
	cont   bool // that row starts inside a split word
	end    pos  // end of the last word placed on it
	col    int  // cells used on it
	stop   pos
	old    []row
	resume int
	limit  int // stop after this many rows; 0: at the end

	// plain lets rows of plain ASCII be placed whole (see plainRows);
	// off, the wrapper goes a grapheme at a time, which tests compare.
	plain bool
}

func (w *wrapper) run() {
	it := w.st.iterAt(w.start)
	paraStart := w.start.src == 0 && w.start.sub == 0 || w.start.sub == 0 && w.st.text[w.start.src-1] == '\n'
	pending := 0 // width of the spaces since the last word
	for {
		save := it
		g, gw, at, _, ok := it.next()
		switch {
		case !ok:
			w.emit()
			return
		case g == "\n":
			w.emit()
			if w.newRow(it.p, false) {
				return
			}
			paraStart, pending = true, 0
		case isSpace(g):
			sw, after := gw, it
			for {
				probe := after
				g2, gw2, _, _, ok2 := probe.next()
				if !ok2 || !isSpace(g2) {
					break
				}
				sw += gw2
				after = probe
			}
			it = after
			if paraStart && w.empty() && sw < w.width {
				// Indentation at the start of a paragraph is content.
				w.col, w.end = sw, it.p
			} else {
				pending = sw
			}
		default:
			it = save
			if w.empty() {
				w.start, w.end = at, at // dropped spaces do not start a row
				if w.plain && w.plainRows(&it) {
					return
				}
				at = it.p
			}
			ww, wordEnd := measureWord(it)
			if !w.empty() && w.col+pending+ww > w.width {
				w.emit()
				if w.newRow(at, false) {
					return
				}
				// The word starts the new row, where the next turn may
				// place plain rows whole.
				pending, paraStart = 0, false
				continue
			} else if !w.empty() {
				w.col += pending
			}
			pending, paraStart = 0, false
			if w.col+ww <= w.width {
				w.col += ww
				w.end = wordEnd.p
				it = wordEnd
				continue
			}
			if w.split(&it) {
				return
			}
		}
	}
}

// plainRows places whole rows at once while the text ahead is plain
// ASCII, starting at a word at the start of an empty row, and reports
// whether wrapping stopped. Grapheme by grapheme, wrapping a 20 MB article
// took a third of a second; most text is plain, where every byte is a
// grapheme one cell wide, so a row is the longest run of words that ends
// within the width, and the next row starts at the next word. It leaves
// anything else (a line break, a tab, a shown span, a word longer than
// the row, the end of the text, a byte of another script) to run.
func (w *wrapper) plainRows(it *iter) bool {
	text := w.st.text
	for it.p.sub == 0 {
		s := it.p.src
		limit := len(text)
		if it.k < len(w.st.shown) {
			limit = w.st.shown[it.k].start
		}
		if s+w.width+2 > limit || !plainASCII(text[s:s+w.width+2]) || text[s] == ' ' {
			return false
		}
		e := w.width // the last word end within the width
		for e > 0 && (text[s+e] != ' ' || text[s+e-1] == ' ') {
			e--
		}
		if e == 0 {
			return false
		}
		j := s + e
		for j < limit && text[j] == ' ' {
			j++
		}
		if j >= limit || text[j] <= ' ' || text[j] >= 0x7f || j+1 < limit && text[j+1] >= utf8.RuneSelf {
			return false // the next row does not surely start at a plain word
		}
		w.end = pos{src: s + e}
		w.emit()
		if w.newRow(pos{src: j}, false) {
			return true
		}
		it.p = pos{src: j}
	}
	return false
}

// plainASCII reports whether s is printable ASCII and spaces only.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c >= 0x7f {
			return false
		}
	}
	return true
}

// measureWord returns the width of the word at it and an iterator just
// after it.
func measureWord(it iter) (int, iter) {
	ww := 0
	for {
		probe := it
		g, gw, _, _, ok := probe.next()
		if !ok || g == "\n" || isSpace(g) {
			return ww, it
		}
		ww += gw
		it = probe
	}
}

// split places a word wider than a row, breaking it between graphemes.
// It reports whether wrapping stopped.
func (w *wrapper) split(it *iter) bool {
	for {
		probe := *it
		g, gw, at, _, ok := probe.next()
		if !ok || g == "\n" || isSpace(g) {
			return false
		}
		if !w.empty() && w.col+gw > w.width {
			w.emit()
			if w.newRow(at, true) {
				return true
			}
		}
		w.col += gw
		w.end = probe.p
		*it = probe
	}
}

// empty reports whether nothing is placed on the row yet (zero-width
// characters count as placed, so col cannot tell).
func (w *wrapper) empty() bool { return w.end == w.start }

func (w *wrapper) emit() {
	w.rows = append(w.rows, row{start: w.start, end: w.end, cont: w.cont})
}

// newRow starts a row at p and reports whether the old layout takes over
// from here.
func (w *wrapper) newRow(p pos, cont bool) bool {
	w.start, w.end, w.cont, w.col = p, p, cont, 0
	if w.limit > 0 && len(w.rows) >= w.limit {
		return true
	}
	if p.less(w.stop) || len(w.old) == 0 {
		return false
	}
	i := sort.Search(len(w.old), func(i int) bool { return !w.old[i].start.less(p) })
	if i < len(w.old) && w.old[i].start == p && w.old[i].cont == cont {
		w.resume = i
		return true
	}
	return false
}
