package resolve

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"corefix/annotate/lexicon"
	"corefix/model"
)

// TestResolveGUMFull resolves every document of the shared GUM CoNLL-U
// release with its gold clusters, where this machine has it, and checks
// what the README promises: the output keeps every byte outside the
// replaced mentions, in order; every possessive pronoun replaced (by
// the lexicon or by its tag PRP$, as GUM's typo "It's Persian Gardens")
// ends in ’s or ’.
func TestResolveGUMFull(t *testing.T) {
	const shared = "/work/shared/data/gum-full/conllu" // the project's shared material, where this machine keeps it
	paths, _ := filepath.Glob(filepath.Join(shared, "*.conllu"))
	if len(paths) == 0 {
		t.Skip("no shared GUM data on this machine")
	}
	possessiveEnd := regexp.MustCompile(`[^’'](’s|'s|’|')$`)
	var docs, subs, possessives, tokens int
	for _, p := range paths {
		cds, err := model.ReadClusterFile(p, model.ClustersAuto)
		if err != nil {
			t.Fatal(err)
		}
		for _, cd := range cds {
			text, _ := cd.OwnText()
			ct, err := cd.Match(text, p, p)
			if err != nil {
				t.Fatal(err)
			}
			res := Resolve(ct, Options{})
			docs++
			tokens += len(model.Tokenize(text))
			var replaced []model.Range
			w := NewWords(ct.Doc)
			for _, pc := range res.Pieces {
				if !pc.Changed() {
					continue
				}
				subs++
				replaced = append(replaced, model.Range{Start: ct.Words[pc.Lo].Start, End: ct.Words[pc.Hi-1].End})
				m := res.Subs[pc.Sub].Target
				if m.Len() == 1 && (w.Class(m.Start) == lexicon.Poss && w.Possessive(m) || ct.Doc.Tokens[m.Start].XPOS == "PRP$") {
					possessives++
					if written := res.Subs[pc.Sub].Text; !possessiveEnd.MatchString(written) {
						t.Errorf("%s: possessive %q replaced by %q", cd.ID, wordsText(ct, m), written)
					}
				}
			}
			if lost := lostText(text, res.Text, replaced); lost != "" {
				t.Errorf("%s: the text outside the replaced mentions is not all in the output, in order: %q", cd.ID, lost)
			}
		}
	}
	t.Logf("%d documents, %d tokens: %d substitutions, %d of possessive pronouns; no token outside them lost or moved", docs, tokens, subs, possessives)
}

// lostText checks that out holds every stretch of in outside the ranges
// replaced, in order, the first at its start and the last at its end —
// what aligning the two texts must find when nothing else changed — and
// returns the first stretch it cannot place, "" when all are there.
// Finding each stretch at its earliest place after the one before finds
// such an alignment whenever one exists.
func lostText(in, out string, replaced []model.Range) string {
	var stretches []string
	prev := 0
	for _, r := range replaced {
		stretches = append(stretches, in[prev:r.Start])
		prev = r.End
	}
	stretches = append(stretches, in[prev:])
	if !strings.HasPrefix(out, stretches[0]) || !strings.HasSuffix(out, stretches[len(stretches)-1]) {
		return "the first or last stretch"
	}
	pos := len(stretches[0])
	last := len(out) - len(stretches[len(stretches)-1])
	for _, s := range stretches[1 : len(stretches)-1] {
		k := strings.Index(out[pos:], s)
		if k < 0 || pos+k+len(s) > last {
			return s
		}
		pos += k + len(s)
	}
	if pos > last {
		return "the last stretch"
	}
	return ""
}

// TestLostText: the check finds a word lost, one moved and the text
// outside the mentions kept.
func TestLostText(t *testing.T) {
	replaced := []model.Range{{Start: 2, End: 4}} // "he" in "a he c d"
	for _, tc := range []struct{ out, want string }{
		{"a Jeff Sessions c d", ""},
		{"a Jeff Sessions d", "the first or last stretch"},
		{"a c Jeff Sessions d", "the first or last stretch"},
	} {
		if got := lostText("a he c d", tc.out, replaced); got != tc.want {
			t.Errorf("lostText(%q) = %q, want %q", tc.out, got, tc.want)
		}
	}
	two := []model.Range{{Start: 2, End: 4}, {Start: 7, End: 10}} // "he" and "his" in "a he c his e"
	if got := lostText("a he c his e", "a X e Y c e", two); got != " c " {
		t.Errorf("a stretch moved: %q, want \" c \"", got)
	}
}
