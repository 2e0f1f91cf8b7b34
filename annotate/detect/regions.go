package detect

import (
	"slices"
	"sort"

	"corefix/annotate/fluency"
	"corefix/model"
)

// Region by region: an editor opening a large article wants the findings
// of the part on screen first, not all of them at once at the end. What
// the judge reads about a candidate is of two kinds. The document's own
// (its recurring phrases, whether it drifts, the hand rules' findings,
// the fluency profile) is found once, in a pass over the whole text; the
// candidate's own features, its neighbours' and its rating look only a
// few tokens around it. Regions makes the pass, then rates the
// candidates of one region of the text at a time, in whatever order it
// is asked: together, the regions' findings are exactly Detect's.

// regionBytes is about how much text a region holds: at 20 MB, a few
// hundred regions, each rated in tens of milliseconds, and the first
// one holds more than a screen.
const regionBytes = 64 << 10

// Regions is a document's detection split into regions of its text,
// cut where no finding can cross: each region's findings are found on
// their own (Find), in any order. Its methods are for one goroutine at
// a time: they share the document's analysis.
type Regions struct {
	a     *Analysis
	judge *Judge
	p     Params
	cuts  []int // the token each region starts at, then len(toks)
	seeds *seeds
	found int // findings returned so far, for their provisional IDs
	bufs  windowBufs
}

// windowBufs are the buffers of a region's rating, kept from one region
// to the next: made anew for each, the window's candidates, the hand
// rules' findings and the judge's findings before Merge were 240 of the
// 530 MB of garbage the regions of a 20 MB article made, and the editor
// rates its regions with the collector's goal low, where garbage is
// collections. Nothing a region returns points into them.
type windowBufs struct {
	phrases, pronouns []copyCandidate
	hand              []model.Finding // handSeeds' findings of one rule
	judged            []model.Finding // judgeFindings', before Merge
}

// seeds are the judge's candidates as the document-wide pass lists them,
// each list ordered by first token: the repeats of recurring phrases,
// the hand rules' findings (per detector, in Detectors' order) and the
// pronouns that read out of place. The pass keeps the repeats' traits,
// one for each recurring mention, and the pronouns whose word stood
// before; a window the candidates made of its own, the pronouns among
// them that read out of place (the fluency profile that tells is made
// window by window).
type seeds struct {
	traits   []copyTrait
	phrases  []copyCandidate
	hand     [][]handSeed
	found    [][]*model.Finding // each rule's findings its hand seeds point at
	repeats  []pronounRepeat
	pronouns []copyCandidate
	shown    map[uint64]bool // Recurring's phrases shown drifting, to make its findings
}

// handSeed is a hand rule's finding with the tokens [i, j] it covers,
// and its entry (copyEntry, entry), whose finding the recurring rule's
// copies make only when their window is rated. 12 bytes, not the 24 of
// the tokens and the entry: at 20 MB the recurring rule has 390,000.
type handSeed struct {
	i, j int32
	ref  int32 // the copy it is (copyEntry), or ^k: the k-th of its rule's found
}

// entry returns the entry of h, a seed of the n-th rule.
func (s *seeds) entry(n int, h handSeed) copyEntry {
	if h.ref < 0 {
		return copyEntry{f: s.found[n][^h.ref]}
	}
	return copyEntry{copy: int(h.ref)}
}

// window restricts judgeCandidates to the candidates that start in a
// token range (the seeds listed here), and judgeFindings to those that
// start in [lo, hi): the window's other candidates are the neighbours
// the region's own candidates read.
type window struct {
	lo, hi int
	seeds  seeds
	bufs   *windowBufs
}

// NewRegions makes the document-wide pass of detection with parameters
// p over doc and cuts its text into regions. Without a judge (the hand
// rules alone) the whole text is one region. step, when not nil, hears
// each step of the pass as it starts: what it reads, and its number k of
// n steps (from 1), for a progress report.
func NewRegions(doc *model.Document, p Params, step func(what string, k, n int)) *Regions {
	return newRegions(doc, p, regionBytes, step)
}

