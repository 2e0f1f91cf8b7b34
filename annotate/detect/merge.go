package detect

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"corefix/model"
)

// Merge resolves overlapping findings into one per region: among findings
// whose spans overlap, the most confident wins (the earlier one in fs on
// ties, so callers list detectors in priority order). The result is sorted
// by start and renumbered f0001….
//
// Overlaps can only chain within a cluster of transitively overlapping
// spans, so the greedy choice runs per cluster: O(n log n) overall, where a
// global greedy over a growing sorted list was quadratic on long articles.
func Merge(fs []model.Finding) []model.Finding {
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(fs[a].Start, fs[b].Start) })
	kept := make([]model.Finding, 0, len(fs))
	for lo := 0; lo < len(order); {
		hi, end := lo+1, fs[order[lo]].End
		for hi < len(order) && fs[order[hi]].Start < end {
			end = max(end, fs[order[hi]].End)
			hi++
		}
		kept = appendCluster(kept, fs, order[lo:hi])
		lo = hi
	}
	for i := range kept {
		kept[i].ID = findingID(i + 1)
	}
	return kept
}

// appendCluster keeps, greedily by confidence, the findings of one cluster
// that do not overlap a more confident one, and appends them in text order.
func appendCluster(kept, fs []model.Finding, cluster []int) []model.Finding {
	if len(cluster) == 1 {
		return append(kept, fs[cluster[0]])
	}
	byConf := append([]int(nil), cluster...)
	slices.SortStableFunc(byConf, func(a, b int) int {
		switch x, y := fs[a].Confidence, fs[b].Confidence; {
		case x > y:
			return -1
		case x < y:
			return 1
		case x != y:
			return 0 // NaN: neither first, as the stable sort left it
		}
		return cmp.Compare(a, b)
	})
	// won stays sorted by start and disjoint, so a candidate only needs
	// checking against its two neighbours (a cluster can be the whole text,
	// as in "he he he …").
	var won []int
	for _, i := range byConf {
		at := sort.Search(len(won), func(k int) bool { return fs[won[k]].Start >= fs[i].Start })
		if at > 0 && fs[won[at-1]].End > fs[i].Start || at < len(won) && fs[won[at]].Start < fs[i].End {
			continue
		}
		won = append(won, 0)
		copy(won[at+1:], won[at:])
		won[at] = i
	}
	for _, i := range won {
		kept = append(kept, fs[i])
	}
	return kept
}

// findingID is the ID of the n-th finding: "f" and n in at least four
// digits (f0001), as fmt's "f%04d" writes it, in one allocation.
func findingID(n int) string {
	var b [20]byte
	digits := strconv.AppendInt(b[:0], int64(n), 10)
	var id strings.Builder
	id.Grow(1 + max(4, len(digits)))
	id.WriteByte('f')
	for range 4 - len(digits) {
		id.WriteByte('0')
	}
	id.Write(digits)
	return id.String()
}
