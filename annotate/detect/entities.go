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
//
// Its analysis holds no word hashes, as Regions' does not: the editor
// runs it on a long article beside the spans, and the hashes (8 bytes a
// token, 32 MB at 20 MB) took its largest live heap from 102 to 129 MB
// for 0.2–0.5 s less work, which no key waits for.
func Entities(doc *model.Document) *model.Entities {
	return entitiesOf(analyzeHolding(doc, shippedRules(), false))
}

// entitiesOf is Entities from the analysis a of the document.
func entitiesOf(a *Analysis) *model.Entities {
	doc := a.doc
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
