package damage

import (
	"fmt"

	"corefix/model"
)

// Joined is a long document made of several documents of one genre.
type Joined struct {
	Doc   *model.CorefDocument
	Parts []string // the ids of the documents it joins, in order
}

// JoinLong joins documents of the same genre, in the order given, into
// documents of at least minTokens tokens, so that the drift of the
// shrinking-list bug grows as large as in a long article. A genre's
// remainder too short to stand alone joins its last long document; a genre
// shorter than minTokens altogether gives one document. Long documents are
// named GENRE-long-01, GENRE-long-02… ("long-01"… without a genre), their
// clusters PART/ID. Entities never cross parts.
func JoinLong(docs []*model.CorefDocument, minTokens int) []Joined {
	var genres []string
	byGenre := map[string][]*model.CorefDocument{}
	for _, d := range docs {
		if _, seen := byGenre[d.Genre]; !seen {
			genres = append(genres, d.Genre)
		}
		byGenre[d.Genre] = append(byGenre[d.Genre], d)
	}
	var out []Joined
	for _, g := range genres {
		var groups [][]*model.CorefDocument
		var cur []*model.CorefDocument
		n := 0
		for _, d := range byGenre[g] {
			cur = append(cur, d)
			if n += len(d.Tokens); n >= minTokens {
				groups, cur, n = append(groups, cur), nil, 0
			}
		}
		switch {
		case len(cur) > 0 && len(groups) > 0:
			groups[len(groups)-1] = append(groups[len(groups)-1], cur...)
		case len(cur) > 0:
			groups = append(groups, cur)
		}
		for i, parts := range groups {
			id := fmt.Sprintf("long-%02d", i+1)
			if g != "" {
				id = g + "-" + id
			}
			out = append(out, join(id, g, parts))
		}
	}
	return out
}

// join concatenates parts into one document called id.
func join(id, genre string, parts []*model.CorefDocument) Joined {
	j := Joined{Doc: &model.CorefDocument{ID: id, Genre: genre}}
	for _, p := range parts {
		j.Parts = append(j.Parts, p.ID)
		off := len(j.Doc.Tokens)
		if off > 0 {
			j.Doc.Tokens[off-1].SpaceAfter = true // parts follow each other after a space
		}
		j.Doc.Tokens = append(j.Doc.Tokens, p.Tokens...)
		j.Doc.Sentences = append(j.Doc.Sentences, shift(p.Sentences, off)...)
		paragraphs := p.Paragraphs
		if len(paragraphs) == 0 {
			paragraphs = []model.TokenSpan{{Start: 0, End: len(p.Tokens)}} // a part is one at least
		}
		j.Doc.Paragraphs = append(j.Doc.Paragraphs, shift(paragraphs, off)...)
		for _, c := range p.Clusters {
			j.Doc.Clusters = append(j.Doc.Clusters, model.CorefCluster{ID: p.ID + "/" + c.ID, Type: c.Type, Mentions: shift(c.Mentions, off)})
		}
	}
	return j
}

// shift moves spans off tokens to the right.
func shift(spans []model.TokenSpan, off int) []model.TokenSpan {
	out := make([]model.TokenSpan, len(spans))
	for i, s := range spans {
		out[i] = model.TokenSpan{Start: s.Start + off, End: s.End + off}
	}
	return out
}
