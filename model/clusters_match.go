package model

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// CorefText is coreference clusters matched onto the text they were made
// from: the words of the clusters file (its own tokenisation) as byte
// ranges of the text, and the clusters as word spans.
type CorefText struct {
	// Doc's words read as the text writes them (Form is the text's), with
	// the spacing the text has and the tags and sentences of the file.
	Doc   *CorefDocument
	Text  string
	Words []Range // byte range of each word in Text
}

// Match puts a clusters document onto text: its words are looked for in
// order, skipping only white space (a word may be written as
// wordforms.txt allows: "-LRB-" for "(", "n't" for "n’t"); a character
// offset document's mentions are cut into words of the text. The first
// word that does not fit is an error naming it, its number in the file
// and where the text differs; textName names the text, clustersName the
// file.
func (c *ClusterDoc) Match(text, textName, clustersName string) (*CorefText, error) {
	if c.Chars != nil {
		return c.matchChars(text, textName, clustersName)
	}
	ct := &CorefText{Text: text, Words: make([]Range, len(c.Tokens))}
	pos := 0
	for i, w := range c.Tokens {
		pos = skipSpace(text, pos)
		n, ok := fits(w.Form, text[pos:])
		if !ok {
			line, col := NewLineIndex(NewDocument("", "", text)).Position(pos)
			return nil, fmt.Errorf("%s: word %d %q of document %q does not fit %s at line %d, column %d, which reads %q",
				clustersName, i+1, w.Form, c.ID, textName, line, col, preview(text[pos:]))
		}
		ct.Words[i] = Range{pos, pos + n}
		pos += n
	}
	ct.Doc = c.onText(ct)
	return ct, nil
}

// onText is a copy of the document whose words are the text's.
func (c *ClusterDoc) onText(ct *CorefText) *CorefDocument {
	d := *c.CorefDocument
	d.Tokens = make([]CorefToken, len(c.Tokens))
	for i, w := range c.Tokens {
		r := ct.Words[i]
		w.Form = ct.Text[r.Start:r.End]
		w.SpaceAfter = i+1 < len(ct.Words) && ct.Words[i+1].Start > r.End || i+1 == len(ct.Words) && r.End < len(ct.Text)
		d.Tokens[i] = w
	}
	return &d
}

// matchChars cuts the text into words — its tokens (Tokenize), cut again
// where a mention starts or ends inside one — and turns each mention into
// the words it covers; white space at a mention's edges is left out.
func (c *ClusterDoc) matchChars(text, textName, clustersName string) (*CorefText, error) {
	doc := NewDocument(c.ID, textName, text)
	var ranges [][]Range
	cuts := map[int]bool{}
	for i, cl := range c.Chars {
		var rs []Range
		for j, m := range cl {
			start, err1 := doc.ByteOffset(m.Start)
			end, err2 := doc.ByteOffset(m.End)
			if err1 != nil || err2 != nil {
				return nil, fmt.Errorf("%s: document %q, cluster %d, mention %d: [%d, %d) is outside %s (%d code points)",
					clustersName, c.ID, i, j, m.Start, m.End, textName, doc.RuneCount())
			}
			start, end = skipSpace(text, start), trimSpaceEnd(text, start, end)
			if start >= end {
				return nil, fmt.Errorf("%s: document %q, cluster %d, mention %d: [%d, %d) holds only white space in %s",
					clustersName, c.ID, i, j, m.Start, m.End, textName)
			}
			rs = append(rs, Range{start, end})
			cuts[start], cuts[end] = true, true
		}
		ranges = append(ranges, rs)
	}
	ct := &CorefText{Text: text}
	for _, t := range doc.Tokens() {
		from := int(t.Start)
		for k := from + 1; k < int(t.End); k++ {
			if cuts[k] {
				ct.Words = append(ct.Words, Range{from, k})
				from = k
			}
		}
		ct.Words = append(ct.Words, Range{from, int(t.End)})
	}
	words := &ClusterDoc{CorefDocument: &CorefDocument{ID: c.ID, Genre: c.Genre, Tokens: make([]CorefToken, len(ct.Words))}}
	for i, rs := range ranges {
		cl := CorefCluster{ID: fmt.Sprint(i)}
		for _, r := range rs {
			first := sort.Search(len(ct.Words), func(k int) bool { return ct.Words[k].Start >= r.Start })
			last := sort.Search(len(ct.Words), func(k int) bool { return ct.Words[k].End > r.End })
			cl.Mentions = append(cl.Mentions, TokenSpan{first, last})
		}
		sortSpans(cl.Mentions)
		words.Clusters = append(words.Clusters, cl)
	}
	ct.Doc = words.onText(ct)
	return ct, nil
}

// fits reports whether the word w stands at the start of s, as written or
// as wordforms.txt allows, and how many bytes of s it takes; white space
// around the word is not its own. A word of white space only (spaCy keeps
// line breaks as words) takes nothing.
func fits(w, s string) (int, bool) {
	if w = strings.TrimSpace(w); w == "" {
		return 0, true
	}
	forms := wordForms()
	for _, f := range append([]string{w}, forms.surfaces[w]...) {
		if strings.HasPrefix(s, f) {
			return len(f), true
		}
		if n, ok := forms.foldedPrefix(f, s); ok {
			return n, true
		}
	}
	return 0, false
}

// wordFormTable is wordforms.txt: surfaces by form, and the characters
// taken as equal (each mapped to its class's first).
type wordFormTable struct {
	surfaces map[string][]string
	same     map[rune]rune
}

//go:embed wordforms.txt
var wordFormsTxt string

// wordForms is parsed once and never written after, so goroutines may
// share it.
var wordForms = sync.OnceValue(func() *wordFormTable {
	t := &wordFormTable{surfaces: map[string][]string{}, same: map[rune]rune{}}
	for _, line := range strings.Split(wordFormsTxt, "\n") {
		form, rest, ok := strings.Cut(line, ": ")
		if !ok || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(rest)
		if form == "same" {
			for _, f := range fields {
				r, _ := utf8.DecodeRuneInString(f)
				first, _ := utf8.DecodeRuneInString(fields[0])
				t.same[r] = first
			}
			continue
		}
		t.surfaces[form] = fields
	}
	return t
})

// foldedPrefix reports whether w starts s with the characters of a
// "same" class taken as equal, and the bytes of s it takes.
func (t *wordFormTable) foldedPrefix(w, s string) (int, bool) {
	n := 0
	for _, r := range w {
		if n >= len(s) {
			return 0, false
		}
		q, size := utf8.DecodeRuneInString(s[n:])
		if q != r && (t.fold(q) != t.fold(r)) {
			return 0, false
		}
		n += size
	}
	return n, true
}

func (t *wordFormTable) fold(r rune) rune {
	if f, ok := t.same[r]; ok {
		return f
	}
	return r
}

// skipSpace returns the first byte at or after i that is not white space.
func skipSpace(text string, i int) int {
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return i
}

// trimSpaceEnd moves end back over white space, not before start.
func trimSpaceEnd(text string, start, end int) int {
	for end > start {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= size
	}
	return end
}

// preview is the start of s, to show where a text differs.
func preview(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) > 24 {
		s = string([]rune(s)[:24]) + "…"
	}
	return s
}
