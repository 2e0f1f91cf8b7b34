package model

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// CorefDocument is a document with coreference annotation, as a corpus
// gives it: words, sentences and clusters of mentions. It is the input of
// the damage factory (annotate/damage) and of anything else that needs
// gold clusters. Every span in it is a half-open range of word indices
// counted from the document's first word.
type CorefDocument struct {
	ID        string
	Genre     string // "" when the source does not say
	Tokens    []CorefToken
	Sentences []TokenSpan
	// Paragraphs are nil when the source does not mark them (JSON Lines).
	Paragraphs []TokenSpan
	// Clusters are in the order the source lists them (CoNLL-U: the order
	// their entity ids first occur), each with its mentions in text order.
	Clusters []CorefCluster
}

// CorefToken is one word (a syntactic word in CoNLL-U, so "don’t" is two).
type CorefToken struct {
	Form string
	// UPOS and XPOS are the universal and language-specific part-of-speech
	// tags; "" when the source has none (the JSON Lines format).
	UPOS, XPOS string
	// Case is the word's grammatical case as CoNLL-U's FEATS gives it
	// (Case=Nom, Acc, Gen…), "" where the source says none.
	Case string
	// SpaceAfter is false when the next word follows without a space.
	SpaceAfter bool
}

// CorefCluster is one entity: the mentions that refer to it.
type CorefCluster struct {
	ID   string // the entity id in the source
	Type string // entity type (person, place…) when the source gives one
	// Mentions are sorted by start, then end. A discontinuous CoNLL-U
	// mention is read as the range from its first part to its last.
	Mentions []TokenSpan
}

// TokenSpan is the half-open word range [Start, End).
type TokenSpan struct{ Start, End int }

// Len is the number of words in the span.
func (s TokenSpan) Len() int { return s.End - s.Start }

// Compare orders spans in text order: by start, then end; it returns -1,
// 0 or +1 like cmp.Compare.
func (s TokenSpan) Compare(o TokenSpan) int {
	return cmp.Or(cmp.Compare(s.Start, o.Start), cmp.Compare(s.End, o.End))
}

// sortSpans puts spans in text order.
func sortSpans(spans []TokenSpan) { slices.SortFunc(spans, TokenSpan.Compare) }

// ReadCorefFile reads the coreference documents of a CoNLL-U file
// (.conllu) or a JSON Lines file (.jsonl) of the format of the shared GUM
// data. Errors name the file and, for bad content, the line.
func ReadCorefFile(path string) ([]*CorefDocument, error) {
	var parse func(data []byte, name string) ([]*CorefDocument, error)
	switch strings.ToLower(filepath.Ext(path)) {
	case ".conllu":
		parse = ParseCoNLLU
	case ".jsonl":
		parse = ParseCorefJSONL
	default:
		return nil, fmt.Errorf("%s: not a coreference file (want .conllu or .jsonl)", path)
	}
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return parse(data, path)
}

// lineError is a problem on one line of a coreference file, written
// "FILE:LINE: problem" like compilers do.
func lineError(name string, line int, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", name, line, fmt.Sprintf(format, args...))
}
