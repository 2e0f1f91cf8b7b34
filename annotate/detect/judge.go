package detect

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"sync"

	"corefix/annotate/fluency"
	"corefix/annotate/lexicon"
	"corefix/model"
)

// The judge is one learned scorer over every signal the detectors have.
// The hand rules and the recurrence analysis propose candidate spans; for
// each the judge reads the copy features (the words and classes around
// the span, how its phrase recurs, the document's drift evidence), what
// every hand rule said of it and how well it reads (package fluency), and
// gradient-boosted trees trained on damaged documents of other genres
// (corefix-lab train-judge) decide how sure to be. Trees, not a weighted
// sum: whether a fluency dip means a copy depends on the kind of
// candidate and on what the rules said, which one weight per feature
// cannot express (docs/experiments.md, "The judge").

// JudgeBins is the number of equal bins over [-1, 1] a feature's value
// falls in for the trees (every judge feature lies in [-1, 1]).
const JudgeBins = 32

// JudgeBin returns the bin of feature value v: the trainer and the judge
// split on the same bins.
func JudgeBin(v float64) int {
	return max(0, min(JudgeBins-1, int((v+1)/2*JudgeBins)))
}

// JudgeNode is a node of one of the judge's trees, the root first. An
// inner node sends a candidate to Left when the bin of its Feature is at
// most Bin, else to Right (both later in the tree); a leaf (Feature < 0)
// adds Value to the log-odds.
type JudgeNode struct {
	Feature, Bin, Left, Right int
	Value                     float64
}

// Judge is a trained judge: boosted trees over the features of
// JudgeFeatureNames and the probability from which a span counts as
// broken. It is immutable; make one with NewJudge or ParseJudge.
type Judge struct {
	base      float64
	trees     [][]JudgeNode
	cuts      flatTrees           // trees as Probability walks them
	kinds     [numKinds]flatTrees // the trees as each kind's candidates see them
	threshold float64
	training  JudgeTraining
}

// NewJudge returns a judge scoring sigmoid(base + the leaves the trees
// reach) that flags a span as broken from probability threshold (0 <
// threshold < 1) on. Every tree must be well formed: features and bins
// in range, children after their parent, values finite.
func NewJudge(base float64, trees [][]JudgeNode, threshold float64, training JudgeTraining) (*Judge, error) {
	if math.IsNaN(base) || math.IsInf(base, 0) {
		return nil, fmt.Errorf("judge: base %v", base)
	}
	for k, t := range trees {
		if len(t) == 0 {
			return nil, fmt.Errorf("judge: tree %d is empty", k)
		}
		for n, x := range t {
			switch {
			case x.Feature < 0 && (math.IsNaN(x.Value) || math.IsInf(x.Value, 0)):
				return nil, fmt.Errorf("judge: tree %d node %d: value %v", k, n, x.Value)
			case x.Feature >= numJudgeFeatures || x.Feature >= 0 && (x.Bin < 0 || x.Bin >= JudgeBins ||
				x.Left <= n || x.Right <= n || x.Left >= len(t) || x.Right >= len(t)):
				return nil, fmt.Errorf("judge: tree %d node %d is malformed", k, n)
			}
		}
	}
	if !(0 < threshold && threshold < 1) {
		return nil, fmt.Errorf("judge: threshold %v outside (0, 1)", threshold)
	}
	cp := make([][]JudgeNode, len(trees))
	for k, t := range trees {
		cp[k] = append([]JudgeNode(nil), t...)
	}
	j := &Judge{base: base, trees: cp, cuts: cutTrees(cp, 0, numJudgeFeatures), threshold: threshold, training: training}
	for k := range j.kinds {
		j.kinds[k] = cutTrees(cp, k*perKind, (k+1)*perKind)
	}
	return j, nil
}

