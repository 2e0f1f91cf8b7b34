package detect

import "testing"

// TestPhraseTable checks the counts against a map, across resets that
// reuse the memory, a reset that must grow it, and a wrapped generation.
func TestPhraseTable(t *testing.T) {
	var tb phraseTable
	for round, n := range []int{10, 3000, 50, 5000} {
		tb.reset(n)
		if round == 2 {
			tb.gen = ^uint32(0) // the next reset wraps
			tb.reset(n)
		}
		want := map[uint64]int32{}
		for k := range n {
			// Keys that share low bits and keys that differ only
			// high up, as phrase hashes may.
			key := uint64(k%(n/3+1)) << 40
			if k%2 == 0 {
				key = uint64(k % 7)
			}
			tb.add(key)
			want[key]++
		}
		for key, c := range want {
			if got := tb.count(key); got != c {
				t.Fatalf("round %d: count(%#x) = %d, want %d", round, key, got, c)
			}
		}
		if got := tb.count(1 << 63); got != 0 {
			t.Errorf("round %d: a key never added counts %d", round, got)
		}
	}
}
