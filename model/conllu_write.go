package model

import (
	"fmt"
	"strconv"
	"strings"
)

// entityReserved are the characters an entity id or type cannot hold in
// an Entity bracket: they delimit brackets, attributes, MISC items and
// the parts of a discontinuous mention.
const entityReserved = "()|-=[]"

// EncodeCoNLLU writes doc as CorefUD CoNLL-U, as ParseCoNLLU reads it
// back with the same words, spacing, tags, sentences, paragraphs,
// genre and clusters: "# newdoc id", "# global.Entity = eid-etype", "#
// meta::genre", "# newpar" where a paragraph starts, "# sent_id" and "#
// text" per sentence, then a line of ten columns per word — the form,
// UPOS and XPOS (or "_"), and in MISC the mentions in Entity= bracket
// notation ("(e1-person", "e1)", "(e2)", nested brackets on one word
// written together) and SpaceAfter=No. The other columns are "_":
// corefix keeps no lemmas nor syntax. Sentences are doc's, cut where a
// paragraph starts; a document that marks none is one sentence.
//
// Cluster ids are kept when every one can stand in a bracket and no two
// are the same, else the clusters are numbered e1, e2… in order. Each
// document written starts with its own "# newdoc", so documents written
// one after the other make one file. A form with a tab or a line break,
// a type that cannot stand in a bracket, or mentions of one cluster that
// cross is an error.
func EncodeCoNLLU(doc *CorefDocument) ([]byte, error) {
	brackets, err := wordBrackets(doc)
	if err != nil {
		return nil, err
	}
	eids := entityIDs(doc)
	for _, c := range doc.Clusters {
		if c.Type != "" {
			if err := checkField(fmt.Sprintf("cluster %q: type", c.ID), c.Type, false, entityReserved); err != nil {
				return nil, err
			}
		}
	}
	var b strings.Builder
	if err := conlluHeader(&b, doc); err != nil {
		return nil, err
	}
	paragraph := map[int]bool{}
	for _, p := range doc.Paragraphs {
		paragraph[p.Start] = true
	}
	for n, s := range sentenceSpans(doc) {
		if paragraph[s.Start] {
			b.WriteString("# newpar\n")
		}
		fmt.Fprintf(&b, "# sent_id = %s\n# text = %s\n", sentID(doc.ID, n+1), sentenceText(doc.Tokens[s.Start:s.End]))
		for i := s.Start; i < s.End; i++ {
			t := doc.Tokens[i]
			if err := checkField(fmt.Sprintf("word %d", i+1), t.Form, true, ""); err != nil {
				return nil, err
			}
			upos, xpos, feats := conlluTag(t.UPOS), conlluTag(t.XPOS), "_"
			if t.Case != "" {
				feats = "Case=" + t.Case
			}
			for _, tag := range []string{upos, xpos, feats} {
				if err := checkField(fmt.Sprintf("word %d: tag", i+1), tag, false, ""); err != nil {
					return nil, err
				}
			}
			fmt.Fprintf(&b, "%d\t%s\t_\t%s\t%s\t%s\t_\t_\t_\t%s\n", i-s.Start+1, t.Form, upos, xpos, feats, conlluMisc(doc, brackets[i], eids, t.SpaceAfter))
		}
		b.WriteByte('\n')
	}
	return []byte(b.String()), nil
}

// conlluHeader writes the comments that start a document.
func conlluHeader(b *strings.Builder, doc *CorefDocument) error {
	for _, f := range []struct{ what, v string }{{"document id", doc.ID}, {"genre", doc.Genre}} {
		if f.v == "" {
			continue
		}
		if err := checkField(f.what, f.v, true, ""); err != nil {
			return err
		}
		if strings.TrimSpace(f.v) != f.v {
			return fmt.Errorf("%s %q starts or ends with white space", f.what, f.v)
		}
	}
	b.WriteString("# newdoc")
	if doc.ID != "" {
		b.WriteString(" id = " + doc.ID)
	}
	b.WriteString("\n# global.Entity = eid-etype\n")
	if doc.Genre != "" {
		b.WriteString("# meta::genre = " + doc.Genre + "\n")
	}
	return nil
}

// entityIDs are the ids the clusters are written with: their own when
// all can be, else e1, e2….
func entityIDs(doc *CorefDocument) []string {
	ids := make([]string, len(doc.Clusters))
	seen := map[string]bool{}
	own := true
	for i, c := range doc.Clusters {
		ids[i] = c.ID
		if seen[c.ID] || checkField("", c.ID, false, entityReserved) != nil {
			own = false
		}
		seen[c.ID] = true
	}
	if !own {
		for i := range ids {
			ids[i] = "e" + strconv.Itoa(i+1)
		}
	}
	return ids
}

// conlluMisc is the MISC column of a word: its Entity brackets and
// SpaceAfter=No, or "_".
func conlluMisc(doc *CorefDocument, brackets []bracket, eids []string, spaceAfter bool) string {
	var items []string
	if len(brackets) > 0 {
		var e strings.Builder
		e.WriteString("Entity=")
		for _, br := range brackets {
			if br.Open {
				e.WriteString("(" + eids[br.Cluster])
				if t := doc.Clusters[br.Cluster].Type; t != "" {
					e.WriteString("-" + t)
				}
			}
			if br.Close {
				if !br.Open {
					e.WriteString(eids[br.Cluster])
				}
				e.WriteByte(')')
			}
		}
		items = append(items, e.String())
	}
	if !spaceAfter {
		items = append(items, "SpaceAfter=No")
	}
	if len(items) == 0 {
		return "_"
	}
	return strings.Join(items, "|")
}

// sentenceText is the "# text" of a sentence: its words spaced as they are.
func sentenceText(words []CorefToken) string {
	var b strings.Builder
	for i, t := range words {
		b.WriteString(t.Form)
		if t.SpaceAfter && i < len(words)-1 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// sentID names sentence n of the document id, as GUM does ("ID-n").
func sentID(id string, n int) string {
	if id == "" {
		return strconv.Itoa(n)
	}
	return id + "-" + strconv.Itoa(n)
}

// conlluTag is a tag as a CoNLL-U column writes it, "_" for none.
func conlluTag(t string) string {
	if t == "" {
		return "_"
	}
	return t
}
