package detect

import (
	"corefix/model"

	"corefix/annotate/lexicon"
)

// confirmedCopies flags the later copies of representatives that the
// document itself shows being copied over words: a word repeated ("Google
// Google") or a noun phrase right after a subject pronoun ("they The
// Democrats") is a copy that landed one token off, and the resolver
// copied the same representative over every mention of its entity. A
// lone word or short name recurs in any article, so only a copy standing
// where the writer would hardly have put it counts: after a content word
// or verb, not after a preposition, determiner or sentence boundary, and
// not inside a longer name.
func (a *Analysis) confirmedCopies(name string) []model.Finding {
	var out []model.Finding
	for _, c := range a.confirmedSpans() {
		out = append(out, a.confirmedFinding(name, c))
	}
	return out
}

// confirmedSpans returns the tokens [i, j] of each copy confirmedCopies
// flags, in text order, found on first use. Regions holds these and makes
// the findings of a region's copies when it is rated, as it does for the
// recurring mentions' copies: at 20 MB of varied text the findings of
// 34,000 confirmed copies held through every region were over 5 MB.
func (a *Analysis) confirmedSpans() [][2]int32 {
	if a.confirmedDone {
		return a.confirmed
	}
	a.confirmedDone = true
	reps := a.confirmedReps()
	if len(reps) == 0 {
		return nil
	}
	seen := make(map[uint64]bool, len(reps))
	for i := 0; i < len(a.toks); i++ {
		j, ok := a.confirmedAt(i, reps)
		if !ok {
			continue
		}
		key := a.phraseHash(i, j)
		if !seen[key] {
			seen[key] = true // the writer's own first mention
			i = j
			continue
		}
		if a.oddCopySlot(i, j) && !a.repeated(j+1) && !a.repeated(i) {
			a.confirmed = append(a.confirmed, [2]int32{int32(i), int32(j)})
		}
		i = j
	}
	return a.confirmed
}

// confirmedFinding is the finding of the confirmed copy over tokens c,
// by the rule named name.
func (a *Analysis) confirmedFinding(name string, c [2]int32) model.Finding {
	return model.Finding{
		Start: int(a.toks[c[0]].Start), End: int(a.toks[c[1]].End), Category: model.Overwrite,
		Rule: name, Confidence: a.rules().Recurring.ConfirmedCopy.Confidence,
		Message:   a.rules().Recurring.ConfirmedCopy.Message,
		Proposals: a.overwriteFix(""),
	}
}

// confirmedReps collects the copies that collisions, repeated words and
// clear misfits reveal, by first word, as token texts, when they contain
// a content word: a repeated "the" or "he" says nothing about which
// representative drifted. It is computed once per Recurring run.
func (a *Analysis) confirmedReps() map[string][][]string {
	if !a.repsDone {
		a.reps, a.repsDone = a.findConfirmedReps(), true
	}
	return a.reps
}

func (a *Analysis) findConfirmedReps() map[string][][]string {
	if !a.drifting() {
		return nil
	}
	var reps map[string][][]string
	for i := 1; i < len(a.toks); i++ {
		j, lowOK := -1, false
		switch {
		case a.sameWord(i) && a.repeated(i):
			j = i
		case a.cls[i-1] == lexicon.Subj && a.collision(i) != "":
			j = a.phraseEnd(i)
		case a.lowerStart(i):
			// No writer starts a sentence with a lower-case noun, so
			// even a lone one is surely a copied representative.
			j, lowOK = a.phraseEnd(i), true
		}
		if j < 0 || !a.hasContent(i, j) || i == j && a.cls[i] == lexicon.Low && !lowOK {
			// A lone noun repeated ("iodine iodine") is as often
			// the writer's own word elsewhere, after a verb or
			// adjective.
			continue
		}
		reps = a.addRep(reps, i, j)
	}
	fits := a.mentionFits()
	for k, m := range a.mentions() {
		if m.first || fits[k] < a.rules().Recurring.ClearMisfit || m.i == m.j && a.cls[m.i] == lexicon.Low {
			continue
		}
		reps = a.addRep(reps, m.i, m.j)
	}
	return reps
}

