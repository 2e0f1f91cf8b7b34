package resolve

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// Options are the choices of the correct resolver a user may change.
type Options struct {
	// MaxLen replaces only mentions of at most this many words (0: all).
	MaxLen int
	// PronounsOnly replaces only pronoun mentions.
	PronounsOnly bool
}

// Result is a resolution: the resolved text, the substitutions the
// resolver chose and the pieces it wrote (a piece's Sub indexes Subs; a
// substitution inside a mention replaced whole is in no piece).
type Result struct {
	Text   string
	Subs   []Sub
	Pieces []Piece
}

// Resolve writes ct's clusters into its text correctly, as corefix's
// README documents: every substitution at its own mention (no drift);
// the representative is a cluster's first usable mention, or a later
// proper name when that is a description (representative; a cluster
// without one is left alone), written up to its first comma, colon, dash
// or bracket, an indefinite article made definite and a possessive ’s of
// its own dropped; a possessive mention gets the representative with ’s
// (’ alone after a final s). Pronouns are replaced, other mentions only
// when they are a description after a name; kept are reflexive,
// relative, first- and second-person pronouns, pronouns with a
// contraction ("it's"), subject pronouns whose number the
// representative's head does not have (by tag), indefinite mentions,
// modifiers (after a determiner not theirs, or before a noun continuing
// a mention around them), verbs, "there"/"here"/"then", mentions longer
// than the representative as written and mentions inside or around
// their own representative; a mention inside one that is replaced goes
// with it; the first letter follows the sentence. Everything outside the
// replaced mentions is left byte for byte.
func Resolve(ct *model.CorefText, opts Options) *Result {
	return resolveWords(NewWords(ct.Doc), ct, opts)
}

func resolveWords(w *Words, ct *model.CorefText, opts Options) *Result {
	r := &resolver{w: w, ct: ct, clitic: cliticStyle(ct.Text), reach: mentionReach(ct.Doc)}
	var targets []model.TokenSpan
	for _, c := range ct.Doc.Clusters {
		rep, ok := r.representative(c)
		if !ok {
			continue
		}
		for _, m := range c.Mentions {
			if !r.replaces(m, rep, opts) {
				continue
			}
			text, words := r.replacement(m, rep)
			if squeeze(text) == squeeze(wordsText(ct, m)) || m.Len() > words {
				continue // the mention already says it, or says more than the representative
			}
			r.subs = append(r.subs, Sub{Rep: rep, Target: m, Text: text})
			targets = append(targets, m)
		}
	}
	res := &Result{Subs: r.subs, Pieces: InPlace(len(ct.Words), targets, false)}
	var b strings.Builder
	last := 0
	for _, p := range res.Pieces {
		if !p.Changed() {
			continue
		}
		start, end := ct.Words[p.Lo].Start, ct.Words[p.Hi-1].End
		b.WriteString(ct.Text[last:start])
		b.WriteString(res.Subs[p.Sub].Text)
		last = end
	}
	b.WriteString(ct.Text[last:])
	res.Text = b.String()
	return res
}

// resolver is one resolution under way.
type resolver struct {
	w      *Words
	ct     *model.CorefText
	clitic string          // the document's possessive ’s, spacing included
	reach  []int           // mentionReach
	caps   map[string]bool // capitalised, made when first needed
	subs   []Sub
}

// pronoun reports whether a mention is one pronoun or determiner of any
// kind ("he", "This", "who", "yours"), or one word tagged as a pronoun.
func (r *resolver) pronoun(m model.TokenSpan) bool {
	if r.w.Pronoun(m) {
		return true
	}
	if m.Len() != 1 {
		return false
	}
	if strings.HasPrefix(r.w.Doc.Tokens[m.Start].XPOS, "PRP") {
		return true // by its tag, whatever its spelling (GUM's "It's Persian Gardens")
	}
	form := r.w.Doc.Tokens[m.Start].Form
	for _, list := range []string{"first", "second", "reflexive", "relative", "independent"} {
		if inList(list, form) {
			return true
		}
	}
	return false
}

// replaces reports whether the resolver writes the representative rep
// over the mention m.
func (r *resolver) replaces(m, rep model.TokenSpan, opts Options) bool {
	switch {
	case within(m, rep) || within(rep, m):
		return false // the representative itself, inside it, or around it
	case lexicon.AllCaps(wordsText(r.ct, m)):
		return false // a heading
	case opts.MaxLen > 0 && m.Len() > opts.MaxLen:
		return false
	case opts.PronounsOnly && !r.pronoun(m):
		return false
	case !r.pronoun(m) && (m.Start < rep.Start || r.name(m) || !r.name(rep)):
		// Only a description after its name is rewritten ("the senator"
		// → "Jeff Sessions"): a name already names, and a description
		// written over another says something else ("the bone" → "limb
		// bones").
		return false
	case m.Start > 0 && closedDeterminer(r.w.Class(m.Start-1)):
		return false // a modifier: "the [Scientology] - owned ship", "the [Trump] administration"
	case r.modifier(m):
		return false // "most [Eegimaa] speakers": the name already names
	case r.verbal(m.Start):
		return false // an event's verb or clause: a noun phrase does not fit its slot
	case m.Len() != 1:
		// An indefinite mention ("as a teenager") describes rather than
		// refers back.
		return !inList("indefinite", r.w.Doc.Tokens[m.Start].Form)
	}
	form := r.w.Doc.Tokens[m.Start].Form
	for _, kept := range []string{"reflexive", "relative", "first", "second", "adverb"} {
		if inList(kept, form) {
			return false
		}
	}
	return !r.contracted(m) && !r.disagrees(m, rep)
}

