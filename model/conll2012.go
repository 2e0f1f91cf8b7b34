package model

import (
	"bytes"
	"strconv"
	"strings"
)

// parseCoNLL2012 reads the documents of a CoNLL-2012 file: "#begin
// document (NAME); part NNN" (or GUM's "# begin document NAME") starts a
// document, "#end document" ends it, blank lines end sentences, other "#"
// lines are comments. A word line's columns are separated by white space;
// the last holds the coreference — "-" or "_" for none, else brackets
// joined by "|": "(12)", "(12", "12)". The word is the fourth column of
// the OntoNotes layout (eleven columns or more), the second when the line
// starts with the word number (GUM's three columns), else the third
// (document, number, word, coreference); the OntoNotes layout's fifth
// column is the part-of-speech tag ("-" or "_" for none).
//
// A document is named NAME for part 0 and NAME_N for part N; without a
// name, by the file's base name.
func parseCoNLL2012(data []byte, name string) ([]*ClusterDoc, error) {
	var docs []*ClusterDoc
	var doc *ClusterDoc
	var ents *entityReader
	sentStart := -1
	endSentence := func() {
		if doc != nil && sentStart >= 0 && sentStart < len(doc.Tokens) {
			doc.Sentences = append(doc.Sentences, TokenSpan{sentStart, len(doc.Tokens)})
		}
		sentStart = -1
	}
	endDocument := func() error {
		endSentence()
		if doc == nil {
			return nil
		}
		clusters, err := ents.clusters()
		doc.Clusters, doc = clusters, nil
		return err
	}
	for i, raw := range bytes.Split(data, []byte("\n")) {
		line := strings.TrimRight(string(raw), "\r")
		lineNo := i + 1
		key := strings.TrimSpace(strings.TrimPrefix(line, "#"))
		switch {
		case strings.HasPrefix(line, "#") && strings.HasPrefix(key, "begin document"):
			if err := endDocument(); err != nil {
				return nil, err
			}
			doc = &ClusterDoc{CorefDocument: &CorefDocument{ID: conllDocID(strings.TrimPrefix(key, "begin document"), name)}, Line: lineNo}
			ents = newEntityReader(name)
			docs = append(docs, doc)
			continue
		case strings.HasPrefix(line, "#") && strings.HasPrefix(key, "end document"):
			if err := endDocument(); err != nil {
				return nil, err
			}
			continue
		case strings.HasPrefix(line, "#"):
			continue
		case strings.TrimSpace(line) == "":
			endSentence()
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return nil, lineError(name, lineNo, "a word line has at least 3 columns (number, word, coreference), this one %d", len(f))
		}
		if doc == nil {
			return nil, lineError(name, lineNo, "a word line before \"#begin document\"")
		}
		if sentStart < 0 {
			sentStart = len(doc.Tokens)
		}
		w := len(doc.Tokens)
		tok := CorefToken{Form: f[conllWordColumn(f)], SpaceAfter: true}
		if len(f) >= 11 && f[4] != "-" { // "-": no tag, as EncodeCoNLL2012 writes it
			tok.XPOS = tag(f[4])
		}
		doc.Tokens = append(doc.Tokens, tok)
		if coref := f[len(f)-1]; coref != "-" && coref != "_" {
			for _, part := range strings.Split(coref, "|") {
				if err := ents.read(part, w, lineNo, nil); err != nil {
					return nil, err
				}
			}
		}
	}
	if err := endDocument(); err != nil {
		return nil, err
	}
	for _, d := range docs {
		if n := len(d.Tokens); n > 0 {
			d.Tokens[n-1].SpaceAfter = false
		}
	}
	return docs, nil
}

// conllWordColumn is the column of a word line that holds the word.
func conllWordColumn(f []string) int {
	switch {
	case len(f) >= 11:
		return 3
	case isInt(f[0]):
		return 1
	}
	return 2
}

func isInt(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

// conllDocID names a document from the rest of its begin line,
// "(NAME); part NNN" or "NAME".
func conllDocID(rest, file string) string {
	namePart, partPart, _ := strings.Cut(rest, ";")
	id := strings.Trim(strings.TrimSpace(namePart), "()")
	if id == "" {
		id = baseID(file)
	}
	if p, ok := strings.CutPrefix(strings.TrimSpace(partPart), "part"); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(p)); err == nil && n > 0 {
			id += "_" + strconv.Itoa(n)
		}
	}
	return id
}
