package model

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// ParseCoNLLU reads the documents of a CorefUD CoNLL-U file; name is the
// file name errors start with. A document begins at "# newdoc" ("# newdoc
// id = X"; words before any take the file's base name as id), "# meta::genre
// = G" gives its genre, "# newpar" starts a paragraph (so does a
// document), blank lines end sentences. Multiword-token lines
// (1-2) give only the spacing of their words and empty nodes (5.1) are
// skipped, so Tokens are the syntactic words. Mentions come from the
// Entity attribute of the MISC column in CorefUD's bracket notation, whose
// attributes are named by "# global.Entity" (eid-etype-head-other when the
// file does not say).
func ParseCoNLLU(data []byte, name string) ([]*CorefDocument, error) {
	if err := CheckText(data); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	p := &conlluParser{name: name, attrs: []string{"eid", "etype", "head", "other"}}
	for i, raw := range bytes.Split(data, []byte("\n")) {
		p.line = i + 1
		if err := p.readLine(strings.TrimSuffix(string(raw), "\r")); err != nil {
			return nil, err
		}
	}
	if err := p.endDocument(); err != nil {
		return nil, err
	}
	return p.docs, nil
}

// conlluParser holds what ParseCoNLLU knows between lines.
type conlluParser struct {
	name  string
	line  int
	attrs []string // attribute names of an opening bracket, in order

	docs []*CorefDocument
	doc  *CorefDocument
	ents *entityReader

	inSentence bool
	sentStart  int
	newPar     bool // a paragraph starts at the next word
	lastWord   int  // id of the previous word in the sentence
	mwtLast    int  // last word of the multiword token being read, 0 outside one
	mwtSpace   bool // SpaceAfter of that multiword token
}

func (p *conlluParser) readLine(line string) error {
	switch {
	case strings.HasPrefix(line, "#"):
		return p.comment(line)
	case strings.TrimSpace(line) == "":
		p.endSentence()
		return nil
	}
	return p.word(line)
}

func (p *conlluParser) comment(line string) error {
	key, value, _ := strings.Cut(strings.TrimPrefix(line, "#"), "=")
	key, value = strings.TrimSpace(key), strings.TrimSpace(value)
	switch {
	case key == "newdoc" || strings.HasPrefix(key, "newdoc "):
		if err := p.endDocument(); err != nil {
			return err
		}
		if value == "" {
			value = strings.TrimSuffix(filepath.Base(p.name), filepath.Ext(p.name))
		}
		p.startDocument(value)
	case key == "newpar" || strings.HasPrefix(key, "newpar "):
		p.newPar = true
	case key == "global.Entity":
		if value == "" {
			return lineError(p.name, p.line, "global.Entity names no attributes")
		}
		p.attrs = strings.Split(value, "-")
	case key == "meta::genre":
		if p.doc == nil {
			p.startDocument(strings.TrimSuffix(filepath.Base(p.name), filepath.Ext(p.name)))
		}
		p.doc.Genre = value
	}
	return nil
}

func (p *conlluParser) startDocument(id string) {
	p.doc = &CorefDocument{ID: id}
	p.newPar = true // a document starts a paragraph, whether it says so or not
	p.docs = append(p.docs, p.doc)
	p.ents = newEntityReader(p.name)
}

func (p *conlluParser) endDocument() error {
	p.endSentence()
	if p.doc == nil {
		return nil
	}
	p.endParagraph()
	clusters, err := p.ents.clusters()
	p.doc.Clusters = clusters
	return err
}

// endParagraph closes the open paragraph at the last word read.
func (p *conlluParser) endParagraph() {
	if n := len(p.doc.Paragraphs); n > 0 {
		p.doc.Paragraphs[n-1].End = len(p.doc.Tokens)
	}
}

func (p *conlluParser) endSentence() {
	if p.inSentence {
		p.doc.Sentences = append(p.doc.Sentences, TokenSpan{p.sentStart, len(p.doc.Tokens)})
	}
	p.inSentence, p.lastWord, p.mwtLast = false, 0, 0
}

// word reads one word line (or a multiword-token or empty-node line).
func (p *conlluParser) word(line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return lineError(p.name, p.line, "a word line has 10 tab-separated columns, this one %d", len(f))
	}
	id := f[0]
	if strings.Contains(id, ".") {
		return nil // an empty node: no word of the text
	}
	if first, last, ok := strings.Cut(id, "-"); ok {
		a, err1 := strconv.Atoi(first)
		b, err2 := strconv.Atoi(last)
		if err1 != nil || err2 != nil || a != p.lastWord+1 || b < a {
			return lineError(p.name, p.line, "bad multiword token range %q", id)
		}
		p.mwtLast, p.mwtSpace = b, !hasMisc(f[9], "SpaceAfter=No")
		return nil
	}
	n, err := strconv.Atoi(id)
	if err != nil || n != p.lastWord+1 {
		return lineError(p.name, p.line, "word id %q out of sequence (expected %d)", id, p.lastWord+1)
	}
	if f[1] == "" {
		return lineError(p.name, p.line, "word %d has no form", n)
	}
	if p.doc == nil {
		p.startDocument(strings.TrimSuffix(filepath.Base(p.name), filepath.Ext(p.name)))
	}
	if !p.inSentence {
		p.inSentence, p.sentStart = true, len(p.doc.Tokens)
	}
	if p.newPar {
		p.endParagraph()
		p.doc.Paragraphs = append(p.doc.Paragraphs, TokenSpan{len(p.doc.Tokens), len(p.doc.Tokens)})
		p.newPar = false
	}
	p.lastWord = n
	tok := CorefToken{Form: f[1], UPOS: tag(f[3]), XPOS: tag(f[4]), Case: feature(f[5], "Case"), SpaceAfter: !hasMisc(f[9], "SpaceAfter=No")}
	switch {
	case n < p.mwtLast: // inside a multiword token ("do|n't")
		tok.SpaceAfter = false
	case n == p.mwtLast:
		tok.SpaceAfter, p.mwtLast = p.mwtSpace, 0
	}
	index := len(p.doc.Tokens)
	p.doc.Tokens = append(p.doc.Tokens, tok)
	for _, kv := range strings.Split(f[9], "|") {
		if v, ok := strings.CutPrefix(kv, "Entity="); ok {
			if err := p.ents.read(v, index, p.line, p.attrs); err != nil {
				return err
			}
		}
	}
	return nil
}

func tag(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func hasMisc(misc, item string) bool {
	return slices.Contains(strings.Split(misc, "|"), item)
}

// feature returns the value of the FEATS column's feature name ("Nom" of
// "Case=Nom|Number=Sing"), "" when it has none.
func feature(feats, name string) string {
	for kv := range strings.SplitSeq(feats, "|") {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name {
			return v
		}
	}
	return ""
}
