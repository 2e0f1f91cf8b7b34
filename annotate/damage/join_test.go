package damage

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"corefix/model"
)

func TestJoinLong(t *testing.T) {
	doc := func(id, genre string, words int) *model.CorefDocument {
		d := &model.CorefDocument{ID: id, Genre: genre, Sentences: []model.TokenSpan{{Start: 0, End: words}},
			Clusters: []model.CorefCluster{{ID: "1", Type: "person", Mentions: []model.TokenSpan{{Start: 0, End: 1}, {Start: words - 1, End: words}}}}}
		for range words {
			d.Tokens = append(d.Tokens, model.CorefToken{Form: id})
		}
		return d
	}
	docs := []*model.CorefDocument{
		doc("a1", "news", 3), doc("b1", "bio", 5), doc("a2", "news", 2), doc("a3", "news", 3), doc("a4", "news", 1),
	}
	got := JoinLong(docs, 5)
	var summary []string
	for _, j := range got {
		summary = append(summary, j.Doc.ID+":"+j.Doc.Genre+":"+strings.Join(j.Parts, "+"))
	}
	// news: a1+a2 reach 5; a3+a4 do not, so they join the last one. bio: b1 alone.
	want := []string{"news-long-01:news:a1+a2+a3+a4", "bio-long-01:bio:b1"}
	if diff := cmp.Diff(want, summary); diff != "" {
		t.Fatalf("joined (-want +got):\n%s", diff)
	}
	news := got[0].Doc
	if len(news.Tokens) != 9 || news.Tokens[3].Form != "a2" || news.Tokens[8].Form != "a4" {
		t.Errorf("news words: %+v", news.Tokens)
	}
	for i, tok := range news.Tokens[:len(news.Tokens)-1] {
		if last := i == 2 || i == 4 || i == 7; last && !tok.SpaceAfter {
			t.Errorf("word %d ends a part and has no space after", i)
		}
	}
	wantClusters := []model.CorefCluster{
		{ID: "a1/1", Type: "person", Mentions: []model.TokenSpan{{Start: 0, End: 1}, {Start: 2, End: 3}}},
		{ID: "a2/1", Type: "person", Mentions: []model.TokenSpan{{Start: 3, End: 4}, {Start: 4, End: 5}}},
		{ID: "a3/1", Type: "person", Mentions: []model.TokenSpan{{Start: 5, End: 6}, {Start: 7, End: 8}}},
		{ID: "a4/1", Type: "person", Mentions: []model.TokenSpan{{Start: 8, End: 9}, {Start: 8, End: 9}}},
	}
	if diff := cmp.Diff(wantClusters, news.Clusters); diff != "" {
		t.Errorf("clusters (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]model.TokenSpan{{Start: 0, End: 3}, {Start: 3, End: 5}, {Start: 5, End: 8}, {Start: 8, End: 9}}, news.Sentences); diff != "" {
		t.Errorf("sentences (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]model.TokenSpan{{Start: 0, End: 3}, {Start: 3, End: 5}, {Start: 5, End: 8}, {Start: 8, End: 9}}, news.Paragraphs); diff != "" {
		t.Errorf("paragraphs, one per part without its own (-want +got):\n%s", diff)
	}
	if docs[0].Tokens[2].SpaceAfter {
		t.Error("joining changed a part")
	}
}
