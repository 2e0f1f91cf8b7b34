package detect

import (
	"math"
	"sort"

	"corefix/annotate/lexicon"
)

// What the copy scorer (copyscore.go) sees of an occurrence of a
// recurring phrase: its candidates and their features.

// copyCandidate is a stretch of tokens the copy scorer judges.
type copyCandidate struct {
	i, j  int
	count int     // occurrences of the same words in the document
	nth   int     // earlier occurrences
	gap   int     // tokens since the previous occurrence; 0 for the first
	odd   int     // other occurrences of the same words that look out of place
	h     uint64  // phraseHash of the words
	fit   float64 // how badly the phrase misfits its slot (misfit's confidence)
	// The same words with the same word before them, and after them,
	// elsewhere in the document.
	pairBefore, pairAfter bool
	// Another recurring phrase starts one or two tokens after this one
	// (next), or ends one or two tokens before it (prev).
	next, prev bool
}

// copyCandidates lists the occurrences the scorer judges, left to right:
// every occurrence of a recurring phrase. Lone lower-case words are not
// candidates: on held-out documents they added nothing for 40% more work
// (docs/experiments.md).
func (a *Analysis) copyCandidates() []copyCandidate {
	ts := a.copyTraits()
	out := make([]copyCandidate, len(ts))
	for k, t := range ts {
		out[k] = a.copyCandidate(k, t)
	}
	return out
}

// copyTrait is what a recurring mention's candidate knows beyond the
// mention, from the other occurrences: the k-th mention's candidate is
// made of the two (copyCandidate). Regions keeps these, 16 bytes a
// mention for the candidate's 72 (at 20 MB of varied text, 525,000
// mentions: 8 MB for 36 MB), and makes a region's candidates when it is
// rated.
type copyTrait struct {
	nth, gap, odd int32
	flags         uint8 // traitPairBefore…
}

// copyTrait flags, one for each of copyCandidate's booleans.
const (
	traitPairBefore = 1 << iota
	traitPairAfter
	traitNext
	traitPrev
)

// copyCandidate returns the candidate of the k-th recurring mention,
// with its traits t.
func (a *Analysis) copyCandidate(k int, t copyTrait) copyCandidate {
	m := a.mentions()[k]
	return copyCandidate{
		i: m.i, j: m.j, count: int(m.count), nth: int(t.nth), gap: int(t.gap), odd: int(t.odd), h: a.phraseHash(m.i, m.j), fit: a.mentionFits()[k],
		pairBefore: t.flags&traitPairBefore != 0, pairAfter: t.flags&traitPairAfter != 0,
		next: t.flags&traitNext != 0, prev: t.flags&traitPrev != 0,
	}
}

// copyTraits returns the traits of every recurring mention's candidate,
// in the mentions' order.
func (a *Analysis) copyTraits() []copyTrait {
	ms := a.mentions()
	type seen struct{ n, last, odd int32 }
	// The maps grow from room for a short article's phrases: a long
	// text repeats them, and maps sized by its mentions were mostly
	// empty (at 20 MB of varied text, some 35 MB, the peak of the pass).
	hint := min(len(ms), 1<<12)
	// What each phrase's occurrences showed so far (seens), found by the
	// phrase's hash, which is read from the text once a mention (not
	// kept: mention); group[k] is mention k's entry, for the second loop.
	phrases := make(map[uint64]int32, hint)
	var seens []seen
	group := make([]int32, len(ms))
	pairs := make(map[uint64]int32, 2*hint)
	out := make([]copyTrait, len(ms))
	keys := make([][2]uint64, len(ms))
	fits := a.mentionFits()
	for k, m := range ms {
		i, j := m.i, m.j
		h := a.phraseHash(i, j)
		// The phrase with the word before it, and with the word after
		// it, mixed so that neither meets the other or a phrase hash.
		before := h ^ a.extendHash(hashSeed, i-1)*0x9E3779B97F4A7C15
		after := h ^ a.extendHash(hashSeed, j+1)*0xC2B2AE3D27D4EB4F
		pairs[before]++
		pairs[after]++
		keys[k] = [2]uint64{before, after}
		g, ok := phrases[h]
		if !ok {
			g = int32(len(seens))
			phrases[h] = g
			seens = append(seens, seen{})
		}
		s := &seens[g]
		t := copyTrait{nth: s.n}
		if ok {
			t.gap = int32(i) - s.last
		}
		s.n, s.last = s.n+1, int32(j)
		if a.outOfPlace(i, j, fits[k]) {
			s.odd++
			t.odd = -1 // not counting itself
		}
		group[k] = g
		out[k] = t
	}
	for k := range out {
		out[k].odd += seens[group[k]].odd
		if pairs[keys[k][0]] >= 2 {
			out[k].flags |= traitPairBefore
		}
		if pairs[keys[k][1]] >= 2 {
			out[k].flags |= traitPairAfter
		}
		if k+1 < len(out) {
			if d := ms[k+1].i - ms[k].j; d >= 1 && d <= 2 {
				out[k].flags |= traitNext
				out[k+1].flags |= traitPrev
			}
		}
	}
	return out
}

