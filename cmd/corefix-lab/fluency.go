package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"corefix/annotate/fluency"
)

// runFluency builds annotate/fluency's data file from the CoNLL-U files
// of a tagged corpus (UD English EWT): same files and flags, same bytes.
func runFluency(args []string) error {
	fs := flag.NewFlagSet("fluency", flag.ContinueOnError)
	dir := fs.String("ewt", "../shared/data/ud-ewt", "folder of the corpus's *.conllu files")
	out := fs.String("out", "annotate/fluency/fluency.txt", "data file to write")
	s := fluency.Settings{}
	fs.IntVar(&s.MinTag, "mintag", 100, "tag pairs seen fewer times merge into a kept one")
	fs.IntVar(&s.MinWord, "minword", 1, "word forms seen fewer times are left to the guesser")
	fs.IntVar(&s.MinTrigram, "mintri", 1, "trigrams seen fewer times are left out")
	p := &s.Params
	fs.IntVar(&p.Rare, "rare", 10, "highest count of a word that trains the suffix guesser")
	fs.IntVar(&p.Suffix, "suffix", 5, "longest suffix the guesser reads")
	fs.Float64Var(&p.Smooth, "smooth", 10, "pseudo-count by which a suffix's tags lean on the shorter suffix's")
	fs.Float64Var(&p.Known, "known", 1, "weight of the guess in a seen word's tags")
	fs.Float64Var(&p.Prune, "prune", 0.01, "least P(tag | word) a word keeps")
	fs.IntVar(&p.Cands, "cands", 4, "most tags a word keeps")
	fs.Float64Var(&p.Trim, "trim", 0.1, "prior mass of the rarest tags the any-word of the Gap signal leaves out")
	fs.Float64Var(&p.CapMix, "capmix", 0.5, "weight of the lower-case form for an unseen capitalised one")
	fs.IntVar(&p.Context, "context", 2, "words on each side of a junction")
	probes := fs.String("probes", "it,its", "comma-separated pronouns the Pron signal tries in place of a span")
	if err := fs.Parse(args); err != nil {
		return err
	}
	s.Probes = strings.Split(*probes, ",")
	files, err := filepath.Glob(filepath.Join(*dir, "*.conllu"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no *.conllu files in %s", *dir)
	}
	slices.Sort(files)
	var c fluency.Counter
	names := make([]string, len(files))
	for i, f := range files {
		docs, err := readCoNLLUFile(f)
		if err != nil {
			return err
		}
		for _, d := range docs {
			c.Add(d)
		}
		names[i] = filepath.Base(f)
	}
	comments := []string{
		"Derived from the Universal Dependencies English Web Treebank (Silveira et al. 2014), CC BY-SA 4.0;",
		"this file is shared under the same licence. Files: " + strings.Join(names, " "),
		fmt.Sprintf("Built by corefix-lab fluency -mintag %d -minword %d -mintri %d -probes %s", s.MinTag, s.MinWord, s.MinTrigram, *probes),
	}
	var buf bytes.Buffer
	if err := c.Write(&buf, s, comments); err != nil {
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

// readCoNLLUFile reads a CoNLL-U file's documents.
func readCoNLLUFile(path string) ([][]fluency.Word, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := readCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// readCoNLLU reads the words of a CoNLL-U stream (form, UPOS and XPOS),
// one slice per document ("# newdoc" comments). Multiword-token lines
// ("1-2") and empty nodes ("1.1") are skipped: the words are the
// syntactic ones. (Minimal on purpose: it should give way to model's
// CoNLL-U reader once that exists.)
func readCoNLLU(r io.Reader) ([][]fluency.Word, error) {
	var docs [][]fluency.Word
	var doc []fluency.Word
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			if len(doc) > 0 {
				docs = append(docs, doc)
			}
			doc = nil
			continue
		case line == "" || strings.HasPrefix(line, "#"):
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("line %d: %d fields, CoNLL-U has 10", n, len(f))
		}
		if strings.ContainsAny(f[0], "-.") {
			continue
		}
		doc = append(doc, fluency.Word{Form: f[1], UPOS: f[3], XPOS: f[4]})
	}
	if len(doc) > 0 {
		docs = append(docs, doc)
	}
	return docs, sc.Err()
}
