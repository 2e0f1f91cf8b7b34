package fluency

// wordCache remembers where the model found the tags of the words it
// has looked up (lookup), across windows and texts: a word's lookup
// depends on its text alone, and texts share most of their words, so
// nearly every token is found with a few multiplications and one memory
// access where looking it up costs a map access or, for an unseen word,
// one per suffix length. A word is held as its bytes packed into three
// machine words, which are both its hash and what a slot compares, so a
// hit reads no string. Each slot holds one word, replaced by the next
// word hashed there; a word longer than a slot is looked up each time. It
// belongs to one model at a time (use resets it for another).
//
// The hash is fixed, not seeded: a text built to make words collide only
// makes them miss the cache, which costs what looking them up costs.
type wordCache struct {
	m     *Model
	slots [1 << wordBits]wordSlot
}

// wordBits is log2 of the slots of a wordCache: 8,192 words, 384 KB.
const wordBits = 13

// wordSlot is one cached word: its bytes (little-endian, zero past its
// end), its length n (0 for an empty slot) and its lookup.
type wordSlot struct {
	key [3]uint64
	n   uint8
	lk  lookup
}

// use readies c for model m, emptying it if it held another model's
// lookups.
func (c *wordCache) use(m *Model) {
	if c.m != m {
		*c = wordCache{m: m}
	}
}

// lookup returns m.lookup(w) (c must be in use for m).
func (c *wordCache) lookup(w string) lookup {
	if len(w) == 0 || len(w) > 8*len(c.slots[0].key) {
		return c.m.lookup(w)
	}
	var key [3]uint64
	for i := 0; i < len(w); i++ {
		key[i>>3] |= uint64(w[i]) << (8 * (i & 7))
	}
	// Multiply-shift hashing of the three words and the length: the top
	// bits of the product mix every byte.
	h := (key[0]*0x9e3779b97f4a7c15 ^ key[1]*0xc2b2ae3d27d4eb4f ^ key[2]*0x165667b19e3779f9 ^ uint64(len(w))) * 0xff51afd7ed558ccd
	s := &c.slots[h>>(64-wordBits)]
	if s.key == key && int(s.n) == len(w) {
		return s.lk
	}
	lk := c.m.lookup(w)
	s.key, s.n, s.lk = key, uint8(len(w)), lk
	return lk
}
