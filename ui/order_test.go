package ui

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// byConfidence is the index of the confidence order in orders.
var byConfidence = slices.IndexFunc(orders, func(o orderKind) bool { return o.name == "confidence" })

// wordsAndFindings is a text of n words of six bytes, "w0000 w0001 …",
// and findings over two words in three, with confidences of few values
// (so many are equal, and text order decides) and a proposal each. Every
// third word is left for marks.
func wordsAndFindings(rng *rand.Rand, n int) (*model.Document, []model.Finding) {
	var b strings.Builder
	var fs []model.Finding
	confs := []float64{0, 0.25, 0.5, 0.5, 0.75, 1}
	for i := range n {
		if i%3 != 2 {
			fs = append(fs, model.Finding{ID: fmt.Sprintf("f%04d", len(fs)+1), Start: b.Len(), End: b.Len() + 5,
				Category: model.Categories[rng.IntN(len(model.Categories))], Rule: "test",
				Confidence: confs[rng.IntN(len(confs))], Proposals: []model.Proposal{{Text: "fix"}}})
		}
		fmt.Fprintf(&b, "w%04d ", i)
	}
	return model.NewDocument("words", "words.txt", b.String()), fs
}

// wantOrder is the confidence order sorted from scratch, as n walked it
// before it was kept up to date: the most confident first, text order
// among equals.
func wantOrder(a *model.Annotation) []int {
	idx := make([]int, a.Len())
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(x, y int) int { return cmp.Compare(a.Span(y).Confidence, a.Span(x).Confidence) })
	return idx
}

// wantNext is where n (dir 1) or p (dir -1) goes by confidence among the
// kinds want, from span focus (-1 for none), walking the order sorted
// from scratch; -1 for nowhere.
func wantNext(a *model.Annotation, focus, dir int, want model.Kinds) int {
	order := wantOrder(a)
	n := len(order)
	at := -1
	switch {
	case focus >= 0:
		at = slices.Index(order, focus)
	case dir < 0:
		at = n
	}
	for k := 1; k <= n; k++ {
		j := order[((at+dir*k)%n+n)%n]
		if s := a.Span(j); model.KindOf(&s)&want != 0 {
			return j
		}
	}
	return -1
}

// checkRank fails unless m's rank is r, kept up to date rather than
// built again, and holds every span in the order sorted from scratch
// with its kind; and n and p from random spans go where that order says.
func checkRank(t *testing.T, rng *rand.Rand, m *Model, r *rank, step string) {
	t.Helper()
	if got := m.ranked(); got != r {
		t.Fatalf("%s: the rank was built again, not kept up to date", step)
	}
	want := wantOrder(m.a)
	if len(r.es) != len(want) {
		t.Fatalf("%s: the rank holds %d spans, the annotation %d", step, len(r.es), len(want))
	}
	for p, i := range want {
		s := m.a.Span(i)
		if e := r.es[p]; int(e.span) != i || e.key != s.Confidence || e.kind != model.KindOf(&s) {
			t.Fatalf("%s: place %d holds span %d (key %v, kind %x), want %d (%v, %x)", step, p, e.span, e.key, e.kind, i, s.Confidence, model.KindOf(&s))
		}
	}
	focus := m.focus
	defer func() { m.focus = focus }()
	for range 5 {
		m.focus = rng.IntN(m.a.Len()+1) - 1
		dir := []int{-1, 1}[rng.IntN(2)]
		f := filters[rng.IntN(len(filters))]
		if got, want := m.nextIn(dir, f.kinds), wantNext(m.a, m.focus, dir, f.kinds); got != want {
			t.Fatalf("%s: from span %d, dir %d, filter %s: n goes to %d, want %d", step, m.focus, dir, f.name, got, want)
		}
	}
}