// newRegions is NewRegions with regions of about size bytes.
func newRegions(doc *model.Document, p Params, size int, step func(what string, k, n int)) *Regions {
	detectors := Detectors(Params{Rules: orShipped(p.Rules)})
	k, n := 0, len(detectors)+3
	next := func(what string) {
		if k++; step != nil {
			step(what, k, n)
		}
	}
	next("words")
	a := analyzeHolding(doc, orShipped(p.Rules), false)
	r := &Regions{a: a, judge: p.Judge, p: p}
	if p.Judge == nil || len(a.toks) == 0 {
		r.cuts = []int{0, len(a.toks)}
		return r
	}
	a.fluency = fluency.Default()
	a.readStretches()
	next("recurring phrases")
	a.drifting()
	s := &seeds{traits: a.copyTraits()}
	for _, d := range detectors {
		next("rule " + d.Name())
		var es []copyEntry
		if rec, ok := d.(Recurring); ok && rec.Scorer == nil {
			s.shown = rec.shown(a)
			es = rec.copies(a, s.shown)
		} else {
			fs := d.(analyzer).detect(a)
			es = make([]copyEntry, len(fs))
			for k := range fs {
				es[k] = copyEntry{f: &fs[k]}
			}
		}
		hs := make([]handSeed, 0, len(es))
		var found []*model.Finding
		for _, e := range es {
			if i, j, ok := a.tokenSpan(e.span(a)); ok {
				ref := int32(e.copy)
				if e.f != nil {
					ref = ^int32(len(found))
					found = append(found, e.f)
				}
				hs = append(hs, handSeed{i: int32(i), j: int32(j), ref: ref})
			}
		}
		slices.SortStableFunc(hs, func(x, y handSeed) int { return int(x.i - y.i) })
		s.hand = append(s.hand, hs)
		s.found = append(s.found, found)
	}
	next("pronouns")
	a.pronounRepeats(func(p pronounRepeat) { s.repeats = append(s.repeats, p) })
	r.seeds = s
	r.cuts = r.cut(size)
	return r
}

// cut returns the tokens the regions start at, about size bytes apart,
// and len(toks): a region starts only at a token whose start no
// candidate and no hand finding strictly contains, nor ends right
// before, so no finding of one region overlaps or touches one of another
// (findings side by side are joined, judgepairs.go) and each region
// merges on its own.
func (r *Regions) cut(size int) []int {
	toks := r.a.toks
	ms := r.a.mentions()
	lists := []*spanList{
		{n: len(ms), span: func(k int) (int, int, int) { return ms[k].i, ms[k].i + 1, ms[k].j + 1 }},
		{n: len(r.seeds.repeats), span: func(k int) (int, int, int) {
			// Any pronoun that stood before may read out of place,
			// which only its window's profile tells: none ends right
			// before a cut.
			i := int(r.seeds.repeats[k].i)
			return i, i + 1, i + 1
		}},
	}
	for n, hs := range r.seeds.hand {
		lists = append(lists, &spanList{n: len(hs), span: func(k int) (int, int, int) {
			i, j := int(hs[k].i), int(hs[k].j)
			if start, _ := r.seeds.entry(n, hs[k]).span(r.a); int(toks[i].Start) > start {
				return i, i, j + 1 // it starts before token i, in the space before it
			}
			return i, i + 1, j + 1
		}})
	}
	cuts := []int{0}
	next := size
	for t := range toks {
		if start := int(toks[t].Start); t > 0 && start >= next && !blocked(lists, t) {
			cuts = append(cuts, t)
			next = start + size
		}
	}
	return append(cuts, len(toks))
}

// spanList is a list of spans no region may cut, ordered by first
// token: element k's span starts at token i and blocks a region from
// starting at any token from from to to (from is i or i+1). It is asked
// about tokens in increasing order, so it reads each element once (a
// flag per token was 15 MB at 20 MB, at the pass's peak).
type spanList struct {
	n    int
	span func(k int) (i, from, to int)
	seen int // the elements that start before the token last asked
	end  int // the last token those block
}

// blocked reports whether any of lists blocks a region from starting at
// token t; t never decreases from one call to the next.
func blocked(lists []*spanList, t int) bool {
	for _, l := range lists {
		if l.blocks(t) {
			return true
		}
	}
	return false
}

// blocks reports whether a span of l blocks token t: one that starts
// before t and reaches it, or starts at t and blocks from there.
func (l *spanList) blocks(t int) bool {
	for ; l.seen < l.n; l.seen++ {
		i, _, to := l.span(l.seen)
		if i >= t {
			break
		}
		l.end = max(l.end, to)
	}
	if l.seen > 0 && l.end >= t {
		return true
	}
	for k := l.seen; k < l.n; k++ {
		if i, from, _ := l.span(k); i != t {
			break
		} else if from == t {
			return true
		}
	}
	return false
}

// Len is the number of regions.
func (r *Regions) Len() int { return len(r.cuts) - 1 }

// Bounds returns the byte range [start, end) of region k; the regions
// cover the text, in order.
func (r *Regions) Bounds(k int) (start, end int) {
	return r.offset(r.cuts[k]), r.offset(r.cuts[k+1])
}

// offset is where token t starts, 0 for the first and the text's length
// after the last.
func (r *Regions) offset(t int) int {
	switch {
	case t == 0:
		return 0
	case t >= len(r.a.toks):
		return len(r.a.doc.Text)
	}
	return int(r.a.toks[t].Start)
}

// At returns the region holding byte off of the text.
func (r *Regions) At(off int) int {
	k := sort.Search(r.Len(), func(k int) bool { _, end := r.Bounds(k); return end > off })
	return min(k, r.Len()-1)
}

