package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"corefix/model"
)

// person-nouns: the data file behind lexicon.PersonNoun, the nouns of
// one word whose most frequent sense in WordNet names a person.

func personNounsCommand() command {
	return command{name: "person-nouns", summary: "build the person nouns' data file from WordNet", run: runPersonNouns}
}

func runPersonNouns(args []string, stdout, stderr io.Writer) error {
	fs := flagSet("person-nouns", stderr)
	dir := fs.String("wordnet", "/usr/share/wordnet", "`folder` of the WordNet 3.0 database (Debian wordnet-base)")
	out := fs.String("out", "annotate/lexicon/personnouns.txt", "data `file` to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	wn, err := model.ReadWordNetNouns(*dir)
	if err != nil {
		return err
	}
	words := personNouns(wn)
	var b strings.Builder
	b.WriteString("# Nouns of one word, lower case, whose most frequent sense in WordNet 3.0 is a person\n")
	b.WriteString("# (lexicographer file noun.person): \"person: word …\". Built by corefix-lab person-nouns.\n#\n")
	for _, l := range strings.Split(strings.TrimSuffix(wn.Licence, "\n"), "\n") {
		b.WriteString(strings.TrimRight("# "+l, " ") + "\n")
	}
	b.WriteString("person: " + strings.Join(words, " ") + "\n")
	if err := model.WriteFileAtomic(*out, []byte(b.String()), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: %d nouns\n", *out, len(words))
	return nil
}

// personNouns returns, sorted, the nouns WordNet writes as one lower-case
// word whose first sense is in noun.person. Names ("Einstein") are left
// out: a capitalised word is a name to the detector whatever it names.
func personNouns(wn *model.WordNetNouns) []string {
	var words []string
	for w, senses := range wn.Senses {
		if senses[0] == model.LexNounPerson && w == strings.ToLower(w) && !strings.ContainsAny(w, "_.0123456789") {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	return words
}
