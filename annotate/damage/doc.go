// Package damage is the damage factory: it turns a document with gold
// coreference clusters (model.CorefDocument) into what a coreference
// substitution pipeline makes of it — the resolved text, the original
// text, and gold spans that say exactly which substitutions broke the text
// and which are correct. It is the training and evaluation material of the
// text-only detector.
//
// The pipelines it imitates (Config):
//
//   - the seed's shrinking-list bug (Shrink): each later mention replaced by
//     its cluster's first mention on one list that earlier replacements
//     shortened, so substitutions drift right and overwrite words;
//   - a correct but naive resolver (InPlace): every mention replaced where
//     it stands, possessives given the bare representative, first person
//     rewritten inside quotations;
//   - the clusters a model produces: pronouns linked to the wrong noun,
//     entities merged or split, pronoun-only clusters, mention boundaries a
//     determiner off; clusters in model order; mention-length caps;
//   - long documents (JoinLong), tokenised or prose spacing.
//
// Gold is exact by construction: every stretch of the output records the
// original words it stands in for and the mention it was meant for.
// Everything random comes from the Config's seed and the document id.
package damage
