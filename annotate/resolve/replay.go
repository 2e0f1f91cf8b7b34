package resolve

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"corefix/model"
)

// Placement is how a pipeline puts replacements into its word list.
type Placement string

// The placements the replay knows.
const (
	ShrinkList Placement = "shrink"  // the seed's bug: one shrinking list (Shrink)
	OwnPlace   Placement = "inplace" // each mention in its own place, enclosing ones winning (InPlace)
	WordSlots  Placement = "slots"   // per-word slots, later mentions winning (InPlace nested)
	Corefix    Placement = "corefix" // corefix's own resolver with its default options (Resolve)
)

// Pipeline is one way of writing clusters into a text: a placement, the
// order clusters are written in ("first": by first mention; "file": as
// the clusters file lists them), the longest mention replaced (0: all)
// and whether only pronoun mentions are.
type Pipeline struct {
	Placement    Placement
	Order        string
	MaxLen       int
	PronounsOnly bool
}

// Sub is one substitution a pipeline writes: the representative's words
// over the mention it is meant for, as written by Text.
type Sub struct {
	Rep, Target model.TokenSpan
	Text        string // the words written; the representative's own unless the resolver adapts them
}

// Replayed is a resolved text explained by a pipeline: its substitutions,
// the pieces it wrote, and where each piece is in the resolved text.
type Replayed struct {
	Pipeline Pipeline
	Subs     []Sub
	Pieces   []Piece
	Spans    []model.Range // byte range of each piece in the resolved text
}

// Replay looks for the pipeline that turns ct's text into resolved with
// ct's clusters: every placement, both cluster orders, every mention
// length cap and the pronoun-only choice. Texts are compared without
// their white space, so a pipeline's spacing does not matter. ok is false
// when none gives the resolved text.
func Replay(ct *model.CorefText, resolved string) (*Replayed, bool) {
	target := nonSpace(resolved)
	w := NewWords(ct.Doc)
	for _, p := range pipelines(ct.Doc) {
		subs, pieces := p.write(w, ct)
		if spans, ok := target.fit(ct, subs, pieces); ok {
			return &Replayed{Pipeline: p, Subs: subs, Pieces: pieces, Spans: spans}, true
		}
	}
	return nil, false
}

// pipelines lists the pipelines to try: for the mention length caps, each
// length some later mention has (a cap between two of them replaces what
// the lower one does).
func pipelines(doc *model.CorefDocument) []Pipeline {
	caps := []int{0}
	for _, c := range doc.Clusters {
		for _, m := range c.Mentions[min(1, len(c.Mentions)):] {
			caps = append(caps, m.Len())
		}
	}
	slices.Sort(caps)
	caps = slices.Compact(caps)
	var out []Pipeline
	for _, pl := range []Placement{ShrinkList, OwnPlace, WordSlots} {
		for _, order := range []string{"first", "file"} {
			if pl == OwnPlace && order == "file" {
				continue // enclosing mentions win whatever the order
			}
			for _, pronouns := range []bool{false, true} {
				for _, c := range caps {
					out = append(out, Pipeline{Placement: pl, Order: order, MaxLen: c, PronounsOnly: pronouns})
				}
			}
		}
	}
	return append(out, Pipeline{Placement: Corefix})
}

// write is what the pipeline writes: its substitutions and pieces.
func (p Pipeline) write(w *Words, ct *model.CorefText) ([]Sub, []Piece) {
	if p.Placement == Corefix {
		r := resolveWords(w, ct, Options{})
		return r.Subs, r.Pieces
	}
	clusters := slices.Clone(ct.Doc.Clusters)
	if p.Order == "first" {
		slices.SortStableFunc(clusters, func(a, b model.CorefCluster) int {
			return cmp.Compare(firstMention(a), firstMention(b))
		})
	}
	var subs []Sub
	var targets []model.TokenSpan
	for _, c := range clusters {
		if len(c.Mentions) < 2 {
			continue
		}
		rep := c.Mentions[0]
		for _, m := range c.Mentions[1:] {
			if p.MaxLen > 0 && m.Len() > p.MaxLen || p.PronounsOnly && !w.Pronoun(m) {
				continue
			}
			subs = append(subs, Sub{Rep: rep, Target: m, Text: wordsText(ct, rep)})
			targets = append(targets, m)
		}
	}
	n := len(ct.Words)
	switch p.Placement {
	case ShrinkList:
		return subs, Shrink(n, targets)
	case OwnPlace:
		return subs, InPlace(n, targets, false)
	}
	return subs, InPlace(n, targets, true)
}

// firstMention orders clusters by their first mention's start (then end).
func firstMention(c model.CorefCluster) int {
	if len(c.Mentions) == 0 {
		return -1
	}
	return c.Mentions[0].Start
}

// wordsText is the text of the words s, spacing included.
func wordsText(ct *model.CorefText, s model.TokenSpan) string {
	return ct.Text[ct.Words[s.Start].Start:ct.Words[s.End-1].End]
}

// squeezed is a text without its white space, and where each of its
// bytes stands in the text.
type squeezed struct {
	bytes []byte
	at    []int
}

func nonSpace(text string) squeezed {
	var s squeezed
	eachNonSpace(text, func(i int) bool {
		s.bytes = append(s.bytes, text[i])
		s.at = append(s.at, i)
		return true
	})
	return s
}

// eachNonSpace calls f with the index of every byte of text that is not
// part of white space, until f returns false; it reports whether f never
// did.
func eachNonSpace(text string, f func(i int) bool) bool {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			for k := i; k < i+size; k++ {
				if !f(k) {
					return false
				}
			}
		}
		i += size
	}
	return true
}

// fit reports whether the pieces write the squeezed text s, and where
// each piece lands in the text s was made from. It stops at the first
// byte that differs.
func (s squeezed) fit(ct *model.CorefText, subs []Sub, pieces []Piece) ([]model.Range, bool) {
	spans := make([]model.Range, len(pieces))
	pos := 0
	write := func(text string) bool {
		return eachNonSpace(text, func(i int) bool {
			if pos >= len(s.bytes) || s.bytes[pos] != text[i] {
				return false
			}
			pos++
			return true
		})
	}
	for k, p := range pieces {
		start := pos
		text := wordsText(ct, model.TokenSpan{Start: p.Lo, End: p.Hi})
		if p.Changed() {
			text = subs[p.Sub].Text
		}
		if !write(text) {
			return nil, false
		}
		spans[k] = s.rangeOf(start, pos)
	}
	return spans, pos == len(s.bytes)
}

// rangeOf is the text's byte range of squeezed bytes [a, b); an empty
// piece sits where the next byte is.
func (s squeezed) rangeOf(a, b int) model.Range {
	if a == b {
		at := len(s.at)
		if a < len(s.at) {
			at = s.at[a]
		} else if a > 0 {
			at = s.at[a-1] + 1
		}
		return model.Range{Start: at, End: at}
	}
	return model.Range{Start: s.at[a], End: s.at[b-1] + 1}
}

// Unchanged reports whether a changed piece writes what it covers (a
// mention replaced by its own words), ignoring white space.
func (r *Replayed) Unchanged(ct *model.CorefText, p Piece) bool {
	covered := wordsText(ct, model.TokenSpan{Start: p.Lo, End: p.Hi})
	return squeeze(r.Subs[p.Sub].Text) == squeeze(covered)
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }
