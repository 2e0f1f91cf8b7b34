package detect

import (
	"sort"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// Recurring flags copies of a recurring noun phrase that landed where no
// noun phrase fits. A drifting resolver keeps each mention and overwrites
// the words after it with the representative; the drift starts with the
// first substitution that changed the text's length, long before it shows,
// so in a document that shows drift anywhere every copy is suspect. In
// other documents only copies that do not fit their slot are.
type Recurring struct {
	// Scorer, when set, judges the copies in a drifting document
	// together with the hand rules (scoredCopies); nil leaves them to the
	// hand rules alone.
	Scorer *CopyScorer
}

// Name implements Detector.
func (Recurring) Name() string { return "recurring-mention" }

// Detect implements Detector.
func (r Recurring) Detect(doc *model.Document) []model.Finding {
	return r.detect(Analyze(doc))
}

func (r Recurring) detect(a *Analysis) []model.Finding {
	drifting := a.drifting()
	if drifting && r.Scorer != nil {
		return r.scoredCopies(a)
	}
	shown := r.shown(a)
	es := r.copies(a, shown)
	out := make([]model.Finding, len(es))
	for k, e := range es {
		out[k] = r.finding(a, e, shown)
	}
	return out
}

// copyEntry is one of the hand rules' findings in Recurring's order:
// another rule's finding f, or, f nil, the copy numbered copy, whose
// finding finding makes: the recurring mention of that number, or, past
// the last, the confirmed copy copy-len(mentions) (confirmedSpans).
// Regions keeps the entries and makes each region's findings when it is
// rated: at 20 MB of varied text the findings of 390,000 copies held
// through every region were some 70 MB.
type copyEntry struct {
	copy int
	f    *model.Finding
}

// span returns the bytes [start, end) of e's finding.
func (e copyEntry) span(a *Analysis) (start, end int) {
	if e.f != nil {
		return e.f.Start, e.f.End
	}
	i, j := a.copyTokens(e.copy)
	return int(a.toks[i].Start), int(a.toks[j].End)
}

// copyTokens returns the tokens [i, j] of the copy numbered n (see
// copyEntry).
func (a *Analysis) copyTokens(n int) (i, j int) {
	ms := a.mentions()
	if k := n - len(ms); k >= 0 {
		c := a.confirmedSpans()[k]
		return int(c[0]), int(c[1])
	}
	return ms[n].i, ms[n].j
}

// shown returns the phrases confirmed drifting, which handCopy reads in
// a drifting document; nil in any other.
func (r Recurring) shown(a *Analysis) map[uint64]bool {
	if a.drifting() {
		return a.shownDrifting()
	}
	return nil
}

// copies lists the hand rules' findings as entries sorted by start: the
// copies handCopy finds, in text order, and the confirmed copies among
// them.
func (r Recurring) copies(a *Analysis, shown map[uint64]bool) []copyEntry {
	drifting := a.drifting()
	var out []copyEntry
	if drifting {
		// Half the mentions or more are flagged in a drifting document:
		// room for them at once, not regrown.
		out = make([]copyEntry, 0, len(a.mentions())/2)
	}
	fits := a.mentionFits()
	for k, m := range a.mentions() {
		if _, _, ok := r.copyVerdict(a, m, fits[k], drifting, shown); ok {
			out = append(out, copyEntry{copy: k})
		}
	}
	if more := a.confirmedSpans(); len(more) > 0 {
		n := len(a.mentions())
		for k := range more {
			out = append(out, copyEntry{copy: n + k})
		}
		sort.SliceStable(out, func(x, y int) bool {
			sx, _ := out[x].span(a)
			sy, _ := out[y].span(a)
			return sx < sy
		})
	}
	return out
}

// finding returns entry e's finding.
func (r Recurring) finding(a *Analysis, e copyEntry, shown map[uint64]bool) model.Finding {
	ms := a.mentions()
	switch k := e.copy - len(ms); {
	case e.f != nil:
		return *e.f
	case k >= 0:
		return a.confirmedFinding(r.Name(), a.confirmedSpans()[k])
	}
	f, _ := r.handCopy(a, ms[e.copy], a.mentionFits()[e.copy], a.drifting(), shown)
	return f
}

// handCopy judges one occurrence of a recurring phrase by the hand rules:
// how badly it misfits its slot and, in a drifting document, whether it
// is shaped like a copy.
func (r Recurring) handCopy(a *Analysis, m mention, conf float64, drifting bool, shown map[uint64]bool) (model.Finding, bool) {
	conf, msg, ok := r.copyVerdict(a, m, conf, drifting, shown)
	if !ok {
		return model.Finding{}, false
	}
	fit := a.misfit(m.i, m.j) // its words, for the few copies shown
	if msg == "" {
		msg = a.rules().Recurring.MisfitLead + fit.why
	}
	return model.Finding{
		Start: int(a.toks[m.i].Start), End: int(a.toks[m.j].End), Category: model.Overwrite,
		Rule: r.Name(), Confidence: conf, Message: msg,
		Proposals: a.overwriteFix(fit.fix),
	}, true
}

// copyVerdict is handCopy's judgement without its finding: whether the
// occurrence is flagged, with what confidence, and its message when it
// is not the misfit's.
func (r Recurring) copyVerdict(a *Analysis, m mention, conf float64, drifting bool, shown map[uint64]bool) (float64, string, bool) {
	msg := ""
	if a.possessiveSlot(m.i, m.j) > 0 {
		return 0, "", false // the lost-possessive detector's, with a better fix
	}
	if a.labelLine(m.i, m.j) {
		return 0, "", false
	}
	// A weak misfit ("the trip the capital") is enough once the
	// document drifts, even for a phrase that could be the writer's.
	rr := &a.rules().Recurring
	if drifting && !m.first && conf < rr.DriftCopy.Confidence && (a.copyLike(m) || conf >= rr.SlotShown) && (a.looseSlot(m.i, m.j) || m.j-m.i >= 2) && !a.prepObject(m.i, m.j) && !a.nameStart(m.i, m.j) {
		conf, msg = rr.DriftCopy.Confidence, rr.DriftCopy.Message
	}
	if drifting && !m.first && conf < rr.ShownCopy.Confidence && m.j > m.i && shown[a.phraseHash(m.i, m.j)] && !a.prepObject(m.i, m.j) {
		conf, msg = rr.ShownCopy.Confidence, rr.ShownCopy.Message
	}
	if m.first || conf < rr.SlotShown || a.repeated(m.j+1) {
		// A word repeated right after the phrase: the repeat is the copy.
		return 0, "", false
	}
	return conf, msg, true
}

// drifting reports whether the document shows drift: several
// collisions, repeated words or copies that clearly misfit their slot.
// One odd pair can be a headline or a quirk of style; drift shows as
// several.
func (a *Analysis) drifting() bool {
	if a.drift == 0 {
		a.drift = 1
		a.evidence = a.driftEvidence()
		if a.rules().driftingBy(a.evidence, len(a.toks)) {
			a.drift = 2
		}
	}
	return a.drift == 2
}

// driftingBy reports whether, by r, n pieces of drift evidence in a document of
// toks tokens make it drifting: several at a modest rate, or fewer at a
// high one.
func (r *Rules) driftingBy(n, toks int) bool {
	d := &r.Drift
	return n >= d.Evidence.Value && n*1000 >= d.Rate.Value*toks ||
		n >= d.DenseEvidence.Value && n*1000 >= d.DenseRate.Value*toks
}

// driftEvidence counts the collisions, repeated words and clear misfits
// that drifting weighs, and records where they stand in a.marks.
func (a *Analysis) driftEvidence() int {
	for i := 1; i < len(a.toks); i++ {
		if a.sameWord(i) && a.repeated(i) && !a.spokenRepeat(i) || a.mayCollide(i) && a.collision(i) != "" {
			a.marks = append(a.marks, i)
		}
	}
	fits := a.mentionFits()
	var cut map[string]string // a cut mention's words → the word after its first
	for k, m := range a.mentions() {
		if a.cutShort(m, &cut) {
			continue
		}
		if !m.first && (fits[k] >= a.rules().Recurring.ClearMisfit || a.lostStop(m.j+1)) {
			a.marks = append(a.marks, m.i)
		}
	}
	sort.Ints(a.marks)
	return len(a.marks)
}

// cutShort reports whether mention m, as long as a mention may be
// (max-mention), goes on past the cut with the same word as at its first
// occurrence: a longer representative repeated whole ("a Hybrid
// Organization - a for-profit company focused on achieving | a social
// good"), whose fit says where the cut fell, not where the copy landed.
// cut keeps each such phrase's word after its first occurrence.
func (a *Analysis) cutShort(m mention, cut *map[string]string) bool {
	if m.j-m.i+1 < a.rules().Limits.MaxMention.Value || m.j+1 >= len(a.toks) {
		return false
	}
	if *cut == nil {
		*cut = make(map[string]string)
	}
	words, next := a.doc.Text[a.toks[m.i].Start:a.toks[m.j].End], a.text(m.j+1)
	first, ok := (*cut)[words]
	if !ok {
		(*cut)[words] = next
		return false
	}
	return first == next
}

// lostStop reports whether token i, right after a repeat of a recurring
// phrase, is a capitalised determiner or pronoun opening a common noun
// phrase in mid-sentence ("the Grand Mosque The accident occurred"): the
// copy overwrote the full stop before it. A capitalised word after it
// ("on Friday The Church of Scientology said") may be a title the writer
// capitalised, so it does not count.
func (a *Analysis) lostStop(i int) bool {
	if !a.sentenceWord(i) || a.capitalised(i+1) {
		return false
	}
	switch a.Class(i + 1) {
	case lexicon.End, lexicon.Comma, lexicon.Quote, lexicon.Punct, lexicon.Clitic:
		return false
	}
	return true
}

// mentionFits returns how badly each recurring mention misfits its
// slot (misfit's confidence), in the order of mentions: several rules
// read it of the later mentions, the copy candidates of every one (the
// first of its words is the writer's, which no rule judges).
func (a *Analysis) mentionFits() []float64 {
	if a.fits == nil {
		ms := a.mentions()
		a.fits = make([]float64, len(ms))
		for k, m := range ms {
			a.fits[k] = a.misfit(m.i, m.j).conf
		}
	}
	return a.fits
}

// copyLike reports whether a recurring phrase is more likely a resolver's
// copy than the writer's own repetition: lone words and "the" + noun
// ("the competition", "social movement") recur in any article.
func (a *Analysis) copyLike(m mention) bool {
	switch {
	case m.j == m.i:
		return m.count >= 3 && a.wedged(m.i)
	case m.j == m.i+1 && a.cls[m.i] != lexicon.Cap && a.cls[m.j] != lexicon.Cap:
		return false
	case m.j == m.i+1 && a.Class(m.i-1) == lexicon.Prep && a.Class(m.j+1) == lexicon.Cap && a.cls[m.j] != lexicon.Clitic:
		// After a preposition a short phrase and a name make one
		// longer name: a title or modifier ("by Prime Minister Boris
		// Johnson", "of the U.S. Air Force").
		return false
	case a.Class(m.i-1) == lexicon.End && a.Class(m.j+1) == lexicon.End:
		// A phrase standing alone as a sentence is a caption, credit
		// or heading ("Photo : Jane Doe ."), repeated verbatim.
		return false
	}
	return true
}

// labelLine reports whether the phrase [i, j] holds a colon: a credit,
// caption or label the writer repeats verbatim ("Image : Jane Doe",
// "Source : Reuters"). A noun phrase a resolver copies never spans a
// colon, so such a phrase is no copy wherever it stands.
func (a *Analysis) labelLine(i, j int) bool {
	for k := i + 1; k < j; k++ {
		if a.cls[k] == lexicon.Comma && a.text(k) == ":" {
			return true
		}
	}
	return false
}

// prepObject reports whether the phrase [i, j] is a plain determiner
// phrase that exactly fills the object of a preposition, closed by
// punctuation or a conjunction ("scored from the penalty spot ,", "of the
// Civic Party and"). A writer repeats such phrases all the time, and a
// copy landing there would have overwritten a phrase of just that shape,
// so even a drifting document gives no reason to suspect it.
func (a *Analysis) prepObject(i, j int) bool {
	if a.Class(i-1) != lexicon.Prep || a.cls[i] != lexicon.Det {
		return false
	}
	switch a.Class(j + 1) {
	case lexicon.End, lexicon.Comma, lexicon.Conj:
	default:
		return false
	}
	for k := i + 1; k <= j; k++ {
		switch a.cls[k] {
		case lexicon.Low, lexicon.Cap, lexicon.Num, lexicon.Ed, lexicon.Ing:
		default:
			return false // an apposition or possessive: a long representative
		}
	}
	return true
}

// nameStart reports whether the phrase [i, j] opens a sentence and runs
// into another capitalised word ("Space Shuttle Discovery will launch"):
// the start of a longer name, which a writer repeats at will.
func (a *Analysis) nameStart(i, j int) bool {
	return a.cls[i] == lexicon.Cap && a.Class(j+1) == lexicon.Cap && a.SentenceStart(i) && !a.sentenceWord(j+1)
}

// wedged reports whether the lone name at token i sits between two
// content words, as in "Malaysian navy Indonesia Discussing" or "at least
// Australia decades": no slot for a name, so a copy landed there.
func (a *Analysis) wedged(i int) bool {
	switch a.Class(i - 1) {
	case lexicon.Low, lexicon.Cap, lexicon.Num:
	default:
		return false
	}
	switch a.Class(i + 1) {
	case lexicon.Low, lexicon.Det, lexicon.Poss, lexicon.Num:
		return !temporal(a.text(i + 1)) // "Thursday night"
	}
	return false
}

// overwriteFix proposes the repair of a copy that overwrote words: the
// known word when the slot tells it (a lost full stop), then the
// placeholder for the editor to type the lost words.
func (a *Analysis) overwriteFix(known string) []model.Proposal {
	typeIt := model.Proposal{Text: model.Placeholder, Note: "type the overwritten words"}
	if known == "" {
		return []model.Proposal{typeIt}
	}
	return []model.Proposal{{Text: known, Note: "restore the sentence boundary"}, typeIt}
}