// flatTrees are the trees as Probability walks them, each padded to a
// complete binary tree as deep as its longest path and laid out breadth
// first (the children of node n at 2n+1 and 2n+2, the leaves last), so
// the walk follows no pointers and takes no branch a candidate's values
// could mispredict. A leaf above the bottom becomes a subtree whose
// leaves all hold its value, so whichever way its padding nodes send a
// candidate, the sum is the same. Each bin is turned into a cut on the
// feature's value: a candidate goes left when its value is below cut,
// exactly when its bin is at most the node's (JudgeBin is monotone), so
// the walk compares floats instead of binning every feature it meets.
//
// An inner node is four bytes, its feature and bin, the bin's cut read
// from a table of JudgeBins (binCuts), and the bottom leaves' values are
// a list of their own: at sixteen bytes a node a phrase candidate's trees
// took 2.7 times the room (the depth-4 judge's 53 kB against 21 kB, more
// than the processor's first-level cache, where the walks were a third
// of detection's misses; the depth-6 judge's 216 kB against 81 kB).
//
// A candidate's features are 0 outside its kind's block (judgeVec.dense),
// so a judge also keeps the trees as each kind sees them, with the splits
// on other kinds' features decided: most trees of a rule's or a
// pronoun's candidate shrink to a leaf (judge.json: 104 and 77 of 150).
//
// The trees are walked four at a time, grouped by depth, and their
// leaves added in tree order after: no walk waits on another's, and four
// side by side let the processor overlap their loads, where walking the
// trees one by one waited on each node in turn (BenchmarkJudgeProbability
// 0.85 -> 0.73 µs).
type flatTrees struct {
	// leaves holds a leaf a tree, the value of each tree that is a leaf
	// whatever the candidate and 0 for the others, whose walks write
	// theirs; one more at the end takes the walks of padding.
	leaves []float64
	walks  []flatWalk
	nodes  []flatNode // the trees' inner nodes, one tree after another
	values []float64  // the trees' bottom leaves, one tree after another
}

// flatWalk is the trees of flatTrees of one depth, at least 1, padded to
// a multiple of four with walks whose leaves go to the last of leaves.
type flatWalk struct {
	depth int
	trees []flatRef
}

// flatRef locates a tree of flatTrees: its first inner node, its first
// bottom leaf and its leaf's place in flatTrees.leaves.
type flatRef struct{ off, val, at int32 }

// flatNode is an inner node of flatTrees, a feature and a bin packed in
// one load (flatSplit): a candidate goes left when its value of the
// feature is below binCuts[bin].
type flatNode uint32

// flatSplit packs an inner node of feature and bin.
func flatSplit(feature, bin int) flatNode { return flatNode(feature<<8 | bin) }

// A feature's index fits a flatNode's upper three bytes.
const _ = uint32(numJudgeFeatures-1) << 8

// binCuts holds binCut of every bin, indexed by a byte so that reading it
// needs no bounds check; past the last bin it is not read.
var binCuts = func() (c [256]float64) {
	for b := range JudgeBins {
		c[b] = binCut(b)
	}
	return c
}()

// next returns the child of inner node n of the tree whose inner nodes
// start at nodes[off] that a candidate with features x goes to.
func next(nodes []flatNode, off, n int, x []float64) int {
	c := nodes[off+n]
	right := 0
	if !(x[c>>8] < binCuts[uint8(c)]) {
		right = 1
	}
	return 2*n + 1 + right
}

