package diff

import (
	"math/rand"
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

func TestMyersIsShortest(t *testing.T) {
	// Patience anchors trade optimality for speed, so Myers is checked on
	// its own: it must reach the true LCS.
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 500; n++ {
		a := make([]int32, r.Intn(30))
		b := make([]int32, r.Intn(30))
		for i := range a {
			a[i] = int32(r.Intn(3))
		}
		for i := range b {
			b[i] = int32(r.Intn(3))
		}
		d := &differ{a: a, b: b, match: make([]int32, len(a))}
		for i := range d.match {
			d.match[i] = -1
		}
		if len(a) > 0 && len(b) > 0 {
			d.myers(0, len(a), 0, len(b))
		}
		got := checkMatch(t, a, b, d.match)
		if want := lcsLen(a, b); got != want {
			t.Fatalf("a=%v b=%v: %d matches, want %d", a, b, got, want)
		}
	}
}

func TestDiffIsValidOnRandomInput(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for n := 0; n < 500; n++ {
		a := make([]int32, r.Intn(60))
		b := make([]int32, r.Intn(60))
		for i := range a {
			a[i] = int32(r.Intn(8))
		}
		for i := range b {
			b[i] = int32(r.Intn(8))
		}
		checkMatch(t, a, b, Tokens(a, b, 8))
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
