package detect

import (
	"sync"

	"corefix/annotate/lexicon"
)

// classCache remembers the class of the words it has classified, across
// documents: a word's class depends on its text alone, and news texts
// share most of their words, so nearly every token is found here with one
// memory access where classifying it costs map lookups and case folding.
// Each slot holds one word, replaced by the next word hashed there.
type classCache struct {
	slots [1 << classBits]classSlot
}

// classBits is log2 of the slots of a classCache: 8,192 words, 256 KB.
const classBits = 13

// classSlot is one cached word: its hash, class and text (up to 22 bytes;
// longer words are classified each time).
type classSlot struct {
	h   uint64
	cls lexicon.Class
	n   uint8
	w   [22]byte
}

// classCaches holds class caches between documents, one per goroutine
// at a time, so concurrent Detect calls never share one.
var classCaches = sync.Pool{New: func() any { return new(classCache) }}

// class returns the class of w, whose wordHash is h, in the shipped
// lexicon (the only one, so a class once found stays right).
func (c *classCache) class(w string, h uint64) lexicon.Class {
	s := &c.slots[h>>(64-classBits)]
	if s.h == h && int(s.n) == len(w) && string(s.w[:s.n]) == w {
		return s.cls
	}
	cls := lexicon.Classify(w, lexicon.Lexicon())
	if len(w) <= len(s.w) {
		s.h, s.cls, s.n = h, cls, uint8(len(w))
		copy(s.w[:], w)
	}
	return cls
}
