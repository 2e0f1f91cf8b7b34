package align

import (
	"encoding/binary"
	"math"
	"slices"
)

// A minimal edit script is not yet the substitutions a pipeline made. A
// pipeline inserts each representative mention whole, but Myers happily
// aligns the "the" of "the United States" with the "the" of "the U.S.", or
// the "President" inside "U.S. President Donald Trump" with a neighbouring
// "President", and cuts one substitution into three. Representatives
// recur, so the inserted sides of the hunks form an inventory of them;
// occurrences of an inventory entry that touch a hunk are unmatched whole
// and then aligned again as single symbols, the way the pipeline saw them
// (one list element each).

// substitution is one replacement: original tokens [a1,a2) became resolved
// tokens [b1,b2), in which the representatives reps were found.
type substitution struct {
	hunk
	reps []int // inventory indices of the representatives in [b1,b2)
}

// rep is an inventory entry: an inserted token sequence, how many hunks
// inserted exactly it, and whether it is trusted as a representative.
type rep struct {
	ids     []int32
	count   int
	trusted bool
	cut     bool // a run cut out of an untrusted insertion
}

// occurrence is a representative found at resolved tokens [start, start+n).
// A loose one (a run cut out of an untrusted insertion) may be kept text
// the diff failed to align, so it stays plain tokens where the original
// side of its hunk has the same words.
type occurrence struct {
	rep, start, n int
	loose         bool
}

// substitutions returns the alignment's differences as whole
// substitutions, in text order.
func (a *alignment) substitutions() []substitution {
	inv := a.inventory()
	occs := a.occurrences(inv)
	occs = append(occs, a.keptCopies(&inv, occs)...)
	atomAt := make(map[int]occurrence, len(occs))
	for _, o := range occs {
		for j := o.start; j < o.start+o.n; j++ {
			if i := a.back[j]; i >= 0 {
				a.match[i] = -1
			}
		}
		atomAt[o.start] = o
	}
	a.syncBack()
	var out []substitution
	for _, h := range a.hunks() {
		out = append(out, a.split(h, atomAt)...)
	}
	inserted := make(map[int32]int) // one-token representatives → inventory index
	for n, r := range inv {
		if len(r.ids) == 1 && r.count > 0 {
			inserted[r.ids[0]] = n
		}
	}
	return a.splitJoined(a.absorbEdges(out, a.inOrig, inserted), inv)
}

// appendKey appends a token ID sequence's map key to b. Looked up as
// m[string(b)], it costs no allocation unless it is stored.
func appendKey(b []byte, ids []int32) []byte {
	for _, id := range ids {
		b = binary.LittleEndian.AppendUint32(b, uint32(id))
	}
	return b
}

// maxRepLen bounds the length of a representative in tokens; longer
// inserted text is not one (and would make the search quadratic).
const maxRepLen = 64

// inventory collects representative candidates: the inserted side of
// every hunk, and of runs of up to join_hunks hunks joined across at most
// max_join_gap aligned tokens (a representative Myers cut apart), counting
// how many hunks inserted each exactly. A candidate is trusted when it
// recurs, or when the original contains it: resolvers take their
// representatives from the text itself.
func (a *alignment) inventory() []rep {
	index := make(map[string]int)
	var inv []rep
	var k []byte
	add := func(ids []int32, whole bool) {
		if len(ids) > maxRepLen {
			return
		}
		k = appendKey(k[:0], ids)
		n, ok := index[string(k)]
		if !ok {
			n = len(inv)
			index[string(k)] = n
			inv = append(inv, rep{ids: ids})
		}
		if whole {
			inv[n].count++
		}
	}
	r := &a.rules.Inventory
	hs := a.hunks()
	for k, h := range hs {
		if h.b1 == h.b2 {
			continue
		}
		add(a.rid[h.b1:h.b2], true)
		if h.b1 > 0 && isDeterminer(a.docClass(h.b1-1)) {
			// Myers matches a representative's article with the one of
			// the overwritten phrase ("to enlarge the mosque" → "to the
			// Hajj , the annual pilgrimage"): the phrase with it is a
			// candidate too, trusted if the original has it, and so is
			// its first run the original contains ("the engine room
			// Australian woman" → "the engine room").
			add(a.rid[h.b1-1:h.b2], false)
			if run := a.firstOrigRun(a.rid[h.b1-1 : h.b2]); len(run) > 1 {
				add(run, false)
			}
		}
		for l := k + 1; l < len(hs) && l < k+r.JoinHunks.Value && hs[l].b1-hs[l-1].b2 <= r.MaxJoinGap.Value; l++ {
			if hs[l].b1 < hs[l].b2 {
				joined := a.rid[h.b1:hs[l].b2]
				add(joined, false)
				// Its first run the original contains, when that reaches
				// into the later hunk, is a representative Myers cut at a
				// word it shares with the overwritten text ("Springfield
				// 's water has" → "Springfield The city 's Water Board
				// Springfield": "The city 's Water Board" is one).
				if len(joined) > maxRepLen {
					continue
				}
				if run := a.firstOrigRun(joined); len(run) > hs[l].b1-h.b1 && len(run) < len(joined) {
					add(run, false)
				}
			}
		}
	}
	for n := range inv {
		// A recurring insertion that is phrases of the original side by
		// side is not one representative: the same two substitutions
		// met twice ("Los Angeles Scientology defector").
		inv[n].trusted = a.inOrig(inv[n].ids) || inv[n].count >= 2 && !a.allInOrig(a.origRuns(inv[n].ids))
	}
	// An untrusted inserted side is usually representatives side by
	// side ("thousands of fans thousands of fans"): cut it into the
	// longest runs the original contains.
	for n, end := 0, len(inv); n < end; n++ {
		if inv[n].trusted || inv[n].count == 0 {
			continue
		}
		for _, run := range a.origRuns(inv[n].ids) {
			k = appendKey(k[:0], run)
			if _, ok := index[string(k)]; !ok {
				index[string(k)] = len(inv)
				inv = append(inv, rep{ids: run, trusted: true, cut: true})
			}
		}
	}
	return inv
}

