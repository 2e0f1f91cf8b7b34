package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
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

// corefRecord decodes the coreference fields of one dataset line.
func corefRecord(rec *Record) (*CorefDocument, error) {
	var v struct {
		Genre        string    `json:"genre"`
		Tokens       [][]int   `json:"tokens"`
		Clusters     [][][]int `json:"clusters"`
		ClusterTypes []string  `json:"cluster_types"`
		Sentences    [][]int   `json:"sentences"`
	}
	if err := json.Unmarshal(rec.Raw, &v); err != nil {
		return nil, jsonError(rec.Raw, err)
	}
	doc := &CorefDocument{ID: rec.ID, Genre: v.Genre}
	text := NewDocument(rec.ID, "", rec.Text)
	prevEnd := 0
	for i, t := range v.Tokens {
		if len(t) != 2 || t[0] < prevEnd || t[0] >= t[1] || t[1] > text.RuneCount() {
			return nil, fmt.Errorf("token %d %v is not [start, end] after the previous token and inside the text (%d code points)", i, t, text.RuneCount())
		}
		start, _ := text.ByteOffset(t[0])
		end, _ := text.ByteOffset(t[1])
		gapStart, _ := text.ByteOffset(prevEnd)
		if gap := rec.Text[gapStart:start]; strings.TrimSpace(gap) != "" {
			return nil, fmt.Errorf("text %q before token %d belongs to no token", gap, i)
		}
		if i > 0 {
			doc.Tokens[i-1].SpaceAfter = start > gapStart
		}
		doc.Tokens = append(doc.Tokens, CorefToken{Form: rec.Text[start:end]})
		prevEnd = t[1]
	}
	if len(doc.Tokens) > 0 {
		end, _ := text.ByteOffset(prevEnd)
		doc.Tokens[len(doc.Tokens)-1].SpaceAfter = end < len(rec.Text)
	}
	if v.ClusterTypes != nil && len(v.ClusterTypes) != len(v.Clusters) {
		return nil, fmt.Errorf("%d cluster_types for %d clusters", len(v.ClusterTypes), len(v.Clusters))
	}
	for i, c := range v.Clusters {
		cl := CorefCluster{ID: strconv.Itoa(i)}
		if v.ClusterTypes != nil {
			cl.Type = v.ClusterTypes[i]
		}
		for j, m := range c {
			span, err := inclusiveSpan(m, len(doc.Tokens))
			if err != nil {
				return nil, fmt.Errorf("cluster %d, mention %d: %v", i, j, err)
			}
			cl.Mentions = append(cl.Mentions, span)
		}
		sortSpans(cl.Mentions)
		doc.Clusters = append(doc.Clusters, cl)
	}
	for i, s := range v.Sentences {
		span, err := inclusiveSpan(s, len(doc.Tokens))
		if err != nil {
			return nil, fmt.Errorf("sentence %d: %v", i, err)
		}
		doc.Sentences = append(doc.Sentences, span)
	}
	return doc, nil
}

// inclusiveSpan converts an inclusive [s, e] pair of token indices.
func inclusiveSpan(p []int, tokens int) (TokenSpan, error) {
	if len(p) != 2 || p[0] < 0 || p[0] > p[1] || p[1] >= tokens {
		return TokenSpan{}, fmt.Errorf("%v is not [first, last] token of the %d", p, tokens)
	}
	return TokenSpan{p[0], p[1] + 1}, nil
}
