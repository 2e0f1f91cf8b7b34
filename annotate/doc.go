// Package annotate is the parent of corefix's analysis packages, each a
// pure function of its input text (no I/O, no mutable state, results
// sorted by offset), importing only downward:
//
//	lexicon  word classes, gender cues and the ’s spelling, from embedded lists
//	diff     token sequence alignment (patience anchors, Myers in the gaps)
//	fluency  how likely a word sequence is, from a tag model of clean English (UD EWT)
//	detect   text-only detection: suspected broken substitutions from the text alone
//	align    exact mode: the resolved text aligned with its original, every difference explained
//	eval     scoring findings against gold files, and the corrected text against the gold's
//	resolve  writing clusters into a text: the pipelines' placements, their replay, the correct resolver
//	damage   the damage factory: coreference-annotated documents damaged as pipelines do, with exact gold
//
// detect reads lexicon and fluency (its judge); fluency and resolve read
// lexicon; align reads detect's view
// of the resolved text, diff, lexicon and resolve (to replay a pipeline
// from its clusters); eval reads diff; damage reads lexicon and resolve.
// Nothing here imports ui or cmd.
package annotate
