package detect

import "corefix/model"

// EntitiesSource is what Entities says found its entities.
const EntitiesSource = "recurring phrases"

// Entities lists the noun phrases of doc that recur verbatim, each with
// every place it occurs: the detectors' recurrence analysis (mentions.go),
// which is all a text-only reading knows of the document's entities. A
// resolver copies a cluster's representative over its mentions, so a
// phrase that recurs is most often a representative, and its first
// occurrence the writer's own mention of the entity. It knows nothing of
// pronouns or other names for the same entity: those need clusters.
func Entities(doc *model.Document) *model.Entities {
	a := Analyze(doc)
	var list []model.Entity
	index := make(map[uint64]int) // entity of each phrase hash
	for _, m := range a.mentions() {
		start, end := a.toks[m.i].Start, a.toks[m.j].End
		h := a.phraseHash(m.i, m.j)
		e, ok := index[h]
		if !ok {
			e = len(list)
			index[h] = e
			list = append(list, model.Entity{Name: doc.Text[start:end]})
		}
		list[e].Mentions = append(list[e].Mentions, [2]int{int(start), int(end)})
	}
	// A phrase whose other occurrences overlap longer ones is left with
	// one mention: no entity to walk.
	kept := list[:0]
	for _, ent := range list {
		if len(ent.Mentions) > 1 {
			kept = append(kept, ent)
		}
	}
	return model.NewEntities(EntitiesSource, kept)
}
