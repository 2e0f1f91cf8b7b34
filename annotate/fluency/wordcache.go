package fluency

import "hash/maphash"

// wordCache remembers where the model found the tags of the words it
// has looked up (lookup), across windows and texts: a word's lookup
// depends on its text alone, and texts share most of their words, so
// nearly every token is found with one hash and one memory access where
// looking it up costs a map access or, for an unseen word, one per
// suffix length. Each slot holds one word, replaced by the next word
// hashed there; a word longer than a slot is looked up each time. It
// belongs to one model at a time (use resets it for another).
type wordCache struct {
	m     *Model
	seed  maphash.Seed
	slots [1 << wordBits]wordSlot
}

// wordBits is log2 of the slots of a wordCache: 8,192 words, 384 KB.
const wordBits = 13

// wordSlot is one cached word: its hash, its text (n bytes, n = 0 for
// an empty slot) and its lookup.
type wordSlot struct {
	h  uint64
	n  uint8
	w  [23]byte
	lk lookup
}

// use readies c for model m, emptying it if it held another model's
// lookups.
func (c *wordCache) use(m *Model) {
	if c.m != m {
		*c = wordCache{m: m, seed: maphash.MakeSeed()}
	}
}

// lookup returns m.lookup(w) (c must be in use for m).
func (c *wordCache) lookup(w string) lookup {
	if len(w) == 0 || len(w) > len(c.slots[0].w) {
		return c.m.lookup(w)
	}
	h := maphash.String(c.seed, w)
	s := &c.slots[h>>(64-wordBits)]
	if s.h == h && int(s.n) == len(w) && string(s.w[:s.n]) == w {
		return s.lk
	}
	lk := c.m.lookup(w)
	s.h, s.n, s.lk = h, uint8(len(w)), lk
	copy(s.w[:], w)
	return lk
}
