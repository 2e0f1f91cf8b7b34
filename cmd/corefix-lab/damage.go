package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"corefix/annotate/damage"
	"corefix/model"
)

// inputList collects the -in flags.
type inputList []string

func (l *inputList) String() string     { return strings.Join(*l, ",") }
func (l *inputList) Set(s string) error { *l = append(*l, s); return nil }

// damageOptions are the flags of `corefix-lab damage`.
type damageOptions struct {
	in                    inputList
	genres, out, manifest string
	long                  int
	resolver, order       string
	cfg                   damage.Config
}

// declare puts the flags on fs, defaults from the seed's bug.
func (o *damageOptions) declare(fs *flag.FlagSet) {
	o.cfg = damage.SeedBug()
	c := &o.cfg
	fs.Var(&o.in, "in", "a CoNLL-U `FILE` (.conllu), a directory of them, or a JSON Lines file of the shared GUM format (.jsonl); repeatable")
	fs.StringVar(&o.genres, "genre", "", "keep only documents of these `GENRES` (comma-separated, e.g. news,bio)")
	fs.StringVar(&o.out, "out", "", "write NAME.txt, NAME.orig.txt and NAME.gold.json into `DIR` (created if needed)")
	fs.StringVar(&o.manifest, "manifest", "", "write the list of what was generated, and how, to `FILE` (default DIR/manifest.json)")
	fs.IntVar(&o.long, "long", 0, "join the documents of each genre into documents of at least `N` tokens (0: keep them apart)")
	fs.StringVar(&o.resolver, "resolver", string(c.Resolver), "`shrink` (the seed's shrinking-list bug), inplace (a correct but naive resolver) or correct (corefix resolve's output: no broken span)")
	fs.StringVar(&o.order, "order", string(c.Order), "clusters in order of `first` mention, as the file lists them (file), or shuffled with the seed (shuffle)")
	fs.IntVar(&c.MaxLen, "max-len", c.MaxLen, "replace only mentions of at most `N` tokens (0: all)")
	fs.BoolVar(&c.Nested, "nested", false, "inplace: write mentions into token slots one after the other, so nested mentions are replaced too")
	fs.BoolVar(&c.Prose, "prose", false, "space the text as the source does (SpaceAfter=No) instead of one space after every token")
	fs.BoolVar(&c.SharedGold, "shared-gold", false, "classify substitutions as the shared gum/drift and gum/clean gold files do")
	fs.Uint64Var(&c.Seed, "seed", 1, "`SEED` of everything random (shuffled order and mistake rates)")
	fs.Float64Var(&c.WrongAntecedent, "wrong-antecedent", 0, "`RATE` of third-person pronouns linked to the nearest noun of their number (needs tags)")
	fs.Float64Var(&c.Merge, "merge", 0, "`RATE` of clusters merged into the one introduced before them")
	fs.Float64Var(&c.Split, "split", 0, "`RATE` of clusters of four or more mentions cut in two")
	fs.Float64Var(&c.PronounOnly, "pronoun-only", 0, "`RATE` of clusters reduced to their pronouns (a pronoun representative)")
	fs.Float64Var(&c.Boundary, "boundary", 0, "`RATE` of mentions whose start moves by a determiner")
}

// check reports the first flag that makes no sense, "" when none.
func (o *damageOptions) check(fs *flag.FlagSet) string {
	o.cfg.Resolver, o.cfg.Order = damage.Resolver(o.resolver), damage.Order(o.order)
	switch {
	case fs.NArg() > 0:
		return fmt.Sprintf("unexpected argument %q", fs.Arg(0))
	case len(o.in) == 0:
		return "no -in"
	case o.out == "":
		return "no -out"
	case o.long < 0:
		return "-long is negative"
	}
	if err := o.cfg.Validate(); err != nil {
		return err.Error()
	}
	return ""
}

func damageCommand() command {
	return command{name: "damage", summary: "turn coreference-annotated documents into damaged ones with gold", run: runDamage}
}

// runDamage is `corefix-lab damage`: it damages every input document (or
// long document) with the settings of the flags and writes the texts, the
// gold and a manifest into the output directory.
func runDamage(args []string, _, stderr io.Writer) error {
	fs := flagSet("damage", stderr)
	var o damageOptions
	o.declare(fs)
	fs.Usage = func() { fmt.Fprint(stderr, damageUsage(fs)) }
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if problem := o.check(fs); problem != "" {
		return usageError{problem}
	}
	cfg := o.cfg
	docs, err := readCorefInputs(o.in)
	if err != nil {
		return err
	}
	if docs, err = keepGenres(docs, o.genres); err != nil {
		return err
	}
	units := make([]damage.Joined, len(docs))
	for i, d := range docs {
		units[i] = damage.Joined{Doc: d, Parts: []string{d.ID}}
	}
	if o.long > 0 {
		units = damage.JoinLong(docs, o.long)
	}
	m := &model.DamageManifest{Command: append([]string{"damage"}, args...), LongTokens: o.long, Inputs: o.in}
	if m.Config, err = json.Marshal(cfg); err != nil {
		return err
	}
	// Everything is damaged before anything is written, so a document the
	// settings do not fit leaves no half-made directory.
	names := model.NewSafeNames()
	var files []outFile
	var clusters []byte
	for _, u := range units {
		item, written, line, err := damageOne(filepath.Join(o.out, names.Name(u.Doc.ID)), u, cfg)
		if err != nil {
			return err
		}
		m.Documents = append(m.Documents, item)
		files = append(files, written...)
		clusters = append(clusters, line...)
	}
	files = append(files, outFile{filepath.Join(o.out, "clusters.jsonl"), clusters})
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	for _, f := range files {
		if err := model.WriteFileAtomic(f.path, f.data, 0o644); err != nil {
			return err
		}
	}
	data, err := model.EncodeDamageManifest(m)
	if err != nil {
		return err
	}
	if o.manifest == "" {
		o.manifest = filepath.Join(o.out, "manifest.json")
	}
	return model.WriteFileAtomic(o.manifest, data, 0o644)
}

