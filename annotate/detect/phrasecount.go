package detect

import (
	"math/bits"
	"sync"
)

// phraseTable counts phrase hashes. Counting every candidate phrase of a
// document is the detectors' busiest loop, and a Go map spent most of it
// hashing, probing and allocating a fresh table per document; this
// open-addressing table is reused across documents (tables), and a
// generation stamp empties it without touching its memory.
type phraseTable struct {
	slots []phraseSlot
	gen   uint32
	shift uint8 // 64 - log2(len(slots)): slot index from a hash's top bits
	// alive holds countPhrases' phrases between levels, kept with the
	// table so a document allocates none.
	alive []openPhrase
}

// phraseSlot is one entry: valid while gen is the table's generation.
type phraseSlot struct {
	key uint64
	n   int32 // the count, and seenBit once markSeen marked the key
	gen uint32
}

// seenBit marks a slot's key seen; counts stay far below it (a count is
// at most the document's tokens).
const seenBit = 1 << 30

// tables holds phrase tables between documents, one per goroutine at a
// time, so concurrent Detect calls never share one.
var tables = sync.Pool{New: func() any { return new(phraseTable) }}

// reset empties the table and makes room for at least n keys at a load
// of one half or less.
func (t *phraseTable) reset(n int) {
	size := 1 << max(10, bits.Len(uint(2*n)))
	if len(t.slots) < size {
		t.slots = make([]phraseSlot, size)
		t.gen = 0
	}
	t.shift = uint8(64 - bits.Len(uint(len(t.slots)-1)))
	t.gen++
	if t.gen == 0 { // wrapped: old stamps could look current
		clear(t.slots)
		t.gen = 1
	}
}

// slot returns the index where key is or would go. Fibonacci hashing
// spreads the phrase hash's bits over the index, and the table is never
// more than half full, so linear probing stops soon.
func (t *phraseTable) slot(key uint64) int {
	mask := len(t.slots) - 1
	i := int((key * 0x9E3779B97F4A7C15) >> t.shift)
	for {
		s := &t.slots[i]
		if s.gen != t.gen || s.key == key {
			return i
		}
		i = (i + 1) & mask
	}
}

// add counts key once more.
func (t *phraseTable) add(key uint64) {
	s := &t.slots[t.slot(key)]
	if s.gen != t.gen {
		*s = phraseSlot{key: key, gen: t.gen}
	}
	s.n++
}

// count returns how often key was added since the last reset.
func (t *phraseTable) count(key uint64) int32 {
	if s := &t.slots[t.slot(key)]; s.gen == t.gen {
		return s.n &^ seenBit
	}
	return 0
}

// markSeen marks key, which must have been added since the last reset,
// and reports whether it was marked already.
func (t *phraseTable) markSeen(key uint64) bool {
	s := &t.slots[t.slot(key)]
	was := s.n&seenBit != 0
	s.n |= seenBit
	return was
}
