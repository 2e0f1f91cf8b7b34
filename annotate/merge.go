package annotate

import (
	"fmt"
	"sort"

	"corefix/model"
)

// Merge resolves overlapping findings into one per region: among findings
// whose spans overlap, the most confident wins (the earlier one on ties,
// so callers list detectors in priority order). The result is sorted by
// start and renumbered f0001….
func Merge(fs []model.Finding) []model.Finding {
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		return fs[order[a]].Confidence > fs[order[b]].Confidence
	})
	// kept stays sorted by start and non-overlapping, so a candidate only
	// needs checking against its two neighbours.
	var kept []model.Finding
	for _, i := range order {
		f := fs[i]
		at := sort.Search(len(kept), func(j int) bool { return kept[j].Start >= f.Start })
		if at > 0 && kept[at-1].End > f.Start || at < len(kept) && kept[at].Start < f.End {
			continue
		}
		kept = append(kept, model.Finding{})
		copy(kept[at+1:], kept[at:])
		kept[at] = f
	}
	for i := range kept {
		kept[i].ID = fmt.Sprintf("f%04d", i+1)
	}
	return kept
}