func damageUsage(fs *flag.FlagSet) string {
	var b strings.Builder
	b.WriteString("usage: corefix-lab damage -in FILE|DIR [-in …] -out DIR [flags]\n\n" +
		"Damage coreference-annotated documents as a substitution pipeline would and write, for each,\n" +
		"NAME.txt (damaged), NAME.orig.txt (original) and NAME.gold.json (which substitutions broke\n" +
		"the text, with the words they overwrote), the layout `corefix eval --dir DIR` reads.\n" +
		"The defaults are the seed's bug (shrink, first, -max-len 3). See docs/lab.md.\n\nflags:\n")
	out := fs.Output()
	fs.SetOutput(&b)
	fs.PrintDefaults()
	fs.SetOutput(out)
	return b.String()
}

// readCorefInputs reads every input: a file, or the .conllu and .jsonl
// files of a directory (by name). Document ids must be unique.
func readCorefInputs(inputs []string) ([]*model.CorefDocument, error) {
	var docs []*model.CorefDocument
	from := map[string]string{}
	for _, in := range inputs {
		paths := []string{in}
		if st, err := os.Stat(in); err != nil {
			return nil, err
		} else if st.IsDir() {
			conllu, _ := filepath.Glob(filepath.Join(in, "*.conllu"))
			jsonl, _ := filepath.Glob(filepath.Join(in, "*.jsonl"))
			if paths = append(conllu, jsonl...); len(paths) == 0 {
				return nil, fmt.Errorf("%s: no .conllu or .jsonl files", in)
			}
			slices.Sort(paths)
		}
		for _, p := range paths {
			ds, err := model.ReadCorefFile(p)
			if err != nil {
				return nil, err
			}
			for _, d := range ds {
				if prev, dup := from[d.ID]; dup {
					return nil, fmt.Errorf("%s: document %q again (first in %s)", p, d.ID, prev)
				}
				from[d.ID] = p
			}
			docs = append(docs, ds...)
		}
	}
	return docs, nil
}

// keepGenres keeps the documents of the listed genres (all for "").
func keepGenres(docs []*model.CorefDocument, list string) ([]*model.CorefDocument, error) {
	if list == "" {
		return docs, nil
	}
	var kept []*model.CorefDocument
	for _, g := range strings.Split(list, ",") {
		g = strings.TrimSpace(g)
		n := len(kept)
		for _, d := range docs {
			if d.Genre == g {
				kept = append(kept, d)
			}
		}
		if len(kept) == n {
			return nil, fmt.Errorf("no document of genre %q in the input", g)
		}
	}
	return kept, nil
}

// outFile is a file to write.
type outFile struct {
	path string
	data []byte
}

// damageOne damages one document into base.txt, base.orig.txt and
// base.gold.json, and returns the line of clusters.jsonl that holds the
// clusters the pipeline wrote (AllenNLP JSON, doc_key the base name).
func damageOne(base string, u damage.Joined, cfg damage.Config) (model.DamageManifestItem, []outFile, []byte, error) {
	item := model.DamageManifestItem{Name: filepath.Base(base), ID: u.Doc.ID, Genre: u.Doc.Genre, Sources: u.Parts,
		Tokens: len(u.Doc.Tokens), Broken: map[string]int{}}
	res, err := damage.Damage(u.Doc, cfg)
	if err != nil {
		return item, nil, nil, fmt.Errorf("%s: %w", u.Doc.ID, err)
	}
	gold, err := model.EncodeGold(model.NewDocument(u.Doc.ID, "", res.Resolved), res.Gold)
	if err != nil {
		return item, nil, nil, err
	}
	line, err := model.EncodeTokenClusters(&model.CorefDocument{ID: item.Name, Tokens: u.Doc.Tokens, Clusters: res.Clusters})
	if err != nil {
		return item, nil, nil, err
	}
	for _, g := range res.Gold {
		if g.Category == model.Substitution {
			item.Neutral++
		} else {
			item.Broken[string(g.Category)]++
		}
	}
	return item, []outFile{{base + ".txt", []byte(res.Resolved)}, {base + ".orig.txt", []byte(res.Original)},
		{base + ".gold.json", gold}}, line, nil
}
