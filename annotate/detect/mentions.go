package detect

import (
	"cmp"
	"slices"
	"unsafe"

	"corefix/annotate/lexicon"
)

// mention is one occurrence of a recurring noun phrase: tokens [i, j],
// at most max-mention of them (rules.json). A longer representative
// ("Steve Whitmore , a representative for the LA Sheriff 's office") is
// found by its first tokens. A long text holds half a million of them
// through every region, so a mention is 24 bytes: its words' phrase hash
// is not kept but read again from the text (phraseHash), by the few
// steps that use it once or twice a mention (at 20 MB of varied text, 8
// MB less held).
type mention struct {
	i, j  int
	count int32 // occurrences of the same words in the document
	first bool  // the earliest occurrence: the writer's own mention
}

// inNP reports whether a token of class c can sit inside a noun phrase
// ("A group of Afghan teenagers", "Labour 's Shadow Home Secretary").
func inNP(c lexicon.Class) bool {
	switch c {
	case lexicon.Low, lexicon.Cap, lexicon.Num, lexicon.Det, lexicon.Prep, lexicon.Clitic, lexicon.Ed, lexicon.Ing, lexicon.Punct:
		return true
	}
	return false
}

// endsNP reports whether a token of class c can close a noun phrase.
func endsNP(c lexicon.Class) bool {
	switch c {
	case lexicon.Low, lexicon.Cap, lexicon.Num, lexicon.Clitic, lexicon.Ing:
		return true
	}
	return false
}

// mentions finds the noun phrases that recur verbatim: a resolver copies
// each cluster's representative over every later mention, so the copies
// repeat a long phrase far more than a writer would. It returns maximal
// occurrences, left to right, never overlapping.
func (a *Analysis) mentions() []mention {
	if !a.found {
		a.recurring, a.found = a.findMentions(), true
	}
	return a.recurring
}

func (a *Analysis) findMentions() []mention {
	counts := tables.Get().(*phraseTable)
	a.countPhrases(counts)
	// About one token in ten starts a recurring mention in news text.
	out := make([]mention, 0, len(a.toks)/8)
	ratio := a.rules().Limits.LongerPhraseRatio.Value
	maxLen := a.rules().Limits.MaxMention.Value
	next := 0
	for i := range a.toks {
		if i < next || !a.startsPhrase(i) || !a.inPhrase(i, i) {
			continue
		}
		// The phrases from i, longer and longer, as countPhrases
		// counted them: their hashes are looked up again rather than
		// every level's phrases kept (at 20 MB, 140 MB).
		best, bestAt, bestN := -1, int32(0), 0
		h := hashSeed
		for j := i; j < i+maxLen && j < len(a.toks) && a.inPhrase(j, i); j++ {
			h = a.extendHash(h, j)
			slot, ok := counts.find(h)
			if !ok {
				// Its prefix recurs too rarely, so neither it nor
				// any longer phrase here was counted.
				break
			}
			if !endsNP(a.cls[j]) {
				continue
			}
			// A longer phrase must recur about as often as the shorter:
			// "Ahmed Mohamed father" twice against "Ahmed Mohamed" 35
			// times is the name plus a coincidence, not a new phrase.
			n := int(counts.countAt(slot))
			if n < 2 || ratio*n <= bestN {
				break
			}
			if j > i || a.cls[i] == lexicon.Cap {
				best, bestAt, bestN = j, slot, n
			}
		}
		if best < 0 {
			continue
		}
		out = append(out, mention{i: i, j: best, count: int32(bestN), first: !counts.markSeen(bestAt)})
		next = best + 1
	}
	// The table goes before the list is copied, which a long text's
	// mention analysis peaks at.
	counts.release()
	if cap(out)-len(out) > spareMentions {
		// Grown past its estimate, a long text's list leaves megabytes
		// unused (2.7 MB at 20 MB, held through every region): a copy
		// of its size.
		out = slices.Clone(out)
	}
	return out
}

// spareMentions is the most room the list of mentions keeps unused
// (1 MB).
const spareMentions = 1 << 20 / int(unsafe.Sizeof(mention{}))

// mentionFrom returns the recurring mention that starts at token i, if
// any (mentions are in text order, so a binary search finds it).
func (a *Analysis) mentionFrom(i int) (mention, bool) {
	ms := a.mentions()
	k, ok := slices.BinarySearchFunc(ms, i, func(m mention, i int) int { return cmp.Compare(m.i, i) })
	if !ok {
		return mention{}, false
	}
	return ms[k], true
}

// mentionTo returns the recurring mention that ends at token j, if any.
func (a *Analysis) mentionTo(j int) (mention, bool) {
	ms := a.mentions()
	k, ok := slices.BinarySearchFunc(ms, j, func(m mention, j int) int { return cmp.Compare(m.j, j) })
	if !ok {
		return mention{}, false
	}
	return ms[k], true
}

