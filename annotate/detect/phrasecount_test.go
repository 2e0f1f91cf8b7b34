package detect

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"unsafe"

	"corefix/model"
)

// TestPhraseTable checks the counts against a map, across resets that
// reuse the memory, a reset that must grow it, a wrapped generation, and
// growing with the slots of earlier keys moved along.
func TestPhraseTable(t *testing.T) {
	var tb phraseTable
	for round, n := range []int{10, 3000, 50, 5000} {
		tb.reset(n)
		if round == 2 {
			tb.gen = ^uint32(0) // the next reset wraps
			tb.reset(n)
		}
		want := map[uint64]int32{}
		var refs []phraseRef
		keys := map[int32]uint64{} // the key of each ref, by index
		for k := range 4 * n {
			// Keys that share low bits and keys that differ only
			// high up, as phrase hashes may.
			key := uint64(k%(n/3+1)) << 40
			if k%2 == 0 {
				key = uint64(k % 7)
			}
			if k >= n {
				key = uint64(k) // new keys: the table must grow
			}
			if tb.full() {
				tb.grow([][]phraseRef{refs[:len(refs)/2], refs[len(refs)/2:]}) // from the second n keys on
			}
			keys[int32(len(refs))] = key
			refs = append(refs, phraseRef{i: int32(k), slot: tb.add(key)})
			want[key]++
		}
		for r, ref := range refs {
			key := keys[int32(r)]
			if got := tb.keyAt(ref.slot); got != key {
				t.Fatalf("round %d: ref %d points at key %#x, want %#x", round, r, got, key)
			}
			if got := tb.countAt(ref.slot); got != want[key] {
				t.Fatalf("round %d: count of %#x = %d, want %d", round, key, got, want[key])
			}
		}
		if len(want) != tb.used || 2*tb.used > len(tb.slots) {
			t.Errorf("round %d: %d keys in %d slots, want %d at most half full", round, tb.used, len(tb.slots), len(want))
		}
	}
}

// TestMentionsLongRepeat: a long run of distinct words without a sentence
// end, repeated, makes every phrase up to the length limit recur, several
// keys per token; the phrase table must grow rather than fill up (it
// used to probe forever). The recurring mentions are then the runs of
// max-mention words, each found twice.
func TestMentionsLongRepeat(t *testing.T) {
	var b strings.Builder
	for k := range 1000 {
		fmt.Fprintf(&b, "w%c%c%c ", 'a'+k%26, 'a'+k/26%26, 'a'+k/676)
	}
	text := strings.Repeat(b.String(), 2)
	a := Analyze(model.NewDocument("t", "", text))
	ms := a.mentions()
	size := a.rules().Limits.MaxMention.Value
	if len(ms) != 2000/size {
		t.Fatalf("%d mentions, want %d", len(ms), 2000/size)
	}
	for k, m := range ms {
		if m.i != k*size || m.j != m.i+size-1 || m.count != 2 || m.first != (k < len(ms)/2) {
			t.Fatalf("mention %d = %+v, want tokens [%d, %d], count 2, first %v", k, m, k*size, k*size+size-1, k < len(ms)/2)
		}
	}
}

// TestCountPhrasesIsMap checks countPhrases, which extends each level in
// place over the one before, against phrases counted level by level in a
// map: on the sample, and on a repeated run of distinct words, where the
// table grows while a level is being extended.
func TestCountPhrasesIsMap(t *testing.T) {
	var b strings.Builder
	for k := range 1000 {
		fmt.Fprintf(&b, "w%c%c%c ", 'a'+k%26, 'a'+k/26%26, 'a'+k/676)
	}
	sample, err := os.ReadFile("../../testdata/cnn-sessions.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{string(sample), strings.Repeat(b.String(), 2)} {
		a := Analyze(model.NewDocument("t", "", text))
		counts := new(phraseTable)
		a.countPhrases(counts)
		want := map[uint64]int32{}
		type phrase struct {
			i int
			h uint64
		}
		var level []phrase
		for i := range a.toks {
			if a.startsPhrase(i) && a.inPhrase(i, i) {
				h := a.extendHash(hashSeed, i)
				want[h]++
				level = append(level, phrase{i, h})
			}
		}
		for l := 1; l < a.rules().Limits.MaxMention.Value; l++ {
			var next []phrase
			for _, p := range level {
				if j := p.i + l; want[p.h] >= 2 && j < len(a.toks) && a.inPhrase(j, p.i) {
					h := a.extendHash(p.h, j)
					want[h]++
					next = append(next, phrase{p.i, h})
				}
			}
			level = next
		}
		for h, n := range want {
			if slot, ok := counts.find(h); !ok || counts.countAt(slot) != n {
				t.Fatalf("%.20q…: phrase %x counted %d, want %d", text, h, counts.countAt(slot), n)
			}
		}
		if counts.used != len(want) {
			t.Errorf("%.20q…: %d phrases counted, want %d", text, counts.used, len(want))
		}
	}
}

// A long text's level buffer goes once its phrases are counted; a short
// text's stays with the pooled table for the next document.
func TestDropLongLevels(t *testing.T) {
	short, long := new(phraseTable), new(phraseTable)
	short.refs = make([]phraseRef, 0, 100)
	long.refs = make([]phraseRef, 0, longLevels+1)
	short.dropLongLevels()
	long.dropLongLevels()
	if cap(short.refs) != 100 {
		t.Errorf("a short text's level buffer: cap %d, want 100 kept", cap(short.refs))
	}
	if long.refs != nil {
		t.Error("a long text's level buffer was kept")
	}
}

// A long text's list of mentions keeps at most spareMentions of room
// unused: here every other token starts one, beyond the estimate of one
// in eight.
func TestMentionsSpareLittle(t *testing.T) {
	a := Analyze(model.NewDocument("t", "", strings.Repeat("Sessions . ", 300000)))
	ms := a.mentions()
	if spare := cap(ms) - len(ms); len(ms) < 200000 || spare > spareMentions {
		t.Errorf("%d mentions with room for %d more, want at most %d", len(ms), spare, spareMentions)
	}
}

// A long text holds every recurring mention through all its regions
// (half a million at 20 MB of varied text): a field more, or int where
// int32 does, is megabytes more at the peak.
func TestMentionIs24Bytes(t *testing.T) {
	if n := unsafe.Sizeof(mention{}); n > 24 {
		t.Errorf("a mention is %d bytes, want at most 24", n)
	}
}

// TestLongTableNotPooled checks that a table over pooledSlots is not
// returned to the pool, where it would outlive the mention analysis of
// the long text that made it.
func TestLongTableNotPooled(t *testing.T) {
	long := &phraseTable{slots: make([]phraseSlot, pooledSlots+1)}
	long.release()
	for range 4 {
		if got := tables.Get().(*phraseTable); got == long {
			t.Fatal("a long text's table came back from the pool")
		}
	}
}
