package damage

import (
	"slices"

	"corefix/model"
)

// mention is one mention as the resolver sees it.
type mention struct {
	span   model.TokenSpan // the words the resolver replaces (the model's boundaries)
	gold   model.TokenSpan // the real mention it comes from
	entity int             // the gold cluster the real mention belongs to
}

// cluster is an entity as a coreference model returned it: mentions in
// text order, the first being the representative.
type cluster struct {
	mentions []mention
}

// goldClusters are the document's clusters as a perfect model would return
// them. Singletons are left out: they have nothing to replace.
func goldClusters(doc *model.CorefDocument) []cluster {
	var cs []cluster
	for i, c := range doc.Clusters {
		if len(c.Mentions) < 2 {
			continue
		}
		ms := make([]mention, len(c.Mentions))
		for j, s := range c.Mentions {
			ms[j] = mention{span: s, gold: s, entity: i}
		}
		cs = append(cs, cluster{ms})
	}
	return cs
}

// sortMentions puts a cluster's mentions back in text order after a
// mistake moved or added some.
func (c *cluster) sortMentions() {
	slices.SortStableFunc(c.mentions, func(a, b mention) int { return a.span.Compare(b.span) })
}

// byFirstMention sorts clusters by their first mention, keeping the list
// order between clusters whose first mentions are the same.
func byFirstMention(cs []cluster) {
	slices.SortStableFunc(cs, func(a, b cluster) int { return a.mentions[0].span.Compare(b.mentions[0].span) })
}

// order puts the clusters in the order the resolver writes them.
func (d *damager) order(cs []cluster) {
	switch d.cfg.Order {
	case FirstMention:
		byFirstMention(cs)
	case Shuffled:
		byFirstMention(cs) // a fixed start, so the shuffle depends on the seed alone
		d.rng.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
	}
}

// within reports whether a lies inside b.
func within(a, b model.TokenSpan) bool { return b.Start <= a.Start && a.End <= b.End }
