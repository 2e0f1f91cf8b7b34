package detect

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"corefix/model"
)

// regionTexts are the repository's articles: the damaged GUM texts, the
// varied benchmark texts (drifting and clean) and the seed article.
func regionTexts(t testing.TB) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, pat := range []string{"../../testdata/gum/drift/*[a-z].txt", "../../testdata/varied/*.txt", "../../testdata/cnn-sessions.txt"} {
		paths, err := filepath.Glob(pat)
		if err != nil || len(paths) == 0 {
			t.Fatalf("%s: no texts (%v)", pat, err)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			out[filepath.Base(p)] = string(data)
		}
	}
	return out
}

// regionFindings finds every region of r, in the given order of
// regions, and returns the findings in text order with Detect's IDs.
func regionFindings(t *testing.T, r *Regions, order []int) []model.Finding {
	t.Helper()
	byRegion := make([][]model.Finding, r.Len())
	for _, k := range order {
		fs := r.Find(k)
		start, end := r.Bounds(k)
		for _, f := range fs {
			if f.Start < start || f.End > end {
				t.Fatalf("region %d [%d, %d): finding [%d, %d) outside it", k, start, end, f.Start, f.End)
			}
		}
		byRegion[k] = fs
	}
	var all []model.Finding
	for _, fs := range byRegion {
		all = append(all, fs...)
	}
	for i := range all {
		all[i].ID = FindingID(i + 1)
	}
	return all
}

// sameFindings fails t unless the regions' findings are Detect's: the
// same spans, confidences, proposals and IDs.
func sameFindings(t *testing.T, name string, got, want []model.Finding) {
	t.Helper()
	if len(got) == 0 && len(want) == 0 || reflect.DeepEqual(got, want) {
		return
	}
	n := min(len(got), len(want))
	for i := range n {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Fatalf("%s: %d findings by region, %d whole; the first that differs, #%d:\nregions %+v\nwhole   %+v", name, len(got), len(want), i, got[i], want[i])
		}
	}
	t.Fatalf("%s: %d findings by region, %d whole", name, len(got), len(want))
}

// orders lists the regions first to last, last to first, and from the
// middle outwards, as an editor asks for them (the screen first).
func orders(n int) map[string][]int {
	fwd, back, mid := make([]int, n), make([]int, n), make([]int, 0, n)
	for k := range n {
		fwd[k], back[k] = k, n-1-k
	}
	for d := 0; len(mid) < n; d++ {
		if k := n/2 + d; k < n {
			mid = append(mid, k)
		}
		if k := n/2 - d - 1; k >= 0 {
			mid = append(mid, k)
		}
	}
	return map[string][]int{"forward": fwd, "backward": back, "middle out": mid}
}

// TestRegionsAreDetect checks that the findings of every region, found
// in any order, are exactly Detect's, on the repository's articles cut
// into small regions (a few sentences each, so that every article has
// many borders). -short (the race detector's run, a hundred times
// slower here) takes the seed article and the damaged GUM texts, in one
// order.
func TestRegionsAreDetect(t *testing.T) {
	for name, text := range regionTexts(t) {
		if testing.Short() && !strings.HasPrefix(name, "GUM_") && name != "cnn-sessions.txt" {
			continue
		}
		doc := model.NewDocument(name, "", text)
		want := detectWhole(doc, DefaultParams())
		for oname, order := range orders(newRegions(doc, DefaultParams(), 512, nil).Len()) {
			if testing.Short() && oname != "middle out" {
				continue
			}
			r := newRegions(model.NewDocument(name, "", text), DefaultParams(), 512, nil)
			if r.Len() < 2 {
				t.Fatalf("%s: %d region in %d bytes", name, r.Len(), len(text))
			}
			sameFindings(t, name+" "+oname, regionFindings(t, r, order), want)
		}
	}
}

// TestRegionsLongDocument checks it on one long article (every text of
// the repository in a row, over 200 KB) cut as the editor cuts it.
func TestRegionsLongDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("a long article: -short skips it")
	}
	texts := regionTexts(t)
	var b strings.Builder
	for _, name := range sortedKeys(texts) {
		b.WriteString(texts[name])
		b.WriteString("\n\n")
	}
	doc := model.NewDocument("long", "", b.String())
	want := detectWhole(doc, DefaultParams())
	var steps []string
	r := NewRegions(model.NewDocument("long", "", b.String()), DefaultParams(), func(what string, k, n int) {
		steps = append(steps, fmt.Sprintf("%d/%d %s", k, n, what))
	})
	n := len(Detectors(DefaultParams())) + 3 // words, phrases, each rule, pronouns
	if len(steps) != n || steps[0] != fmt.Sprintf("1/%d words", n) || steps[n-1] != fmt.Sprintf("%d/%d pronouns", n, n) {
		t.Errorf("the pass reported the steps %q; want %d, words first and pronouns last", steps, n)
	}
	if r.Len() < 3 {
		t.Fatalf("%d regions in %d bytes", r.Len(), len(doc.Text))
	}
	sameFindings(t, "long", regionFindings(t, r, orders(r.Len())["middle out"]), want)
}

