package model

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// EncodeCoNLL2012 writes doc in the CoNLL-2012 shared task format, as
// the OntoNotes *_conll files lay it out and parseCoNLL2012 reads it back
// with the same words, tags, sentences and clusters: "#begin document
// (ID); part 000", a line per word of twelve columns — document, part,
// word number in its sentence, word, part-of-speech tag (XPOS, "-" for
// none), parse "*", four "-" (predicate lemma and frameset, word sense,
// speaker), named entities "*", and the coreference — a blank line after
// each sentence, then "#end document". The coreference column is "-" or
// the brackets of the mentions on the word joined by "|": "(3" opens a
// mention of cluster 3, "3)" closes one, "(3)" is a mention of one word.
// Clusters are numbered from 0 in their order, as the scorers want
// numbers. Columns are aligned through the document, numbers to the
// right, two spaces apart. Sentences are doc's (cut where a paragraph
// starts; a document that marks none is one sentence); spacing is not
// kept, the format has no place for it.
//
// A word, tag or id with white space in it, an id with a bracket or ";",
// or mentions of one cluster that cross is an error. Documents written
// one after the other make one file.
func EncodeCoNLL2012(doc *CorefDocument) ([]byte, error) {
	brackets, err := wordBrackets(doc)
	if err != nil {
		return nil, err
	}
	name := "-"
	if doc.ID != "" {
		if err := checkField("document id", doc.ID, false, "();"); err != nil {
			return nil, err
		}
		if strings.HasPrefix(doc.ID, "#") {
			return nil, fmt.Errorf("document id %q starts with #, which makes its words comments", doc.ID)
		}
		name = doc.ID
	}
	sentences := sentenceSpans(doc)
	rows := make([][]string, 0, len(doc.Tokens))
	for _, s := range sentences {
		for i := s.Start; i < s.End; i++ {
			t := doc.Tokens[i]
			if err := checkField(fmt.Sprintf("word %d", i+1), t.Form, false, ""); err != nil {
				return nil, err
			}
			pos := t.XPOS
			if pos == "" {
				pos = "-"
			}
			if err := checkField(fmt.Sprintf("word %d: tag", i+1), pos, false, ""); err != nil {
				return nil, err
			}
			rows = append(rows, []string{name, "0", strconv.Itoa(i - s.Start), t.Form, pos, "*", "-", "-", "-", "-", "*", corefColumn(brackets[i])})
		}
	}
	widths := make([]int, 11) // the last column is not padded
	for _, r := range rows {
		for c := range widths {
			widths[c] = max(widths[c], utf8.RuneCountInString(r[c]))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "#begin document (%s); part 000\n", doc.ID)
	row := 0
	for _, s := range sentences {
		for range s.Len() {
			for c, v := range rows[row] {
				pad := ""
				if c < len(widths) {
					pad = strings.Repeat(" ", widths[c]-utf8.RuneCountInString(v))
				}
				switch {
				case c == len(widths):
					b.WriteString(v)
				case c == 1 || c == 2: // numbers, to the right
					b.WriteString(pad + v + "  ")
				default:
					b.WriteString(v + pad + "  ")
				}
			}
			b.WriteByte('\n')
			row++
		}
		b.WriteByte('\n')
	}
	b.WriteString("#end document\n")
	return []byte(b.String()), nil
}

// corefColumn is the coreference column of a word.
func corefColumn(brackets []bracket) string {
	if len(brackets) == 0 {
		return "-"
	}
	parts := make([]string, len(brackets))
	for i, br := range brackets {
		id := strconv.Itoa(br.Cluster)
		switch {
		case br.Open && br.Close:
			parts[i] = "(" + id + ")"
		case br.Open:
			parts[i] = "(" + id
		default:
			parts[i] = id + ")"
		}
	}
	return strings.Join(parts, "|")
}