// origRuns cuts ids into the longest runs the original contains, left to
// right (a token the original lacks is a run of its own).
func (a *alignment) origRuns(ids []int32) [][]int32 {
	var runs [][]int32
	for len(ids) > 0 {
		run := a.firstOrigRun(ids)
		runs = append(runs, run)
		ids = ids[len(run):]
	}
	return runs
}

// firstOrigRun returns the longest prefix of ids (at least a token) that
// the original contains. Prefixes of a phrase of the original are
// phrases of it too, so it is found by bisection.
func (a *alignment) firstOrigRun(ids []int32) []int32 {
	lo, hi := 1, len(ids)
	for lo < hi {
		if mid := (lo + hi + 1) / 2; a.inOrig(ids[:mid]) {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return ids[:lo]
}

// allInOrig reports whether every run occurs in the original.
func (a *alignment) allInOrig(runs [][]int32) bool {
	for _, r := range runs {
		if !a.inOrig(r) {
			return false
		}
	}
	return true
}

// indexIn returns a search for the first occurrence of a token sequence
// in seq (-1 if none), seq's IDs being below n. It checks only the
// positions of the sequence's rarest token, so searching a whole
// inventory stays near-linear. The positions are one array cut by ID
// (at[id] to at[id+1]), not a map of slices: the search runs for every
// inventory entry and bisection step.
func indexIn(seq []int32, n int) func([]int32) int {
	at := make([]int32, n+2)
	for _, id := range seq {
		at[id+2]++
	}
	for id := 2; id < len(at); id++ {
		at[id] += at[id-1]
	}
	pos := make([]int32, len(seq))
	for i, id := range seq {
		pos[at[id+1]] = int32(i)
		at[id+1]++
	}
	positions := func(id int32) []int32 { return pos[at[id]:at[id+1]] }
	return func(ids []int32) int {
		rare, fewest := 0, len(positions(ids[0]))
		for k := 1; k < len(ids); k++ {
			if c := len(positions(ids[k])); c < fewest {
				rare, fewest = k, c
			}
		}
		for _, p := range positions(ids[rare]) {
			start := int(p) - rare
			if start >= 0 && start+len(ids) <= len(seq) && slices.Equal(seq[start:start+len(ids)], ids) {
				return start
			}
		}
		return -1
	}
}

// occurrences finds the inventory entries that cover part of a hunk's
// inserted side and picks non-overlapping ones, longest first: a
// "the United States" beats the fragment "United States" left by an
// aligned "the". An untrusted entry is only taken where it was seen, as
// the whole inserted side of its hunk.
func (a *alignment) occurrences(inv []rep) []occurrence {
	// The entries of one token by that token (single[id]), the longer
	// ones by their first two (byPair), as lists threaded through nextRep
	// (-1 ends one): a long inventory has hundreds of entries starting
	// with "the", and walking them all at every inserted token was most
	// of this function on a 1 MB pair of GUM articles.
	single := make([]int32, len(a.texts))
	for i := range single {
		single[i] = -1
	}
	byPair := make(map[uint64]int32)
	pair := func(x, y int32) uint64 { return uint64(uint32(x))<<32 | uint64(uint32(y)) }
	nextRep := make([]int32, len(inv))
	maxLen := 0
	for n := len(inv) - 1; n >= 0; n-- {
		ids := inv[n].ids
		if len(ids) == 1 {
			nextRep[n], single[ids[0]] = single[ids[0]], int32(n)
		} else {
			head, ok := byPair[pair(ids[0], ids[1])]
			if !ok {
				head = -1
			}
			nextRep[n], byPair[pair(ids[0], ids[1])] = head, int32(n)
		}
		maxLen = max(maxLen, len(ids))
	}
	// Trusted first, then longest, most counted, leftmost; ties broken by
	// inventory index make the order total (equal candidates are the
	// same occurrence found from two hunks), so an unstable sort gives
	// what a stable one did in insertion order. All but leftmost and
	// the index is the entry's priority: the candidates are put in
	// buckets by their entry's rank in priority (a counting sort), and
	// each bucket, nearly in text order already, is sorted by one word,
	// start and index packed. (Sorting every candidate by a two-word key
	// with a comparison function was 7% of Align on a 1 MB article, and
	// sort.SliceStable a fifth before that.)
	rank := priorityRanks(inv)
	var keys []uint64 // start<<32 | inventory index
	count := make([]int, len(inv)+1)
	for _, h := range a.hunks() {
		if h.b1 == h.b2 {
			continue
		}
		for c := max(0, h.b1-maxLen+1); c < h.b2; c++ {
			heads := [2]int32{single[a.rid[c]], -1}
			if c+1 < len(a.rid) {
				if head, ok := byPair[pair(a.rid[c], a.rid[c+1])]; ok {
					heads[1] = head
				}
			}
			for _, head := range heads {
				for n := head; n >= 0; n = nextRep[n] {
					r := &inv[n]
					end := c + len(r.ids)
					if end <= h.b1 || end > len(a.rid) || !r.trusted && (c != h.b1 || end != h.b2) {
						continue
					}
					if slices.Equal(a.rid[c:end], r.ids) {
						keys = append(keys, uint64(c)<<32|uint64(n))
						count[rank[n]+1]++
					}
				}
			}
		}
	}
	for g := 1; g < len(count); g++ {
		count[g] += count[g-1] // count[g]: where bucket g starts
	}
	sorted := make([]uint64, len(keys))
	for _, k := range keys {
		g := rank[uint32(k)]
		sorted[count[g]] = k
		count[g]++ // count[g]: where bucket g ends, bucket g+1 starts
	}
	for g, from := 0, 0; g < len(inv); g++ {
		slices.Sort(sorted[from:count[g]])
		from = count[g]
	}
	taken := make([]bool, len(a.rid))
	var out []occurrence
next:
	for _, k := range sorted {
		n := int(uint32(k))
		o := occurrence{rep: n, start: int(k >> 32), n: len(inv[n].ids), loose: inv[n].cut}
		for j := o.start; j < o.start+o.n; j++ {
			if taken[j] {
				continue next
			}
		}
		for j := o.start; j < o.start+o.n; j++ {
			taken[j] = true
		}
		out = append(out, o)
	}
	return out
}

// priorityRanks ranks the inventory's entries in the order occurrences
// takes them: trusted first, then longest, then most counted; entries
// equal in all three share a rank.
func priorityRanks(inv []rep) []int {
	prio := func(r rep) uint64 {
		var untrusted uint64
		if !r.trusted {
			untrusted = 1
		}
		return untrusted<<63 | uint64(maxRepLen-len(r.ids))<<48 | uint64(math.MaxUint32-uint32(r.count))
	}
	byPrio := make([]uint64, len(inv))
	for n, r := range inv {
		byPrio[n] = prio(r)
	}
	slices.Sort(byPrio)
	byPrio = slices.Compact(byPrio)
	rank := make([]int, len(inv))
	for n, r := range inv {
		rank[n], _ = slices.BinarySearch(byPrio, prio(r))
	}
	return rank
}

// split aligns one hunk again with each representative occurrence as a
// single symbol, so a token shared by the original and the middle of a
// representative cannot cut it, and returns the substitutions it holds.
func (a *alignment) split(h hunk, atomAt map[int]occurrence) []substitution {
	// Local symbols keep the scratch tables of diff as small as the hunk.
	local := make(map[int32]int32)
	sym := func(id int32) int32 {
		s, ok := local[id]
		if !ok {
			s = int32(len(local))
			local[id] = s
		}
		return s
	}
	x := make([]int32, 0, h.a2-h.a1)
	for i := h.a1; i < h.a2; i++ {
		x = append(x, sym(a.oid[i]))
	}
	var y []int32
	var yStart []int // resolved token where each symbol of y starts
	var yRep []int   // inventory index of each symbol, -1 for a plain token
	for j := h.b1; j < h.b2; {
		if o, ok := atomAt[j]; ok && o.n > 1 && !(o.loose && contains(a.oid[h.a1:h.a2], a.rid[j:j+o.n])) {
			// An inventory index above every token ID: matches no token.
			// (A one-token representative stays its token: it cannot be
			// cut, and may match an equal original token.)
			y = append(y, sym(int32(len(a.texts)+o.rep)))
			yStart, yRep = append(yStart, j), append(yRep, o.rep)
			j += o.n
			continue
		}
		r := -1
		if o, ok := atomAt[j]; ok {
			r = o.rep
		}
		y = append(y, sym(a.rid[j]))
		yStart, yRep = append(yStart, j), append(yRep, r)
		j++
	}
	yStart = append(yStart, h.b2)
	m := a.differ.Tokens(x, y, len(local))
	unpairOwnWord(m, yRep)
	var out []substitution
	flush := func(i1, i2, k1, k2 int) {
		if i1 == i2 && k1 == k2 {
			return
		}
		s := substitution{hunk: hunk{a1: h.a1 + i1, a2: h.a1 + i2, b1: yStart[k1], b2: yStart[k2]}}
		for k := k1; k < k2; k++ {
			if yRep[k] >= 0 {
				s.reps = append(s.reps, yRep[k])
			}
		}
		out = append(out, s)
	}
	pi, pk := 0, 0
	for i, k := range m {
		if k < 0 {
			continue
		}
		flush(pi, i, pk, int(k))
		// A plain token matched again: record it in the global alignment.
		a.match[h.a1+i] = int32(yStart[k])
		a.back[yStart[k]] = int32(h.a1 + i)
		pi, pk = i+1, int(k)+1
	}
	flush(pi, len(x), pk, len(y))
	return out
}

// contains reports whether seq holds sub as a contiguous run.
func contains(seq, sub []int32) bool {
	for i := 0; i+len(sub) <= len(seq); i++ {
		if slices.Equal(seq[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// keptCopies finds representatives the diff aligned as kept text while
// their own word stands unexplained next to them: "told The Huffington
// Post , US" → "told coauthor Colette Heald Huffington The Huffington
// Post the US" leaves "Huffington" inserted, since the diff paired the
// original phrase with the copy the pipeline wrote two tokens later. A
// pipeline only inserts representatives, so a leftover word right before
// a short kept run between two differences that holds the same word is
// the original word, and the run is a copy: a substitution, unmatched
// like any other. (Its representative is the run itself, entered in the
// inventory.)
func (a *alignment) keptCopies(inv *[]rep, occs []occurrence) []occurrence {
	covered := make([]bool, len(a.rid)) // by resolved token: a slice, not a map (5% of Align)
	for _, o := range occs {
		for j := o.start; j < o.start+o.n; j++ {
			covered[j] = !o.loose
		}
	}
	var out []occurrence
	hs := a.hunks()
	for k, h := range hs {
		j := h.b2 - 1
		if h.b1 == h.b2 || covered[j] || k+1 == len(hs) || !isContent(a.docClass(j)) {
			continue
		}
		end := hs[k+1].b1
		if end-h.b2 < 2 || end-h.b2 > a.rules.Inventory.MaxKeptCopy.Value || !a.keptRun(h.b2, end) || !slices.Contains(a.rid[h.b2:end], a.rid[j]) {
			continue
		}
		*inv = append(*inv, rep{ids: a.rid[h.b2:end], trusted: true})
		out = append(out, occurrence{rep: len(*inv) - 1, start: h.b2, n: end - h.b2})
	}
	return out
}

// keptRun reports whether resolved tokens [b1, b2) are all aligned, in a
// row, with original tokens.
func (a *alignment) keptRun(b1, b2 int) bool {
	for j := b1; j < b2; j++ {
		if a.back[j] < 0 || j > b1 && a.back[j] != a.back[j-1]+1 {
			return false
		}
	}
	return true
}

// unpairOwnWord undoes the pairing of a one-token representative with the
// same original word when other representatives were written just before
// it and original words after it are left over: the hunk "Bolden , NASA
// Administrator File" → "Bolden the Space Shuttle Program NASA" is not
// "NASA" kept and "Administrator File" lost (a pipeline never deletes),
// but "NASA" written over "File", one slice after the one that overwrote
// its own mention. (m: x → y, as diff; yRep: the representative of each
// y symbol, -1 for a plain token.)
func unpairOwnWord(m []int32, yRep []int) {
	matchedY := make(map[int32]bool, len(m))
	for _, k := range m {
		if k >= 0 {
			matchedY[k] = true
		}
	}
	for i, k := range m {
		if k <= 0 || yRep[k] < 0 || matchedY[k-1] || yRep[k-1] < 0 {
			continue
		}
		if i+1 < len(m) && m[i+1] < 0 && (int(k)+1 == len(yRep) || matchedY[k+1]) {
			m[i] = -1
			matchedY[k] = false
		}
	}
}
