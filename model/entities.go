package model

import "sort"

// Entities are the entities a document mentions as far as an analysis can
// tell: for each, the phrase that names it and every place that mentions
// it. The editor's antecedent panel shows them; what found them is for
// the caller to say (Source), since a text-only analysis sees far less
// than coreference clusters would.
type Entities struct {
	// Source names the analysis, for the panel to be honest about it
	// ("recurring phrases").
	Source string
	list   []Entity
	byPos  []mentionRef // every mention, in text order
}

// Entity is one entity: its name and its mentions.
type Entity struct {
	// Name is the representative phrase, as the text first writes it.
	Name string
	// Mentions are byte ranges [start, end) in text order; the first is
	// the earliest, the one a writer introduces the entity with.
	Mentions [][2]int
}

// mentionRef is mention k of entity e.
type mentionRef struct {
	start, end int
	e, k       int
}

// NewEntities indexes the entities list found by source. Mentions of
// different entities must not overlap.
func NewEntities(source string, list []Entity) *Entities {
	es := &Entities{Source: source, list: list}
	for e, ent := range list {
		for k, r := range ent.Mentions {
			es.byPos = append(es.byPos, mentionRef{start: r[0], end: r[1], e: e, k: k})
		}
	}
	sort.Slice(es.byPos, func(i, j int) bool { return es.byPos[i].start < es.byPos[j].start })
	return es
}

// Len is the number of entities.
func (es *Entities) Len() int { return len(es.list) }

// At returns the entity with a mention inside or overlapping [start, end),
// the first such mention in text order, and that mention's index among
// the entity's mentions; ok is false when none does.
func (es *Entities) At(start, end int) (ent Entity, mention int, ok bool) {
	i := sort.Search(len(es.byPos), func(i int) bool { return es.byPos[i].end > start })
	if i == len(es.byPos) || es.byPos[i].start >= end {
		return Entity{}, 0, false
	}
	r := es.byPos[i]
	return es.list[r.e], r.k, true
}
