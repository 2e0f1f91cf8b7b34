package detect

import (
	"sort"

	"corefix/annotate/lexicon"
)

// The judge's speech block. Transcripts (court hearings, interviews)
// repeat words and restart phrases on their own ("you run a — you run
// a carpet business", "she she decided"), which reads like a copy that
// landed beside its mention. Speakers do it around hesitations and
// cut-offs, which no coreference rewrite writes: how often a document
// has them, and whether one stands by the candidate, tells the speaker's
// repetition from a copy.

// maxFiller is the longest filler in bytes ("uh-huh", "um-hum").
const maxFiller = 6

// speechNear is how many tokens on each side of a candidate count as
// beside it.
const speechNear = 3

// numSpeechFeatures is the length of the speech block: fillers and
// breaks per token in the document, and whether one stands within
// speechNear tokens of the candidate.
const numSpeechFeatures = 4

// speechFeatureNames names the speech block's features.
func speechFeatureNames() [numSpeechFeatures]string {
	return [...]string{"speech:filler-rate", "speech:break-rate", "speech:filler-near", "speech:break-near"}
}

// speechMarks returns, once per document, the positions of its fillers
// and of its breaks, each in text order.
func (a *Analysis) speechMarks() (fillers, breaks []int) {
	if a.speech == nil {
		fill, brk := lexicon.Set("filler"), lexicon.Set("speech-break")
		a.speech = &speechIndex{}
		for k, t := range a.toks {
			// Fillers are short words of no closed class, breaks marks
			// of their own: the classes rule out most tokens before the
			// word sets are asked.
			switch w := a.doc.Text[t.Start:t.End]; a.cls[k] {
			case lexicon.Low, lexicon.Cap:
				if len(w) <= maxFiller && fill.HasLower(w) {
					a.speech.fillers = append(a.speech.fillers, k)
				}
			case lexicon.Punct, lexicon.End:
				// The tokenizer splits "--" into its dashes: a break may
				// be two tokens that touch.
				w2 := ""
				if k+1 < len(a.toks) && a.toks[k+1].Start == t.End {
					w2 = a.doc.Text[t.Start:a.toks[k+1].End]
				}
				if brk.Has(w) || brk.Has(w2) {
					a.speech.breaks = append(a.speech.breaks, k)
				}
			}
		}
	}
	return a.speech.fillers, a.speech.breaks
}

// speechIndex is where a document's fillers and breaks stand.
type speechIndex struct{ fillers, breaks []int }

// speechFeatures writes candidate [i, j]'s speech block into f.
func (a *Analysis) speechFeatures(i, j int, f []float64) {
	fillers, breaks := a.speechMarks()
	n := float64(max(1, len(a.toks)))
	f[0] = min(1, float64(len(fillers))/n*50)
	f[1] = min(1, float64(len(breaks))/n*50)
	if anyWithin(fillers, i-speechNear, j+speechNear) {
		f[2] = 1
	}
	if anyWithin(breaks, i-speechNear, j+speechNear) {
		f[3] = 1
	}
}

// anyWithin reports whether the sorted positions ps hold one in [lo, hi].
func anyWithin(ps []int, lo, hi int) bool {
	k := sort.SearchInts(ps, lo)
	return k < len(ps) && ps[k] <= hi
}

// spokenRepeat reports whether the word repeated at token i is a
// speaker's: a filler ("uh uh"), or any word with a filler or a break
// beside it ("you run a — you run a a carpet business"). Speakers
// restart around hesitations; a copy that lands beside its mention does
// not hesitate, so such a repeat is no evidence of drift.
//
// In a transcript a speaker restarts a phrase on its first word anywhere,
// hesitation or not ("no , the the origin", "and and then"), so there a
// doubled determiner, preposition or conjunction is the speaker's too. A
// doubled pronoun is not: a cluster represented by a pronoun pastes it
// beside its own mentions ("I I", "she she").
func (a *Analysis) spokenRepeat(i int) bool {
	fillers, breaks := a.speechMarks()
	if anyWithin(fillers, i-restartReach, i+speechNear) || anyWithin(breaks, i-restartReach, i+speechNear) {
		return true
	}
	switch a.cls[i] {
	case lexicon.Det, lexicon.Prep, lexicon.Conj:
		return a.transcript()
	}
	return false
}

// transcript reports whether the document reads as transcribed speech:
// fillers ("uh", "um") at the transcript-fillers rate per 1,000 tokens or
// more. Edited prose has none, or one in a quotation; a text shorter than
// 1,000 tokens is measured as if it had 1,000, so one quoted "uh" does not
// make a short article speech.
func (a *Analysis) transcript() bool {
	fillers, _ := a.speechMarks()
	return len(fillers) > 0 && len(fillers)*1000 >= a.rules().Limits.TranscriptFillers.Value*max(len(a.toks), 1000)
}

// restartReach is how many tokens before a repeat a filler or break may
// stand: a speaker who restarts says the first words again ("you run a
// — you run a a carpet business").
const restartReach = 6
