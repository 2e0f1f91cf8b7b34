package detect

// The judge's neighbour block: what the candidates on either side of a
// candidate look like. Drift lands copies side by side ("councillors Ann
// Chiang the pan-democracy camp"), and of two neighbours often only one
// is the copy: the trees can only tell which by comparing the two, so
// each candidate carries its nearest neighbours' evidence beside its own.

// nearGap is the most tokens between a candidate and a neighbour.
const nearGap = 1

// perSide is the number of features of one neighbour: whether there is
// one, whether a token stands between, its best hand confidence, its
// misfit, the fluency profile at its first token, whether it is a
// pronoun candidate, its length, and whether it repeats the candidate's
// words.
const perSide = 8

// numNearFeatures is the length of the neighbour block: the neighbour
// before, then the one after.
const numNearFeatures = 2 * perSide

// nearFeatureNames names the neighbour block's features.
func nearFeatureNames() [numNearFeatures]string {
	var out [numNearFeatures]string
	for s, side := range [2]string{"before:", "after:"} {
		for k, n := range [perSide]string{"present", "gap", "hand-conf", "misfit", "profile", "pronoun", "len", "same-words"} {
			out[s*perSide+k] = "near-" + side + n
		}
	}
	return out
}

// nearScan is the most tokens back from a candidate's start that a
// neighbour before it may start: longer phrases are not copies.
const nearScan = 64

// neighbourFeatures fills each candidate's neighbour block from the
// candidates around it; cs is sorted by position and has its hand and
// copy features filled.
func (a *Analysis) neighbourFeatures(cs []judged) {
	for k := range cs {
		c := &cs[k]
		before, after := -1, -1
		var bd, ad int // their distances in tokens
		for m := k - 1; m >= 0 && cs[m].i >= c.i-nearScan; m-- {
			if d := c.i - 1 - cs[m].j; d >= 0 && d <= nearGap && (before < 0 || a.nearer(&cs[m], d, &cs[before], bd)) {
				before, bd = m, d
			}
		}
		for m := k + 1; m < len(cs) && cs[m].i <= c.j+1+nearGap; m++ {
			if d := cs[m].i - c.j - 1; d >= 0 && (after < 0 || a.nearer(&cs[m], d, &cs[after], ad)) {
				after, ad = m, d
			}
		}
		if before >= 0 {
			a.fillSide(c, &cs[before], bd, c.vec.near[:perSide])
		}
		if after >= 0 {
			a.fillSide(c, &cs[after], ad, c.vec.near[perSide:])
		}
	}
}

// nearer reports whether n, d tokens away, is a better neighbour than o,
// od tokens away: nearer, or as near with more evidence.
func (a *Analysis) nearer(n *judged, d int, o *judged, od int) bool {
	return d < od || d == od && a.strength(n) > a.strength(o)
}

// strength is a neighbour's evidence for choosing among equally near
// ones: its best hand confidence, or else its misfit.
func (a *Analysis) strength(n *judged) float64 {
	if len(n.hand) > 0 {
		return 1 + n.hand[0].Confidence
	}
	return n.vec.copy.s[misfitScalar]
}

// fillSide writes neighbour n of candidate c, d tokens away, into f.
func (a *Analysis) fillSide(c, n *judged, d int, f []float64) {
	f[0] = 1
	f[1] = float64(d)
	if len(n.hand) > 0 {
		f[2] = n.hand[0].Confidence
	}
	f[3] = n.vec.copy.s[misfitScalar]
	f[4] = max(-5, min(5, a.profileAt(n.i))) / 5
	if n.vec.kind == pronounKind {
		f[5] = 1
	}
	f[6] = log1p(n.j-n.i+1) / 3
	if n.j-n.i == c.j-c.i && a.sameWords(n.i, c.i, c.j-c.i+1) {
		f[7] = 1
	}
}

// sameWords reports whether the n tokens from i read as the n tokens
// from k.
func (a *Analysis) sameWords(i, k, n int) bool {
	for m := 0; m < n; m++ {
		if a.word(i+m) != a.word(k+m) {
			return false
		}
	}
	return true
}