// cutTrees compiles trees into flatTrees, deciding every split on a
// feature outside [lo, hi) as a value of 0 decides it.
func cutTrees(trees [][]JudgeNode, lo, hi int) flatTrees {
	var f flatTrees
	for _, t := range trees {
		// skip follows n down the splits decided in advance.
		skip := func(n int) int {
			for x := t[n]; x.Feature >= 0 && (x.Feature < lo || x.Feature >= hi); x = t[n] {
				n = x.Right
				if JudgeBin(0) <= x.Bin {
					n = x.Left
				}
			}
			return n
		}
		var depth func(n int) int
		depth = func(n int) int {
			if n = skip(n); t[n].Feature < 0 {
				return 0
			}
			return 1 + max(depth(t[n].Left), depth(t[n].Right))
		}
		d := depth(0)
		inner := 1<<d - 1
		nodes, values := make([]flatNode, inner), make([]float64, inner+1)
		var fill func(n, at int)
		fill = func(n, at int) {
			n = skip(n)
			x := t[n]
			switch {
			case at >= inner:
				values[at-inner] = x.Value
			case x.Feature < 0:
				fill(n, 2*at+1) // padding: both ways lead to this leaf
				fill(n, 2*at+2)
			default:
				nodes[at] = flatSplit(x.Feature, x.Bin)
				fill(x.Left, 2*at+1)
				fill(x.Right, 2*at+2)
			}
		}
		fill(0, 0)
		f.leaves = append(f.leaves, 0)
		if d == 0 {
			f.leaves[len(f.leaves)-1] = values[0]
			continue
		}
		w := slices.IndexFunc(f.walks, func(w flatWalk) bool { return w.depth == d })
		if w < 0 {
			w = len(f.walks)
			f.walks = append(f.walks, flatWalk{depth: d})
		}
		f.walks[w].trees = append(f.walks[w].trees, flatRef{off: int32(len(f.nodes)), val: int32(len(f.values)), at: int32(len(f.leaves) - 1)})
		f.nodes = append(f.nodes, nodes...)
		f.values = append(f.values, values...)
	}
	pad := int32(len(f.leaves))
	f.leaves = append(f.leaves, 0)
	for k := range f.walks {
		w := &f.walks[k]
		for len(w.trees)%4 != 0 {
			w.trees = append(w.trees, flatRef{off: w.trees[0].off, val: w.trees[0].val, at: pad})
		}
	}
	return f
}

// sum returns z plus the leaves the trees send a candidate with
// features x to, added in tree order. The leaves are written in
// *leaves, the caller's buffer (a judge is shared).
func (f *flatTrees) sum(z float64, x []float64, leaves *[]float64) float64 {
	l := append((*leaves)[:0], f.leaves...)
	*leaves = l
	nodes := f.nodes
	for _, w := range f.walks {
		inner := 1<<w.depth - 1
		for k := 0; k < len(w.trees); k += 4 {
			r := w.trees[k : k+4 : k+4]
			o0, o1, o2, o3 := int(r[0].off), int(r[1].off), int(r[2].off), int(r[3].off)
			var n0, n1, n2, n3 int
			for range w.depth {
				n0, n1, n2, n3 = next(nodes, o0, n0, x), next(nodes, o1, n1, x), next(nodes, o2, n2, x), next(nodes, o3, n3, x)
			}
			l[r[0].at] = f.values[int(r[0].val)+n0-inner]
			l[r[1].at] = f.values[int(r[1].val)+n1-inner]
			l[r[2].at] = f.values[int(r[2].val)+n2-inner]
			l[r[3].at] = f.values[int(r[3].val)+n3-inner]
		}
	}
	for _, v := range l[:len(l)-1] {
		z += v
	}
	return z
}

// binCut returns the least value whose bin exceeds b (+Inf for the last
// bin): JudgeBin(v) <= b exactly when v < binCut(b).
func binCut(b int) float64 {
	if b >= JudgeBins-1 {
		return math.Inf(1)
	}
	// Bisect between a value of bin b or lower and one above it, down to
	// neighbouring floats.
	lo, hi := float64(b)/JudgeBins*2-1.01, float64(b+1)/JudgeBins*2-0.99
	for {
		mid := lo + (hi-lo)/2
		if mid <= lo || mid >= hi {
			return hi
		}
		if JudgeBin(mid) > b {
			hi = mid
		} else {
			lo = mid
		}
	}
}

// Threshold is the probability from which the judge calls a span broken.
func (j *Judge) Threshold() float64 { return j.threshold }

