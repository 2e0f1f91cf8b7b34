// Package diff aligns two token sequences: patience anchors with Myers in
// the gaps.
//
// Patience (anchoring on tokens that occur exactly once on both sides, or
// failing that equally often and rarely) splits a long article into short
// gaps in near-linear time, and it never
// anchors on "the" or "," inside a substituted mention, which plain Myers
// happily does. Inside a gap without unique tokens, Myers finds a shortest
// edit script; its cost is O((n+m)·d), so it is capped at maxMyersD edits
// and a gap that differs more is left unmatched rather than made slow.
package diff

// maxMyersD bounds the edit distance Myers explores in one gap. Gaps between
// patience anchors are a few tokens in real articles; only unrelated texts
// come near the bound, and those are refused as a wrong pairing anyway.
const maxMyersD = 1000

// differ holds scratch tables indexed by token ID, reused across gaps so
// that counting the tokens of a gap costs its length, not the vocabulary.
type differ struct {
	a, b         []int32
	match        []int32 // match[i] = j when a[i] is aligned with b[j], else -1
	cntA, cntB   []int32
	lastA, lastB []int32
	stamp        []int32
	gen          int32
	// trace holds Myers' frontiers, round k's 2k+3 entries from k²+2k:
	// one buffer for every round and gap, not a slice per round (those
	// allocations were most of Myers' time on a 1 MB article).
	trace []int
}

// Tokens aligns a with b and returns match: match[i] is the index in b that
// a[i] is aligned with, or -1. Matches are strictly increasing in both
// sequences. Token IDs must lie in [0, vocab).
func Tokens(a, b []int32, vocab int) []int32 {
	d := &differ{
		a: a, b: b,
		match: make([]int32, len(a)),
		cntA:  make([]int32, vocab), cntB: make([]int32, vocab),
		lastA: make([]int32, vocab), lastB: make([]int32, vocab),
		stamp: make([]int32, vocab),
	}
	for i := range d.match {
		d.match[i] = -1
	}
	type span struct{ alo, ahi, blo, bhi int }
	stack := []span{{0, len(a), 0, len(b)}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		alo, ahi, blo, bhi := s.alo, s.ahi, s.blo, s.bhi
		for alo < ahi && blo < bhi && a[alo] == b[blo] {
			d.match[alo] = int32(blo)
			alo, blo = alo+1, blo+1
		}
		for alo < ahi && blo < bhi && a[ahi-1] == b[bhi-1] {
			d.match[ahi-1] = int32(bhi - 1)
			ahi, bhi = ahi-1, bhi-1
		}
		if alo == ahi || blo == bhi {
			continue
		}
		anchors := d.anchors(alo, ahi, blo, bhi)
		if len(anchors) == 0 {
			d.myers(alo, ahi, blo, bhi)
			continue
		}
		pa, pb := alo, blo
		for _, i := range anchors {
			j := int(d.match[i])
			stack = append(stack, span{pa, i, pb, j})
			pa, pb = i+1, j+1
		}
		stack = append(stack, span{pa, ahi, pb, bhi})
	}
	return d.match
}

// anchors marks as matched the longest increasing run of tokens unique to
// both a[alo:ahi] and b[blo:bhi] and returns their indices in a, in order.
func (d *differ) anchors(alo, ahi, blo, bhi int) []int {
	d.gen++
	touch := func(t int32) {
		if d.stamp[t] != d.gen {
			d.stamp[t] = d.gen
			d.cntA[t], d.cntB[t] = 0, 0
		}
	}
	for i := alo; i < ahi; i++ {
		t := d.a[i]
		touch(t)
		d.cntA[t]++
		d.lastA[t] = int32(i)
	}
	for j := blo; j < bhi; j++ {
		t := d.b[j]
		touch(t)
		d.cntB[t]++
		d.lastB[t] = int32(j)
	}
	var pairs [][2]int
	for i := alo; i < ahi; i++ {
		t := d.a[i]
		if d.cntA[t] == 1 && d.cntB[t] == 1 {
			pairs = append(pairs, [2]int{i, int(d.lastB[t])})
		}
	}
	if len(pairs) == 0 {
		pairs = d.rarePairs(alo, ahi, blo, bhi)
	}
	lis := longestIncreasing(pairs)
	for _, p := range lis {
		d.match[p[0]] = int32(p[1])
	}
	out := make([]int, len(lis))
	for k, p := range lis {
		out[k] = p[0]
	}
	return out
}

// maxRare is the largest count of a token, equal on both sides, that
// rarePairs pairs occurrence by occurrence.
const maxRare = 16