// outOfPlace reports whether the phrase [i, j] shows any sign of a copy
// landing off its mention: a misfit however weak, a collision or a
// repeated word at either edge.
func (a *Analysis) outOfPlace(i, j int, fit float64) bool {
	return fit > 0 || a.repeated(i) || a.repeated(j+1) ||
		i > 0 && a.collision(i) != "" || j+1 < len(a.toks) && a.collision(j+1) != ""
}

// Feature layout: a bias, the classes of the two tokens on either side
// and of the phrase's own first and last token (one-hot), then the scalar
// signals listed in copyScalars.
const (
	numClasses  = int(lexicon.Clitic) + 1
	classSlots  = 8 // i-2, i-1, j+1, j+2, i, j, and i-1, j+1 again for lone names
	scalarStart = 1 + classSlots*numClasses
)

// misfitScalar is the index of "misfit" among the scalars.
const misfitScalar = 11

// numScalars is the number of scalar features.
const numScalars = 48

// copyScalars returns the names of the scalar features, in order.
func copyScalars() [numScalars]string {
	return [numScalars]string{
		"len1", "len2", "len3", "len4+",
		"logcount", "lognth", "loggap",
		"capfirst", "allcap", "sentstart", "sentword-after",
		"misfit", "loose", "prepobject", "namestart", "copylike", "wedged", "oddslot",
		"shown", "evidence-rate", "log-evidence",
		"repeated-at", "repeated-after", "same-before", "same-after",
		"quoted", "collision-at", "collision-after", "possessive-slot",
		"position", "lowerstart", "content",
		"odd-others", "odd-share", "marks-before", "marks-share", "before-onset", "word-before",
		"marks-near", "marks-after", "pair-before-recurs", "pair-after-recurs",
		"subject-slot", "prep-slot", "list-slot", "pronoun-before",
		"copy-follows", "copy-precedes",
	}
}

// numCopyFeatures is the length of a feature vector.
const numCopyFeatures = scalarStart + numScalars

// copyVec is a candidate's feature vector in the form the scorer reads
// fast: the indices of its one-hot class features, and its scalars.
type copyVec struct {
	hot [classSlots]int16 // -1 where unused; small, as the judge keeps a vector per candidate
	s   [numScalars]float64
}

// dot returns the weighted sum of the features.
func (v *copyVec) dot(w []float64) float64 {
	z := w[0]
	for _, k := range v.hot {
		if k >= 0 {
			z += w[k]
		}
	}
	for k, x := range v.s {
		z += w[scalarStart+k] * x
	}
	return z
}

// dense writes the vector out in full, bias first, for the trainer.
func (v *copyVec) dense(x []float64) {
	clear(x)
	x[0] = 1
	for _, k := range v.hot {
		if k >= 0 {
			x[k] = 1
		}
	}
	copy(x[scalarStart:], v.s[:])
}

