package annotate

import (
	"math"
	"sort"

	"corefix/model"
)

// The copy scorer judges, in a document that drifts, which occurrences of
// a recurring phrase (or of a lone recurring name or noun) are copies that
// overwrote words. Each hand rule for this (slot, length, count,
// confirmation) is right only about half the time on its own; a logistic
// regression over all of them together, trained on gold drift spans, ranks
// the occurrences better than any one of them. The weights live in
// copyweights.go, written by the trainer in copytrain_test.go.

// copyCandidate is a stretch of tokens the copy scorer judges.
type copyCandidate struct {
	i, j  int
	count int  // occurrences of the same words in the document
	nth   int  // earlier occurrences
	gap   int  // tokens since the previous occurrence; 0 for the first
	lone  bool // a lone word that mentions() does not count as a phrase
	odd   int  // other occurrences of the same words that look out of place
	h     uint64
}

// copyCandidates lists the occurrences the scorer judges, left to right:
// every occurrence of a recurring phrase, and every lone name, noun or
// number that recurs outside those phrases.
func (a *analysis) copyCandidates() []copyCandidate {
	ms := a.mentions()
	type seen struct{ n, last, odd int32 }
	prev := make(map[uint64]seen, len(ms))
	var out []copyCandidate
	add := func(i, j, count int, lone bool) {
		h := a.phraseHash(i, j)
		s, ok := prev[h]
		c := copyCandidate{i: i, j: j, count: count, nth: int(s.n), lone: lone, h: h}
		if ok {
			c.gap = i - int(s.last)
		}
		s.n, s.last = s.n+1, int32(j)
		if a.outOfPlace(i, j) {
			s.odd++
			c.odd = -1 // not counting itself
		}
		prev[h] = s
		out = append(out, c)
	}
	k := 0
	for i := 0; i < len(a.toks); i++ {
		if k < len(ms) && ms[k].i == i {
			add(ms[k].i, ms[k].j, ms[k].count, false)
			i = ms[k].j
			k++
			continue
		}
		switch a.cls[i] {
		case clsCap, clsLow, clsNum:
		default:
			continue
		}
		if n := a.counts[a.extendHash(hashSeed, i)]; n >= 2 {
			add(i, i, int(n), true)
		}
	}
	for k := range out {
		out[k].odd += int(prev[out[k].h].odd)
	}
	return out
}

// outOfPlace reports whether the phrase [i, j] shows any sign of a copy
// landing off its mention: a misfit however weak, a collision or a
// repeated word at either edge.
func (a *analysis) outOfPlace(i, j int) bool {
	return a.misfit(i, j).conf > 0 || a.repeated(i) || a.repeated(j+1) ||
		i > 0 && a.collision(i) != "" || j+1 < len(a.toks) && a.collision(j+1) != ""
}

// evidenceMarks returns, sorted, the tokens where the document shows
// drift: repeated words, collisions and clear misfits. A resolver's
// drift starts at one substitution and grows from there, so copies
// before the first mark are most likely in place.
func (a *analysis) evidenceMarks() []int {
	var out []int
	for i := 1; i < len(a.toks); i++ {
		if a.repeated(i) || a.collision(i) != "" {
			out = append(out, i)
		}
	}
	for _, m := range a.mentions() {
		if !m.first && a.misfit(m.i, m.j).conf >= driftConf {
			out = append(out, m.i)
		}
	}
	sort.Ints(out)
	return out
}

// Feature layout: a bias, the classes of the two tokens on either side
// and of the phrase's own first and last token (one-hot), then the scalar
// signals listed in copyScalars.
const (
	numClasses  = int(clsClitic) + 1
	classSlots  = 8 // i-2, i-1, j+1, j+2, i, j, and i-1, j+1 again for lone words
	scalarStart = 1 + classSlots*numClasses
)

// numScalars is the number of scalar features.
const numScalars = 42

// copyScalars names the scalar features, in order.
var copyScalars = [numScalars]string{
	"len1", "len2", "len3", "len4+",
	"logcount", "first", "lognth", "loggap", "lone",
	"capfirst", "allcap", "sentstart", "sentword-after",
	"misfit", "loose", "prepobject", "namestart", "copylike", "wedged", "oddslot",
	"shown", "evidence-rate", "log-evidence",
	"repeated-at", "repeated-after", "same-before", "same-after",
	"quoted", "collision-at", "collision-after", "possessive-slot",
	"position", "lowerstart", "content",
	"odd-others", "odd-share", "marks-before", "marks-share", "before-onset", "word-before",
	"marks-near", "marks-after",
}

