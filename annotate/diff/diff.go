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
// A gap too long for that bound with no unique or rare token at all is a
// text that repeats itself wholesale (an article, or a corpus, concatenated
// many times): it is anchored on every token equally frequent on both
// sides, the k-th occurrence with the k-th, and its copies come apart into
// gaps of their own.
package diff

import (
	"math"
	"slices"
)

// maxMyersD bounds the edit distance Myers explores in one gap. Gaps between
// patience anchors are a few tokens in real articles; only unrelated texts
// come near the bound, and those are refused as a wrong pairing anyway.
const maxMyersD = 1000

// Differ aligns token sequences and keeps its scratch tables from one call
// to the next: an aligner diffs thousands of small gaps and hunks, and
// allocating (and clearing) fresh tables for each was most of the diff's
// time on a 1 MB article. The zero Differ is ready to use; one Differ
// serves one goroutine.
type Differ struct {
	a, b         []int32
	match        []int32 // match[i] = j when a[i] is aligned with b[j], else -1
	cntA, cntB   []int32 // indexed by token ID, valid where stamp is gen
	lastA, lastB []int32
	stamp        []int32
	gen          int32
	// v is Myers' current frontier; trace holds every round's frontier,
	// round k's 2k+3 entries from k²+2k: one buffer for every round and
	// gap, not a slice per round.
	v, trace []int
	pairs    [][2]int // anchor candidates of the current gap
	tails    []int    // longestIncreasing's scratch
	prev     []int
	run      [][2]int // the anchors chosen in the current gap
	anchorAt []int
	next     []int32 // rarePairs' lists
	stack    []span
}

type span struct{ alo, ahi, blo, bhi int }

// Tokens aligns a with b and returns match: match[i] is the index in b that
// a[i] is aligned with, or -1. Matches are strictly increasing in both
// sequences. Token IDs must lie in [0, vocab).
func Tokens(a, b []int32, vocab int) []int32 {
	return new(Differ).Tokens(a, b, vocab)
}

// Tokens is the package's Tokens with d's tables; the match it returns is
// d's own, valid until d's next call.
func (d *Differ) Tokens(a, b []int32, vocab int) []int32 {
	d.reset(a, b)
	if len(d.stamp) < vocab {
		// Counts are valid only where stamp equals gen, so the tables
		// never need clearing, only growing.
		d.cntA, d.cntB = make([]int32, vocab), make([]int32, vocab)
		d.lastA, d.lastB = make([]int32, vocab), make([]int32, vocab)
		d.stamp = make([]int32, vocab)
	}
	d.stack = append(d.stack[:0], span{0, len(a), 0, len(b)})
	for len(d.stack) > 0 {
		s := d.stack[len(d.stack)-1]
		d.stack = d.stack[:len(d.stack)-1]
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
			d.stack = append(d.stack, span{pa, i, pb, j})
			pa, pb = i+1, j+1
		}
		d.stack = append(d.stack, span{pa, ahi, pb, bhi})
	}
	return d.match
}

// reset starts a call aligning a with b: nothing matched yet.
func (d *Differ) reset(a, b []int32) {
	d.a, d.b = a, b
	if cap(d.match) < len(a) {
		d.match = make([]int32, len(a))
	}
	d.match = d.match[:len(a)]
	for i := range d.match {
		d.match[i] = -1
	}
}

// anchors marks as matched the longest increasing run of tokens unique to
// both a[alo:ahi] and b[blo:bhi] and returns their indices in a, in order
// (d's buffer, valid until the next gap).
func (d *Differ) anchors(alo, ahi, blo, bhi int) []int {
	d.count(alo, ahi, blo, bhi)
	d.pairs = d.pairs[:0]
	for i := alo; i < ahi; i++ {
		t := d.a[i]
		if d.cntA[t] == 1 && d.cntB[t] == 1 {
			d.pairs = append(d.pairs, [2]int{i, int(d.lastB[t])})
		}
	}
	if len(d.pairs) == 0 {
		d.pairs = d.rarePairs(alo, ahi, blo, bhi, maxRare)
	}
	repeated := len(d.pairs) == 0 && max(ahi-alo, bhi-blo) > maxMyersD
	if repeated {
		// Myers could not align a gap this long within its bound, and
		// no token occurs at most maxRare times: the gap repeats itself
		// more often than that.
		d.pairs = d.rarePairs(alo, ahi, blo, bhi, math.MaxInt32)
	}
	d.longestIncreasing()
	if repeated {
		d.keepSettled()
	}
	d.anchorAt = d.anchorAt[:0]
	for _, p := range d.run {
		d.match[p[0]] = int32(p[1])
		d.anchorAt = append(d.anchorAt, p[0])
	}
	return d.anchorAt
}