// Probability is the judge's probability that a candidate with features
// x (numJudgeFeatures long, as JudgeCandidate.Features) is broken.
func (j *Judge) Probability(x []float64) float64 {
	var leaves []float64
	return sigmoid(j.cuts.sum(j.base, x, &leaves))
}

// kindProbability is Probability(x) for a candidate of the kind whose
// features are x, zero outside the kind's block (judgeVec.dense), with
// the splits on other kinds' features decided in advance; leaves is a
// buffer for the walk.
func (j *Judge) kindProbability(kind int, x []float64, leaves *[]float64) float64 {
	return sigmoid(j.kinds[kind].sum(j.base, x, leaves))
}

// JudgeCandidate is a span the judge rates, with its features; a trainer
// labels it from gold (corefix-lab train-judge).
type JudgeCandidate struct {
	Start, End int       // byte offsets of the span in the document's text
	Features   []float64 // one per JudgeFeatureNames, the bias first
}

// JudgeCandidates returns the spans the judge rates in doc, left to
// right, with their features, as detection with rules r (nil: the
// shipped ones) sees them.
func JudgeCandidates(doc *model.Document, r *Rules) []JudgeCandidate {
	a := analyze(doc, orShipped(r))
	var out []JudgeCandidate
	for _, c := range a.judgeCandidates(nil, true) {
		x := make([]float64, numJudgeFeatures)
		c.vec.dense(x)
		out = append(out, JudgeCandidate{Start: int(a.toks[c.i].Start), End: int(a.toks[c.j].End), Features: x})
	}
	return out
}

// judged is a candidate span with its features and the hand findings
// that cover it.
type judged struct {
	i, j int
	vec  judgeVec
	hand []model.Finding // the hand rules' findings on these tokens, best first
	poss possessor       // how it reads with ’s after it (lostClitic)
}

// judgeCandidates lists the candidates of a's document: every repeat of a
// recurring phrase, every span a hand rule flags at any confidence and
// every recurring pronoun that reads out of place, one candidate per
// token span, left to right. It lists them in b's buffers, or in new
// ones when b is nil. Every candidate's features are filled when every
// is set (a trainer reads them all), else only those judgeFindings reads.
func (a *Analysis) judgeCandidates(b *judgeBuffers, every bool) []judged {
	if b == nil {
		b = new(judgeBuffers)
	}
	if a.fluency == nil {
		a.fluency = fluency.Default()
	}
	drifting := a.drifting()
	shown := map[uint64]bool{}
	if drifting {
		shown = a.shownDrifting()
	}
	cands := a.phraseSeeds()
	byspan := make(map[[2]int]int, len(cands))
	// The phrase repeats are most of the candidates: room for them and a
	// quarter more, so the slice of large vectors is not regrown.
	out := b.cands[:0]
	if n := len(cands) + len(cands)/4 + 8; cap(out) < n {
		out = make([]judged, 0, n)
	}
	add := func(c copyCandidate, kind int) int {
		k, ok := byspan[[2]int{c.i, c.j}]
		if !ok {
			k = len(out)
			byspan[[2]int{c.i, c.j}] = k
			out = append(out, judged{i: c.i, j: c.j, vec: judgeVec{kind: kind}})
			a.cheapFeatures(c, shown, a.marks, &out[k].vec.copy)
		}
		return k
	}
	for _, c := range cands {
		if c.nth > 0 && !a.labelLine(c.i, c.j) {
			add(c, phraseKind)
		}
	}
	for n, d := range Detectors(Params{Rules: a.rulebook}) {
		for _, f := range a.handSeeds(n, d) {
			i, j, ok := a.tokenSpan(f.Start, f.End)
			if !ok {
				continue
			}
			k := add(copyCandidate{i: i, j: j, count: 1, fit: a.misfit(i, j).conf}, ruleKind)
			out[k].hand = append(out[k].hand, f)
		}
	}
	a.pronounSeeds(func(c copyCandidate) { add(c, pronounKind) })
	for k := range out {
		c := &out[k]
		slices.SortStableFunc(c.hand, func(x, y model.Finding) int { return cmp.Compare(y.Confidence, x.Confidence) })
		c.vec.handFeatures(c.hand, drifting)
		c.poss = a.lostClitic(c.i, c.j)
		if !every && a.passesOver(c, drifting) {
			// Of a candidate the judge does not rate only the neighbour
			// block of the candidates beside it reads anything, and what
			// it reads is filled (fillSide).
			continue
		}
		a.costlyFeatures(copyCandidate{i: c.i, j: c.j}, shown, &c.vec.copy)
		// The span's own fluency signals cost several passes of the
		// tagger each: only the spans a hand rule spoke of, a tenth of
		// the candidates, get them (docs/experiments.md, "The judge").
		var sp fluency.Span
		if len(c.hand) > 0 {
			sp = a.fluency.Span(a.doc.Text, a.toks, c.i, c.j)
		}
		c.vec.fluencyFeatures(sp, a.profileAt(c.i), a.profileAt(c.j+1), c.poss)
		a.speechFeatures(c.i, c.j, c.vec.speech[:])
	}
	b.cands = out
	b.sortBySpan()
	a.neighbourFeatures(out)
	return out
}