// startsPhrase reports whether a recurring phrase may begin at token i.
func (a *Analysis) startsPhrase(i int) bool {
	switch a.cls[i] {
	case lexicon.Det, lexicon.Cap, lexicon.Num, lexicon.Low:
		return true
	}
	return false
}

// countPhrases counts every candidate phrase whose one-shorter prefix
// recurs, level by level: a phrase can only recur if its prefix does, so
// the few recurring prefixes bound the work, not the text length times
// the mention length limit. The table is reset first. The phrases of
// one level are held at a time, in a buffer kept with the table so a
// document allocates none: each recurring phrase of l tokens extends to
// at most one of l+1, written over the level in place.
func (a *Analysis) countPhrases(counts *phraseTable) {
	// Room for a key a token up to 64k tokens; beyond, for a sixteenth
	// as many keys as tokens, growing as needed. A long text repeats its
	// words and phrases, so a table sized by its tokens is mostly empty,
	// and probing it misses the cache: at 20 MB, counting took twice as
	// long in a table sixteen times this size, and the 20 MB varied
	// article has 112,000 keys for 3.8 million tokens.
	counts.reset(min(len(a.toks), max(len(a.toks)/16, 1<<16)))
	maxLen := a.rules().Limits.MaxMention.Value
	starts := 0
	for i := range a.toks {
		if a.startsPhrase(i) && a.inPhrase(i, i) {
			starts++
		}
	}
	// The buffer is made with room for every phrase start (a 20 MB
	// article's phrases grown by append were half a gigabyte of
	// garbage); one level's, not two (16 MB at 20 MB, beside the
	// tokens at the mention analysis' peak).
	if cap(counts.refs) < starts {
		counts.refs = make([]phraseRef, 0, starts)
	}
	refs := counts.refs[:0]
	for i := range a.toks {
		if a.startsPhrase(i) && a.inPhrase(i, i) {
			refs = append(refs, phraseRef{int32(i), counts.add(a.extendHash(hashSeed, i))})
		}
	}
	// Phrases of l tokens, final once all are counted, extend to l+1:
	// the phrase that recurring phrase k extends to is written at n <= k,
	// after k is read.
	for l := 1; l < maxLen && len(refs) > 0; l++ {
		refs = slices.DeleteFunc(refs, func(o phraseRef) bool { return counts.countAt(o.slot) < 2 })
		n := 0
		for k := range refs {
			o := refs[k]
			i, j := int(o.i), int(o.i)+l
			if j >= len(a.toks) || !a.inPhrase(j, i) {
				continue
			}
			h := a.extendHash(counts.keyAt(o.slot), j)
			if counts.full() {
				// The extended phrases so far and those still to
				// extend: k's own slot is read already.
				counts.grow([][]phraseRef{refs[:n], refs[k+1:]})
			}
			refs[n] = phraseRef{o.i, counts.add(h)}
			n++
		}
		refs = refs[:n]
	}
	counts.refs = refs
	counts.dropLongLevels()
}

// inPhrase reports whether token j may belong to a phrase starting at i.
// Inside a phrase anything but a sentence end may stand: representatives
// carry appositions and relative clauses ("Jeff Rathke , the State
// Department Spokesperson", "a digital clock he had made").
func (a *Analysis) inPhrase(j, i int) bool {
	return inNP(a.cls[j]) || j > i && a.cls[j] != lexicon.End
}

// hashSeed starts a phrase hash.
const hashSeed = uint64(14695981039346656037)

// hashPrime is the 64-bit FNV prime, which spreads every bit it multiplies.
const hashPrime = 1099511628211

// extendHash adds token j to the phrase hash h. The token's word hash is
// computed once per document (analyze), so a phrase costs one step per
// token however often it is extended; outside the document it adds the
// empty word, as text does.
func (a *Analysis) extendHash(h uint64, j int) uint64 {
	if uint(j) < uint(len(a.words)) {
		return extendHashWord(h, a.words[j])
	}
	return extendHashWord(h, a.hashText(j))
}

// extendHashText adds the token text t to the phrase hash h, as
// extendHash does for a token with that text.
func extendHashText(h uint64, t string) uint64 {
	return extendHashWord(h, wordHash(t))
}

// extendHashWord adds a word hash to the phrase hash h.
func extendHashWord(h, w uint64) uint64 {
	return (h ^ w) * hashPrime
}

// wordHash is the FNV-1a hash of a token's text.
func wordHash(t string) uint64 {
	h := hashSeed
	for k := 0; k < len(t); k++ {
		h = (h ^ uint64(t[k])) * hashPrime
	}
	return h
}
