package model

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ParseCorefJSONL reads coreference documents from JSON Lines, one per
// line, in the format of the shared GUM data (gum-news-ontogum.jsonl):
//
//	{"id", "genre"?, "text", "tokens": [[start, end]…], "clusters": [[[s, e]…]…],
//	 "cluster_types"?: [type…], "sentences"?: [[s, e]…]}
//
// tokens are half-open code point ranges of text; a mention [s, e] and a
// sentence [s, e] are inclusive token indices (they become half-open
// TokenSpans). Whatever lies between two tokens must be white space: a
// token is followed by a space when anything lies there. Clusters are
// named by their position in the line ("0", "1"…). Other fields are
// ignored. name is the file name errors start with.
func ParseCorefJSONL(data []byte, name string) ([]*CorefDocument, error) {
	var docs []*CorefDocument
	r := NewDatasetReader(bytes.NewReader(data))
	for {
		rec, err := r.Next()
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%w", name, err)
		}
		doc, err := corefRecord(rec)
		if err != nil {
			return nil, lineError(name, rec.Line, "record %q: %v", rec.ID, err)
		}
		docs = append(docs, doc)
	}
}

// corefRecord decodes the coreference fields of one dataset line, which
// must give its words.
func corefRecord(rec *Record) (*CorefDocument, error) {
	doc, err := decodeCorefJSON(rec.Raw, &rec.Text, ClustersTokens)
	switch {
	case err != nil:
		return nil, err
	case len(doc.Chars) > 0:
		return nil, errors.New(`no "tokens": clusters of word indices need the words`)
	}
	return doc.CorefDocument, nil
}

// inclusiveSpan converts an inclusive [s, e] pair of token indices.
func inclusiveSpan(p []int, tokens int) (TokenSpan, error) {
	if len(p) != 2 || p[0] < 0 || p[0] > p[1] || p[1] >= tokens {
		return TokenSpan{}, fmt.Errorf("%v is not [first, last] token of the %d", p, tokens)
	}
	return TokenSpan{p[0], p[1] + 1}, nil
}