// passesOver reports whether judgeFindings passes over candidate c of a
// document that drifts or not without rating it.
func (a *Analysis) passesOver(c *judged, drifting bool) bool {
	if !a.rated(c.i) {
		return true // a neighbour of the region Regions rates (regions.go)
	}
	// A copy no hand rule speaks of, in a document whose substitutions
	// do not drift, stands on its own mention: a correct substitution, or
	// the writer's own repetition — unless it reads as a possessor that
	// lost its ’s.
	return len(c.hand) == 0 && !drifting && !c.poss.lost(a.rules().Recurring.PossessiveSlot.Nats)
}

// judgeBuffers hold the judge's work on one document: the candidates,
// most of a megabyte for a long article, the order sortBySpan puts them
// in and the features of the candidate rated. judgeFindings keeps them in
// a pool between documents.
type judgeBuffers struct {
	cands  []judged
	order  []spanKey
	x      [numJudgeFeatures]float64
	leaves []float64 // the leaf each tree gives the candidate rated
}

// spanKey is a candidate's span packed for sorting, first token in the
// high half, and the candidate's index.
type spanKey struct {
	span uint64
	k    int32
}

// judgeBufs holds judgeFindings' buffers between documents.
var judgeBufs = sync.Pool{New: func() any { return new(judgeBuffers) }}

// release returns b to judgeBufs, its candidates' hand findings dropped
// so that the pool keeps no findings alive.
func (b *judgeBuffers) release() {
	for k := range b.cands {
		b.cands[k].hand = nil
	}
	b.cands = b.cands[:0]
	judgeBufs.Put(b)
}

// sortBySpan sorts b.cands by first token, then last. It sorts their
// packed spans and then moves each candidate once, along the cycles of
// the permutation: sorting the large candidates themselves moved each
// many times. No two candidates share a span, so any sort gives this
// order.
func (b *judgeBuffers) sortBySpan() {
	cs := b.cands
	order := b.order[:0]
	for k := range cs {
		order = append(order, spanKey{uint64(cs[k].i)<<32 | uint64(cs[k].j), int32(k)})
	}
	slices.SortFunc(order, func(x, y spanKey) int { return cmp.Compare(x.span, y.span) })
	// order[p].k is the candidate that goes to p; -1 marks a place filled.
	for p := range order {
		if order[p].k < 0 || int(order[p].k) == p {
			continue
		}
		held, q := cs[p], p
		for {
			from := int(order[q].k)
			order[q].k = -1
			if from == p {
				cs[q] = held
				break
			}
			cs[q] = cs[from]
			q = from
		}
	}
	b.order = order
}

// oddPronounFit is the fluency profile (log P(word | words before) −
// log P(word), in nats) below which a pronoun, or the word after it,
// reads as out of place.
const oddPronounFit = -0.5

