package align

import (
	"slices"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// A pipeline replaces at least one token with a representative, so a
// difference that only inserts or only deletes is a substitution whose
// mention and representative share a word the diff aligned: "Rohingya" →
// "Rohingya , a stateless minority…" shows as an insertion after
// "Rohingya", "Malaysia ’s" → "Malaysia" as a deletion of "’s". Taking
// the shared neighbour back into the substitution restores what was
// replaced by what, and gives the finding a non-empty span.

// absorbEdges widens every pure insertion or deletion by one kept
// neighbour that no other substitution holds, on the side preferRight
// picks; one that touches the previous substitution (after that one took
// the neighbour between them: "the UK ’s" → "UK") joins it instead.
// Before that, an insertion and a deletion side by side are re-paired
// (sideBySide), and two deletions around a one-token representative
// (inserted, the one-token representatives seen as whole insertions)
// become one substitution (bracketed).
func (a *alignment) absorbEdges(subs []substitution, inOrig func([]int32) bool, inserted map[int32]int) []substitution {
	out := subs[:0]
	for k := 0; k < len(subs); k++ {
		s := subs[k]
		if s.a1 < s.a2 && s.b1 < s.b2 {
			out = append(out, s)
			continue
		}
		if k+1 < len(subs) && a.sideBySide(s, subs[k+1], inOrig) {
			out = append(out, a.repair(s, subs[k+1])...)
			k++
			continue
		}
		if k+1 < len(subs) && a.bracketed(s, subs[k+1], inserted) {
			t := subs[k+1]
			a.match[s.a2], a.back[s.b2] = -1, -1
			out = append(out, substitution{hunk: hunk{a1: s.a1, a2: t.a2, b1: s.b1, b2: s.b2 + 1}})
			k++
			continue
		}
		if n := len(out); n > 0 && a.ownWordBefore(out[n-1], s, inserted) {
			// "Bolden , NASA Administrator File" → "Bolden the Space
			// Shuttle Program NASA": the two representatives side by
			// side overwrote ", NASA Administrator File" (splitJoined
			// cuts it), and "NASA" only looked kept.
			p := &out[n-1]
			a.match[p.a2], a.back[p.b2] = -1, -1
			p.a2, p.b2 = s.a2, p.b2+1
			p.reps = append(p.reps, inserted[a.rid[p.b2-1]])
			continue
		}
		if n := len(out); n > 0 && out[n-1].a2 == s.a1 && out[n-1].b2 == s.b1 {
			p := &out[n-1]
			p.a2, p.b2 = s.a2, s.b2
			p.reps = append(p.reps, s.reps...)
			continue
		}
		left := s.a1 > 0 && s.b1 > 0 && int(a.match[s.a1-1]) == s.b1-1
		right := s.a2 < len(a.ot) && s.b2 < len(a.rt) && int(a.match[s.a2]) == s.b2 &&
			(k+1 == len(subs) || subs[k+1].b1 > s.b2 && subs[k+1].a1 > s.a2)
		if left && right && a.preferRight(s, inOrig) {
			left = false
		}
		insertion := s.a1 == s.a2
		switch {
		case left:
			s.a1, s.b1 = s.a1-1, s.b1-1
			a.match[s.a1], a.back[s.b1] = -1, -1
		case right:
			a.match[s.a2], a.back[s.b2] = -1, -1
			s.a2, s.b2 = s.a2+1, s.b2+1
		}
		if insertion && (left || right) {
			a.growInsertion(&s, out, subs[k+1:], inOrig)
		}
		out = append(out, s)
	}
	return out
}

// preferRight picks the neighbour that belongs to the mention. Words come
// before punctuation. An insertion takes the side where the widened text
// occurs in the original, as representatives do ("Tom" before "Devocht"
// becomes "Devocht" → "Tom Devocht"); a deleted determiner belongs to the
// noun after it ("the girls" → "girls"). Otherwise the left side: the
// representative usually extends the mention's head to the right
// ("Rohingya" → "Rohingya , a stateless minority…").
func (a *alignment) preferRight(s substitution, inOrig func([]int32) bool) bool {
	if lp, rp := a.rt[s.b1-1].Kind == model.Punct, a.rt[s.b2].Kind == model.Punct; lp != rp {
		return lp
	}
	if s.a1 == s.a2 {
		return !inOrig(a.rid[s.b1-1:s.b2]) && inOrig(a.rid[s.b1:s.b2+1])
	}
	return isDeterminer(a.origClass(s.a2 - 1))
}

// growInsertion takes further kept names into a widened insertion while
// the resolved side stays a phrase of the original, as representatives
// are: "Attorney General" inserted before "Jeff Sessions" becomes "Jeff
// Sessions" → "Attorney General Jeff Sessions". Only capitalised words:
// the sentence around a representative's first mention is in the
// original too ("coauthor Colette Heald told The Huffington Post").
// It stops at the neighbouring substitutions (done before it, and still
// to come).
func (a *alignment) growInsertion(s *substitution, done, todo []substitution, inOrig func([]int32) bool) {
	lo, hi := 0, len(a.rt)
	if n := len(done); n > 0 {
		lo = done[n-1].b2
	}
	if len(todo) > 0 {
		hi = todo[0].b1
	}
	for {
		switch {
		case s.b2 < hi && s.a2 < len(a.ot) && int(a.match[s.a2]) == s.b2 && a.origClass(s.a2) == lexicon.Cap &&
			inOrig(a.rid[s.b1:s.b2+1]):
			a.match[s.a2], a.back[s.b2] = -1, -1
			s.a2, s.b2 = s.a2+1, s.b2+1
		case s.b1 > lo && s.a1 > 0 && int(a.match[s.a1-1]) == s.b1-1 && a.origClass(s.a1-1) == lexicon.Cap &&
			inOrig(a.rid[s.b1-1:s.b2]):
			s.a1, s.b1 = s.a1-1, s.b1-1
			a.match[s.a1], a.back[s.b1] = -1, -1
		default:
			return
		}
	}
}

// sideBySide reports whether insertion s and deletion t are two
// substitutions side by side that Myers paired wrongly: t deletes as many
// tokens as stand kept between them ("Google Science" → "Texas student
// Ahmed Mohamed Google": the one-token representative "Google" matched
// the original "Google" it overwrote, one token right of its mention).
// When the inserted and kept words together are a phrase of the original
// they are one representative instead ("Hamill ’s" → "Mark Hamill").
func (a *alignment) sideBySide(s, t substitution, inOrig func([]int32) bool) bool {
	n := t.a1 - s.a2
	return s.a1 == s.a2 && t.b1 == t.b2 && n > 0 && t.b1-s.b2 == n && t.a2-t.a1 == n && !inOrig(a.rid[s.b1:t.b1])
}

// repair re-pairs side-by-side insertion s and deletion t: s's
// representative replaced the kept tokens between them, and those kept
// tokens of the resolved text (a representative equal to them) replaced
// t's deleted ones.
func (a *alignment) repair(s, t substitution) []substitution {
	n := t.a1 - s.a2
	for i := range n {
		a.match[s.a2+i], a.back[s.b2+i] = -1, -1
	}
	first := substitution{hunk: hunk{a1: s.a2, a2: t.a1, b1: s.b1, b2: s.b2}, reps: s.reps}
	second := substitution{hunk: hunk{a1: t.a1, a2: t.a2, b1: s.b2, b2: t.b1}}
	return []substitution{first, second}
}

// ownWordBefore reports whether deletion s follows substitution p across
// one kept token that is a one-token representative (written whole
// elsewhere), and s lost a content word: a pipeline never deletes, so
// the representative was written over s's words, one slice after p,
// and p overwrote its original twin.
func (a *alignment) ownWordBefore(p, s substitution, inserted map[int32]int) bool {
	if s.b1 != s.b2 || p.a1 == p.a2 || p.b1 == p.b2 || p.a2+1 != s.a1 || p.b2+1 != s.b1 || !isKey(inserted, a.rid[p.b2]) {
		return false
	}
	for i := s.a1; i < s.a2; i++ {
		if isContent(a.origClass(i)) {
			return true
		}
	}
	return false
}

// bracketed reports whether deletions s and t enclose one kept token that
// is a one-token representative (inserted elsewhere): the representative
// overwrote the whole stretch and Myers matched it with the word it
// overwrote ("the Scientology organization after leaving" → "the
// organization leaving").
func (a *alignment) bracketed(s, t substitution, inserted map[int32]int) bool {
	return s.b1 == s.b2 && t.b1 == t.b2 && s.a1 < s.a2 && t.a1 == s.a2+1 && t.b1 == s.b2+1 && isKey(inserted, a.rid[s.b2])
}

// isKey reports whether m has the key k.
func isKey[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}

// slideKept re-pairs a pure deletion with the kept words next to it,
// among alignments equally minimal. A pipeline never deletes without
// inserting, but when a representative lands just after its own mention
// ("Arena . England had" → "Arena England England debutans"), a minimal
// diff may pair the original word with either copy, and it picks the one
// that leaves "." deleted. The copy away from the deletion is the kept
// one: then the deleted words were overwritten by the other copy. The
// same holds for a deleted word that reappears just after one kept word
// (swapIntoDeletion), and a deletion slides next to a word rather than a
// punctuation mark (slidePunctLeft), where absorbEdges joins it to the
// substitution that explains it.
func (a *alignment) slideKept() {
	maxSlide := a.rules.Inventory.MaxSlide.Value
	hs := a.hunks()
	for k, h := range hs {
		if h.b1 != h.b2 || h.a1 == h.a2 {
			continue
		}
		if a.slidePunctLeft(h) {
			continue
		}
		if k+1 < len(hs) {
			next := hs[k+1]
			n := next.b1 - h.b2
			if n > 0 && n <= maxSlide && next.b2-next.b1 >= n && slices.Equal(a.rid[h.b2:h.b2+n], a.rid[next.b1:next.b1+n]) {
				for i := range n {
					a.back[h.b2+i] = -1
					a.match[h.a2+i] = int32(next.b1 + i)
					a.back[next.b1+i] = int32(h.a2 + i)
				}
				continue
			}
			if n == 1 && next.b2 > next.b1 && a.swapIntoDeletion(h, next) {
				continue
			}
		}
		if k > 0 {
			prev := hs[k-1]
			n := h.b1 - prev.b2
			if n > 0 && n <= maxSlide && prev.b2-prev.b1 >= n && slices.Equal(a.rid[h.b1-n:h.b1], a.rid[prev.b2-n:prev.b2]) {
				for i := range n {
					a.back[h.b1-n+i] = -1
					a.match[h.a1-n+i] = int32(prev.b2 - n + i)
					a.back[prev.b2-n+i] = int32(h.a1 - n + i)
				}
			}
		}
	}
}

// slidePunctLeft moves a pure deletion one token left when it ends with
// the punctuation mark kept just before it and a word stands before that
// mark: "Livorno , Tuscany , to" → "Livorno , to" lost ", Tuscany" after
// "Livorno" (the mention "Livorno , Tuscany" replaced by "Livorno"), not
// "Tuscany ," after the comma. Both are minimal; the deletion next to the
// word is the one a substitution explains. It reports whether it moved.
func (a *alignment) slidePunctLeft(h hunk) bool {
	p := h.a1 - 1 // the kept mark
	if p < 1 || a.match[p] < 0 || a.match[p-1] < 0 || a.oid[h.a2-1] != a.oid[p] ||
		a.ot[p].Kind != model.Punct || a.ot[p-1].Kind == model.Punct {
		return false
	}
	j := a.match[p]
	a.match[p], a.match[h.a2-1] = -1, j
	a.back[j] = int32(h.a2 - 1)
	return true
}

// swapIntoDeletion handles a pure deletion h, one kept word, then a
// difference next whose resolved side starts with a content word h
// deleted: "the religion was relatively" → "was religion the ancient
// Greek religion" is "the" → "was", "religion" kept, "was relatively" →
// "the ancient Greek religion", not "the religion" lost and "was" kept.
// Both align one word; only the second has the pipeline replace words
// instead of deleting them. It reports whether it re-paired.
func (a *alignment) swapIntoDeletion(h, next hunk) bool {
	t := a.rid[next.b1]
	if !isContent(a.docClass(next.b1)) {
		return false
	}
	for i := h.a2 - 1; i > h.a1; i-- { // i > h.a1: a word must stay before it
		if a.oid[i] == t {
			a.match[h.a2], a.back[h.b2] = -1, -1
			a.match[i], a.back[next.b1] = int32(next.b1), int32(i)
			return true
		}
	}
	return false
}

// shiftedRun handles a kept run between a pure insertion and a pure
// deletion (either order): when another run at least as long, shifted into
// both, leaves a word on each side before it and after it (or none on
// either), the pipeline replaced words there instead of inserting and
// deleting. "and his wife Manju Sam , 36 ," → "and Thomas Sam , 42 wife
// Manju Sam , his wife Manju Sam ," keeps "wife Manju Sam ,": "his" and
// "36" were overwritten, not "his wife Manju Sam" kept. It returns the
// region's match array (as diff.Differ.Shortest), or nil.
func (a *alignment) shiftedRun(h1, h2 hunk, kept int) []int32 {
	if isPure(h1)+isPure(h2) < 2 {
		return nil
	}
	x, y := a.oid[h1.a1:h2.a2], a.rid[h1.b1:h2.b2]
	bi, bj, bl := 0, 0, 0
	for i := range x {
		for j := range y {
			l := 0
			for i+l < len(x) && j+l < len(y) && x[i+l] == y[j+l] {
				l++
			}
			if l < kept || l <= bl {
				continue
			}
			before := i > 0 && j > 0
			after := i+l < len(x) && j+l < len(y) || i+l == len(x) && j+l == len(y)
			if before && after {
				bi, bj, bl = i, j, l
			}
		}
	}
	if bl == 0 {
		return nil
	}
	m := make([]int32, len(x))
	for i := range m {
		m[i] = -1
	}
	for d := range bl {
		m[bi+d] = int32(bj + d)
	}
	return m
}

// longestRun is the most pairs of a match array that are consecutive on
// both sides.
func longestRun(m []int32) int {
	best, n := 0, 0
	for i, j := range m {
		switch {
		case j < 0:
			n = 0
		case i > 0 && m[i-1] >= 0 && m[i-1] == j-1:
			n++
		default:
			n = 1
		}
		best = max(best, n)
	}
	return best
}

// pureEdits counts the differences of a match array (over n tokens on
// the second side) that only insert or only delete.
func pureEdits(m []int32, n int) int {
	count, i, j := 0, 0, 0
	for i < len(m) || j < n {
		if i < len(m) && int(m[i]) == j {
			i, j = i+1, j+1
			continue
		}
		i0, j0 := i, j
		for i < len(m) && m[i] < 0 {
			i++
		}
		if i < len(m) {
			j = max(j, int(m[i]))
		} else {
			j = n
		}
		if i == i0 || j == j0 {
			count++
		}
	}
	return count
}

// isPure is 1 for a hunk that only inserts or only deletes, else 0.
func isPure(h hunk) int {
	if h.a1 == h.a2 || h.b1 == h.b2 {
		return 1
	}
	return 0
}

// maxReDiff bounds the region reDiffShortAnchors aligns again: a few
// substitutions around one word.
const maxReDiff = 120

// reDiffShortAnchors undoes a patience anchor that cost a longer match. A
// word unique to a stretch of both texts anchors it, even when the
// pipeline wrote a copy of that word over another one and the original
// word's phrase stands verbatim beside it ("ended on Tuesday . This is
// the first … , and" → "ended on competition This is the first …
// competition we Tuesday"). Where a kept run of at most max_kept_copy tokens
// sits between two differences, the region is aligned again by a
// shortest edit script alone, and that alignment is taken when it keeps
// a longer phrase.
func (a *alignment) reDiffShortAnchors() {
	hs := a.hunks()
	for k := 0; k+1 < len(hs); k++ {
		h1, h2 := hs[k], hs[k+1]
		kept := h2.a1 - h1.a2
		if kept > a.rules.Inventory.MaxKeptCopy.Value || h2.a2-h1.a1 > maxReDiff || h2.b2-h1.b1 > maxReDiff {
			continue
		}
		if h1.a1 == h1.a2 && h2.a1 == h2.a2 || h1.b1 == h1.b2 && h2.b1 == h2.b2 {
			continue // both insertions or both deletions: nothing to pair
		}
		m, _ := a.differ.Shortest(a.oid[h1.a1:h2.a2], a.rid[h1.b1:h2.b2])
		if longestRun(m) <= kept || pureEdits(m, h2.b2-h1.b1) >= isPure(h1)+isPure(h2) {
			// Scattered matches are words shared with a representative
			// ("the … religion"), not the phrase the anchor hid; and
			// a pipeline replaces words, so an alignment with no fewer
			// bare insertions and deletions explains nothing better (a
			// representative's copy matched with its first mention).
			if m = a.shiftedRun(h1, h2, kept); m == nil {
				continue
			}
		}
		// Unpair the whole region before pairing it again: a word
		// paired anew may be one an old pair further right still holds.
		for i := h1.a1; i < h2.a2; i++ {
			if j := a.match[i]; j >= 0 {
				a.back[j] = -1
			}
			a.match[i] = -1
		}
		for i := h1.a1; i < h2.a2; i++ {
			if m[i-h1.a1] >= 0 {
				a.match[i] = int32(h1.b1) + m[i-h1.a1]
				a.back[a.match[i]] = int32(i)
			}
		}
		k++ // the next hunk is stale now
	}
}
