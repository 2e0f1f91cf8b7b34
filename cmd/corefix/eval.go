package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"corefix/annotate/eval"
	"corefix/model"
)

// evalOptions are the flags of `corefix eval`.
type evalOptions struct {
	dir         string
	falseAlarms bool
	exact       bool
	minConf     float64
	text        string
	clusters    clusterFlags
}

func evalCommand() command {
	return command{
		name: "eval", args: "GOLD FINDINGS | --dir DIR",
		summary: "Score findings against gold annotations: recall by category, precision, F1 and fix\n" +
			"accuracy, in code points, a finding matching a gold span it overlaps (docs/formats.md).\n" +
			"With --dir, run corefix's own detection on every NAME.txt in DIR and score it against\n" +
			"NAME.gold.json (with --exact, aligned with NAME.orig.txt as detect --original does); with\n" +
			"--false-alarms, count findings on the untouched NAME.orig.txt instead. It also prints\n" +
			"how far the corrected text (first proposals applied to the gold spans) is from the\n" +
			"gold's, in documents and word edits: with --exact, the headline figure, first.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &evalOptions{}
			fs.StringVar(&o.dir, "dir", "", "score every NAME.gold.json in `DIR`")
			fs.BoolVar(&o.falseAlarms, "false-alarms", false, "with --dir: count findings on the untouched NAME.orig.txt files")
			fs.BoolVar(&o.exact, "exact", false, "with --dir: align each NAME.txt with its NAME.orig.txt (exact mode)")
			fs.Float64Var(&o.minConf, "min-confidence", model.BrokenThreshold, "count findings with at least this `confidence`")
			fs.StringVar(&o.text, "text", "", "the article `TEXT` file whose code points GOLD and FINDINGS count, when GOLD has no document text")
			o.clusters.declare(fs, "with --dir --exact, the document whose id is NAME explains NAME.txt exactly")
			return func(args []string) error { return runEval(e, o, args) }
		},
	}
}

func runEval(e *env, o *evalOptions, args []string) error {
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	if err := o.clusters.check(); err != nil {
		return err
	}
	if o.clusters.given() && !o.exact {
		return &usageError{msg: "--clusters goes with --dir DIR --exact"}
	}
	var err error
	switch {
	case o.dir != "" && len(args) == 0 && !(o.exact && o.falseAlarms):
		err = evalDir(e, o, out)
	case o.dir == "" && !o.falseAlarms && !o.exact && len(args) == 2:
		err = evalFiles(o, args[0], args[1], out)
	default:
		return &usageError{msg: "want GOLD FINDINGS, or --dir DIR [--exact | --false-alarms]"}
	}
	if err != nil {
		return err
	}
	return out.Flush()
}

// evalFiles scores one findings file against one gold file.
func evalFiles(o *evalOptions, goldPath, findingsPath string, out *bufio.Writer) error {
	var text *model.Document
	if o.text != "" {
		var err error
		if text, err = model.ReadDocument(o.text); err != nil {
			return err
		}
	}
	g, err := readGold(goldPath, text)
	if errors.Is(err, model.ErrNoText) {
		return fmt.Errorf("%w: give the article with --text TEXT", err)
	}
	if err != nil {
		return err
	}
	data, err := os.ReadFile(findingsPath)
	if err != nil {
		return err
	}
	fs, err := model.DecodeFindings(data, g.Doc)
	if err != nil {
		return fmt.Errorf("%s: %w", findingsPath, err)
	}
	var t eval.Tally
	t.Add(g, fs, o.minConf)
	return t.Report(out)
}

// evalDir detects and scores every NAME.txt of a gold directory, or
// counts false alarms on the NAME.orig.txt files.
func evalDir(e *env, o *evalOptions, out *bufio.Writer) error {
	golds, err := filepath.Glob(filepath.Join(o.dir, "*.gold.json"))
	if err != nil {
		return err
	}
	if len(golds) == 0 {
		return fmt.Errorf("%s: no *.gold.json files", o.dir)
	}
	var t eval.Tally
	var fa eval.FalseAlarms
	for _, gp := range golds {
		base := strings.TrimSuffix(gp, ".gold.json")
		if o.falseAlarms {
			doc, fs, err := detectText(e, base+".orig.txt", "", nil)
			if err != nil {
				return err
			}
			fa.Add(doc, fs, o.minConf)
			continue
		}
		orig := ""
		if o.exact {
			orig = base + ".orig.txt"
		}
		var clusters *clusterFlags
		if o.clusters.given() {
			clusters = &o.clusters
		}
		doc, fs, err := detectText(e, base+".txt", orig, clusters)
		if err != nil {
			return err
		}
		g, err := readGold(gp, doc)
		if err != nil {
			return err
		}
		t.Add(g, fs, o.minConf)
	}
	if o.falseAlarms {
		return fa.Report(out)
	}
	if o.exact {
		if err := t.Headline(out); err != nil {
			return err
		}
	}
	return t.Report(out)
}

// detectText runs corefix's detection on a text file, as `corefix detect`
// does (aligned with the original origPath unless that is empty, and with
// the pipeline replayed when clusters is not nil).
func detectText(e *env, path, origPath string, clusters *clusterFlags) (*model.Document, []model.Finding, error) {
	doc, err := model.ReadDocument(path)
	if err != nil {
		return nil, nil, err
	}
	var orig *model.Document
	if origPath != "" {
		if orig, err = model.ReadDocument(origPath); err != nil {
			return nil, nil, err
		}
	}
	var ct *model.CorefText
	if clusters != nil {
		if ct, err = clusters.onText(doc, orig); err != nil {
			return nil, nil, err
		}
	}
	fs, err := e.exactFindings(doc, orig, ct)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc, fs, nil
}

// readGold reads the gold file at path against text (nil: the file's
// own document text).
func readGold(path string, text *model.Document) (*model.Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	g, err := model.DecodeGold(data, text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return g, nil
}