// oddPronouns calls f with each pronoun that does not fit its
// neighbours: a cluster a pronoun represents ("you", "I", "him") copies
// it over other words ("walk You miles", "by I the standards"), and a lone
// pronoun shows no phrase to recur, only a word that reads wrong where it
// stands. (Every lone word that reads wrong was 40% of the candidates for
// little; pronouns are the representatives models most often get wrong.)
func (a *Analysis) oddPronouns(f func(c copyCandidate)) {
	a.pronounRepeats(func(r pronounRepeat) {
		if c, ok := a.oddPronoun(r); ok {
			f(c)
		}
	})
}

// pronounRepeat is a pronoun whose word stood before: its token i, how
// often the word stood before it (n) and where it last did.
type pronounRepeat struct{ i, n, last int32 }

// pronounRepeats calls f with each pronoun whose word stood before, left
// to right: the pronouns oddPronouns rates. It reads no fluency, so
// Regions list them in their pass and rate them window by window.
func (a *Analysis) pronounRepeats(f func(r pronounRepeat)) {
	type seen struct{ n, last int }
	prev := make(map[uint64]seen)
	for i, c := range a.cls {
		if !lexicon.IsPronoun(c) {
			continue
		}
		h := a.word(i)
		s := prev[h]
		prev[h] = seen{s.n + 1, i}
		if s.n > 0 {
			f(pronounRepeat{i: int32(i), n: int32(s.n), last: int32(s.last)})
		}
	}
}

// oddPronoun returns the candidate of the pronoun repeat r, when the
// pronoun or the word after it reads out of place.
func (a *Analysis) oddPronoun(r pronounRepeat) (copyCandidate, bool) {
	i, n := int(r.i), int(r.n)
	if min(a.profileAt(i), a.profileAt(i+1)) < oddPronounFit {
		return copyCandidate{i: i, j: i, count: n + 1, nth: n, gap: i - int(r.last), fit: a.misfit(i, i).conf}, true
	}
	return copyCandidate{}, false
}

// possessor is how a candidate reads with ’s after it, in nats
// (fluency.Model.Possessive): fit, how well ’s follows the span; gain, how
// much better the words after it read with ’s, and how much likelier the
// word after it follows a possessive than words do (OwnedWord); slot, the
// log-odds that the words around it held a possessive determiner
// (fluency.Slot).
type possessor struct{ fit, gain, slot float64 }

// lost reports whether the slot the candidate fills reads as a
// possessive determiner's by margin nats of log-odds (fluency.Slot).
func (p possessor) lost(margin float64) bool { return p.slot >= margin }

// lostClitic is how candidate [i, j] reads with ’s after it, where a word
// that a possessor could own follows it and it has no ’s of its own; zero
// elsewhere. A resolver that writes a bare name for "his" leaves a
// possessor without its ’s, and the words around it say so whatever wrote
// them.
func (a *Analysis) lostClitic(i, j int) possessor {
	if a.cls[j] == lexicon.Clitic || j+1 >= len(a.toks) {
		return possessor{}
	}
	switch a.cls[j+1] {
	case lexicon.Low, lexicon.Cap, lexicon.Num, lexicon.Ing, lexicon.Ed, lexicon.NounVerb, lexicon.Ly:
		fit, gain := a.fluency.Possessive(a.doc.Text, a.toks, i, j)
		owned := a.fluency.Owned(a.text(j + 1))
		slot := fluency.DefaultSlot().Odds(a.doc.Text, a.toks, i, j, gain)
		return possessor{fit, gain + a.rules().Recurring.OwnedWord.Weight*owned, slot}
	}
	return possessor{}
}

// tokenSpan returns the tokens [i, j] that the byte range [start, end)
// covers, false when it covers none.
func (a *Analysis) tokenSpan(start, end int) (i, j int, ok bool) {
	i = sort.Search(len(a.toks), func(k int) bool { return int(a.toks[k].End) > start })
	j = sort.Search(len(a.toks), func(k int) bool { return int(a.toks[k].Start) >= end }) - 1
	return i, j, i <= j && i < len(a.toks)
}