// Find returns the findings of region k, merged and sorted by start as
// Detect's are, with IDs in the order they were found (f0001… over all
// the calls): Detect's IDs number every finding of the text in text
// order, which only the last region tells (see FindingID).
func (r *Regions) Find(k int) []model.Finding {
	var fs []model.Finding
	if r.judge == nil {
		fs = DetectWith(r.a.doc, r.p)
	} else {
		r.a.window = r.window(k)
		r.bufs.judged = r.a.judgeFindings(r.judge, r.bufs.judged)
		fs = Merge(r.bufs.judged)
		r.a.window = nil
	}
	for i := range fs {
		r.found++
		fs[i].ID = findingID(r.found)
	}
	return fs
}

// window is region k's: its candidates, and the neighbours before and
// after that neighbourFeatures reads of them.
func (r *Regions) window(k int) *window {
	lo, hi := r.cuts[k], r.cuts[k+1]
	s := r.seeds
	last := hi - 1 // the last token of a candidate of the region
	ms := r.a.mentions()
	x, y := r.a.mentionsWithin(lo, hi)
	for _, m := range ms[x:y] {
		last = max(last, m.j)
	}
	for _, hs := range s.hand {
		for _, h := range within(hs, lo, hi, handStart) {
			last = max(last, int(h.j))
		}
	}
	from, to := max(0, lo-nearScan), last+2+nearGap
	r.a.prof.keep(from, to)
	w := &window{lo: lo, hi: hi, bufs: &r.bufs}
	x, y = r.a.mentionsWithin(from, to)
	r.bufs.phrases = slices.Grow(r.bufs.phrases[:0], y-x)[:y-x]
	w.seeds.phrases = r.bufs.phrases
	for k := x; k < y; k++ {
		w.seeds.phrases[k-x] = r.a.copyCandidate(k, s.traits[k])
	}
	w.seeds.pronouns = r.bufs.pronouns[:0]
	for _, p := range within(s.repeats, from, to, repeatStart) {
		if c, ok := r.a.oddPronoun(p); ok {
			w.seeds.pronouns = append(w.seeds.pronouns, c)
		}
	}
	r.bufs.pronouns = w.seeds.pronouns
	w.seeds.shown, w.seeds.found = s.shown, s.found
	for _, hs := range s.hand {
		w.seeds.hand = append(w.seeds.hand, within(hs, from, to, handStart))
	}
	return w
}

func handStart(h handSeed) int        { return int(h.i) }
func repeatStart(p pronounRepeat) int { return int(p.i) }

// mentionsWithin returns the indices [x, y) of the recurring mentions
// whose first token is in [lo, hi).
func (a *Analysis) mentionsWithin(lo, hi int) (x, y int) {
	ms := a.mentions()
	x = sort.Search(len(ms), func(k int) bool { return ms[k].i >= lo })
	y = sort.Search(len(ms), func(k int) bool { return ms[k].i >= hi })
	return x, max(x, y)
}

// within returns the items of xs, ordered by first token, whose first
// token is in [lo, hi).
func within[T any](xs []T, lo, hi int, first func(T) int) []T {
	a := sort.Search(len(xs), func(k int) bool { return first(xs[k]) >= lo })
	b := sort.Search(len(xs), func(k int) bool { return first(xs[k]) >= hi })
	return xs[a:max(a, b)]
}

// FindingID is the ID Detect gives its n-th finding (from 1): f0001….
func FindingID(n int) string { return findingID(n) }

// The judge's candidate sources, read through the window when Regions
// set one.

// phraseSeeds returns the repeats of recurring phrases to rate.
func (a *Analysis) phraseSeeds() []copyCandidate {
	if a.window == nil {
		return a.copyCandidates()
	}
	return a.window.seeds.phrases
}

// handSeeds returns the findings of detector d, the n-th of Detectors.
func (a *Analysis) handSeeds(n int, d Detector) []model.Finding {
	if a.window == nil {
		return d.(analyzer).detect(a)
	}
	s := &a.window.seeds
	// One buffer for every rule's: judgeCandidates copies each rule's
	// findings before it asks for the next rule's.
	b := a.window.bufs
	b.hand = slices.Grow(b.hand[:0], len(s.hand[n]))[:len(s.hand[n])]
	fs := b.hand
	for k, h := range s.hand[n] {
		if e := s.entry(n, h); e.f != nil {
			fs[k] = *e.f
		} else {
			fs[k] = d.(Recurring).finding(a, e, s.shown)
		}
	}
	return fs
}

// pronounSeeds calls f with each pronoun that reads out of place.
func (a *Analysis) pronounSeeds(f func(c copyCandidate)) {
	if a.window == nil {
		a.oddPronouns(f)
		return
	}
	for _, c := range a.window.seeds.pronouns {
		f(c)
	}
}

// rated reports whether the candidate starting at token i is to be
// rated: everywhere, or in the window's own region.
func (a *Analysis) rated(i int) bool {
	return a.window == nil || i >= a.window.lo && i < a.window.hi
}
