package model

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
)

// ClusterFormat names a format of coreference clusters, as a coreference
// pipeline writes them (docs/formats.md, "Clusters").
type ClusterFormat string

// The cluster formats. The zero value asks ParseClusters to tell them
// apart from the content.
const (
	ClustersAuto ClusterFormat = ""
	// ClustersTokens is the JSON of AllenNLP, fastcoref and LingMess (and
	// the shared GUM JSON Lines): the words ("document", "tokens" or
	// "sentences") and clusters of inclusive [first, last] word indices.
	ClustersTokens ClusterFormat = "allennlp"
	// ClustersOffsets is JSON clusters of [start, end) code point ranges
	// of the text (fastcoref's get_clusters(as_strings=False)).
	ClustersOffsets ClusterFormat = "offsets"
	// ClustersCoNLLU is CorefUD CoNLL-U (Entity= in the MISC column).
	ClustersCoNLLU ClusterFormat = "conllu"
	// ClustersCoNLL2012 is the CoNLL-2012 shared task format (coreference
	// in the last column).
	ClustersCoNLL2012 ClusterFormat = "conll2012"
)

// ClusterFormats lists the formats --clusters-format accepts.
var ClusterFormats = []ClusterFormat{ClustersTokens, ClustersOffsets, ClustersCoNLLU, ClustersCoNLL2012}

// ParseClusterFormat checks a format name given on the command line; ""
// is ClustersAuto.
func ParseClusterFormat(s string) (ClusterFormat, error) {
	for _, f := range append([]ClusterFormat{ClustersAuto}, ClusterFormats...) {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("unknown clusters format %q (want allennlp, offsets, conllu or conll2012)", s)
}

// ClusterDoc is one document of a clusters file as read, before it is
// matched onto the text it was made from (Match).
type ClusterDoc struct {
	// CorefDocument holds the words and the clusters as word spans. A
	// character-offset document has no words: its clusters are in Chars.
	*CorefDocument
	// Text is the document's own text when the file carries one (JSON
	// "text"), "" otherwise.
	Text string
	// Chars are the clusters of a character-offset document: each mention
	// a half-open range of code points of the text. nil for the formats
	// that give words.
	Chars [][]CodePoints
	// Line is where the document starts in its file, for messages.
	Line int
}

// CodePoints is the half-open range [Start, End) of code points of a text.
type CodePoints struct{ Start, End int }

// ReadClusterFile reads a clusters file in format (ClustersAuto: told
// from the content). Errors name the file and, for bad content, the line.
func ReadClusterFile(path string, format ClusterFormat) ([]*ClusterDoc, error) {
	data, err := readFile(path)
	if err != nil {
		return nil, err
	}
	return ParseClusters(data, path, format)
}

// ParseClusters reads the documents of a clusters file; name is the file
// name errors start with.
func ParseClusters(data []byte, name string, format ClusterFormat) ([]*ClusterDoc, error) {
	if err := CheckText(data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if format == ClustersAuto {
		var err error
		if format, err = detectClusterFormat(data); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	var docs []*ClusterDoc
	var err error
	switch format {
	case ClustersTokens, ClustersOffsets:
		docs, err = parseClustersJSON(data, name, format)
	case ClustersCoNLL2012:
		docs, err = parseCoNLL2012(data, name)
	default:
		var cds []*CorefDocument
		cds, err = ParseCoNLLU(data, name)
		for _, d := range cds {
			docs = append(docs, &ClusterDoc{CorefDocument: d})
		}
	}
	if err == nil && len(docs) == 0 {
		err = fmt.Errorf("%s: no document in it", name)
	}
	return docs, err
}

// detectClusterFormat tells the formats apart by their first lines: JSON
// starts with a brace or bracket, CoNLL-2012 has "#begin document", and
// CoNLL-U has "# newdoc", "# sent_id" or "# text" comments or word lines
// of ten tab-separated columns.
func detectClusterFormat(data []byte) (ClusterFormat, error) {
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\uFEFF")), " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return ClustersTokens, nil // parseClustersJSON tells offsets apart per document
	}
	for i, line := range strings.Split(string(trimmed), "\n") {
		if i == 200 {
			break
		}
		line = strings.TrimRight(line, "\r")
		key := strings.TrimSpace(strings.TrimPrefix(line, "#"))
		switch {
		case strings.HasPrefix(line, "#") && strings.HasPrefix(key, "begin document"):
			return ClustersCoNLL2012, nil
		case strings.HasPrefix(line, "#") && (strings.HasPrefix(key, "newdoc") || strings.HasPrefix(key, "sent_id") || strings.HasPrefix(key, "text")):
			return ClustersCoNLLU, nil
		case strings.Count(line, "\t") == 9:
			return ClustersCoNLLU, nil
		}
	}
	return "", fmt.Errorf("not a clusters file: no JSON, no CoNLL-2012 \"#begin document\", no CoNLL-U lines (give --clusters-format to say which)")
}

// FindClusterDoc picks the document of a clusters file that goes with a
// text: the first whose id is one of ids, else the only one. name is the
// clusters file, for the error.
func FindClusterDoc(docs []*ClusterDoc, name string, ids ...string) (*ClusterDoc, error) {
	for _, id := range ids {
		for _, d := range docs {
			if d.ID == id {
				return d, nil
			}
		}
	}
	if len(docs) == 1 {
		return docs[0], nil
	}
	have := make([]string, 0, len(docs))
	for _, d := range docs {
		have = append(have, fmt.Sprintf("%q", d.ID))
	}
	if len(have) > 5 {
		have = append(have[:5], "…")
	}
	want := make([]string, len(ids))
	for i, id := range ids {
		want[i] = fmt.Sprintf("%q", id)
	}
	return nil, fmt.Errorf("%s: %d documents and none has the id %s (%s)", name, len(docs), strings.Join(want, " or "), strings.Join(have, ", "))
}

// OwnText is the text a clusters document was made from when the file
// says it without a separate text: its "text", else its words spaced as
// the file spaces them (CoNLL-U SpaceAfter=No; one space in the formats
// that do not say), a blank line before each paragraph (CoNLL-U
// "# newpar"). Character offsets need the text: ok is false.
func (c *ClusterDoc) OwnText() (text string, ok bool) {
	switch {
	case c.Text != "":
		return c.Text, true
	case c.Chars != nil:
		return "", false
	}
	paragraph := map[int]bool{}
	for _, p := range c.Paragraphs {
		paragraph[p.Start] = p.Start > 0
	}
	var b strings.Builder
	for i, t := range c.Tokens {
		switch {
		case paragraph[i]:
			b.WriteString("\n\n")
		case i > 0 && c.Tokens[i-1].SpaceAfter:
			b.WriteByte(' ')
		}
		b.WriteString(t.Form)
	}
	return b.String(), true
}

// baseID is the id of a document whose file does not name it: the file's
// base name without its extension.
func baseID(name string) string {
	return strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
}
