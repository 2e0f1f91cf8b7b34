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
			"gold's, in documents and word edits.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &evalOptions{}
			fs.StringVar(&o.dir, "dir", "", "score every NAME.gold.json in `DIR`")
			fs.BoolVar(&o.falseAlarms, "false-alarms", false, "with --dir: count findings on the untouched NAME.orig.txt files")
			fs.BoolVar(&o.exact, "exact", false, "with --dir: align each NAME.txt with its NAME.orig.txt (exact mode)")
			fs.Float64Var(&o.minConf, "min-confidence", model.BrokenThreshold, "count findings with at least this `confidence`")
			fs.StringVar(&o.text, "text", "", "the article `TEXT` file whose code points GOLD and FINDINGS count, when GOLD has no document text")
			return func(args []string) error { return runEval(e, o, args) }
		},
	}
}

func runEval(e *env, o *evalOptions, args []string) error {
	out := bufio.NewWriter(e.stdout)
	defer out.Flush()
	var err error
	switch {
	case o.dir != "" && len(args) == 0 && !(o.exact && o.falseAlarms):
		err = evalDir(o, out)
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
func evalDir(o *evalOptions, out *bufio.Writer) error {
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
			doc, fs, err := detectText(base+".orig.txt", "")
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
		doc, fs, err := detectText(base+".txt", orig)
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
	return t.Report(out)
}

// detectText runs corefix's detection on a text file, as `corefix detect`
// does (aligned with the original origPath unless that is empty).
func detectText(path, origPath string) (*model.Document, []model.Finding, error) {
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
	fs, err := findings(doc, orig)
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
