package detect

import (
	"math/bits"
	"sync"

	"corefix/model"
)

// wordTable finds the first token with the same text as a later one, so
// analyze classifies each distinct word of a document once: a news text
// repeats most of its words, and classifying one costs map lookups and
// case folding that copying the first occurrence's class does not. Like
// phraseTable it is pooled and emptied by a generation stamp.
type wordTable struct {
	slots []wordSlot
	gen   uint32
	shift uint8 // 64 - log2(len(slots))
}

// wordSlot is one distinct word: its hash and first token, valid while
// gen is the table's generation.
type wordSlot struct {
	key   uint64
	first int32
	gen   uint32
}

// wordTables holds word tables between documents, one per goroutine.
var wordTables = sync.Pool{New: func() any { return new(wordTable) }}

// reset empties the table and makes room for n words at a load of one
// half or less.
func (t *wordTable) reset(n int) {
	size := 1 << max(10, bits.Len(uint(2*n)))
	// Only as many slots as the document needs, however large an
	// earlier one made the table: a small document's keys stay close
	// together in the cache. Slots beyond carry older generations.
	if cap(t.slots) < size {
		t.slots = make([]wordSlot, size)
		t.gen = 0
	}
	t.slots = t.slots[:size]
	t.shift = uint8(64 - bits.Len(uint(size-1)))
	t.gen++
	if t.gen == 0 { // wrapped: old stamps could look current
		clear(t.slots[:cap(t.slots)])
		t.gen = 1
	}
}

// firstOf returns the first token before i whose text equals token i's
// (of hash h), or records token i as the first of its text and returns
// -1. Equal hashes are checked against the text, so two words that share
// a hash are still told apart.
func (t *wordTable) firstOf(i int, h uint64, toks []model.Token, text string) int {
	mask := len(t.slots) - 1
	w := toks[i].Text(text)
	for k := int((h * 0x9E3779B97F4A7C15) >> t.shift); ; k = (k + 1) & mask {
		s := &t.slots[k]
		if s.gen != t.gen {
			*s = wordSlot{key: h, first: int32(i), gen: t.gen}
			return -1
		}
		if s.key == h && toks[s.first].Text(text) == w {
			return int(s.first)
		}
	}
}