// change makes a random change of the kinds the editor makes: a
// decision, a mark, its removal, an undo or a redo. It reports what it
// did.
func change(rng *rand.Rand, a *model.Annotation) string {
	i := rng.IntN(max(a.Len(), 1))
	switch rng.IntN(8) {
	case 0:
		w := 3*rng.IntN(len(a.Doc.Text)/18) + 2 // a word left for marks
		if _, err := a.AddManual(6*w, 6*w+5, model.Overwrite); err == nil {
			return fmt.Sprintf("mark at %d", 6*w)
		}
	case 1:
		if a.Len() > 0 && a.Span(i).Origin == model.FromManual && a.Remove(i) == nil {
			return fmt.Sprintf("remove %d", i)
		}
	case 2, 3:
		if _, err := a.Undo(); err == nil {
			return "undo"
		}
	case 4:
		if _, err := a.Redo(); err == nil {
			return "redo"
		}
	}
	if a.Len() == 0 {
		return "nothing"
	}
	switch rng.IntN(4) {
	case 0:
		_ = a.Reject(i)
	case 1:
		_ = a.Accept(i, 0)
	case 2:
		_ = a.Edit(i, "typed")
	default:
		_ = a.Reset(i)
	}
	return fmt.Sprintf("decide %d", i)
}

// TestRankFollowsChanges: the confidence order n walks stays the one a
// sort from scratch gives through marks, their undo and redo, removals
// and decisions, checked now and then (so that some changes come while
// marks wait to be put in place).
func TestRankFollowsChanges(t *testing.T) {
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 16))
		doc, fs := wordsAndFindings(rng, 300)
		a, err := model.NewAnnotation(doc, fs, model.FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		m := New(a, displayOnly("words.corefix.json"), Options{})
		m.order = byConfidence
		r := m.ranked()
		var did []string
		for step := range 400 {
			did = append(did, change(rng, a))
			if rng.IntN(4) == 0 || step == 399 {
				checkRank(t, rng, m, r, fmt.Sprintf("seed %d, after %s", seed, strings.Join(did, ", ")))
				did = did[:0]
			}
		}
	}
}

// TestRankFollowsFindingsArriving: while the detectors find the spans
// region by region, in any order, the order kept from the first n on is
// the one a sort from scratch gives, decisions and undo between regions
// included.
func TestRankFollowsFindingsArriving(t *testing.T) {
	for seed := range uint64(5) {
		rng := rand.New(rand.NewPCG(seed, 17))
		doc, fs := wordsAndFindings(rng, 600)
		a, err := model.NewAnnotation(doc, nil, model.FromDetector)
		if err != nil {
			t.Fatal(err)
		}
		m := New(a, displayOnly("words.corefix.json"), Options{})
		m.order = byConfidence
		r := m.ranked()
		regions := make([][]model.Finding, 12)
		for _, f := range fs {
			k := f.Start * len(regions) / len(doc.Text)
			regions[k] = append(regions[k], f)
		}
		for n, k := range rng.Perm(len(regions)) {
			if err := a.AddFound(regions[k], model.FromDetector); err != nil {
				t.Fatal(err)
			}
			step := fmt.Sprintf("seed %d, region %d (%d in)", seed, k, n+1)
			if rng.IntN(2) == 0 {
				step += ", after " + change(rng, a) + ", " + change(rng, a)
			}
			if rng.IntN(3) > 0 {
				checkRank(t, rng, m, r, step)
			}
		}
		checkRank(t, rng, m, r, fmt.Sprintf("seed %d, every region in", seed))
	}
}

// TestRankWhileFindingsArrive: by confidence while the regions come in,
// the background does not build the rank (it would be stale when in); n
// builds it, and it is kept up to date as the regions come.
func TestRankWhileFindingsArrive(t *testing.T) {
	rng := rand.New(rand.NewPCG(2, 19))
	doc, fs := wordsAndFindings(rng, 300)
	a, err := model.NewAnnotation(doc, nil, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	cuts := []int{0}
	for k := 1; k < 5; k++ {
		cuts = append(cuts, fs[k*len(fs)/5].Start)
	}
	det := &regionsOf{fs: fs, cuts: append(cuts, len(doc.Text))}
	m := New(a, displayOnly("words.corefix.json"), Options{Detect: det, Origin: model.FromDetector})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 20})
	if _, cmd := m.Update(keyMsg("o")); cmd != nil || m.ranking != nil {
		t.Fatalf("o while the spans are found starts building the rank")
	}
	cmd := detectionStep(m, m.detectGo()) // the pass
	var r *rank
	for cmd != nil {
		cmd = detectionStep(m, cmd) // a region
		from := m.focus
		want := wantNext(m.a, from, 1, model.StatusKinds(model.Pending))
		press(t, m, "n")
		if m.focus != want {
			t.Fatalf("%d spans in: n from %d goes to %d, want %d", m.a.Len(), from, m.focus, want)
		}
		if r == nil {
			r = m.rank
		} else if m.rank != r {
			t.Fatalf("%d spans in: the rank was built again, not kept up to date", m.a.Len())
		}
	}
	if m.detect != nil || m.a.Len() != len(fs) {
		t.Fatalf("the detection did not end: %d of %d spans", m.a.Len(), len(fs))
	}
	checkRank(t, rng, m, r, "every region in")
}