// rarePairs is the fallback when no token is unique to both ranges (an
// article quoted twice, a dataset of near-duplicates): tokens that occur
// equally often on both sides, at most maxRare times, are paired
// occurrence by occurrence, the k-th with the k-th. Counts must be fresh
// from anchors.
func (d *differ) rarePairs(alo, ahi, blo, bhi int) [][2]int {
	occ := make(map[int32][]int)
	for j := blo; j < bhi; j++ {
		if t := d.b[j]; d.cntA[t] == d.cntB[t] && d.cntB[t] <= maxRare {
			occ[t] = append(occ[t], j)
		}
	}
	var pairs [][2]int
	seen := make(map[int32]int)
	for i := alo; i < ahi; i++ {
		t := d.a[i]
		if js, ok := occ[t]; ok {
			pairs = append(pairs, [2]int{i, js[seen[t]]})
			seen[t]++
		}
	}
	return pairs
}

// longestIncreasing returns the longest subsequence of pairs (already
// increasing in their first element) whose second element increases too:
// patience sorting, O(n log n).
func longestIncreasing(pairs [][2]int) [][2]int {
	if len(pairs) == 0 {
		return nil
	}
	tails := []int{}                // tails[k]: index into pairs ending a run of length k+1
	prev := make([]int, len(pairs)) // predecessor in the run
	for i, p := range pairs {
		lo, hi := 0, len(tails)
		for lo < hi {
			mid := (lo + hi) / 2
			if pairs[tails[mid]][1] < p[1] {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		prev[i] = -1
		if lo > 0 {
			prev[i] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	out := make([][2]int, len(tails))
	for k, i := len(tails)-1, tails[len(tails)-1]; k >= 0; k, i = k-1, prev[i] {
		out[k] = pairs[i]
	}
	return out
}

// myers aligns a[alo:ahi] with b[blo:bhi] by a shortest edit script
// (Myers 1986, greedy forward search with the frontier of each round kept
// for the trace back). It gives up, leaving the gap unmatched, beyond
// maxMyersD edits.
func (d *differ) myers(alo, ahi, blo, bhi int) {
	n, m := ahi-alo, bhi-blo
	maxD := min(n+m, maxMyersD)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	d.trace = d.trace[:0]
	for k := 0; k <= maxD; k++ {
		d.trace = append(d.trace, v[off-k-1:off+k+2]...)
		for diag := -k; diag <= k; diag += 2 {
			var x int
			if diag == -k || diag != k && v[off+diag-1] < v[off+diag+1] {
				x = v[off+diag+1] // down: insertion from b
			} else {
				x = v[off+diag-1] + 1 // right: deletion from a
			}
			y := x - diag
			for x < n && y < m && d.a[alo+x] == d.b[blo+y] {
				x, y = x+1, y+1
			}
			v[off+diag] = x
			if x >= n && y >= m {
				d.traceBack(k, alo, blo, n, m)
				return
			}
		}
	}
}

// traceBack walks the saved frontiers from the end of the edit script to
// its start and records the diagonal runs (the matches).
func (d *differ) traceBack(last, alo, blo, n, m int) {
	x, y := n, m
	for k := last; k >= 0; k-- {
		v := d.trace[k*k+2*k:] // frontier before round k, centred at index k+1
		at := func(diag int) int { return v[diag+k+1] }
		diag := x - y
		var prevDiag int
		if diag == -k || diag != k && at(diag-1) < at(diag+1) {
			prevDiag = diag + 1
		} else {
			prevDiag = diag - 1
		}
		px := 0
		if k > 0 {
			px = at(prevDiag)
		}
		py := px - prevDiag
		if k == 0 {
			px, py = 0, 0
		}
		// The snake: from the move's end back to (x, y) along the diagonal.
		sx := px
		if k > 0 && prevDiag == diag-1 {
			sx = px + 1
		}
		sy := sx - diag
		for x > sx && y > sy {
			x, y = x-1, y-1
			d.match[alo+x] = int32(blo + y)
		}
		x, y = px, py
	}
}

// Shortest aligns a with b by a shortest edit script alone, without
// patience anchors, and returns the match array (as Tokens) and the number
// of aligned pairs.
func Shortest(a, b []int32, vocab int) ([]int32, int) {
	d := &differ{a: a, b: b, match: make([]int32, len(a))}
	for i := range d.match {
		d.match[i] = -1
	}
	d.myers(0, len(a), 0, len(b))
	n := 0
	for _, j := range d.match {
		if j >= 0 {
			n++
		}
	}
	return d.match, n
}