// numCopyFeatures is the length of a feature vector.
const numCopyFeatures = scalarStart + numScalars

// copyVec is a candidate's feature vector in the form the scorer reads
// fast: the indices of its one-hot class features, and its scalars.
type copyVec struct {
	hot [classSlots]int // -1 where unused
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

// copyFeatureName names feature k, for the weight table.
func copyFeatureName(k int) string {
	switch {
	case k == 0:
		return "bias"
	case k < scalarStart:
		slot := []string{"i-2", "i-1", "j+1", "j+2", "i", "j", "one:i-1", "one:j+1"}[(k-1)/numClasses]
		return slot + "=" + classLabel(class((k-1)%numClasses))
	}
	return copyScalars[k-scalarStart]
}

// classLabel names a class for feature names.
func classLabel(c class) string {
	return [...]string{"low", "cap", "num", "det", "poss", "subj", "obj", "ityou", "prep", "conj",
		"wh", "aux", "verb", "nounverb", "end", "comma", "quote", "punct", "ly", "ed", "ing", "clitic"}[c]
}

// copyFeatures fills v for candidate c. shown holds the hashes of
// phrases the document shows drifting, marks the evidenceMarks.
func (a *analysis) copyFeatures(c copyCandidate, shown map[uint64]bool, marks []int, v *copyVec) {
	for s, t := range [6]int{c.i - 2, c.i - 1, c.j + 1, c.j + 2, c.i, c.j} {
		v.hot[s] = 1 + s*numClasses + int(a.class(t))
	}
	v.hot[6], v.hot[7] = -1, -1
	if c.i == c.j {
		// A lone word's slot says more than a long phrase's: a name
		// after a preposition is the writer's, after a noun a copy's.
		v.hot[6] = 1 + 6*numClasses + int(a.class(c.i-1))
		v.hot[7] = 1 + 7*numClasses + int(a.class(c.j+1))
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
	f[5] = b(c.nth == 0)
	f[6] = log1p(c.nth) / 4
	if c.nth > 0 {
		f[7] = math.Min(1, math.Log1p(float64(c.gap))/math.Log(2000))
	}
	f[8] = b(c.lone)
	f[9] = b(a.capitalised(c.i))
	all := true
	for k := c.i; k <= c.j; k++ {
		if a.cls[k] != clsCap {
			all = false
		}
	}
	f[10] = b(all)
	f[11] = b(a.sentenceStart(c.i))
	f[12] = b(a.sentenceWord(c.j + 1))
	f[13] = a.misfit(c.i, c.j).conf
	f[14] = b(a.looseSlot(c.i, c.j))
	f[15] = b(a.prepObject(c.i, c.j))
	f[16] = b(a.nameStart(c.i, c.j))
	f[17] = b(a.copyLike(mention{i: c.i, j: c.j, count: c.count}))
	f[18] = b(c.i == c.j && a.wedged(c.i))
	f[19] = b(a.oddCopySlot(c.i, c.j))
	f[20] = b(shown[c.h])
	f[21] = math.Min(1, float64(a.evidence)*1000/float64(max(1, len(a.toks)))/40)
	f[22] = log1p(a.evidence) / 5
	f[23] = b(a.repeated(c.i))
	f[24] = b(a.repeated(c.j + 1))
	f[25] = b(a.near(c.i, c.i-4, c.i-1))
	f[26] = b(a.near(c.j, c.j+1, c.j+4))
	f[27] = b(a.quoted()[c.i])
	f[28] = b(c.i > 0 && a.collision(c.i) != "")
	f[29] = b(c.j+1 < len(a.toks) && a.collision(c.j+1) != "")
	f[30] = b(a.possessiveSlot(c.i, c.j) > 0)
	f[31] = float64(c.i) / float64(len(a.toks))
	f[32] = b(a.lowerStart(c.i))
	f[33] = b(a.hasContent(c.i, c.j))
	f[34] = log1p(c.odd) / 3
	f[35] = float64(c.odd) / float64(max(1, c.count-1))
	k := sort.SearchInts(marks, c.i)
	f[36] = log1p(k) / 4
	f[37] = float64(k) / float64(max(1, len(marks)))
	f[38] = b(k == 0)
	f[39] = b(a.wordBefore(c.i, c.j))
	lo, hi := sort.SearchInts(marks, c.i-20), sort.SearchInts(marks, c.j+21)
	in := sort.SearchInts(marks, c.j+1) - k // the candidate's own marks
	f[40] = log1p(hi-lo-in) / 3
	f[41] = float64(len(marks)-k) / float64(max(1, len(marks)))
}

// wordBefore reports whether a name or noun of the phrase [i, j] also
// stands in the three tokens before it: a drifting copy lands just after
// the mention it should have replaced, which often shares its words.
func (a *analysis) wordBefore(i, j int) bool {
	for k := i; k <= j; k++ {
		if a.hasContent(k, k) && a.near(k, i-3, i-1) {
			return true
		}
	}
	return false
}

// near reports whether token t's text also stands in tokens [lo, hi]: a
// copy landing one token off sits next to the mention it repeats.
func (a *analysis) near(t, lo, hi int) bool {
	w := a.text(t)
	for k := max(lo, 0); k <= hi && k < len(a.toks); k++ {
		if k != t && a.text(k) == w {
			return true
		}
	}
	return false
}

// copyScore is the scorer's probability that candidate c is a copy that
// overwrote words.
func (a *analysis) copyScore(c copyCandidate, shown map[uint64]bool, marks []int, v *copyVec) float64 {
	a.copyFeatures(c, shown, marks, v)
	return sigmoid(v.dot(copyWeights))
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

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// Switches the trainer flips to compare the scorer with the hand rules.
var (
	copyScorerOn = true // score copies in drifting documents
	copyLone     = true // score lone recurring words too
)

// scoredCopies judges, in a drifting document, every candidate with the
// hand rules and the copy scorer together: a copy the hand rules flag
// stays flagged unless the scorer rates it below copyVeto, and a
// candidate they pass over is flagged when the scorer rates it at least
// copyThreshold. The hand rules carry the slot evidence that holds in any
// article; the scorer adds the copies they cannot see and drops the
// writer's own repeats they cannot tell apart.
func (r Recurring) scoredCopies(a *analysis) []model.Finding {
	shown, marks := a.shownDrifting(), a.evidenceMarks()
	var v copyVec
	var out []model.Finding
	for _, c := range a.copyCandidates() {
		if c.nth == 0 || c.lone && !copyLone {
			continue // a phrase's first occurrence is the writer's
		}
		p := a.copyScore(c, shown, marks, &v)
		var f model.Finding
		ok := false
		if !c.lone {
			f, ok = r.handCopy(a, mention{i: c.i, j: c.j, count: c.count, first: c.nth == 0}, true, shown)
		}
		switch {
		case ok && f.Confidence >= model.BrokenThreshold:
			if p < copyVeto {
				// Shown to the editor, not counted as broken.
				f.Confidence = min(f.Confidence, 0.4)
			}
		case p >= copyThreshold:
			f = model.Finding{
				Start: a.toks[c.i].Start, End: a.toks[c.j].End, Category: model.Overwrite,
				Rule: r.Name(), Confidence: scaled(p, copyThreshold),
				Message:   "a recurring phrase in a document whose substitutions drift, in a slot and pattern typical of a copy that overwrote words",
				Proposals: a.overwriteFix(a.misfit(c.i, c.j).fix),
			}
			ok = true
		}
		if ok && f.Confidence >= slotOK {
			out = append(out, f)
		}
	}
	if more := a.confirmedCopies(r.Name()); len(more) > 0 {
		// The scorer may already flag the same copy.
		have := make(map[[2]int]bool, len(out))
		for _, f := range out {
			have[[2]int{f.Start, f.End}] = f.Confidence >= model.BrokenThreshold
		}
		for _, f := range more {
			if !have[[2]int{f.Start, f.End}] {
				out = append(out, f)
			}
		}
		sort.SliceStable(out, func(x, y int) bool { return out[x].Start < out[y].Start })
	}
	return out
}

// scaled maps a probability p to a confidence so that the operating
// point t becomes 0.5, the threshold findings are judged by.
func scaled(p, t float64) float64 {
	if p >= t {
		return 0.5 + 0.5*(p-t)/(1-t)
	}
	return 0.5 * p / t
}
