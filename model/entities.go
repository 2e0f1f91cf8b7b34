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

// mentionRef is mention k of entity e, in 16 bytes: the editor holds
// one a mention for as long as the article is open (524,941 at 20 MB),
// and offsets into a text no longer than MaxText fit 32 bits.
type mentionRef struct {
	start, end int32
	e, k       int32
}

// NewEntities indexes the entities list found by source, in a text of
// at most MaxText bytes. Mentions of different entities must not
// overlap.
func NewEntities(source string, list []Entity) *Entities {
	n := 0
	for _, ent := range list {
		n += len(ent.Mentions)
	}
	es := &Entities{Source: source, list: list, byPos: make([]mentionRef, 0, n)}
	for e, ent := range list {
		for k, r := range ent.Mentions {
			es.byPos = append(es.byPos, mentionRef{start: int32(r[0]), end: int32(r[1]), e: int32(e), k: int32(k)})
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
	i := sort.Search(len(es.byPos), func(i int) bool { return int(es.byPos[i].end) > start })
	if i == len(es.byPos) || int(es.byPos[i].start) >= end {
		return Entity{}, 0, false
	}
	r := es.byPos[i]
	return es.list[r.e], int(r.k), true
}