// rankedIn runs cmd and returns the rank it built in the background.
func rankedIn(t *testing.T, cmd tea.Cmd) rankedMsg {
	t.Helper()
	if cmd != nil {
		switch msg := cmd().(type) {
		case rankedMsg:
			return msg
		case tea.BatchMsg:
			for _, c := range msg {
				if c != nil {
					if msg, ok := c().(rankedMsg); ok {
						return msg
					}
				}
			}
		}
	}
	t.Fatal("no rank built in the background")
	return rankedMsg{}
}

// TestRankInBackground: the rank is built in the background once the
// spans are there (o asks for it when it is not), and taken only when
// it is still the spans' order: not after a change since its snapshot
// (another is built then), not for another document, not over the one a
// key built meanwhile.
func TestRankInBackground(t *testing.T) {
	t.Run("after the first frame", func(t *testing.T) {
		m := newTestModel(t, 80, 24)
		msg := rankedIn(t, m.detectGo())
		if m.rank != nil || m.ranking != m.art {
			t.Fatalf("detectGo: rank %p, building for the article %v; want none yet, being built", m.rank, m.ranking == m.art)
		}
		if _, cmd := m.Update(keyMsg("o")); cmd != nil {
			t.Errorf("o while the rank is being built builds another")
		}
		m.Update(msg)
		if m.rank != msg.r || m.ranking != nil {
			t.Fatalf("the rank built in the background is not taken")
		}
		if _, cmd := m.Update(keyMsg("o")); cmd != nil {
			t.Errorf("o with the rank there builds another")
		}
	})
	t.Run("stale", func(t *testing.T) {
		m := newTestModel(t, 80, 24)
		_, cmd := m.Update(keyMsg("o"))
		stale := rankedIn(t, cmd)
		n := m.a.Len()
		press(t, m, "m", "enter", "esc") // a mark: the snapshot misses a span
		if m.a.Len() != n+1 {
			t.Fatalf("m enter did not mark: %q", m.bar.msg)
		}
		_, cmd = m.Update(stale)
		if m.rank != nil {
			t.Fatalf("a rank of the spans before a mark is taken")
		}
		fresh := rankedIn(t, cmd)
		m.Update(fresh)
		if m.rank != fresh.r {
			t.Fatalf("the rank built again is not taken")
		}
		checkRank(t, rand.New(rand.NewPCG(3, 20)), m, fresh.r, "after a mark")
	})
	t.Run("another document", func(t *testing.T) {
		m := newTestModel(t, 80, 24)
		_, cmd := m.Update(keyMsg("o"))
		old := rankedIn(t, cmd)
		m.setArticle(m.a) // as a dataset's next document is shown
		if _, cmd := m.Update(old); cmd != nil || m.rank != nil {
			t.Fatalf("the rank of the article before is taken (or another built)")
		}
		m.Update(rankedIn(t, m.rankCmd()))
		if m.rank == nil {
			t.Fatalf("the rank of the new article is not built")
		}
	})
	t.Run("a key first", func(t *testing.T) {
		m := newTestModel(t, 80, 24)
		_, cmd := m.Update(keyMsg("o"))
		late := rankedIn(t, cmd)
		from := m.focus
		want := wantNext(m.a, from, 1, model.StatusKinds(model.Pending))
		m.Update(keyMsg("n")) // before the background's rank is in
		if m.focus != want || m.rank == nil {
			t.Fatalf("n before the rank is in goes from %d to %d (rank %p), want %d", from, m.focus, m.rank, want)
		}
		r := m.rank
		m.Update(late)
		if m.rank != r {
			t.Fatalf("the rank built in the background replaced the one n built and kept up to date")
		}
	})
}
