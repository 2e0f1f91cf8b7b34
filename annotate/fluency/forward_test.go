package fluency

import (
	"math"
	"math/rand/v2"
	"testing"
)

// sums, whichever loop it takes, gives stepMany's sums to the bit, for
// words of one to four tags after any two words (the "no tag" context, the
// any-word list, real words' lists) and any probabilities of the pairs
// before, zeros included: the signals detection reads must not move when
// a faster path is taken.
func TestSumsAreStepMany(t *testing.T) {
	m := Default()
	r := rand.New(rand.NewPCG(5, 9))
	var lists [][]cand
	for _, w := range []string{"the", "election", "They", "lost", "Democrats", "zorblatts", "n’t", "’s", ",", "run", "said", "its"} {
		lists = append(lists, m.list(m.lookup(w).a))
	}
	lists = append(lists, m.wild)
	lists = append(lists, m.probes...)
	contexts := append([][]cand{m.none}, lists...) // "no tag" is never a word's
	var few, many pass
	for range 20000 {
		a, b := contexts[r.IntN(len(contexts))], contexts[r.IntN(len(contexts))]
		c := lists[r.IntN(len(lists))]
		if len(c) > fewTags {
			c = c[:1+r.IntN(fewTags)]
		}
		for _, p := range []*pass{&few, &many} {
			p.start(m)
			p.ntags[0], p.ntags[1] = copy(p.tags[0], a), copy(p.tags[1], b)
			p.last = 1
		}
		alpha := few.prob[0][:len(a)*len(b)]
		for i := range alpha {
			if r.IntN(4) > 0 {
				alpha[i] = r.Float64()
			} else {
				alpha[i] = 0
			}
		}
		copy(many.prob[0], alpha)
		// The pairs before are read scaled by 1 over their sum, as a
		// step leaves them.
		few.norm = 1 / (0.5 + r.Float64())
		many.norm = few.norm
		n := len(b) * len(c)
		got := few.sums(c, few.prob[1][:n])
		want := many.stepMany(c, many.prob[1][:n])
		if math.Float64bits(got) != math.Float64bits(want) {
			t.Fatalf("sum %v, want %v (tags %d, %d, %d)", got, want, len(a), len(b), len(c))
		}
		for i := range n {
			if math.Float64bits(few.prob[1][i]) != math.Float64bits(many.prob[1][i]) {
				t.Fatalf("pair %d: %v, want %v (tags %d, %d, %d)", i, few.prob[1][i], many.prob[1][i], len(a), len(b), len(c))
			}
		}
	}
}

// The word cache answers what the model's lookup does, for words of every
// length around its packing (8, 16, 24 bytes), words that differ only in
// their last byte or their length, and more words than it has slots, so
// slots are shared and replaced.
func TestWordCacheIsLookup(t *testing.T) {
	m := Default()
	r := rand.New(rand.NewPCG(2, 4))
	letters := "abcdeEsS’-'.0\x00"
	var words []string
	for range 30000 {
		n := 1 + r.IntN(30)
		if r.IntN(3) == 0 {
			n = []int{7, 8, 9, 15, 16, 17, 23, 24, 25}[r.IntN(9)]
		}
		b := make([]byte, 0, n)
		for len(b) < n {
			b = append(b, letters[r.IntN(len(letters))])
		}
		w := string(b)
		words = append(words, w, w[:len(w)-1]+"x", w+"s", "the", "the\x00", "election")
	}
	var c wordCache
	c.use(m)
	for pass := range 2 {
		for _, w := range words {
			if got, want := c.lookup(w), m.lookup(w); got != want {
				t.Fatalf("pass %d: %q: cached %v, looked up %v", pass, w, got, want)
			}
		}
	}
}

// packWord packs a word's bytes as a byte at a time would, for every
// length it takes and bytes at both ends of a byte's range.
func TestPackWordIsBytes(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 1))
	for n := 1; n <= 24; n++ {
		for range 200 {
			b := make([]byte, n)
			for i := range b {
				b[i] = []byte{0, 1, 'a', 0x7f, 0x80, 0xff}[r.IntN(6)]
			}
			var want [3]uint64
			for i, c := range b {
				want[i>>3] |= uint64(c) << (8 * (i & 7))
			}
			if k0, k1, k2 := packWord(string(b)); [3]uint64{k0, k1, k2} != want {
				t.Fatalf("%q: %x %x %x, want %x", b, k0, k1, k2, want)
			}
		}
	}
}

// packLookup keeps every lookup that fits its 24-bit offsets and 8-bit
// lengths, and refuses one that does not, which the cache then does not
// hold.
func TestPackLookup(t *testing.T) {
	for _, l := range []lookup{
		{},
		{a: candRange{off: 1<<24 - 1, n: 255}},
		{a: candRange{off: 7, n: 3}, b: candRange{off: 1<<24 - 1, n: 255}},
	} {
		if v, ok := packLookup(l); !ok || unpackLookup(v) != l {
			t.Errorf("%v: packed %x (%v), back %v", l, v, ok, unpackLookup(v))
		}
	}
	for _, l := range []lookup{
		{a: candRange{off: 1 << 24, n: 1}},
		{b: candRange{off: 5, n: 256}},
		{a: candRange{off: -1, n: 1}},
	} {
		if _, ok := packLookup(l); ok {
			t.Errorf("%v: packed, want refused", l)
		}
	}
}