// copyFeatureName names feature k: the names key the weights of the
// data file (copyfile.go).
func copyFeatureName(k int) string {
	switch {
	case k == 0:
		return "bias"
	case k < scalarStart:
		slot := []string{"i-2", "i-1", "j+1", "j+2", "i", "j", "one:i-1", "one:j+1"}[(k-1)/numClasses]
		return slot + "=" + classLabel(lexicon.Class((k-1)%numClasses))
	}
	return copyScalars()[k-scalarStart]
}

// classLabel names a class for feature names.
func classLabel(c lexicon.Class) string {
	return [...]string{"low", "cap", "num", "det", "poss", "subj", "obj", "ityou", "prep", "conj",
		"wh", "aux", "verb", "nounverb", "end", "comma", "quote", "punct", "ly", "ed", "ing", "clitic"}[c]
}

// copyFeatures fills v for candidate c. shown holds the hashes of
// phrases the document shows drifting, marks the drift evidence
// (analysis.marks).
func (a *Analysis) copyFeatures(c copyCandidate, shown map[uint64]bool, marks []int, v *copyVec) {
	a.cheapFeatures(c, shown, marks, v)
	a.costlyFeatures(c, shown, v)
}

// cheapFeatures fills all but the costlyScalars of v, and zeroes those.
func (a *Analysis) cheapFeatures(c copyCandidate, shown map[uint64]bool, marks []int, v *copyVec) {
	for s, t := range [6]int{c.i - 2, c.i - 1, c.j + 1, c.j + 2, c.i, c.j} {
		v.hot[s] = int16(1 + s*numClasses + int(a.Class(t)))
	}
	v.hot[6], v.hot[7] = -1, -1
	if c.i == c.j {
		// A lone name's slot says more than a long phrase's: a name
		// after a preposition is the writer's, after a noun a copy's.
		v.hot[6] = int16(1 + 6*numClasses + int(a.Class(c.i-1)))
		v.hot[7] = int16(1 + 7*numClasses + int(a.Class(c.j+1)))
	}
	f := &v.s
	clear(f[:])
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	n := c.j - c.i + 1
	f[min(n, 4)-1] = 1
	f[4] = math.Min(1, log1p(c.count-1)/math.Log(64))
	f[5] = log1p(c.nth) / 4
	if c.nth > 0 {
		f[6] = math.Min(1, math.Log1p(float64(c.gap))/math.Log(2000))
	}
	f[7] = b(a.capitalised(c.i))
	all := true
	for k := c.i; k <= c.j; k++ {
		if a.cls[k] != lexicon.Cap {
			all = false
		}
	}
	f[8] = b(all)
	f[18] = b(shown[c.h])
	f[19] = math.Min(1, float64(a.evidence)*1000/float64(max(1, len(a.toks)))/40)
	f[20] = log1p(a.evidence) / 5
	f[29] = float64(c.i) / float64(len(a.toks))
	f[31] = b(a.hasContent(c.i, c.j))
	f[32] = log1p(c.odd) / 3
	f[33] = float64(c.odd) / float64(max(1, c.count-1))
	k := sort.SearchInts(marks, c.i)
	f[34] = log1p(k) / 4
	f[35] = float64(k) / float64(max(1, len(marks)))
	f[36] = b(k == 0)
	lo, hi := sort.SearchInts(marks, c.i-20), sort.SearchInts(marks, c.j+21)
	in := sort.SearchInts(marks, c.j+1) - k // the candidate's own marks
	f[38] = log1p(hi-lo-in) / 3
	f[39] = float64(len(marks)-k) / float64(max(1, len(marks)))
	// The slot signals of the hand rules, cheap with the misfit known.
	f[misfitScalar] = c.fit
	f[12] = b(a.looseSlot(c.i, c.j))
	f[13] = b(a.prepObject(c.i, c.j))
	f[15] = b(a.copyLike(mention{i: c.i, j: c.j, count: int32(c.count)}))
	f[16] = b(c.i == c.j && a.wedged(c.i))
	f[21] = b(a.repeated(c.i))
	f[22] = b(a.repeated(c.j + 1))
	f[25] = b(a.quoted().has(c.i))
	f[26] = b(c.i > 0 && a.collision(c.i) != "")
	f[27] = b(c.j+1 < len(a.toks) && a.collision(c.j+1) != "")
	f[40] = b(c.pairBefore)
	f[41] = b(c.pairAfter)
	a.slotFeatures(c, f)
	// A drifting copy lands right after the mention it was meant to
	// replace: of two recurring phrases side by side, the second is the
	// copy and the first the writer's.
	f[46] = b(c.next)
	f[47] = b(c.prev)
}

