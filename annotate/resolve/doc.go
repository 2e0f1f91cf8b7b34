// Package resolve writes coreference clusters into a text. It holds what
// every resolver shares: the placements of the substitution pipelines
// corefix knows (the seed's shrinking list, in-place, word slots) as
// pieces over the words (Piece), the document's words as resolvers read
// them (Words: word classes, possessives, quotations, from embedded word
// lists), and how a replacement changes the text (Effect).
//
// The damage factory (annotate/damage) imitates broken pipelines with
// it; exact mode with clusters (annotate/align) replays them to explain
// what a pipeline did.
package resolve
