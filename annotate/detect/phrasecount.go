package detect

import (
	"math/bits"
	"sync"
)

// phraseTable counts phrase hashes. Counting every candidate phrase of a
// document is the detectors' busiest loop, and a Go map spent most of it
// hashing, probing and allocating a fresh table per document; this
// open-addressing table is reused across documents (tables), and a
// generation stamp empties it without touching its memory. Callers keep
// the slot a key was added at (its index stays put until the table
// grows, and grow moves the slots it is given), so reading a count back
// needs no second search.
type phraseTable struct {
	slots []phraseSlot
	gen   uint32
	shift uint8 // 64 - log2(len(slots)): slot index from a hash's top bits
	used  int   // keys added since the last reset
	// refs is countPhrases' buffer for the phrases of one level, kept
	// with the table so a document allocates none.
	refs []phraseRef
}

// phraseSlot is one entry: valid while gen is the table's generation.
type phraseSlot struct {
	key uint64
	n   int32 // the count, and seenBit once markSeen marked the key
	gen uint32
}

// phraseRef is one occurrence of a counted phrase: the token it starts
// at and the slot of its hash.
type phraseRef struct {
	i, slot int32
}

// seenBit marks a slot's key seen; counts stay far below it (a count is
// at most the document's tokens).
const seenBit = 1 << 30

// tables holds phrase tables between documents, one per goroutine at a
// time, so concurrent Detect calls never share one.
var tables = sync.Pool{New: func() any { return new(phraseTable) }}

// release returns t to tables, unless a long text made it large (over
// pooledSlots): held in the pool, its megabytes would stay alive while
// the detectors, or the editor's mention analysis, go on with the same
// text, and texts that long are too few for the reuse to pay.
func (t *phraseTable) release() {
	if cap(t.slots) <= pooledSlots {
		tables.Put(t)
	}
}

// pooledSlots is the most slots of a table returned to the pool (4 MB):
// the table of a text of up to two million tokens. At 20 MB of varied
// text the table has 524,288 slots (8 MB), which the pool held beside
// the list of mentions as it was copied (findMentions), the peak of the
// editor's mention analysis after a fresh open.
const pooledSlots = 1 << 18

// longLevels is the most phrase refs a table keeps in its level
// buffer once counting is done (8 MB).
const longLevels = 1 << 20

// dropLongLevels lets the level buffer go once a long text's phrases
// are counted: at 20 MB it was 16 MB, held while the mentions were
// found and, the table being pooled, until the pool was next cleared.
// A short text's stays for the next document.
func (t *phraseTable) dropLongLevels() {
	if cap(t.refs) > longLevels {
		t.refs = nil
	}
}

// reset empties the table and makes room for at least n keys at a load
// of one half or less.
func (t *phraseTable) reset(n int) {
	size := 1 << max(10, bits.Len(uint(2*n)))
	// Only as many slots as the document needs, however large an
	// earlier one made the table: a small document's keys stay close
	// together in the cache. Slots beyond carry older generations.
	if cap(t.slots) < size {
		t.slots = make([]phraseSlot, size)
		t.gen = 0
	}
	t.slots = t.slots[:size]
	t.shift = uint8(64 - bits.Len(uint(size-1)))
	t.used = 0
	t.gen++
	if t.gen == 0 { // wrapped: old stamps could look current
		clear(t.slots[:cap(t.slots)])
		t.gen = 1
	}
}

// full reports whether one more key would fill the table beyond half.
func (t *phraseTable) full() bool { return 2*(t.used+1) > len(t.slots) }

// grow doubles the table, moving the slots of the refs in levels with
// their keys.
// (Text that repeats long stretches without a sentence end adds several
// keys per token; a full table would never stop probing.)
func (t *phraseTable) grow(levels [][]phraseRef) {
	old, gen := t.slots, t.gen
	t.slots = make([]phraseSlot, 2*len(old))
	t.shift--
	t.gen = 1
	for _, s := range old {
		if s.gen == gen {
			t.slots[t.slot(s.key)] = phraseSlot{key: s.key, n: s.n, gen: t.gen}
		}
	}
	for _, refs := range levels {
		for k := range refs {
			refs[k].slot = int32(t.slot(old[refs[k].slot].key))
		}
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

// find returns the slot of key, and whether it was added since the
// last reset.
func (t *phraseTable) find(key uint64) (int32, bool) {
	k := t.slot(key)
	return int32(k), t.slots[k].gen == t.gen
}

// add counts key once more and returns its slot. The table must not be
// full.
func (t *phraseTable) add(key uint64) int32 {
	k := t.slot(key)
	s := &t.slots[k]
	if s.gen != t.gen {
		*s = phraseSlot{key: key, gen: t.gen}
		t.used++
	}
	s.n++
	return int32(k)
}

// countAt returns how often the key at slot k was added since the last
// reset.
func (t *phraseTable) countAt(k int32) int32 { return t.slots[k].n &^ seenBit }

// keyAt returns the key at slot k.
func (t *phraseTable) keyAt(k int32) uint64 { return t.slots[k].key }

// markSeen marks the key at slot k and reports whether it was marked
// already.
func (t *phraseTable) markSeen(k int32) bool {
	s := &t.slots[k]
	was := s.n&seenBit != 0
	s.n |= seenBit
	return was
}
