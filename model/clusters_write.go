package model

import "bytes"

// EncodeTokenClusters writes doc in the token JSON format, as AllenNLP's
// coreference predictor does: one line {"doc_key", "document": [word…],
// "clusters": [[[first, last]…]…]} (inclusive word indices) ending in a
// newline, so documents written one after the other are JSON Lines.
func EncodeTokenClusters(doc *CorefDocument) ([]byte, error) {
	v := struct {
		DocKey   string     `json:"doc_key"`
		Document []string   `json:"document"`
		Clusters [][][2]int `json:"clusters"`
	}{DocKey: doc.ID, Document: make([]string, len(doc.Tokens)), Clusters: [][][2]int{}}
	for i, t := range doc.Tokens {
		v.Document[i] = t.Form
	}
	for _, c := range doc.Clusters {
		ms := make([][2]int, len(c.Mentions))
		for j, m := range c.Mentions {
			ms[j] = [2]int{m.Start, m.End - 1}
		}
		v.Clusters = append(v.Clusters, ms)
	}
	return encodeJSON(v, "")
}

// OffsetClusters is ct's clusters in the character-offset format: each
// mention [start, end) in code points of the text, the value of a
// "clusters" field. White space at a mention's edges is left out (a
// mention ending on a word of white space only, as spaCy keeps line
// breaks, ends at its last word with text), and a mention of white space
// only, which covers no text, is not written: the format could not be
// read back.
func (ct *CorefText) OffsetClusters() [][][2]int {
	doc := NewDocument("", "", ct.Text)
	out := [][][2]int{}
	for _, c := range ct.Doc.Clusters {
		ms := [][2]int{}
		for _, m := range c.Mentions {
			start := skipSpace(ct.Text, ct.Words[m.Start].Start)
			end := trimSpaceEnd(ct.Text, start, ct.Words[m.End-1].End)
			if start < end {
				ms = append(ms, [2]int{doc.RuneOffset(start), doc.RuneOffset(end)})
			}
		}
		out = append(out, ms)
	}
	return out
}

// EncodeResolvedLine is the dataset line of a resolved document: "text"
// the resolved text, "original" the text it was resolved from and
// "clusters" the clusters as code point offsets of the original (a
// dataset line's clusters count its original). A line given as from (a
// dataset line) keeps every other field and its bytes; without one the
// line is {"id", "text", "original", "clusters"}. It ends in a newline.
func EncodeResolvedLine(from []byte, id, text, original string, clusters [][][2]int) ([]byte, error) {
	if from == nil {
		return encodeJSON(struct {
			ID       string     `json:"id"`
			Text     string     `json:"text"`
			Original string     `json:"original"`
			Clusters [][][2]int `json:"clusters"`
		}{id, text, original, clusters}, "")
	}
	var members []Member
	for _, m := range []struct {
		key   string
		value any
	}{{"text", text}, {"original", original}} {
		v, err := encodeJSON(m.value, "")
		if err != nil {
			return nil, err
		}
		members = append(members, Member{Key: m.key, Value: bytes.TrimSuffix(v, []byte("\n"))})
	}
	line, err := SpliceJSON(from, members...)
	if err != nil {
		return nil, err
	}
	return append(line, '\n'), nil
}
