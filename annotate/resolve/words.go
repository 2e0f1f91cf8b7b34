package resolve

import (
	_ "embed"
	"strings"
	"sync"

	"corefix/annotate/lexicon"
	"corefix/model"
)

//go:embed words.txt
var wordsTxt string

// wordLists maps each list name of words.txt to its set of words. Parsed
// once, never written after, so goroutines may share it.
var wordLists = sync.OnceValue(func() map[string]map[string]bool {
	lists := map[string]map[string]bool{}
	for _, line := range strings.Split(wordsTxt, "\n") {
		name, words, ok := strings.Cut(line, ":")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		set := lists[name]
		if set == nil {
			set = map[string]bool{}
			lists[name] = set
		}
		for _, w := range strings.Fields(words) {
			set[w] = true
		}
	}
	return lists
})

// inList reports whether word (any case) is in the list name of words.txt.
func inList(name, word string) bool { return wordLists()[name][strings.ToLower(word)] }

// Words is a document's words as the resolvers read them: word classes,
// possessives and quotations. It is read-only once made.
type Words struct {
	Doc    *model.CorefDocument
	quoted []bool
	tagged bool
}

// NewWords reads doc's words.
func NewWords(doc *model.CorefDocument) *Words {
	return &Words{Doc: doc, quoted: quotedTokens(doc), tagged: hasTags(doc)}
}

// Class is the lexicon's word class of word i.
func (w *Words) Class(i int) lexicon.Class {
	return lexicon.Classify(w.Doc.Tokens[i].Form, lexicon.Lexicon())
}

// Tagged reports whether the document has part-of-speech tags.
func (w *Words) Tagged() bool { return w.tagged }

// hasTags reports whether any word of doc is tagged. It is read once:
// the resolver asks for every mention, and on an untagged text of 300,000
// words scanning them each time took 16 s of a replay.
func hasTags(doc *model.CorefDocument) bool {
	for _, t := range doc.Tokens {
		if t.XPOS != "" {
			return true
		}
	}
	return false
}

// Pronoun reports whether a mention is one pronoun or determiner ("he",
// "their", "This").
func (w *Words) Pronoun(s model.TokenSpan) bool {
	return s.Len() == 1 && (Form{Words: 1, Class: w.Class(s.Start)}).Pronoun()
}

// Possessive reports whether a mention is a possessive pronoun or ends in
// a possessive ’s or apostrophe (by its tag when the document has tags:
// "her" is one only as PRP$).
func (w *Words) Possessive(s model.TokenSpan) bool {
	last := s.End - 1
	if w.clitic(last) {
		return true
	}
	tag := w.Doc.Tokens[last].XPOS
	return w.Class(last) == lexicon.Poss && s.Len() == 1 && (tag == "" || tag == "PRP$")
}

// clitic reports whether word i is a possessive ’s, or an apostrophe
// alone that makes the word before it possessive ("Galois '": tagged
// POS, or after a final s). The apostrophe matters beyond resolving: the
// damage factory's gold and exact mode's clusters read a mention ending
// in one as a possessive through Possessive, as the resolver writes it.
func (w *Words) clitic(i int) bool {
	t := w.Doc.Tokens[i]
	switch {
	case inList("clitic", t.Form):
		return t.XPOS == "" || t.XPOS == "POS"
	case lexicon.Set("apostrophe").Has(t.Form):
		return i > 0 && (t.XPOS == "POS" || t.XPOS == "" && strings.HasSuffix(strings.ToLower(w.Doc.Tokens[i-1].Form), "s"))
	}
	return false
}

// Possessor is Possessive with a guess where the document has no tags:
// "her" is a possessive only before a word that can go on a noun phrase
// ("her passport", not "told her that").
func (w *Words) Possessor(s model.TokenSpan) bool {
	switch {
	case !w.Possessive(s):
		return false
	case s.Len() > 1 || w.Doc.Tokens[s.Start].XPOS != "" || !lexicon.Set("poss-or-obj").HasLower(w.Doc.Tokens[s.Start].Form):
		return true
	case s.End >= len(w.Doc.Tokens):
		return false
	}
	switch w.Class(s.End) {
	case lexicon.Low, lexicon.Cap, lexicon.Num, lexicon.Ly, lexicon.Ed, lexicon.Ing, lexicon.NounVerb:
		return true
	}
	return false
}

// FirstPersonQuoted reports whether s is one first-person pronoun inside
// a quotation.
func (w *Words) FirstPersonQuoted(s model.TokenSpan) bool {
	return s.Len() == 1 && w.quoted[s.Start] && inList("first", w.Doc.Tokens[s.Start].Form)
}

// quotedTokens marks the words inside quotation marks: a straight quote
// opens or closes, curly ones open and close, and a paragraph closes any
// quotation left open (sources have stray quotes: "Wild 2).
func quotedTokens(doc *model.CorefDocument) []bool {
	quoted := make([]bool, len(doc.Tokens))
	starts := map[int]bool{}
	for _, p := range doc.Paragraphs {
		starts[p.Start] = true
	}
	in := false
	for i, t := range doc.Tokens {
		if starts[i] {
			in = false
		}
		switch t.Form {
		case `"`:
			in = !in
		case "“":
			in = true
		case "”":
			in = false
		default:
			quoted[i] = in
		}
	}
	return quoted
}

// PronounNumber is "singular" or "plural" for a mention that is one
// third-person pronoun, "" for anything else.
func (w *Words) PronounNumber(s model.TokenSpan) string {
	if s.Len() != 1 {
		return ""
	}
	for _, n := range []string{"singular", "plural"} {
		if inList(n, w.Doc.Tokens[s.Start].Form) {
			return n
		}
	}
	return ""
}

// HeadNumber is "singular" or "plural" for a noun phrase, by the tag of its
// head (Head), and "" when it has no noun.
func (w *Words) HeadNumber(s model.TokenSpan) string {
	return headNumber(w.tags(s))
}

// Head is the word a tagged noun phrase is about: the last noun of its
// first run of nouns ("the president of France" gives "president"); -1
// when it has no noun or no tags.
func (w *Words) Head(s model.TokenSpan) int {
	if h := headOf(w.tags(s)); h >= 0 {
		return s.Start + h
	}
	return -1
}

// tags returns the tags (XPOS) of the words of s.
func (w *Words) tags(s model.TokenSpan) []string {
	tags := make([]string, 0, s.Len())
	for _, t := range w.Doc.Tokens[s.Start:s.End] {
		tags = append(tags, t.XPOS)
	}
	return tags
}

// headOf is Head of a phrase whose words' tags are tags: the index of
// its head, or -1.
func headOf(tags []string) int {
	head := -1
	for i, t := range tags {
		if strings.HasPrefix(t, "NN") {
			head = i
		} else if head >= 0 {
			break
		}
	}
	return head
}

// headNumber is HeadNumber of a phrase whose words' tags are tags.
func headNumber(tags []string) string {
	head := headOf(tags)
	switch {
	case head < 0:
		return ""
	case strings.HasSuffix(tags[head], "S"): // NNS, NNPS
		return "plural"
	}
	return "singular"
}
