package detect

import (
	"unicode"
	"unicode/utf8"

	"corefix/annotate/fluency"
	"corefix/annotate/lexicon"
	"corefix/model"
)

// Analysis is what every detector reads about a document: its tokens and
// their classes, computed once per Detect call.
type Analysis struct {
	doc  *model.Document
	toks []model.Token
	cls  []lexicon.Class
	// words is the wordHash of each token's text, for phrase hashes;
	// nil for a text cut into Regions, which hash a token's text each
	// time they read it (word): at 20 MB the hashes were 30 MB.
	words []uint64
	// rulebook holds the hand rules' confidences and messages (Params.Rules).
	rulebook *Rules
	// fluency rates how well words fit together; the judge loads it on
	// first use, so detection without a judge never pays for parsing it.
	fluency *fluency.Model
	prof    tokenProfile // the fluency profile, computed as it is read (profile.go)
	speech  *speechIndex // where the fillers and breaks of speech stand, found on first use
	genders []uint8      // each token's gender cue, by wordGender: 1, found 2, gender << 2; 0 before

	recurring []mention // computed on first use by mentions
	found     bool
	inQuote   quoteBits                 // computed on first use by quoted
	clitic    string                    // the document's way of writing ’s, computed on first use
	speakers  map[string]bool           // recurring phrases that say or tell, computed on first use by speaks
	surnames  map[string]lexicon.Gender // names after a first name, by its gender, computed on first use by surnameGender
	narrators map[voice]bool            // phrases that stand for the "I" around them, computed on first use by narrates
	pronouns  map[string]int            // recurring phrases' gender votes, female minus male, computed on first use by pronounGender
	drift     int8                      // whether the document drifts: 0 unknown, 1 no, 2 yes
	evidence  int                       // the drift evidence drifting counted
	marks     []int                     // where that evidence stands, sorted
	fits      []float64                 // misfit confidence of each recurring mention, computed on first use by mentionFits
	reps      map[string][][]string     // copies shown drifting, computed on first use by confirmedReps
	repFirst  wordFilter                // the word hashes that open a rep (addRep), to skip the map for most words
	repsDone  bool
	// window, set while Regions rates one region, limits the judge's
	// candidates to it and its neighbours (regions.go).
	window *window
	// confirmed is the tokens of the confirmed copies, computed on first
	// use by confirmedSpans (confirmedDone).
	confirmed     [][2]int32
	confirmedDone bool
}

// Analyze tokenises and classifies doc for the detectors (and for exact
// mode's view of the resolved text), with the shipped hand rules.
func Analyze(doc *model.Document) *Analysis {
	return analyze(doc, shippedRules())
}

// analyze is Analyze applying the hand rules r.
func analyze(doc *model.Document, r *Rules) *Analysis {
	return analyzeHolding(doc, r, true)
}

// analyzeHolding is analyze, holding each token's word hash when
// words is true.
func analyzeHolding(doc *model.Document, r *Rules, words bool) *Analysis {
	toks := doc.Tokens()
	a := &Analysis{doc: doc, toks: toks, cls: make([]lexicon.Class, len(toks)), rulebook: r}
	if words {
		a.words = make([]uint64, len(toks))
	}
	cache := classCaches.Get().(*classCache)
	defer classCaches.Put(cache)
	for i, t := range toks {
		w := t.Text(doc.Text)
		h := wordHash(w)
		if words {
			a.words[i] = h
		}
		a.cls[i] = cache.class(w, h)
	}
	return a
}

// word returns the word hash of token i's text.
func (a *Analysis) word(i int) uint64 {
	if a.words != nil {
		return a.words[i]
	}
	return a.hashText(i)
}

// hashText is the word hash of token i's text (of "" outside the
// document) from the text, for Regions, which hold no hashes. Kept out
// of line, so word, extendHash and their callers in the loops over every
// token stay small enough to inline.
//
//go:noinline
func (a *Analysis) hashText(i int) uint64 { return wordHash(a.text(i)) }

// text returns token i's text, or "" outside the document, so the
// checks can look at neighbours without bounds tests of their own.
func (a *Analysis) text(i int) string {
	if i < 0 || i >= len(a.toks) {
		return ""
	}
	return a.toks[i].Text(a.doc.Text)
}

// Class returns the class of token i, or lexicon.End outside the document (the
// edges behave like sentence boundaries).
func (a *Analysis) Class(i int) lexicon.Class {
	if i < 0 || i >= len(a.cls) {
		return lexicon.End
	}
	return a.cls[i]
}

// SentenceStart reports whether token i opens a sentence (or a quotation
// or a line), where capitals say nothing about names.
func (a *Analysis) SentenceStart(i int) bool {
	for j := i - 1; j >= 0; j-- {
		switch a.cls[j] {
		case lexicon.End:
			return true
		case lexicon.Quote:
			// Quoted words and titles may start with a capital.
			return true
		case lexicon.Punct:
			if t := a.text(j); t != "(" && t != "[" && t != "—" && t != "-" {
				return false
			}
			continue
		case lexicon.Comma:
			return a.text(j) == ":"
		}
		// A line break between the words also starts a sentence
		// (headlines, datelines).
		return a.lineBreak(j, i)
	}
	return true
}

// lineBreak reports whether a line break stands between tokens j and i
// (j < i). The gap is mostly one space, which a plain loop reads faster
// than a search.
func (a *Analysis) lineBreak(j, i int) bool {
	gap := a.doc.Text[a.toks[j].End:a.toks[i].Start]
	for k := 0; k < len(gap); k++ {
		if gap[k] == '\n' {
			return true
		}
	}
	return false
}

// capitalised reports whether token i starts with an upper-case letter.
func (a *Analysis) capitalised(i int) bool {
	r, _ := utf8.DecodeRuneInString(a.text(i))
	return unicode.IsUpper(r)
}
