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
	// slots come first, so that in a scratch (which holds its cache first
	// and is too large not to be allocated page-aligned) each 32-byte
	// slot is half a cache line.
	slots [1 << wordBits]wordSlot
	m     *Model
}

// wordBits is log2 of the slots of a wordCache: 8,192 words, 256 KB.
const wordBits = 13

// wordSlot is one cached word: its bytes (little-endian, zero past its
// end; all zero for an empty slot) and its lookup, packed (packLookup).
// A word ending in a zero byte is never cached, so no two words share a
// key: of two words that do not end in zero, the longer has a byte other
// than zero where the shorter's key has none. With the length not kept
// and the lookup in eight bytes a slot is 32 bytes, where it was 48 and
// a lookup read across two cache lines one time in three.
type wordSlot struct {
	key [3]uint64
	lk  uint64
}

// packLookup packs l into eight bytes: each list's offset in 24 bits and
// length in 8. ok is false for a lookup that does not fit, which is then
// not cached (a model of over sixteen million candidate tags).
func packLookup(l lookup) (v uint64, ok bool) {
	pack := func(r candRange) (uint64, bool) {
		return uint64(r.off) | uint64(r.n)<<24, uint32(r.off) < 1<<24 && uint32(r.n) < 1<<8
	}
	a, okA := pack(l.a)
	b, okB := pack(l.b)
	return a | b<<32, okA && okB
}

// unpackLookup is the lookup packLookup packed as v.
func unpackLookup(v uint64) lookup {
	unpack := func(u uint32) candRange { return candRange{off: int32(u & (1<<24 - 1)), n: int32(u >> 24)} }
	return lookup{a: unpack(uint32(v)), b: unpack(uint32(v >> 32))}
}

// use readies c for model m, emptying it if it held another model's
// lookups.
func (c *wordCache) use(m *Model) {
	if c.m != m {
		*c = wordCache{m: m}
	}
}

// lookupOr returns m.lookup(w), through c when it is not nil.
func (c *wordCache) lookupOr(m *Model, w string) lookup {
	if c == nil {
		return m.lookup(w)
	}
	return c.lookup(w)
}

// lookup returns m.lookup(w) (c must be in use for m).
func (c *wordCache) lookup(w string) lookup {
	if len(w) == 0 || len(w) > 8*len(c.slots[0].key) || w[len(w)-1] == 0 {
		return c.m.lookup(w)
	}
	k0, k1, k2 := packWord(w)
	// Multiply-shift hashing of the three words and the length: the top
	// bits of the product mix every byte.
	h := (k0*0x9e3779b97f4a7c15 ^ k1*0xc2b2ae3d27d4eb4f ^ k2*0x165667b19e3779f9 ^ uint64(len(w))) * 0xff51afd7ed558ccd
	s := &c.slots[h>>(64-wordBits)]
	if s.key[0] == k0 && s.key[1] == k1 && s.key[2] == k2 {
		return unpackLookup(s.lk)
	}
	lk := c.m.lookup(w)
	if v, ok := packLookup(lk); ok {
		s.key, s.lk = [3]uint64{k0, k1, k2}, v
	}
	return lk
}

// packWord returns the bytes of w, 1 to 24 of them, little-endian in
// three machine words, zero past its end. It reads them eight or four at
// a time (the compiler makes one load of each load64 and load32), where
// a byte at a time into an array was a third of lookup's time: the bytes
// of a partial last word are read as the last eight (or four) of w,
// shifted down past those already read.
func packWord(w string) (k0, k1, k2 uint64) {
	n := len(w)
	switch {
	case n > 16:
		return load64(w), load64(w[8:]), load64(w[n-8:]) >> (8 * (24 - n))
	case n > 8:
		return load64(w), load64(w[n-8:]) >> (8 * (16 - n)), 0
	case n >= 4:
		return load32(w) | load32(w[n-4:])<<(8*(n-4)), 0, 0
	}
	for i := range n {
		k0 |= uint64(w[i]) << (8 * i)
	}
	return k0, 0, 0
}

// load64 returns the first eight bytes of s, little-endian.
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// load32 returns the first four bytes of s, little-endian.
func load32(s string) uint64 {
	_ = s[3]
	return uint64(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}
