package ui

import (
	"fmt"
	"math"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"corefix/model"
)

// wholeFind is the search as it was before hunts: the whole text folded at
// once, the first match at or after from, else the first from the start.
func wholeFind(text, query string, from int) int {
	lower := func(s string) string {
		b := []byte(s)
		for i, c := range b {
			if 'A' <= c && c <= 'Z' {
				b[i] = c + 32
			}
		}
		return string(b)
	}
	folded, q := lower(text), lower(query)
	if from <= len(folded) {
		if j := strings.Index(folded[from:], q); j >= 0 {
			return from + j
		}
	}
	return strings.Index(folded, q)
}

// TestHuntFindsWhatWholeFindFinds: folded a few bytes at a time, looking at
// a few places per step, a hunt finds the match the whole text searched
// at once finds: after from, else wrapping round to the start, in texts
// with multi-byte runes, matches across chunks and overlapping ones.
func TestHuntFindsWhatWholeFindFinds(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "A", "b", "B", "ab", " ", "é", "É", "’"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		return b.String()
	}
	for trial := range 3000 {
		text, query := word(r.IntN(40)), word(1+r.IntN(3))
		from := r.IntN(len(text) + 2)
		chunk, limit := 1+r.IntN(8), 1+r.IntN(10)
		if trial%5 == 0 {
			limit = math.MaxInt
		}
		want := wholeFind(text, query, from)
		h := newHunt(text, query, from)
		h.chunk = chunk
		got, over, steps := -1, false, 0
		for !over {
			got, over = h.step(limit)
			if steps++; steps > len(text)+2 {
				t.Fatalf("%q in %q from %d: the hunt never ends", query, text, from)
			}
		}
		if got != want {
			t.Fatalf("%q in %q from %d (chunk %d, %d a step): found %d, want %d", query, text, from, chunk, limit, got, want)
		}
	}
}

// TestHuntGoesRound: searching again from after each match visits every
// match of the text in order, then starts again from the first.
func TestHuntGoesRound(t *testing.T) {
	text := "The cat. the CAT, tHe end; theTHE"
	var got []int
	at := len(text) - 3 // the last "THE", first of the round
	for range 6 {
		h := newHunt(text, "the", at+1)
		h.chunk = 4
		at, _ = h.step(math.MaxInt)
		got = append(got, at)
	}
	if want := fmt.Sprint([]int{0, 9, 18, 27, 30, 0}); fmt.Sprint(got) != want {
		t.Errorf("matches %v, want %s", got, want)
	}
}

// farText is an article whose only "needle" lies far past what a key
// searches, with "haystack" before it and lines to wrap, and a "thread"
// far after it.
func farText() (text string, needle int) {
	line := "Haystack of words, line after line, with nothing to find.\n"
	before := strings.Repeat(line, 3*searchKeyBytes/len(line))
	return before + "The needle is here.\n" + strings.Repeat(line, 100) + "A thread.\n" + strings.Repeat(line, 10), len(before) + len("The ")
}

// farModel is an editor at 80x24 on farText, with findings on its first
// word and on the needle.
func farModel(t *testing.T) (*Model, int) {
	t.Helper()
	text, needle := farText()
	fs := []model.Finding{
		{ID: "f1", Start: 0, End: len("Haystack"), Category: model.Other, Confidence: 0.9},
		{ID: "f2", Start: needle, End: needle + len("needle"), Category: model.Other, Confidence: 0.9},
	}
	a, err := model.NewAnnotation(model.NewDocument("far", "far.txt", text), fs, model.FromDetector)
	if err != nil {
		t.Fatal(err)
	}
	m := New(a, openWorkfile(t, filepath.Join(t.TempDir(), "far.corefix.json")), Options{})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	return m, needle
}

// search types query into a search and presses enter, returning enter's
// Cmd unrun.
func search(t *testing.T, m *Model, query string) tea.Cmd {
	t.Helper()
	press(t, m, "/")
	typeText(t, m, query)
	_, cmd := m.Update(keyMsg("enter"))
	return cmd
}

// TestSearchFarFindsInTheBackground: a match past what a key searches is
// found by the Cmd the key returns, and shown, from after it or from the
// end (wrapping round to it), and so is its absence.
func TestSearchFarFindsInTheBackground(t *testing.T) {
	m, needle := farModel(t)
	cmd := search(t, m, "NEEDLE")
	if cmd == nil || m.art.match[0] == needle {
		t.Fatal("the key searched the whole text")
	}
	run(m, cmd, &result{})
	if m.search.match != needle || m.art.match != [2]int{needle, needle + len("needle")} {
		t.Fatalf("found %d (highlight %v), want %d", m.search.match, m.art.match, needle)
	}
	if vs, ve := m.art.Visible(); needle < vs || needle >= ve {
		t.Errorf("match at %d off screen [%d,%d)", needle, vs, ve)
	}

	press(t, m, "/", "enter") // round the end and the whole text back to it
	if m.search.match != needle || m.bar.isErr {
		t.Errorf("search again found %d (%q), want %d", m.search.match, m.bar.msg, needle)
	}
	press(t, m, "end")
	run(m, search(t, m, "needle is"), &result{}) // from the screen at the end, round to it
	if m.search.match != needle {
		t.Errorf("needle from the end found at %d, want %d", m.search.match, needle)
	}
	run(m, search(t, m, "thimble"), &result{})
	if m.search.match != -1 || !m.bar.isErr {
		t.Errorf("thimble found at %d (%q), want not found", m.search.match, m.bar.msg)
	}
}

// TestSearchFarKeysWait: the keys typed while a search's Cmd runs wait
// for its match, as they would for a match found on the key: r typed
// after enter rejects the finding at the match, not the one focused
// before.
func TestSearchFarKeysWait(t *testing.T) {
	m, _ := farModel(t)
	if focused(m) != "f1" {
		t.Fatalf("opened on %q, want f1", focused(m))
	}
	slow := search(t, m, "needle")
	if slow == nil {
		t.Fatal("the key searched the whole text")
	}
	if _, cmd := m.Update(keyMsg("r")); cmd != nil || m.a.Span(0).Status != model.Pending {
		t.Fatalf("r acted before the match was there: f1 %v", m.a.Span(0).Status)
	}
	run(m, slow, &result{})
	if got := spanByID(t, m.a, "f2").Status; got != model.Rejected || m.a.Span(0).Status != model.Pending {
		t.Errorf("r typed during the search: f1 %v, f2 %v; want f2 rejected", m.a.Span(0).Status, got)
	}
}

// TestSearchFarKeysWaitNoFinding: a key typed during a far search acts as
// if pressed once the match is shown: r with no finding left on screen
// says why it cannot act, rather than nothing.
func TestSearchFarKeysWaitNoFinding(t *testing.T) {
	m, _ := farModel(t)
	slow := search(t, m, "thread")
	m.Update(keyMsg("r"))
	run(m, slow, &result{})
	if m.focus >= 0 || !m.bar.isErr || !strings.HasPrefix(m.bar.msg, "r: ") {
		t.Errorf("r typed during a search that left no finding on screen: focus %d, status %q", m.focus, m.bar.msg)
	}
}

// TestSearchFarForgotten: the match of a search of the document that was
// on screen before is not shown when its Cmd ends.
func TestSearchFarForgotten(t *testing.T) {
	m, _ := farModel(t)
	slow := search(t, m, "needle")
	m.search.forget() // as showing another document does
	run(m, slow, &result{})
	if m.search.match != -1 || m.art.match != [2]int{} {
		t.Errorf("a search of the document before showed its match at %d", m.search.match)
	}
}
