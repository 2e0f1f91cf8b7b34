package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"corefix/annotate/fluency"
	"corefix/model"
)

// fluency: the data file of package fluency (annotate/fluency/doc.go has
// its format) counts the gold tags of a tagged corpus, UD English EWT.

func fluencyCommand() command {
	return command{name: "fluency", summary: "build the fluency model's data file from UD English EWT", run: runFluency}
}

func runFluency(args []string, _, stderr io.Writer) error {
	fs := flagSet("fluency", stderr)
	dir := fs.String("ewt", "../shared/data/ud-ewt", "`folder` of the corpus's *.conllu files")
	out := fs.String("out", "annotate/fluency/fluency.txt", "data `file` to write")
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
	fs.Float64Var(&p.Owned, "owned", 2, "pseudo-count by which a word's share after a possessive leans on all words'")
	probes := fs.String("probes", "it,its", "comma-separated pronouns the Pron signal tries in place of a span")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	s.Probes = strings.Split(*probes, ",")
	docs, err := readCorefInputs([]string{*dir})
	if err != nil {
		return err
	}
	var c fluency.Counter
	for _, d := range docs {
		c.Add(taggedWords(d))
	}
	files, _ := filepath.Glob(filepath.Join(*dir, "*.conllu"))
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	comments := []string{
		"Derived from the Universal Dependencies English Web Treebank (Silveira et al. 2014), CC BY-SA 4.0;",
		"this file is shared under the same licence. Files: " + strings.Join(files, " "),
		fmt.Sprintf("Built by corefix-lab fluency -mintag %d -minword %d -mintri %d -probes %s", s.MinTag, s.MinWord, s.MinTrigram, *probes),
	}
	var buf bytes.Buffer
	if err := c.Write(&buf, s, comments); err != nil {
		return err
	}
	return os.WriteFile(*out, buf.Bytes(), 0o644)
}

// taggedWords returns a document's words with their tags, as the
// fluency model counts them. A personal pronoun's tag carries its case
// ("PRP-Acc"): the treebank's one PRP tag for "I" and "me" would leave
// the model blind to a pronoun pasted in the wrong case ("me have").
func taggedWords(d *model.CorefDocument) []fluency.Word {
	out := make([]fluency.Word, len(d.Tokens))
	for i, t := range d.Tokens {
		xpos := t.XPOS
		if xpos == "PRP" && t.Case != "" {
			xpos += "-" + t.Case
		}
		out[i] = fluency.Word{Form: t.Form, UPOS: t.UPOS, XPOS: xpos}
	}
	return out
}
