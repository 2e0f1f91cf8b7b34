// Package fluency measures how unlikely a writer is to produce a word
// sequence, from clean text only: a part-of-speech hidden Markov model
// (a word → tag lexicon, an unknown-word guesser and interpolated tag
// trigrams) learned from the gold tags of the UD English Web Treebank.
// It knows nothing of any damage generator, so what it says about a copied
// phrase holds for any resolver's output.
//
// # Signals
//
// A window's score is log P(words) − Σ log P(word): how much more (or
// less) likely the words are together than one by one. Word frequency
// cancels out, so a rare word is not "disfluent"; only how the words fit
// together counts. Every signal is a difference of such scores, in nats:
//
//   - Surprise(k): minus the pointwise mutual information of the few words
//     before token k and the few from k on. Clean text is usually below 0
//     (neighbours predict each other); a copied phrase that lands
//     mid-clause pushes it above 0 at its edges ("thought they | Democrats
//     supposed").
//   - Span [i, j]: the junctions at both edges (In, Out); how much the
//     context gains when the span is dropped (Drop) or replaced by a single
//     word of any kind (Gap) — a correct substitution fits its slot, a copy
//     that overwrote a verb does not ("They [The Democrats] the election");
//     and how badly a pronoun would fit in its place (Pron): a correct
//     substitution stands where a pronoun stood.
//   - Profile: per-token log P(word | words before) / P(word) over a window;
//     Factors: the same before the logs, for a reader of a few of them.
//
// Everything is computed on demand over a few tokens around a candidate
// (a forward pass over tag pairs, each word limited to its likely tags),
// never over the whole text. Tags gives the Viterbi tags of a sentence,
// for measuring the tagger itself.
//
// # Data file
//
// The model is fluency.txt, embedded and parsed once by Default into an
// immutable value. It is written by `corefix-lab fluency` (docs/lab.md)
// from the EWT CoNLL-U files with Counter and Write, and holds counts only:
// every probability is derived when it is loaded. UTF-8 text, one record a
// line, fields separated by tabs, records in this order:
//
//	corefix.fluency/v1                    the schema, first line
//	# free text                           comments (source, credit, build settings)
//	param NAME VALUE                      the settings below, one a line
//	probe WORD WORD …                     the pronouns Span.Pron tries
//	tag ID UPOS XPOS COUNT                the tag set, ID = 0, 1, … in order
//	bi A B COUNT                          tag A directly followed by B
//	tri A B C COUNT                       A B followed by C
//	word FORM ID:COUNT ID:COUNT …         a word form and its tags, by count
//	owned FORM COUNT                      a lower-case word form right after a possessive (PRP$, WP$, POS)
//
// A tag is a UPOS/XPOS pair (PRON/PRP and PRON/PRP$ differ where it
// matters). Word forms are case-sensitive, with curly quotes and
// apostrophes written straight (Key). Tag n-grams run through each
// document as one stream, across sentence boundaries, as the signals see
// text. Lines are sorted (tags by ID, n-grams by IDs, words and owned by form), so
// the same corpus and settings always give the same bytes.
//
// Settings (param): rare, the highest count of a word that trains the
// suffix guesser; suffix, its longest suffix in letters; smooth, the
// pseudo-count by which a suffix's tags lean on the shorter suffix's;
// known, the weight of the guess in a seen word's tags (add-β toward the
// guess); prune, the least P(tag | word) a word keeps; cands, the most
// tags it keeps; trim, the prior mass of the rarest tags that the "any
// word" of Span.Gap leaves out (so it costs little more than a real word);
// capmix, the weight of the lower-case word's tags for an unseen
// capitalised form in mid-sentence; context, the words taken on each side
// of a junction; owned, the pseudo-count by which a word's share after a
// possessive leans on every word's (Owned).
//
// Data: UD English Web Treebank (Silveira et al. 2014), CC BY-SA 4.0; the
// counts in fluency.txt are a derived work under the same licence.
package fluency
