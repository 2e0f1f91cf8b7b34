package detect

import (
	"strings"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// RepeatedToken flags a word directly repeated ("Sessions Sessions",
// "he he"): a substitution landed on the word after the mention, which
// now holds a copy of it. The first copy is the intended mention, the
// second overwrote an unknown word (often the verb). A speaker's
// repeat, beside a filler or a break (spokenRepeat), is left alone.
type RepeatedToken struct{}

// Name implements Detector.
func (RepeatedToken) Name() string { return "repeated-token" }

// Detect implements Detector.
func (r RepeatedToken) Detect(doc *model.Document) []model.Finding {
	return r.detect(Analyze(doc))
}

func (r RepeatedToken) detect(a *Analysis) []model.Finding {
	var out []model.Finding
	rule, notes := &a.rules().Repeated, &a.rules().Notes
	for i := 1; i < len(a.toks); i++ {
		if !a.sameWord(i) || !a.repeated(i) || a.spokenRepeat(i) {
			continue
		}
		j := i
		if a.Class(i+1) == lexicon.Clitic {
			j++ // "Trump Trump ’s": the copy carries the clitic
		}
		// Either copy may be the one that landed there, depending on how
		// far the substitutions drifted, so the span covers both and the
		// proposals keep the first.
		first := a.text(i - 1)
		out = append(out, model.Finding{
			Start: int(a.toks[i-1].Start), End: int(a.toks[j].End), Category: model.Overwrite,
			Rule: r.Name(), Confidence: rule.Confidence, Message: rule.Message,
			Proposals: []model.Proposal{
				{Text: first + " " + model.Placeholder, Note: notes.TypeLostWord},
				{Text: first, Note: notes.DropDuplicate},
			},
		})
	}
	return out
}

// repeated reports whether token i repeats token i-1 exactly, where
// writers would not double the word. A title and the text under it are
// no such place ("Tulsa Tulsa is in the Green Country", a heading whose
// line break the text lost or kept): the repeat that opens a document, or
// one across a line break, is the heading's last word and the next line's
// first. A pipeline's copy never lands there: it lands after a later
// mention than the first, which is the representative and stays.
func (a *Analysis) repeated(i int) bool {
	return a.sameWord(i) && a.toks[i].Kind == model.Word && a.toks[i-1].Kind == model.Word &&
		a.cls[i] != lexicon.Clitic && a.text(i) == a.text(i-1) && !isIntendedRepeat(a.text(i)) &&
		i > 1 && !strings.Contains(a.doc.Text[a.toks[i-1].End:a.toks[i].Start], "\n")
}

// sameWord reports whether tokens i-1 and i have the same word hash:
// repeated's first test, which settles nearly every pair, small enough to
// inline, so the loops over every token ask it first. Without the hashes
// held it compares the texts instead, which is cheaper than hashing both
// and the same to repeated: equal texts hash alike, and repeated
// compares the texts too.
func (a *Analysis) sameWord(i int) bool {
	if a.words == nil {
		return a.sameText(i)
	}
	return i > 0 && i < len(a.words) && a.words[i] == a.words[i-1]
}

// sameText reports whether tokens i-1 and i read the same. Kept out of
// line, as hashText is.
//
//go:noinline
func (a *Analysis) sameText(i int) bool {
	return i > 0 && i < len(a.toks) && a.text(i) == a.text(i-1)
}

// isIntendedRepeat reports whether writers legitimately double w ("had
// had", "that that", "no there there").
func isIntendedRepeat(w string) bool {
	return vocab().intendedRepeat.HasLower(w)
}
