package lexicon

import (
	"math"
	"math/bits"
	"strings"
	"unicode/utf8"
)

// table maps words to values as a Go map does, for the fixed word lists:
// built once, read-only after, so goroutines share it safely. The
// detectors ask about most tokens of a text, and a map spent much of
// their time hashing and probing; short words hash faster byte by byte
// here, and a lookup that ignores case folds ASCII while hashing instead
// of building the lower-case word first.
type table[V any] struct {
	keys        []string
	vals        []V
	full        []bool
	shift       uint8 // 64 - log2(len(keys)): slot from a hash's top bits
	least, most int   // the lengths of the shortest and longest keys: others are not looked for
	// first holds a bit for each byte a key begins with: a word that
	// begins otherwise is not looked for. Most sets are a few words
	// (the fillers of speech, the titles before a name), and most
	// tokens asked about begin with a byte none of them does.
	first [4]uint64
}

// newTable returns a table of the entries of m.
func newTable[V any](m map[string]V) *table[V] {
	size := 1 << max(4, bits.Len(uint(2*len(m))))
	t := &table[V]{keys: make([]string, size), vals: make([]V, size), full: make([]bool, size),
		shift: uint8(64 - bits.Len(uint(size-1)))}
	t.least = math.MaxInt
	for w, v := range m {
		t.least, t.most = min(t.least, len(w)), max(t.most, len(w))
		if w != "" {
			t.first[w[0]>>6] |= 1 << (w[0] & 63)
		}
		k := t.slot(hashWord(w, false))
		for t.full[k] {
			k = (k + 1) & (size - 1)
		}
		t.keys[k], t.vals[k], t.full[k] = w, v, true
	}
	return t
}

// slot returns the first slot to probe for hash h.
func (t *table[V]) slot(h uint64) int { return int((h * 0x9E3779B97F4A7C15) >> t.shift) }

// begins reports whether a key begins with byte c.
func (t *table[V]) begins(c byte) bool { return t.first[c>>6]&(1<<(c&63)) != 0 }

// get returns the value of w.
func (t *table[V]) get(w string) (V, bool) {
	if len(w) < t.least || len(w) > t.most || w != "" && !t.begins(w[0]) {
		var zero V
		return zero, false
	}
	for k := t.slot(hashWord(w, false)); t.full[k]; k = (k + 1) & (len(t.keys) - 1) {
		if t.keys[k] == w {
			return t.vals[k], true
		}
	}
	var zero V
	return zero, false
}

// getLower returns the value of w in lower case (strings.ToLower).
func (t *table[V]) getLower(w string) (V, bool) {
	// A word whose first byte is ASCII begins with that byte lowered once
	// lower-cased, whatever follows: most words are ruled out here, before
	// they are scanned.
	if w != "" && w[0] < utf8.RuneSelf && !t.begins(lowerByte(w[0])) {
		var zero V
		return zero, false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= utf8.RuneSelf {
			return t.get(strings.ToLower(w))
		}
	}
	if len(w) < t.least || len(w) > t.most { // lower-casing keeps an ASCII word's length
		var zero V
		return zero, false
	}
	for k := t.slot(hashWord(w, true)); t.full[k]; k = (k + 1) & (len(t.keys) - 1) {
		if key := t.keys[k]; len(key) == len(w) && equalLower(key, w) {
			return t.vals[k], true
		}
	}
	var zero V
	return zero, false
}

// hashWord is the FNV-1a hash of w, of its ASCII letters lowered when
// lower is set.
func hashWord(w string, lower bool) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if lower {
			c = lowerByte(c)
		}
		h = (h ^ uint64(c)) * 1099511628211
	}
	return h
}

// equalLower reports whether key equals the ASCII word w lowered; they
// have the same length.
func equalLower(key, w string) bool {
	for i := 0; i < len(w); i++ {
		if key[i] != lowerByte(w[i]) {
			return false
		}
	}
	return true
}

// lowerByte returns the ASCII byte c lowered.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
