package ui

import (
	"bytes"
	"math"

	tea "charm.land/bubbletea/v2"
)

// A search looks for its query in the article folded to ASCII lower case:
// from where it starts (after the last match, or the top of the screen)
// to the end of the text, then from its start; the first match in that
// order is the one shown. That can be the whole text, 10-20 ms on a 20 MB
// article: a key looks at the first searchKeyBytes of it, and hands the
// rest to a Cmd (see find).

// searchKeyBytes is how much of the text a key searches before it hands
// the rest to a Cmd: 0.2-0.5 ms.
const searchKeyBytes = 512 << 10

// huntChunk is how much of the text a hunt folds at a time, in a buffer
// that stays in the cache.
const huntChunk = 32 << 10

// hunt is a search through the text for a folded query: the places a
// match may start at, from from to the end of the text and then from the
// start up to from, looked at in that order from next on. A hunt belongs
// to the Update that made it until it hands it to a Cmd, which then owns
// it: the text never changes.
type hunt struct {
	text    string
	query   []byte
	from    int
	next    int
	wrapped bool   // next is in the second part, before from
	chunk   int    // how much to fold at a time (huntChunk; less in tests)
	buf     []byte // the folded chunk
}

// newHunt starts a search for query (folded here) in text from byte
// offset from.
func newHunt(text, query string, from int) *hunt {
	from = min(max(from, 0), len(text))
	return &hunt{text: text, query: foldASCII(nil, query), from: from, next: from, chunk: huntChunk}
}

// step looks at up to limit more places, and reports the match found (-1
// for none) and whether the hunt is over: a match found, or every place
// looked at.
func (h *hunt) step(limit int) (at int, over bool) {
	for limit > 0 {
		end := len(h.text)
		if h.wrapped {
			end = h.from
		}
		if h.next >= end {
			if h.wrapped {
				return -1, true
			}
			h.wrapped, h.next = true, 0
			continue
		}
		hi := min(end, h.next+min(limit, h.chunk))
		if i := h.index(h.next, hi); i >= 0 {
			return i, true
		}
		limit -= hi - h.next
		h.next = hi
	}
	return -1, false
}

// index is the first match starting in [lo, hi), -1 for none.
func (h *hunt) index(lo, hi int) int {
	h.buf = foldASCII(h.buf[:0], h.text[lo:min(len(h.text), hi+len(h.query)-1)])
	if i := bytes.Index(h.buf, h.query); i >= 0 && lo+i < hi {
		return lo + i
	}
	return -1
}

// foundMsg brings the match a search's Cmd found, -1 for none; seq is the
// search's (see searchState).
type foundMsg struct{ seq, at int }

// huntCmd finishes hunt h in the background.
func huntCmd(h *hunt, seq int) tea.Cmd {
	return func() tea.Msg {
		at, _ := h.step(math.MaxInt)
		return foundMsg{seq: seq, at: at}
	}
}

// foldASCII appends s to dst with its ASCII letters lower-cased only, so
// byte offsets in the folded text are offsets in the original (full
// Unicode folding can change lengths).
func foldASCII(dst []byte, s string) []byte {
	n := len(dst)
	dst = append(dst, s...)
	for i := n; i < len(dst); i++ {
		if dst[i]-'A' < 26 {
			dst[i] += 'a' - 'A'
		}
	}
	return dst
}
