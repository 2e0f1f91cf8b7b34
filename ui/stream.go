package ui

import (
	"sort"
	"unicode/utf8"

	"corefix/model"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// pos is a place in the displayed article. src is a byte offset into the
// document text; inside a span displayed by its replacement, src is the
// span's start and sub the byte offset into the replacement. Keeping
// positions in source coordinates means a decision only moves positions
// inside its own span, which is what makes re-wrapping incremental.
type pos struct{ src, sub int }

func (p pos) less(q pos) bool {
	if p.src != q.src {
		return p.src < q.src
	}
	return p.sub < q.sub
}

// shown is a span displayed as its replacement instead of its source text.
type shown struct {
	start, end int
	text       string
	span       int // index in the annotation
}

// emptyReplacement stands for a replacement that deletes the span, so the
// decision stays visible (and focusable) in the article.
const emptyReplacement = "∅"

// changingKinds are the spans the article displays by their replacement.
func changingKinds() model.Kinds {
	return model.StatusKinds(model.Accepted) | model.StatusKinds(model.Edited)
}

// shownSpans lists the spans of a the article displays by their
// replacement (accepted and edited ones), in text order, reading only
// blocks of spans that hold some.
func shownSpans(a *model.Annotation) []shown {
	var out []shown
	for i := a.Next(-1, 1, changingKinds()); i >= 0; i = a.Next(i, 1, changingKinds()) {
		s := a.Span(i)
		out = append(out, shown{start: s.Start, end: s.End, text: displayText(s.Replacement), span: i})
	}
	return out
}

// displayText makes a replacement printable on one row: line breaks and
// other control characters become spaces, and nothing becomes ∅.
func displayText(s string) string {
	if s == "" {
		return emptyReplacement
	}
	b := []byte(s)
	for i, c := range b {
		if c < 0x20 || c == 0x7f {
			b[i] = ' '
		}
	}
	return string(b)
}

// stream is the article as displayed: the document text with shown spans
// substituted.
type stream struct {
	text  string
	shown []shown
}

// end is the position after the last character.
func (st *stream) end() pos { return pos{src: len(st.text)} }

// iter walks a stream one grapheme cluster at a time.
type iter struct {
	st *stream
	p  pos
	k  int // index of the first shown span ending after p.src
}

func (st *stream) iterAt(p pos) iter {
	k := sort.Search(len(st.shown), func(i int) bool { return st.shown[i].end > p.src })
	return iter{st: st, p: p, k: k}
}

// next returns the grapheme at the iterator's position, its width in
// cells, the position it starts at and the span it belongs to when shown
// by replacement (-1 otherwise); ok is false at the end of the text.
func (it *iter) next() (g string, w int, at pos, span int, ok bool) {
	st := it.st
	for it.k < len(st.shown) && st.shown[it.k].start <= it.p.src {
		sh := st.shown[it.k]
		if it.p.sub < len(sh.text) {
			at = it.p
			g, w = grapheme(sh.text[it.p.sub:])
			it.p.sub += len(g)
			return g, w, at, sh.span, true
		}
		it.p = pos{src: sh.end}
		it.k++
	}
	if it.p.src >= len(st.text) {
		return "", 0, it.p, -1, false
	}
	limit := len(st.text)
	if it.k < len(st.shown) {
		limit = st.shown[it.k].start
	}
	at = it.p
	g, w = grapheme(st.text[it.p.src:limit])
	it.p.src += len(g)
	return g, w, at, -1, true
}

// grapheme returns the first grapheme cluster of s and its width. Plain
// ASCII takes a fast path because a 5 MB article is mostly ASCII. Control
// characters other than a newline count one cell (drawn as a space) so a
// stray tab cannot shift the layout; a carriage return counts none.
func grapheme(s string) (string, int) {
	switch c := s[0]; {
	case c == '\r':
		return s[:1], 0
	case c < 0x20 || c == 0x7f:
		return s[:1], 1
	case c < utf8.RuneSelf && (len(s) == 1 || s[1] < utf8.RuneSelf):
		return s[:1], 1
	}
	g, _, _, _ := uniseg.FirstGraphemeClusterInString(s, -1)
	return g, ansi.StringWidth(g)
}

// printable is how a grapheme is drawn: control characters become a
// space (or nothing for a carriage return), so they cannot move the
// terminal cursor.
func printable(g string) string {
	if len(g) == 1 && (g[0] < 0x20 || g[0] == 0x7f) {
		if g[0] == '\r' {
			return ""
		}
		return " "
	}
	return g
}

func isSpace(g string) bool { return g == " " || g == "\t" }