// slotFeatures fills the scalars that say the candidate stands in a slot
// where a writer puts a name of their own: the subject of a clause
// before its verb, the object of a preposition closed by punctuation, an
// item of a list. The class one-hots see each side alone; a writer's
// repetition shows in both sides together. pronoun-before says a pronoun
// stands two or three tokens before: the kept mention a copy landed
// beside, once the drift has grown past one token.
func (a *Analysis) slotFeatures(c copyCandidate, f *[numScalars]float64) {
	before, after := a.Class(c.i-1), a.Class(c.j+1)
	opens := before == lexicon.End || before == lexicon.Quote || before == lexicon.Comma || before == lexicon.Conj
	closes := after == lexicon.End || after == lexicon.Comma || after == lexicon.Conj || after == lexicon.Quote
	if opens && (after == lexicon.Verb || after == lexicon.Aux || after == lexicon.Ed || after == lexicon.NounVerb) {
		f[42] = 1
	}
	if before == lexicon.Prep && (closes || after == lexicon.Prep) {
		f[43] = 1
	}
	if (before == lexicon.Comma || before == lexicon.Conj) && (after == lexicon.Comma || after == lexicon.Conj) {
		f[44] = 1
	}
	for k := c.i - 3; k <= c.i-2; k++ {
		switch a.Class(k) {
		case lexicon.Subj, lexicon.Obj, lexicon.Poss:
			f[45] = 1
		}
	}
}

// costlyScalars lists the scalar features that scan the words around
// the candidate; each lies in [0, 1], so the scorer can bound
// their sum from the weights and skip them when the cheap ones decide.
func costlyScalars() [9]int { return [...]int{9, 10, 14, 17, 23, 24, 28, 30, 37} }

// costlyFeatures fills the costlyScalars of v for candidate c.
func (a *Analysis) costlyFeatures(c copyCandidate, shown map[uint64]bool, v *copyVec) {
	f := &v.s
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	f[9] = b(a.SentenceStart(c.i))
	f[10] = b(a.sentenceWord(c.j + 1))
	f[14] = b(a.nameStart(c.i, c.j))
	f[17] = b(a.oddCopySlot(c.i, c.j))
	f[23] = b(a.near(c.i, c.i-4, c.i-1))
	f[24] = b(a.near(c.j, c.j+1, c.j+4))
	f[28] = b(a.possessiveSlot(c.i, c.j) > 0)
	f[30] = b(a.lowerStart(c.i))
	f[37] = b(a.wordBefore(c.i, c.j))
}

// wordBefore reports whether a name or noun of the phrase [i, j] also
// stands in the three tokens before it: a drifting copy lands just after
// the mention it should have replaced, which often shares its words.
func (a *Analysis) wordBefore(i, j int) bool {
	for k := i; k <= j; k++ {
		if a.hasContent(k, k) && a.near(k, i-3, i-1) {
			return true
		}
	}
	return false
}

// near reports whether token t's text also stands in tokens [lo, hi]: a
// copy landing one token off sits next to the mention it repeats.
func (a *Analysis) near(t, lo, hi int) bool {
	w := a.text(t)
	for k := max(lo, 0); k <= hi && k < len(a.toks); k++ {
		if k != t && a.text(k) == w {
			return true
		}
	}
	return false
}

// log1p is ln(1+n) for a count, from a table for the small ones.
func log1p(n int) float64 {
	if n >= 0 && n < len(log1pTable) {
		return log1pTable[n]
	}
	return math.Log1p(float64(n))
}

// log1pTable holds ln(1+n) for small n.
var log1pTable = func() (t [64]float64) {
	for n := range t {
		t[n] = math.Log1p(float64(n))
	}
	return t
}()
