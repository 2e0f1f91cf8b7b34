package model

import (
	_ "embed" // visual.conf
	"fmt"
	"strconv"
	"strings"
)

// BratAnn is a's spans in brat standoff format (the .ann beside a .txt
// holding the document text), as brat and INCEpTION read it:
//
//	T1	overwrite 781 794	The Democrats
//	A1	Status T1 edited
//	#1	AnnotatorNotes T1	status: edited; replacement: "They lost"; rule: …
//
// The category is the entity type and the decision the Status attribute
// (BratConf declares both, BratVisual draws them), so brat tells an
// accepted fix from a rejected one at a glance; the note carries the rest
// (see bratNote). Offsets are code points, as brat counts them. A span
// crossing a line break becomes a discontinuous annotation (fragments
// "s e;s e", texts joined by a space), because a .ann line cannot hold a
// newline. Every line, the last included, ends in a newline.
func BratAnn(a *Annotation) ([]byte, error) {
	var b strings.Builder
	d := a.Doc
	for i, s := range a.spans.all() {
		frags := bratFragments(d, s.Start, s.End)
		if len(frags) == 0 {
			return nil, fmt.Errorf("document %q: span %s covers only line breaks, which brat cannot annotate", d.ID, s.ID)
		}
		var offs, texts []string
		for _, f := range frags {
			offs = append(offs, fmt.Sprintf("%d %d", d.RuneOffset(f[0]), d.RuneOffset(f[1])))
			texts = append(texts, d.Text[f[0]:f[1]])
		}
		n := i + 1
		fmt.Fprintf(&b, "T%d\t%s %s\t%s\n", n, s.Category, strings.Join(offs, ";"), strings.Join(texts, " "))
		fmt.Fprintf(&b, "A%d\t%s T%d %s\n", n, bratStatus, n, s.Status)
		fmt.Fprintf(&b, "#%d\tAnnotatorNotes T%d\t%s\n", n, n, bratNote(s))
	}
	return []byte(b.String()), nil
}

// bratStatus is the attribute holding a span's decision.
const bratStatus = "Status"

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

// bratNote is the one-line note of a span: the decision and the editor's
// note first, then what the tool said (rule, confidence, proposals, its
// reason), so a brat or INCEpTION user sees why the span is there. Free
// text is quoted so that tabs and newlines cannot break the line.
func bratNote(s Span) string {
	parts := []string{"status: " + string(s.Status)}
	if s.Status.Changes() {
		parts = append(parts, "replacement: "+strconv.Quote(s.Replacement))
	}
	if s.Note != "" {
		parts = append(parts, "note: "+strconv.Quote(s.Note))
	}
	if s.Rule != "" {
		parts = append(parts, "rule: "+s.Rule)
	}
	parts = append(parts, "confidence: "+strconv.FormatFloat(s.Confidence, 'f', -1, 64))
	if len(s.Proposals) > 0 {
		ps := make([]string, len(s.Proposals))
		for i, p := range s.Proposals {
			ps[i] = strconv.Quote(p.Text)
		}
		parts = append(parts, "proposals: "+strings.Join(ps, " | "))
	}
	if s.Message != "" {
		parts = append(parts, "message: "+strconv.Quote(s.Message))
	}
	return strings.Join(parts, "; ")
}

// BratConf is the annotation.conf that declares the categories as entity
// types and the decision as their Status attribute, so brat shows them
// without "undefined type" warnings.
func BratConf() []byte {
	var b strings.Builder
	b.WriteString("# corefix categories and decisions (docs/formats.md in the corefix repository)\n[entities]\n")
	for _, c := range Categories {
		b.WriteString(string(c) + "\n")
	}
	b.WriteString("[relations]\n[events]\n[attributes]\n")
	statuses := make([]string, len(Statuses))
	for i, s := range Statuses {
		statuses[i] = string(s)
	}
	fmt.Fprintf(&b, "%s\tArg:<ENTITY>, Value:%s\n", bratStatus, strings.Join(statuses, "|"))
	return []byte(b.String())
}

// bratVisual is visual.conf: how brat colours each category and marks
// each decision. Colours are data, kept beside the code that names the
// types they colour (TestBratVisualDrawsEveryType keeps them in step).
//
//go:embed brat_visual.conf
var bratVisual []byte

// BratVisual is the visual.conf written beside annotation.conf.
func BratVisual() []byte { return append([]byte(nil), bratVisual...) }