// contracted reports whether a verb or negation is written onto the
// pronoun m ("it's", "they 're" in tokenised text).
func (r *resolver) contracted(m model.TokenSpan) bool {
	return r.pronoun(m) && m.End < len(r.ct.Words) && inList("contraction", r.w.Doc.Tokens[m.End].Form)
}

// cliticStyle is how the text writes the possessive ’s
// (lexicon.CliticStyle); a text without one that spaces its punctuation
// off ("said ." ) is tokenised, and gets " ’s" split off too.
func cliticStyle(text string) string {
	style := lexicon.CliticStyle(text)
	if !strings.HasPrefix(style, " ") && !strings.Contains(text, style) && (strings.Contains(text, " . ") || strings.HasSuffix(strings.TrimSpace(text), " .")) {
		return " " + style
	}
	return style
}

// disagrees reports a subject pronoun whose verb would not agree with the
// representative: "they were" and a singular head ("the pair"), "it is"
// and a plural one. The number of a head comes from its tag, so untagged
// text is not checked.
func (r *resolver) disagrees(m, rep model.TokenSpan) bool {
	if c := r.w.Class(m.Start); c != lexicon.Subj && c != lexicon.ItYou {
		return false
	}
	pron, head := r.w.PronounNumber(m), r.w.HeadNumber(rep)
	return pron != "" && head != "" && pron != head
}

// closedDeterminer reports the classes of a word that makes the mention
// after it a modifier inside a larger noun phrase.
func closedDeterminer(c lexicon.Class) bool { return c == lexicon.Det || c == lexicon.Poss }

// within reports whether a lies inside b.
func within(a, b model.TokenSpan) bool { return b.Start <= a.Start && a.End <= b.End }

// replacement is what the resolver writes over m: the representative's
// words as written (written), an indefinite article made definite, with
// ’s when m is possessive, its first letter following m's place in the
// sentence; and how many of the representative's words it writes.
func (r *resolver) replacement(m, rep model.TokenSpan) (string, int) {
	words := r.written(rep)
	text := wordsText(r.ct, words)
	if words.Len() > 1 && inList("indefinite", r.w.Doc.Tokens[words.Start].Form) {
		first := r.ct.Words[words.Start]
		text = "the" + r.ct.Text[first.End:r.ct.Words[words.End-1].End]
	}
	if r.possessive(m) {
		text += r.possessiveS(text)
	}
	return r.recase(text, m, words), words.Len()
}

// possessive reports whether m is a possessive: a possessive pronoun, one
// that stands alone ("his" in "the book is his"), a word tagged PRP$
// whatever its spelling (GUM's typo "it's reward"), or what
// Words.Possessor calls one (a mention ending in ’s or a possessive
// apostrophe among them).
func (r *resolver) possessive(m model.TokenSpan) bool {
	switch {
	case m.Len() == 1 && inList("independent", r.w.Doc.Tokens[m.Start].Form):
		return true
	case m.Len() == 1 && r.w.Doc.Tokens[m.Start].XPOS == "PRP$":
		return true
	}
	return r.w.Possessor(m)
}

// possessiveS is the ’s that makes text possessive, written as the
// document writes it: ’ alone after a final s.
func (r *resolver) possessiveS(text string) string {
	if strings.HasSuffix(text, "s") {
		return strings.TrimSuffix(r.clitic, "s")
	}
	return r.clitic
}

// recase gives text the first letter m's place needs: a capital at the
// start of a sentence; lower case inside one when the representative's
// first word is a closed-class word capitalised only because its own
// sentence started with it ("The report" → "the report"). Names keep
// their capitals.
func (r *resolver) recase(text string, m, rep model.TokenSpan) string {
	first, size := utf8.DecodeRuneInString(text)
	switch {
	case r.sentenceStart(m.Start):
		return string(unicode.ToUpper(first)) + text[size:]
	case unicode.IsUpper(first) && !lexicon.AllCaps(r.w.Doc.Tokens[rep.Start].Form) && r.sentenceStart(rep.Start) && r.capitalisedBySentence(rep.Start):
		return string(unicode.ToLower(first)) + text[size:]
	}
	return text
}

// capitalisedBySentence reports whether word i, at its sentence start,
// has its capital only from there: a closed-class word, or with tags any
// word but a proper noun ("Attention", not "Byron"). Elsewhere a capital
// is the word's own ("For Inspiration and Recognition of Science and
// Technology").
func (r *resolver) capitalisedBySentence(i int) bool {
	if closedClass(r.w.Class(i)) {
		return true
	}
	tag := r.w.Doc.Tokens[i].XPOS
	return tag != "" && !strings.HasPrefix(tag, "NNP")
}

// closedClass reports the word classes whose capital only ever comes from
// a sentence start.
func closedClass(c lexicon.Class) bool {
	switch c {
	case lexicon.Det, lexicon.Poss, lexicon.Subj, lexicon.Obj, lexicon.ItYou, lexicon.Prep, lexicon.Conj, lexicon.Wh:
		return true
	}
	return false
}

// sentenceStart reports whether word i starts a sentence: the first word,
// the first of a line, or the first after sentence-final punctuation
// (quotation marks and brackets between them skipped).
func (r *resolver) sentenceStart(i int) bool {
	for k := i - 1; k >= 0; k-- {
		if strings.ContainsAny(r.ct.Text[r.ct.Words[k].End:r.ct.Words[k+1].Start], "\n") {
			return true
		}
		switch r.w.Class(k) {
		case lexicon.End:
			return true
		case lexicon.Quote:
			continue
		}
		if f := r.w.Doc.Tokens[k].Form; f == "(" || f == "[" {
			continue
		}
		return false
	}
	return true
}