// count counts the tokens of a[alo:ahi] and b[blo:bhi] (cntA, cntB) and
// notes each one's last place (lastA, lastB), for this gap only.
func (d *Differ) count(alo, ahi, blo, bhi int) {
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
}

// maxRare is the largest count of a token, equal on both sides, that
// rarePairs pairs occurrence by occurrence in a gap Myers may align.
const maxRare = 16

// rarePairs is the fallback when no token is unique to both ranges (an
// article quoted twice, a dataset of near-duplicates): tokens that occur
// equally often on both sides, at most most times, are paired occurrence
// by occurrence, the k-th with the k-th. Counts must be fresh from count.
func (d *Differ) rarePairs(alo, ahi, blo, bhi int, most int32) [][2]int {
	rare := func(t int32) bool { return d.cntA[t] == d.cntB[t] && d.cntB[t] <= most }
	// Each rare token's places in b, in order, as a list threaded through
	// next from lastB[t] (which the counting left at t's last place, and
	// this walk backwards leaves at its first): tables, not maps.
	if cap(d.next) < bhi-blo {
		d.next = make([]int32, bhi-blo)
	}
	next := d.next[:bhi-blo]
	for j := bhi - 1; j >= blo; j-- {
		if t := d.b[j]; rare(t) {
			next[j-blo] = -1
			if d.lastB[t] != int32(j) {
				next[j-blo] = d.lastB[t]
			}
			d.lastB[t] = int32(j)
		}
	}
	pairs := d.pairs[:0]
	for i := alo; i < ahi; i++ {
		if t := d.a[i]; rare(t) {
			j := d.lastB[t]
			pairs = append(pairs, [2]int{i, int(j)})
			d.lastB[t] = next[int(j)-blo]
		}
	}
	return pairs
}

// keepSettled keeps of d.run, the anchors of a text repeating itself, only
// those whose neighbours in the run lie on their diagonal, where both
// texts agree around them: frequent words ("every", "the") also pair
// inside a substituted mention, where their k-th occurrences happen to
// line up, and anchoring there would cut the mention apart. The gaps left
// are short enough for unique anchors again, which find those mentions
// as in a text that does not repeat. When no anchor is settled, all are
// kept: the gap must still come apart.
func (d *Differ) keepSettled() {
	run := d.run
	kept := run[:0:0]
	for k := 1; k+1 < len(run); k++ {
		diag := run[k][0] - run[k][1]
		if run[k-1][0]-run[k-1][1] == diag && run[k+1][0]-run[k+1][1] == diag {
			kept = append(kept, run[k])
		}
	}
	if len(kept) > 0 {
		d.run = append(d.run[:0], kept...)
	}
}

// longestIncreasing sets d.run to the longest subsequence of d.pairs
// (already increasing in their first element) whose second element
// increases too: patience sorting, O(n log n).
func (d *Differ) longestIncreasing() {
	pairs := d.pairs
	d.run = d.run[:0]
	if len(pairs) == 0 {
		return
	}
	tails := d.tails[:0] // tails[k]: index into pairs ending a run of length k+1
	if cap(d.prev) < len(pairs) {
		d.prev = make([]int, len(pairs))
	}
	prev := d.prev[:len(pairs)] // predecessor in the run
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
	d.tails = tails
	d.run = slices.Grow(d.run, len(tails))[:len(tails)]
	for k, i := len(tails)-1, tails[len(tails)-1]; k >= 0; k, i = k-1, prev[i] {
		d.run[k] = pairs[i]
	}
}

// myers aligns a[alo:ahi] with b[blo:bhi] by a shortest edit script
// (Myers 1986, greedy forward search with the frontier of each round kept
// for the trace back). It gives up, leaving the gap unmatched, beyond
// maxMyersD edits.
func (d *Differ) myers(alo, ahi, blo, bhi int) {
	n, m := ahi-alo, bhi-blo
	maxD := min(n+m, maxMyersD)
	off := maxD + 1
	if cap(d.v) < 2*maxD+3 {
		d.v = make([]int, 2*maxD+3)
	}
	v := d.v[:2*maxD+3]
	clear(v)
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
func (d *Differ) traceBack(last, alo, blo, n, m int) {
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
// patience anchors, and returns the match array (as Tokens, d's own, valid
// until d's next call) and the number of aligned pairs.
func (d *Differ) Shortest(a, b []int32) ([]int32, int) {
	d.reset(a, b)
	d.myers(0, len(a), 0, len(b))
	n := 0
	for _, j := range d.match {
		if j >= 0 {
			n++
		}
	}
	return d.match, n
}
