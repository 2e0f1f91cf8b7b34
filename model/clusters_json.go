package model

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// The JSON cluster formats. A file holds one object, a JSON Lines stream
// of them, or an array of them; a bare array of clusters is one
// character-offset document. Each object gives its words in one of
//
//	"document": [word…]                     AllenNLP's coreference predictor
//	"tokens": [word…]                       fastcoref/LingMess, spaCy dumps
//	"sentences": [[word…]…]                 the e2e-coref JSON Lines (SpanBERT, LingMess training)
//	"tokens": [[start, end]…] and "text"    the shared GUM JSON Lines (code points of text)
//
// and "clusters": [[[first, last]…]…] of inclusive word indices; without
// words, "clusters": [[[start, end]…]…] are half-open code point ranges
// of the text (fastcoref's get_clusters(as_strings=False)). "id" or
// "doc_key" names the document; "genre", "cluster_types" and GUM's
// "sentences": [[first, last]…] are read too, anything else is ignored.

// corefJSON is the coreference fields of one JSON document.
type corefJSON struct {
	ID           *string         `json:"id"`
	DocKey       *string         `json:"doc_key"`
	Genre        string          `json:"genre"`
	Text         *string         `json:"text"`
	Tokens       json.RawMessage `json:"tokens"`
	Document     []string        `json:"document"`
	Sentences    json.RawMessage `json:"sentences"`
	Clusters     [][][]int       `json:"clusters"`
	ClusterTypes []string        `json:"cluster_types"`
}

// parseClustersJSON reads the JSON documents of a clusters file. With
// format ClustersTokens a document without words is read as character
// offsets, as the formats are told apart; ClustersOffsets reads every
// clusters array as character offsets.
func parseClustersJSON(data []byte, name string, format ClusterFormat) ([]*ClusterDoc, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var docs []*ClusterDoc
	for {
		start := dec.InputOffset()
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			nameUnnamed(docs, name)
			return docs, nil
		}
		line := lineAt(data, start)
		if err != nil {
			return nil, lineError(name, line, "%v", jsonError(data[start:], err))
		}
		objects, err := jsonDocuments(raw)
		if err != nil {
			return nil, lineError(name, line, "%v", err)
		}
		for _, obj := range objects {
			doc, err := decodeCorefJSON(obj, nil, format)
			if err != nil {
				return nil, lineError(name, line, "%s%v", docLabel(doc), err)
			}
			doc.Line = line
			docs = append(docs, doc)
		}
	}
}

// nameUnnamed gives the documents a file does not name the file's base
// name, numbered by their place when the file holds several.
func nameUnnamed(docs []*ClusterDoc, name string) {
	for i, d := range docs {
		if d.ID != "" {
			continue
		}
		d.ID = baseID(name)
		if len(docs) > 1 {
			d.ID += "-" + strconv.Itoa(i+1)
		}
	}
}

// jsonDocuments splits one JSON value into document objects: an object
// is one, an array of objects is several, and an array of arrays is a
// bare list of character-offset clusters.
func jsonDocuments(raw json.RawMessage) ([]json.RawMessage, error) {
	switch firstByte(raw) {
	case '{':
		return []json.RawMessage{raw}, nil
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, jsonError(raw, err)
		}
		if len(items) == 0 || firstByte(items[0]) == '[' {
			wrapped, _ := json.Marshal(map[string]json.RawMessage{"clusters": raw})
			return []json.RawMessage{wrapped}, nil
		}
		for i, it := range items {
			if firstByte(it) != '{' {
				return nil, fmt.Errorf("item %d of the array is not a document object", i)
			}
		}
		return items, nil
	}
	return nil, errors.New("a JSON clusters document is an object or an array")
}

func firstByte(raw []byte) byte {
	raw = bytes.TrimLeft(raw, " \t\r\n")
	if len(raw) == 0 {
		return 0
	}
	return raw[0]
}

// docLabel starts a message about a document with its id, when it has one.
func docLabel(doc *ClusterDoc) string {
	if doc == nil || doc.ID == "" {
		return ""
	}
	return fmt.Sprintf("document %q: ", doc.ID)
}

// decodeCorefJSON decodes one document object. text, when not nil, is
// the text its code points count (a dataset line's original); otherwise
// the object's own "text". On an error the document returned, if any,
// carries the id for the message.
func decodeCorefJSON(obj []byte, text *string, format ClusterFormat) (*ClusterDoc, error) {
	var v corefJSON
	if err := json.Unmarshal(obj, &v); err != nil {
		return nil, jsonError(obj, err)
	}
	doc := &ClusterDoc{CorefDocument: &CorefDocument{Genre: v.Genre}}
	switch {
	case v.ID != nil:
		doc.ID = *v.ID
	case v.DocKey != nil:
		doc.ID = *v.DocKey
	}
	if text == nil {
		text = v.Text
	}
	if text != nil {
		doc.Text = *text
	}
	if err := v.words(doc, text); err != nil {
		return doc, err
	}
	if v.ClusterTypes != nil && len(v.ClusterTypes) != len(v.Clusters) {
		return doc, fmt.Errorf("%d cluster_types for %d clusters", len(v.ClusterTypes), len(v.Clusters))
	}
	offsets := format == ClustersOffsets || len(doc.Tokens) == 0 && v.Tokens == nil && v.Document == nil && v.Sentences == nil
	if offsets {
		return doc, v.charClusters(doc, text)
	}
	for i, c := range v.Clusters {
		cl := CorefCluster{ID: strconv.Itoa(i)}
		if v.ClusterTypes != nil {
			cl.Type = v.ClusterTypes[i]
		}
		for j, m := range c {
			span, err := inclusiveSpan(m, len(doc.Tokens))
			if err != nil {
				return doc, fmt.Errorf("cluster %d, mention %d: %v", i, j, err)
			}
			cl.Mentions = append(cl.Mentions, span)
		}
		sortSpans(cl.Mentions)
		doc.Clusters = append(doc.Clusters, cl)
	}
	return doc, nil
}

