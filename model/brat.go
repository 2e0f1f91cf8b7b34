package model

import (
	"fmt"
	"strconv"
	"strings"
)

// BratAnn is a's spans in brat standoff format (the .ann beside a .txt
// holding the document text), as brat and INCEpTION read it:
//
//	T1	overwrite 781 794	The Democrats
//	#1	AnnotatorNotes T1	status: accepted; replacement: "were"
//
// Offsets are code points, as brat counts them. A span crossing a line
// break becomes a discontinuous annotation (fragments "s e;s e", texts
// joined by a space), because a .ann line cannot hold a newline.
func BratAnn(a *Annotation) ([]byte, error) {
	var b strings.Builder
	d := a.Doc
	for i, s := range a.spans {
		frags := bratFragments(d, s.Start, s.End)
		if len(frags) == 0 {
			return nil, fmt.Errorf("document %q: span %s covers only line breaks, which brat cannot annotate", d.ID, s.ID)
		}
		var offs, texts []string
		for _, f := range frags {
			offs = append(offs, fmt.Sprintf("%d %d", d.RuneOffset(f[0]), d.RuneOffset(f[1])))
			texts = append(texts, d.Text[f[0]:f[1]])
		}
		fmt.Fprintf(&b, "T%d\t%s %s\t%s\n", i+1, s.Category, strings.Join(offs, ";"), strings.Join(texts, " "))
		fmt.Fprintf(&b, "#%d\tAnnotatorNotes T%d\t%s\n", i+1, i+1, bratNote(s))
	}
	return []byte(b.String()), nil
}

// bratFragments splits the byte range [start,end) at line breaks into
// non-empty pieces.
func bratFragments(d *Document, start, end int) [][2]int {
	var frags [][2]int
	from := start
	for i := start; i <= end; i++ {
		if i == end || d.Text[i] == '\n' || d.Text[i] == '\r' {
			if i > from {
				frags = append(frags, [2]int{from, i})
			}
			from = i + 1
		}
	}
	return frags
}

// bratNote is the one-line note of a span: its decision, quoted so that
// tabs and newlines in a replacement cannot break the line.
func bratNote(s Span) string {
	note := "status: " + string(s.Status)
	if s.Status.Changes() {
		note += "; replacement: " + strconv.Quote(s.Replacement)
	}
	if s.Note != "" {
		note += "; note: " + strconv.Quote(s.Note)
	}
	return note
}

// BratConf is the annotation.conf that declares the categories as entity
// types, so brat shows them without "undefined type" warnings.
func BratConf() []byte {
	var b strings.Builder
	b.WriteString("# corefix categories (docs/formats.md)\n[entities]\n")
	for _, c := range Categories {
		b.WriteString(string(c) + "\n")
	}
	b.WriteString("[relations]\n[events]\n[attributes]\n")
	return []byte(b.String())
}
