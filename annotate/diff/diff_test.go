package diff

import (
	"math/rand"
	"slices"
	"testing"
)

// lcsLen is the textbook O(n·m) longest common subsequence length, the
// reference a shortest edit script must reach.
func lcsLen(a, b []int32) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] > cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func checkMatch(t *testing.T, a, b []int32, match []int32) int {
	t.Helper()
	n, last := 0, int32(-1)
	for i, j := range match {
		if j < 0 {
			continue
		}
		if j <= last || int(j) >= len(b) || a[i] != b[j] {
			t.Fatalf("a=%v b=%v: bad match %d→%d (previous %d)", a, b, i, j, last)
		}
		last = j
		n++
	}
	return n
}

// randomTokens draws fewer than n token IDs below vocab.
func randomTokens(r *rand.Rand, n, vocab int) []int32 {
	out := make([]int32, r.Intn(n))
	for i := range out {
		out[i] = int32(r.Intn(vocab))
	}
	return out
}

func TestMyersIsShortest(t *testing.T) {
	// Patience anchors trade optimality for speed, so Myers is checked on
	// its own: it must reach the true LCS.
	// One Differ for every case: its tables, left over from the last
	// case, must not leak into the next.
	r := rand.New(rand.NewSource(1))
	var d Differ
	for n := 0; n < 500; n++ {
		a, b := randomTokens(r, 30, 3), randomTokens(r, 30, 3)
		m, counted := d.Shortest(a, b)
		got := checkMatch(t, a, b, m)
		if want := lcsLen(a, b); got != want || counted != want {
			t.Fatalf("a=%v b=%v: %d matches (counted %d), want %d", a, b, got, counted, want)
		}
	}
}

func TestDiffIsValidOnRandomInput(t *testing.T) {
	// A reused Differ (vocabularies growing and shrinking) must give what
	// a fresh one gives.
	r := rand.New(rand.NewSource(2))
	var d Differ
	for n := 0; n < 500; n++ {
		vocab := 2 + r.Intn(40)
		a, b := randomTokens(r, 60, vocab), randomTokens(r, 60, vocab)
		want := Tokens(a, b, vocab)
		checkMatch(t, a, b, want)
		if got := d.Tokens(a, b, vocab); !slices.Equal(got, want) {
			t.Fatalf("a=%v b=%v: reused Differ %v, fresh %v", a, b, got, want)
		}
	}
}

func TestDiffAnchorsOnUniqueTokens(t *testing.T) {
	// 0 = "the": Myers alone could align the first "the" of a with the
	// second of b; the unique 5 and 6 pin the alignment.
	a := []int32{5, 0, 1, 6, 0, 2}
	b := []int32{5, 0, 3, 0, 4, 6, 0, 2}
	m := Tokens(a, b, 7)
	checkMatch(t, a, b, m)
	if m[0] != 0 || m[3] != 5 || m[5] != 7 {
		t.Errorf("match = %v, want 5, 6 and the final 2 aligned", m)
	}
}

func TestDiffGivesUpBeyondTheBound(t *testing.T) {
	// Two unrelated halves with no unique tokens and more than maxMyersD
	// edits: the gap is left unmatched instead of searched at length.
	a := make([]int32, 3*maxMyersD)
	b := make([]int32, 3*maxMyersD)
	for i := range a {
		a[i] = int32(i % 2)
		b[i] = int32(2 + i%2)
	}
	for i, j := range Tokens(a, b, 4) {
		if j >= 0 {
			t.Fatalf("a[%d] matched b[%d]; want no match", i, j)
		}
	}
}

// TestDiffAlignsARepeatedText: a text repeated more often than maxRare,
// and its edited copy repeated the same way, has no unique or rare token
// and more edits than Myers explores; each copy must still be aligned with
// its edited copy about as well as one copy alone is.
func TestDiffAlignsARepeatedText(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	one := make([]int32, 400)
	for i := range one {
		one[i] = int32(r.Intn(5000))
	}
	edited := slices.Clone(one)
	for k := 0; k < 40; k++ { // about 80 edits a copy: ten copies exceed maxMyersD
		edited[r.Intn(len(edited))] = int32(5000 + r.Intn(50))
	}
	const copies = 4 * maxRare
	var a, b []int32
	for range copies {
		a, b = append(a, one...), append(b, edited...)
	}
	n := checkMatch(t, a, b, Tokens(a, b, 5050))
	if want := copies * lcsLen(one, edited); n < want*95/100 {
		t.Errorf("%d tokens of %d copies aligned, want at least 95%% of %d (each copy as alone)", n, copies, want)
	}
}

// TestRarePairs checks the fallback pairing on random gaps without unique
// tokens against its definition: every token as often in a as in b, at
// most maxRare times, its k-th place in a paired with its k-th in b, in
// the order of a.
func TestRarePairs(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var d Differ
	d.Tokens(nil, nil, 6) // tables for a vocabulary of 6
	for n := 0; n < 2000; n++ {
		a, b := randomTokens(r, 80, 6), randomTokens(r, 80, 6)
		alo, blo := r.Intn(len(a)+1), r.Intn(len(b)+1)
		ahi, bhi := alo+r.Intn(len(a)-alo+1), blo+r.Intn(len(b)-blo+1)
		var want [][2]int
		places := make(map[int32][]int)
		for j := blo; j < bhi; j++ {
			places[b[j]] = append(places[b[j]], j)
		}
		inA := make(map[int32]int)
		for i := alo; i < ahi; i++ {
			inA[a[i]]++
		}
		seen := make(map[int32]int)
		for i := alo; i < ahi; i++ {
			if c := inA[a[i]]; c == len(places[a[i]]) && c <= maxRare {
				want = append(want, [2]int{i, places[a[i]][seen[a[i]]]})
				seen[a[i]]++
			}
		}
		d.reset(a, b)
		d.count(alo, ahi, blo, bhi)
		if got := d.rarePairs(alo, ahi, blo, bhi, maxRare); !slices.Equal(got, want) {
			t.Fatalf("a=%v [%d,%d) b=%v [%d,%d): %v, want %v", a, alo, ahi, b, blo, bhi, got, want)
		}
	}
}