// addRep adds the texts of tokens [i, j] to reps unless they are there.
func (a *Analysis) addRep(reps map[string][][]string, i, j int) map[string][][]string {
	if end, ok := a.confirmedAt(i, reps); ok && end == j {
		return reps
	}
	if reps == nil {
		reps = make(map[string][][]string)
	}
	words := make([]string, 0, j-i+1)
	for k := i; k <= j; k++ {
		words = append(words, a.text(k))
	}
	reps[words[0]] = append(reps[words[0]], words)
	a.repFirst.add(a.word(i))
	return reps
}

// confirmedAt returns the end of the longest confirmed representative
// starting at token i.
func (a *Analysis) confirmedAt(i int, reps map[string][][]string) (int, bool) {
	switch {
	case len(reps) == 0, !a.repFirst.mayHave(a.word(i)):
		return 0, false // no representative opens with this word
	case a.hasContent(i, i), a.cls[i] == lexicon.Det, a.cls[i] == lexicon.Poss:
	default:
		return 0, false // no representative opens with a verb or punctuation
	}
	best := -1
	for _, words := range reps[a.text(i)] {
		n := len(words)
		if i+n > len(a.toks) || i+n-1 <= best {
			continue
		}
		k := 1
		for k < n && a.text(i+k) == words[k] {
			k++
		}
		if k == n {
			best = i + n - 1
		}
	}
	return best, best >= 0
}

// hasContent reports whether tokens [i, j] hold a name, noun or number.
func (a *Analysis) hasContent(i, j int) bool {
	for k := i; k <= j; k++ {
		switch a.cls[k] {
		case lexicon.Low, lexicon.Cap, lexicon.Num:
			return true
		}
	}
	return false
}

// oddCopySlot reports whether the phrase [i, j] stands where a writer
// would hardly put it: right after a noun, adverb or auxiliary (not
// after a verb, preposition, determiner or boundary, where any noun
// phrase fits), and not glued to capitalised words that make it part of a longer
// name ("South Australia", "New Zealand Herald").
func (a *Analysis) oddCopySlot(i, j int) bool {
	if a.SentenceStart(i) || a.Class(j+1) == lexicon.Cap && a.cls[j] == lexicon.Cap {
		return false
	}
	if i == j && a.cls[i] == lexicon.Cap && a.Class(j+1) == lexicon.Low {
		return false // a name or nationality as a modifier: "the Russian drama"
	}
	switch a.Class(i - 1) {
	case lexicon.Low, lexicon.Num, lexicon.Aux, lexicon.Ly, lexicon.Clitic:
		// Not after a verb: "saying Smith did", "made Smith famous".
		return true
	case lexicon.Cap:
		return a.cls[i] != lexicon.Cap // "Scientology organization", not "South Australia"
	}
	return false
}

// shownDrifting returns the hashes of the phrases the document shows being
// copied over words: a copy that clearly misfits its slot, or that
// follows a subject pronoun or repeats the word before it. Once a
// representative is seen overwriting words, its other copies are suspect
// wherever they stand, even short common ones ("a browser", "daughter
// ’s") that a writer could repeat.
func (a *Analysis) shownDrifting() map[uint64]bool {
	shown := make(map[uint64]bool)
	for _, reps := range a.confirmedReps() {
		for _, words := range reps {
			h := hashSeed
			for _, w := range words {
				h = extendHashText(h, w)
			}
			shown[h] = true
		}
	}
	return shown
}

// phraseHash hashes tokens [i, j] as extendHash does.
func (a *Analysis) phraseHash(i, j int) uint64 {
	h := hashSeed
	for k := i; k <= j; k++ {
		h = a.extendHash(h, k)
	}
	return h
}
