package align

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"corefix/model"
)

// clustersOn matches clusters given as word spans onto text, whose words
// are separated by single spaces.
func clustersOn(t *testing.T, text string, clusters ...[]model.TokenSpan) *model.CorefText {
	t.Helper()
	cd := &model.ClusterDoc{CorefDocument: &model.CorefDocument{ID: "t"}}
	for _, w := range strings.Fields(text) {
		cd.Tokens = append(cd.Tokens, model.CorefToken{Form: w, SpaceAfter: true})
	}
	for _, c := range clusters {
		cd.Clusters = append(cd.Clusters, model.CorefCluster{Mentions: c})
	}
	ct, err := cd.Match(text, "orig", "clusters")
	if err != nil {
		t.Fatal(err)
	}
	return ct
}

// The seed's bug on a sentence worked out by hand: "The envoy" (two
// words) is replaced first and shrinks the list by one, so "he" lands on
// "asked".
func TestWithClustersDrift(t *testing.T) {
	const orig = "The Russian envoy met Jeff Sessions . The envoy said he asked nothing ."
	const resolved = "The Russian envoy met Jeff Sessions . The Russian envoy said he Jeff Sessions nothing ."
	ct := clustersOn(t, orig,
		[]model.TokenSpan{{Start: 0, End: 3}, {Start: 7, End: 9}},
		[]model.TokenSpan{{Start: 4, End: 6}, {Start: 10, End: 11}})
	fs, replayed, err := WithClusters(model.NewDocument("o", "", orig), model.NewDocument("r", "", resolved), ct)
	if err != nil || !replayed {
		t.Fatalf("replayed %v, error %v", replayed, err)
	}
	at := func(s string) int { return strings.Index(resolved, s) }
	str := func(s string) *string { return &s }
	want := []model.Finding{{
		ID: "f0001", Start: at("The Russian envoy said"), End: at(" said"), Category: model.Substitution, Rule: "align", Confidence: 0.3,
		Message:   `"The envoy" replaced by its representative: check that it names the right entity`,
		Proposals: []model.Proposal{{Text: "The envoy", Note: "restore the original words"}}, Original: str("The envoy"),
	}, {
		ID: "f0002", Start: at("he Jeff"), End: at(" nothing"), Category: model.Overwrite, Rule: "align", Confidence: 1,
		Message: `"Jeff Sessions" was meant for "he" but written over "asked"`,
		Proposals: []model.Proposal{{Text: "he asked", Note: "restore the original words"},
			{Text: "Jeff Sessions asked", Note: "keep the resolution at its mention, give the lost words back"}},
		Original: str("he asked"),
	}}
	if diff := cmp.Diff(want, fs); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	// Every first proposal applied gives the original back.
	var b strings.Builder
	last := 0
	for _, f := range fs {
		b.WriteString(resolved[last:f.Start] + f.Proposals[0].Text)
		last = f.End
	}
	if got := b.String() + resolved[last:]; got != orig {
		t.Errorf("first proposals applied:\n%s\nwant\n%s", got, orig)
	}
}

// A text no pipeline writes from the clusters is explained by the
// alignment alone.
func TestWithClustersFallback(t *testing.T) {
	const orig = "The Russian envoy met Jeff Sessions . The envoy said he asked nothing ."
	const edited = "The Russian envoy met Jeff Sessions . The diplomat said he asked nothing ."
	ct := clustersOn(t, orig, []model.TokenSpan{{Start: 0, End: 3}, {Start: 7, End: 9}})
	o, d := model.NewDocument("o", "", orig), model.NewDocument("r", "", edited)
	fs, replayed, err := WithClusters(o, d, ct)
	if err != nil || replayed {
		t.Fatalf("replayed %v, error %v", replayed, err)
	}
	aligned, err := Align(o, d)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(aligned, fs); diff != "" {
		t.Errorf("findings are not the alignment's (-align +got):\n%s", diff)
	}
}

// Untagged "her" before no content word is most likely the object: the
// replay flags it just above the line, and a representative with ’s
// written over it is a change of form.
func TestWithClustersHer(t *testing.T) {
	const orig = "Ann 's sister met Kim . Kim thanked her ."
	for _, tc := range []struct {
		resolved string
		rep      model.TokenSpan
		category model.Category
		conf     float64
	}{
		{"Ann 's sister met Kim . Kim thanked Ann 's sister .", model.TokenSpan{Start: 0, End: 3}, model.Possessive, 0.55},
		{"Ann 's sister met Kim . Kim thanked Ann 's .", model.TokenSpan{Start: 0, End: 2}, model.Other, 1},
	} {
		ct := clustersOn(t, orig, []model.TokenSpan{tc.rep, {Start: 8, End: 9}})
		fs, replayed, err := WithClusters(model.NewDocument("o", "", orig), model.NewDocument("r", "", tc.resolved), ct)
		if err != nil || !replayed || len(fs) != 1 {
			t.Fatalf("%q: replayed %v, error %v, findings %+v", tc.resolved, replayed, err, fs)
		}
		if fs[0].Category != tc.category || fs[0].Confidence != tc.conf || fs[0].Proposals[0].Text != "her" {
			t.Errorf("%q: %s %v %q, want %s %v restoring \"her\"", tc.resolved, fs[0].Category, fs[0].Confidence, fs[0].Proposals[0].Text, tc.category, tc.conf)
		}
	}
}