// judgeFindings rates every candidate of a's document with jd and
// returns the findings worth showing: the best hand finding on the span
// with the judge's confidence, or a copy finding where no hand rule
// spoke. It appends them to out[:0].
func (a *Analysis) judgeFindings(jd *Judge, out []model.Finding) []model.Finding {
	r := &a.rules().Recurring
	show, stands := r.SlotShown, r.HandStandsFrom
	possessor := r.PossessiveSlot.Nats
	drifting := a.drifting()
	out = out[:0]
	var at []int // the candidate of each finding
	// The findings copy what they keep of the candidates, so the
	// buffers are free again on return.
	b := judgeBufs.Get().(*judgeBuffers)
	defer b.release()
	x := b.x[:]
	cands := a.judgeCandidates(b, false)
	for k := range cands {
		c := &cands[k] // not a copy of the large candidate
		if a.passesOver(c, drifting) {
			continue
		}
		c.vec.dense(x)
		conf := scaled(jd.kindProbability(c.vec.kind, x, &b.leaves), jd.threshold)
		// A lost possessive (a name before a noun, no ’s) and a first
		// person rewritten in a quotation (a name with "am") are slots
		// the grammar names, not copies that read out of place: the
		// judge rates too few of them, so the hand rule's own
		// confidence stands when it is higher — where the words after
		// the name read better with ’s by the margin that lets a copy be
		// judged. A phrase before a verb only a pronoun takes ("am",
		// "’ve"), and a pronoun before a verb it never takes ("I ’re"),
		// stand whatever the judge says: the grammar leaves no doubt,
		// and the judge never saw them (docs/experiments.md, "Session
		// 11" and "Session 12"). A name that still has its ’s lost nothing:
		// whether it is a copy is the judge's call (a correct resolver
		// writes "Norton’s" for "his" everywhere); nor did one the words
		// after do not take as a possessor's ("a due process violation").
		// Nor did a copy right after itself ("Sessions [Sessions]
		// reporters"): the repeat says a word was overwritten.
		best := 0
		lost := a.cls[c.j] != lexicon.Clitic && c.poss.lost(possessor) && !a.repeated(c.i)
		for k, h := range c.hand {
			grammar := h.Rule == (Agreement{}).Name() && (a.onlyPronounsTake(c.j+1) || c.j == c.i+1 && a.pronounClash(c.i))
			if (h.Category == model.Possessive && lost || h.Category == model.Quote || grammar) && h.Confidence > conf && (conf >= stands || grammar) {
				conf, best = h.Confidence, k
				break
			}
		}
		if conf < show {
			continue
		}
		var f model.Finding
		switch {
		case !drifting && lost && (len(c.hand) == 0 || c.hand[best].Rule == (Recurring{}).Name()):
			// In a document that does not drift a copy stands on its own
			// mention: one that reads as a possessor, which no rule but
			// the copies' spoke of, is a lost ’s, and its fix is the
			// possessive back, not the unknown words of an overwrite.
			f = a.lostPossessor(c.i, c.j)
		case len(c.hand) > 0:
			f = c.hand[best]
		default:
			f = model.Finding{
				Start: int(a.toks[c.i].Start), End: int(a.toks[c.j].End), Category: model.Overwrite,
				Rule: (Recurring{}).Name(), Message: a.rules().Recurring.ScoredCopy,
				Proposals: a.overwriteFix(a.misfit(c.i, c.j).fix),
			}
		}
		f.Confidence = conf
		out = append(out, f)
		at = append(at, k)
	}
	if drifting {
		a.widenSideBySide(cands, at, out)
		out = a.joinSideBySide(cands, at, out)
	}
	return out
}

// orShipped returns r, or the shipped rules when r is nil.
func orShipped(r *Rules) *Rules {
	if r == nil {
		return shippedRules()
	}
	return r
}
