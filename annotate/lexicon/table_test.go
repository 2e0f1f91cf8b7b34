package lexicon

import (
	"strings"
	"testing"
)

// TestTableLikeMap checks a table against the map it was built from, for
// every key of the shipped lists and variants of it in other cases, with
// a non-ASCII letter, and cut short: get must answer as m[w] and getLower
// as m[strings.ToLower(w)].
func TestTableLikeMap(t *testing.T) {
	m := make(map[string]Gender)
	for w, g := range genders() {
		m[w] = g
	}
	for w, c := range lexicon() {
		m[w] = Gender(c) // any values will do
	}
	tb := newTable(m)
	n := 0
	for w := range m {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w + "é", "É" + w, w[:len(w)/2], w + "s"} {
			want, wok := m[v]
			if got, ok := tb.get(v); got != want || ok != wok {
				t.Fatalf("get(%q) = %v, %v; want %v, %v", v, got, ok, want, wok)
			}
			want, wok = m[strings.ToLower(v)]
			if got, ok := tb.getLower(v); got != want || ok != wok {
				t.Fatalf("getLower(%q) = %v, %v; want %v, %v", v, got, ok, want, wok)
			}
			n++
		}
	}
	if _, ok := tb.get(""); ok {
		t.Error("the empty word is found")
	}
	if n < 1000 {
		t.Errorf("only %d words checked", n)
	}
}

// TestSmallTablesLikeMaps checks the table of each word set of
// words.txt, most of them a few words whose first bytes rule out most
// others, against its map for the words of every set in several cases:
// get must answer as m[w] and getLower as m[strings.ToLower(w)].
func TestSmallTablesLikeMaps(t *testing.T) {
	lists := map[string]map[string]struct{}{}
	var all []string
	classLines(wordsTxt, func(class string, words []string) {
		if lists[class] == nil {
			lists[class] = map[string]struct{}{}
		}
		for _, w := range words {
			lists[class][w] = struct{}{}
			all = append(all, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], "x"+w, w[1:])
		}
	})
	for class, m := range lists {
		tb := newTable(m)
		for _, v := range append(all, "", "É", "é") {
			_, wok := m[v]
			if _, ok := tb.get(v); ok != wok {
				t.Fatalf("%s: get(%q) = %v, want %v", class, v, ok, wok)
			}
			_, wok = m[strings.ToLower(v)]
			if _, ok := tb.getLower(v); ok != wok {
				t.Fatalf("%s: getLower(%q) = %v, want %v", class, v, ok, wok)
			}
		}
	}
	if len(lists) < 20 {
		t.Errorf("only %d word sets checked", len(lists))
	}
}

// TestGenderOfWord: the table's answer is the map's.
func TestGenderOfWord(t *testing.T) {
	for _, w := range []string{"Jeff", "jeff", "MOTHER", "women", "Fiancée", "table", ""} {
		want, wok := LookupLower(Genders(), w)
		if got, ok := GenderOfWord(w); got != want || ok != wok {
			t.Errorf("GenderOfWord(%q) = %v, %v; want %v, %v", w, got, ok, want, wok)
		}
	}
}
