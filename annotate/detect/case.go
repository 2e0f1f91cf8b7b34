package detect

import (
	"strings"

	"corefix/annotate/fluency"
	"corefix/annotate/lexicon"
	"corefix/model"
)

// Case flags a personal pronoun written in a case its slot does not take
// ("me have published", "gives we a natural control", "our identified"):
// a pipeline whose representative is a pronoun pastes it, in the case it
// had where it was written, over every mention of the entity. The slot
// says which form belongs there whoever wrote the text: the fluency model
// (whose pronoun tags carry their case) reads the sentence with each
// other form of the pronoun, and the finding proposes the one that reads
// best when it reads better by the rule's margin.
type Case struct{}

// Name implements Detector.
func (Case) Name() string { return "pronoun-case" }

// Detect implements Detector.
func (c Case) Detect(doc *model.Document) []model.Finding {
	return c.detect(Analyze(doc))
}

func (c Case) detect(a *Analysis) []model.Finding {
	rule := &a.rules().Case
	var out []model.Finding
	for i := range a.toks {
		switch a.cls[i] {
		case lexicon.Subj, lexicon.Obj, lexicon.Poss, lexicon.ItYou:
		default:
			continue
		}
		if a.pronounAsWord(i) {
			continue
		}
		alt, gain := a.betterCase(i, rule.Forms)
		if gain < rule.MinNats.Nats || a.eitherCase(i, alt) {
			continue
		}
		// The slot decides the capital, not the word in it: a pasted
		// representative keeps the capital it had where it was written
		// ("in We" is "in our").
		if a.SentenceStart(i) {
			alt = capitalise(alt)
		}
		out = append(out, model.Finding{
			Start: int(a.toks[i].Start), End: int(a.toks[i].End), Category: model.Other,
			Rule: c.Name(), Confidence: rule.Confidence, Message: rule.Message,
			Proposals: []model.Proposal{{Text: alt, Note: a.rules().Notes.OtherCase}},
		})
	}
	return out
}

// eitherCase reports whether the slot of the pronoun at token i takes it
// as written as well as alt, where the tagger cannot tell them apart:
// "you" or "it" after a verb, which may give it a second object ("giving
// you legal permission"), where the possessive ("your legal permission")
// reads better to the tagger. (A possessive after an auxiliary, "Should
// your project require", reads as a subject to it too; leaving those
// alone cost the naive resolver's lost subjects ("Where do our
// advertise") more than it saved: docs/experiments.md, "Session 12".)
func (a *Analysis) eitherCase(i int, alt string) bool {
	if a.cls[i] != lexicon.ItYou || lexicon.Classify(alt, lexicon.Lexicon()) != lexicon.Poss {
		return false
	}
	switch a.Class(i - 1) {
	case lexicon.Verb, lexicon.NounVerb, lexicon.Ing, lexicon.Ed:
		return true
	}
	return false
}

// pronounAsWord reports whether the pronoun at token i is no pronoun in a
// clause, whose case its slot could decide: a word quoted on its own, as
// a definition names it ("\"You\" (or \"Your\") shall mean"), or a letter
// of a compound it touches with a symbol ("I/O", "you-know-who"). A
// representative pasted over a mention is neither.
func (a *Analysis) pronounAsWord(i int) bool {
	if a.Class(i-1) == lexicon.Quote && a.Class(i+1) == lexicon.Quote {
		return true
	}
	touches := func(k, l int) bool { // tokens k and l touch, and one is a symbol
		return k >= 0 && l < len(a.toks) && a.toks[k].End == a.toks[l].Start &&
			(a.cls[k] == lexicon.Punct || a.cls[l] == lexicon.Punct)
	}
	return touches(i-1, i) || touches(i, i+1)
}

// betterCase returns the form of token i's pronoun (by the rows of
// forms) that reads best in its place, and how much better than the
// pronoun as written, in nats; "", 0 for a word no row lists.
func (a *Analysis) betterCase(i int, forms [][]string) (string, float64) {
	if a.fluency == nil {
		a.fluency = fluency.Default()
	}
	w := a.text(i)
	for _, row := range forms {
		if !containsFold(row, w) {
			continue
		}
		// The other forms, tried together (a row is a few words: they
		// stay on the stack).
		var fs [4]string
		others := fs[:0]
		for _, f := range row {
			if !strings.EqualFold(f, w) {
				others = append(others, f)
			}
		}
		gains := make([]float64, len(others))
		a.fluency.Swap(a.doc.Text, a.toks, i, i, others, gains)
		best, gain := "", 0.0
		for k, f := range others {
			if g := gains[k]; best == "" || g > gain {
				best, gain = f, g
			}
		}
		return best, gain
	}
	return "", 0
}

// containsFold reports whether row holds w, ignoring case.
func containsFold(row []string, w string) bool {
	for _, f := range row {
		if strings.EqualFold(f, w) {
			return true
		}
	}
	return false
}