// TestDetectWithLongText checks that DetectWith, which judges a text
// beyond wholeBytes region by region, finds what one pass over the
// whole text finds.
func TestDetectWithLongText(t *testing.T) {
	if testing.Short() {
		t.Skip("a text over wholeBytes: -short skips it")
	}
	texts := regionTexts(t)
	var b strings.Builder
	for round := 0; b.Len() <= wholeBytes; round++ {
		for _, name := range sortedKeys(texts) {
			fmt.Fprintf(&b, "%s\n\n%d\n\n", texts[name], round)
		}
	}
	doc := model.NewDocument("long", "", b.String())
	want := detectWhole(doc, DefaultParams())
	if len(want) < 1000 {
		t.Fatalf("%d findings in %d bytes: too few to compare", len(want), b.Len())
	}
	sameFindings(t, "long", DetectWith(model.NewDocument("long", "", b.String()), DefaultParams()), want)
	// DetectEach hands them over a region at a time and stops at the
	// first error.
	stop, calls := errors.New("stop"), 0
	err := DetectEach(model.NewDocument("long", "", b.String()), DefaultParams(), func([]model.Finding) error {
		calls++
		return stop
	})
	if err != stop || calls != 1 {
		t.Errorf("DetectEach returned %v after %d calls, want the error after 1", err, calls)
	}
}

// TestRegionsHandRules checks that without a judge the text is one
// region, with the hand rules' findings.
func TestRegionsHandRules(t *testing.T) {
	text := regionTexts(t)["cnn-sessions.txt"]
	r := NewRegions(model.NewDocument("cnn", "", text), HandParams(), nil)
	if r.Len() != 1 {
		t.Fatalf("%d regions without a judge, want 1", r.Len())
	}
	sameFindings(t, "hand rules", regionFindings(t, r, []int{0}), DetectWith(model.NewDocument("cnn", "", text), HandParams()))
}

// Regions hold no finding of the recurring rule: its copies, of the
// recurring mentions and the confirmed ones, are numbers whose findings a
// window makes (copyEntry), and TestRegionsAreDetect checks they are the
// findings a whole pass makes.
func TestRegionsHoldNoCopyFindings(t *testing.T) {
	confirmed := 0
	for name, text := range regionTexts(t) {
		r := newRegions(model.NewDocument(name, "", text), DefaultParams(), 512, nil)
		for n, d := range Detectors(DefaultParams()) {
			if _, ok := d.(Recurring); ok && len(r.seeds.found[n]) > 0 {
				t.Errorf("%s: the regions hold %d findings of %s", name, len(r.seeds.found[n]), d.Name())
			}
		}
		confirmed += len(r.a.confirmedSpans())
	}
	if confirmed == 0 {
		t.Fatal("no text with a confirmed copy: nothing checked")
	}
}

func sortedKeys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// The regions start at the first token, about size bytes on from the
// last start, that no span of a mention, a recurring pronoun or a hand
// finding blocks: checked against every span's tokens marked one by one.
func TestCutsAreFirstFree(t *testing.T) {
	texts := regionTexts(t)
	var b strings.Builder
	for _, name := range sortedKeys(texts) {
		b.WriteString(texts[name])
		b.WriteString("\n\n")
	}
	const size = 512
	r := newRegions(model.NewDocument("long", "", b.String()), DefaultParams(), size, nil)
	toks := r.a.toks
	covered := make([]bool, len(toks)+2)
	mark := func(from, to int) {
		for k := from; k <= to; k++ {
			covered[k] = true
		}
	}
	for _, m := range r.a.mentions() {
		mark(m.i+1, m.j+1)
	}
	for _, p := range r.seeds.repeats {
		mark(int(p.i)+1, int(p.i)+1)
	}
	inside := 0
	for n, hs := range r.seeds.hand {
		for _, h := range hs {
			from := int(h.i) + 1
			if start, _ := r.seeds.entry(n, h).span(r.a); start < int(toks[h.i].Start) {
				from--
				inside++
			}
			mark(from, int(h.j)+1)
		}
	}
	var want []int
	next := size
	for k := range toks {
		if start := int(toks[k].Start); k > 0 && start >= next && !covered[k] {
			want = append(want, k)
			next = start + size
		}
	}
	got := r.cuts[1 : len(r.cuts)-1]
	if len(got) < 10 || !slices.Equal(got, want) {
		t.Errorf("%d cuts %v…, want %d %v…", len(got), got[:min(8, len(got))], len(want), want[:min(8, len(want))])
	}
	t.Logf("%d cuts, %d hand spans starting inside a token", len(got), inside)
}
