package resolve

import (
	"cmp"
	"iter"
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
//
// Each pipeline's pieces are compared as they are made and the pipeline
// is dropped at the first byte that differs: on a text no pipeline
// writes, most of them differ within the first sentences, and writing
// every piece of a 1.77 MB text for each of its 361 pipelines before
// comparing was most of the time left once the placements were fast.
func Replay(ct *model.CorefText, resolved string) (*Replayed, bool) {
	target := nonSpace(resolved)
	w := NewWords(ct.Doc)
	var f fitter
	var list shrinking
	orders := map[string]*ordered{}
	for _, p := range pipelines(ct.Doc) {
		if p.Placement == Corefix {
			r := resolveWords(w, ct, Options{})
			if f.fit(target, ct, r.Subs, slices.Values(r.Pieces)) {
				return &Replayed{Pipeline: p, Subs: r.Subs, Pieces: r.Pieces, Spans: slices.Clone(f.spans)}, true
			}
			continue
		}
		o := orders[p.Order]
		if o == nil {
			o = newOrdered(w, ct, p.Order)
			orders[p.Order] = o
		}
		if f.fit(target, ct, o.subs, p.pieces(o, len(ct.Words), &list)) {
			return p.replayed(o, &f), true
		}
	}
	return nil, false
}

// pipelines lists the pipelines to try: for the mention length caps, each
// length some later mention has (a cap between two of them replaces what
// the lower one does). A pronoun is one word, so with pronouns only
// every cap replaces what no cap does: only that one is tried.
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
					if pronouns && c > 0 {
						break
					}
					out = append(out, Pipeline{Placement: pl, Order: order, MaxLen: c, PronounsOnly: pronouns})
				}
			}
		}
	}
	return append(out, Pipeline{Placement: Corefix})
}

// ordered is every substitution a pipeline writing the clusters in one
// order may make — each later mention of a cluster of two or more, with
// the cluster's first mention as its representative — in the order it
// makes them, whether each target is a pronoun, the targets byStart, and
// after[k], the first start of the targets from k on (a shrinking list's
// pieces before it are final). The pipelines of an order pick from it
// (include).
type ordered struct {
	subs    []Sub
	targets []model.TokenSpan
	pronoun []bool
	byStart []int
	after   []int
}

func newOrdered(w *Words, ct *model.CorefText, order string) *ordered {
	clusters := slices.Clone(ct.Doc.Clusters)
	if order == "first" {
		slices.SortStableFunc(clusters, func(a, b model.CorefCluster) int {
			return cmp.Compare(firstMention(a), firstMention(b))
		})
	}
	o := &ordered{}
	for _, c := range clusters {
		if len(c.Mentions) < 2 {
			continue
		}
		rep := c.Mentions[0]
		for _, m := range c.Mentions[1:] {
			o.subs = append(o.subs, Sub{Rep: rep, Target: m, Text: wordsText(ct, rep)})
			o.targets = append(o.targets, m)
			o.pronoun = append(o.pronoun, w.Pronoun(m))
		}
	}
	o.byStart = byStart(o.targets)
	o.after = make([]int, len(o.targets)+1)
	o.after[len(o.targets)] = len(ct.Words)
	for k := len(o.targets) - 1; k >= 0; k-- {
		o.after[k] = min(o.after[k+1], o.targets[k].Start)
	}
	return o
}

// include reports whether the pipeline replaces the target of o's
// substitution i: within its length cap, a pronoun when only pronouns.
func (p Pipeline) include(o *ordered, i int) bool {
	return (p.MaxLen == 0 || o.targets[i].Len() <= p.MaxLen) && (!p.PronounsOnly || o.pronoun[i])
}

// pieces is what the pipeline writes, in text order, each changed piece
// naming its substitution by its index in o. list is the shrinking
// list's buffers, kept from one pipeline to the next.
func (p Pipeline) pieces(o *ordered, words int, list *shrinking) iter.Seq[Piece] {
	include := func(i int) bool { return p.include(o, i) }
	switch p.Placement {
	case ShrinkList:
		return list.shrunk(words, o.targets, include, o.after)
	case OwnPlace:
		return placed(words, o.targets, o.byStart, include, false)
	}
	return placed(words, o.targets, o.byStart, include, true)
}

// replayed is the pipeline that fitted, its substitutions the ones it
// includes and its pieces numbering them so.
func (p Pipeline) replayed(o *ordered, f *fitter) *Replayed {
	r := &Replayed{Pipeline: p, Pieces: slices.Clone(f.pieces), Spans: slices.Clone(f.spans)}
	index := make([]int, len(o.subs))
	for i, sub := range o.subs {
		if p.include(o, i) {
			index[i] = len(r.Subs)
			r.Subs = append(r.Subs, sub)
		}
	}
	for k := range r.Pieces {
		if r.Pieces[k].Changed() {
			r.Pieces[k].Sub = index[r.Pieces[k].Sub]
		}
	}
	return r
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
	// Sized for the whole text, not grown: growing them allocated four
	// times what they keep.
	s := squeezed{bytes: make([]byte, 0, len(text)), at: make([]int, 0, len(text))}
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

// fitter compares pipelines' pieces with the resolved text, keeping the
// pieces read and where each landed; its buffers serve every pipeline.
type fitter struct {
	pieces []Piece
	spans  []model.Range // byte range of each piece in the resolved text
}

// fit reports whether the pieces write the squeezed text s, keeping them
// and where each lands in the text s was made from. It stops reading
// them at the first byte that differs.
func (f *fitter) fit(s squeezed, ct *model.CorefText, subs []Sub, pieces iter.Seq[Piece]) bool {
	f.pieces, f.spans = f.pieces[:0], f.spans[:0]
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
	for p := range pieces {
		start := pos
		text := wordsText(ct, model.TokenSpan{Start: p.Lo, End: p.Hi})
		if p.Changed() {
			text = subs[p.Sub].Text
		}
		if !write(text) {
			return false
		}
		f.pieces = append(f.pieces, p)
		f.spans = append(f.spans, s.rangeOf(start, pos))
	}
	return pos == len(s.bytes)
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