// words reads the words of whichever field gives them, then GUM's
// sentences of word index pairs.
func (v *corefJSON) words(doc *ClusterDoc, text *string) error {
	var forms []string
	var sentences [][]string
	var ranges [][]int
	switch {
	case v.Tokens != nil && decodes(v.Tokens, &forms):
	case v.Tokens != nil:
		if err := json.Unmarshal(v.Tokens, &ranges); err != nil {
			return errors.New(`"tokens" is neither a list of words nor of [start, end] code point ranges`)
		}
		if text == nil {
			return errors.New(`"tokens" are code point ranges but there is no "text"`)
		}
		if err := rangeWords(doc, *text, ranges); err != nil {
			return err
		}
	case v.Document != nil:
		forms = v.Document
	case v.Sentences != nil && decodes(v.Sentences, &sentences):
		for _, s := range sentences {
			doc.Sentences = append(doc.Sentences, TokenSpan{len(forms), len(forms) + len(s)})
			forms = append(forms, s...)
		}
	}
	doc.Tokens = slices.Grow(doc.Tokens, len(forms))
	for i, f := range forms {
		doc.Tokens = append(doc.Tokens, CorefToken{Form: f, SpaceAfter: i < len(forms)-1})
	}
	if v.Sentences == nil || sentences != nil {
		return nil
	}
	var pairs [][]int
	if err := json.Unmarshal(v.Sentences, &pairs); err != nil {
		return errors.New(`"sentences" is neither lists of words nor [first, last] word pairs`)
	}
	for i, s := range pairs {
		span, err := inclusiveSpan(s, len(doc.Tokens))
		if err != nil {
			return fmt.Errorf("sentence %d: %v", i, err)
		}
		doc.Sentences = append(doc.Sentences, span)
	}
	return nil
}

// decodes reports whether raw decodes into *v, leaving *v untouched when
// it does not (the decoder fills in what it can before it fails).
func decodes[T any](raw json.RawMessage, v *T) bool {
	var t T
	if json.Unmarshal(raw, &t) != nil {
		return false
	}
	*v = t
	return true
}

// rangeWords reads words given as code point ranges of text, as the
// shared GUM JSON Lines do. Whatever lies between two words must be white
// space: a word is followed by a space when anything lies there.
func rangeWords(doc *ClusterDoc, text string, ranges [][]int) error {
	d := NewDocument("", "", text)
	prevEnd := 0
	for i, t := range ranges {
		if len(t) != 2 || t[0] < prevEnd || t[0] >= t[1] || t[1] > d.RuneCount() {
			return fmt.Errorf("token %d %v is not [start, end] after the previous token and inside the text (%d code points)", i, t, d.RuneCount())
		}
		start, _ := d.ByteOffset(t[0])
		end, _ := d.ByteOffset(t[1])
		gapStart, _ := d.ByteOffset(prevEnd)
		if gap := text[gapStart:start]; strings.TrimSpace(gap) != "" {
			return fmt.Errorf("text %q before token %d belongs to no token", gap, i)
		}
		if i > 0 {
			doc.Tokens[i-1].SpaceAfter = start > gapStart
		}
		doc.Tokens = append(doc.Tokens, CorefToken{Form: text[start:end]})
		prevEnd = t[1]
	}
	if n := len(doc.Tokens); n > 0 {
		end, _ := d.ByteOffset(prevEnd)
		doc.Tokens[n-1].SpaceAfter = end < len(text)
	}
	return nil
}

// charClusters reads clusters of [start, end) code point ranges; with the
// text known, they must lie inside it.
func (v *corefJSON) charClusters(doc *ClusterDoc, text *string) error {
	limit := -1
	if text != nil {
		limit = NewDocument("", "", *text).RuneCount()
	}
	doc.Chars = make([][]CodePoints, 0, len(v.Clusters))
	for i, c := range v.Clusters {
		var ms []CodePoints
		for j, m := range c {
			if len(m) != 2 || m[0] < 0 || m[0] >= m[1] || limit >= 0 && m[1] > limit {
				return fmt.Errorf("cluster %d, mention %d: %v is not [start, end) of code points%s", i, j, m, inside(limit))
			}
			ms = append(ms, CodePoints{m[0], m[1]})
		}
		doc.Chars = append(doc.Chars, ms)
	}
	return nil
}

func inside(limit int) string {
	if limit < 0 {
		return ""
	}
	return fmt.Sprintf(" inside the text (%d code points)", limit)
}

// lineAt is the 1-based line of byte off in data, skipping the white
// space a JSON value may start with.
func lineAt(data []byte, off int64) int {
	for int(off) < len(data) && (data[off] == ' ' || data[off] == '\t' || data[off] == '\r' || data[off] == '\n') {
		off++
	}
	return 1 + bytes.Count(data[:off], []byte("\n"))
}
