package model

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WordNetNouns is what the developers' tools read of WordNet's nouns
// (Princeton WordNet 3.0 as Debian's wordnet-base installs it, in
// /usr/share/wordnet): each noun's senses, most frequent first, as the
// lexicographer files they belong to.
type WordNetNouns struct {
	// Senses maps a noun as its synsets write it ("physicist",
	// "Einstein", "prime_minister": words joined by "_") to the
	// lexicographer file number of each of its senses in WordNet's order
	// (by frequency in the tagged corpus): 18 is noun.person, 5
	// noun.animal, 14 noun.group… A name and a common noun spelt alike
	// are apart: "Bush" is a person, "bush" a plant.
	Senses map[string][]int
	// Licence is the licence data.noun starts with, one line a line,
	// which must go with anything made from it.
	Licence string
}

// LexNounPerson is the number of WordNet's lexicographer file of nouns
// that name people, noun.person.
const LexNounPerson = 18

// ReadWordNetNouns reads index.noun and data.noun of the WordNet database
// in dir. Errors name the file and line.
func ReadWordNetNouns(dir string) (*WordNetNouns, error) {
	type synset struct {
		lex   int
		words []string // as written
	}
	synsets := map[string]synset{} // by offset
	var licence strings.Builder
	err := eachLine(filepath.Join(dir, "data.noun"), func(line string) error {
		if strings.HasPrefix(line, "  ") { // the licence at the top: "  12 text  "
			_, text, _ := strings.Cut(strings.TrimSpace(line), " ")
			licence.WriteString(strings.TrimSpace(text) + "\n")
			return nil
		}
		// offset lex_filenum ss_type w_cnt word lex_id [word lex_id…] …
		f := strings.Fields(line)
		if len(f) < 4 {
			return fmt.Errorf("a synset line has an offset, a file number, a type and a word count")
		}
		lex, err1 := strconv.Atoi(f[1])
		n, err2 := strconv.ParseInt(f[3], 16, 0)
		if err1 != nil || err2 != nil || len(f) < 4+2*int(n) {
			return fmt.Errorf("bad file number %q or word count %q", f[1], f[3])
		}
		s := synset{lex: lex}
		for k := range int(n) {
			s.words = append(s.words, f[4+2*k])
		}
		synsets[f[0]] = s
		return nil
	})
	if err != nil {
		return nil, err
	}
	wn := &WordNetNouns{Senses: map[string][]int{}, Licence: licence.String()}
	err = eachLine(filepath.Join(dir, "index.noun"), func(line string) error {
		if strings.HasPrefix(line, "  ") {
			return nil
		}
		// lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
		f := strings.Fields(line)
		if len(f) < 4 {
			return fmt.Errorf("an index line has a lemma, a part of speech and counts")
		}
		senses, err := strconv.Atoi(f[2])
		if err != nil || senses < 1 || len(f) < senses {
			return fmt.Errorf("bad synset count %q", f[2])
		}
		for _, off := range f[len(f)-senses:] {
			s, ok := synsets[off]
			if !ok {
				return fmt.Errorf("synset %s of %q is not in data.noun", off, f[0])
			}
			for _, w := range s.words {
				if strings.ToLower(w) == f[0] {
					wn.Senses[w] = append(wn.Senses[w], s.lex)
					break
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return wn, err
}

// eachLine calls f on every non-empty line of the file at path; an error
// of f is returned with the file name and line number.
func eachLine(path string, f func(line string) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	for n := 1; sc.Scan(); n++ {
		if line := sc.Text(); line != "" {
			if err := f(line); err != nil {
				return fmt.Errorf("%s:%d: %w", path, n, err)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
