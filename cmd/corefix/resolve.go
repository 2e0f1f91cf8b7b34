package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"

	"corefix/annotate/resolve"
	"corefix/model"
)

// resolveOptions are the flags of `corefix resolve`.
type resolveOptions struct {
	clusters     clusterFlags
	format       string
	out          string
	maxLen       int
	pronounsOnly bool
	annotator    string
	jobs         jobsFlag
	jsonl        bool
}

func resolveCommand() command {
	return command{
		name: "resolve", args: "[ORIG | DATA.jsonl | --jsonl -]",
		summary: "Write coreference clusters into the text correctly: every mention replaced at its own place,\n" +
			"possessives with ’s, pronouns that must stay kept (the README lists every choice). ORIG is the\n" +
			"text the clusters (--clusters) were made from; without it, the text the clusters file holds.\n" +
			"A JSON Lines dataset gives each line's \"clusters\" on its text. --format annotation writes an\n" +
			"annotation file of pending substitutions for `corefix review` and `corefix apply`.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &resolveOptions{}
			o.clusters.declare(fs, "the clusters to write into ORIG")
			fs.StringVar(&o.format, "format", "", "output `format`: text (the resolved text), annotation (an annotation file to review) or jsonl (a dataset line per document: text, original, clusters); default text for one document, jsonl for several")
			fs.StringVar(&o.out, "o", "", "write to `PATH` (atomically) instead of stdout")
			fs.IntVar(&o.maxLen, "max-len", 0, "replace only mentions of at most `N` words (0: all)")
			fs.BoolVar(&o.pronounsOnly, "pronouns-only", false, "replace only pronoun mentions")
			fs.StringVar(&o.annotator, "annotator", defaultAnnotator(), "with --format annotation: the `NAME` recorded in the file")
			o.jobs.declare(fs)
			fs.BoolVar(&o.jsonl, "jsonl", false, "the argument - is a JSON Lines dataset on stdin")
			return func(args []string) error { return runResolve(e, o, args) }
		},
	}
}

// resolveInput is one document to resolve: its clusters on its text, and
// the dataset line it came from (nil for a file).
type resolveInput struct {
	ct   *model.CorefText
	doc  *model.Document
	line []byte
}

func runResolve(e *env, o *resolveOptions, args []string) error {
	if err := o.check(args); err != nil {
		return err
	}
	// Everything is resolved before a byte is written, so bad input
	// leaves no half-written output.
	var b bytes.Buffer
	if len(args) == 1 && isDataset(args[0], o.jsonl) {
		if err := o.resolveDataset(e, &b, args[0]); err != nil {
			return err
		}
	} else if err := o.resolveFiles(e, &b, args); err != nil {
		return err
	}
	if o.out != "" {
		return model.WriteFileAtomic(o.out, b.Bytes(), 0o644)
	}
	_, err := e.stdout.Write(b.Bytes())
	return err
}

// resolveFiles resolves ORIG with its clusters, or the documents of the
// clusters file, into b.
func (o *resolveOptions) resolveFiles(e *env, b *bytes.Buffer, args []string) error {
	var inputs []resolveInput
	var err error
	if len(args) == 1 {
		inputs, err = fileInput(e, &o.clusters, args[0])
	} else {
		inputs, err = clusterFileInputs(&o.clusters)
	}
	if err != nil {
		return err
	}
	format := o.format
	if format == "" {
		format = "text"
		if len(inputs) != 1 {
			format = "jsonl"
		}
	}
	if format != "jsonl" && len(inputs) != 1 {
		return &usageError{msg: fmt.Sprintf("%d documents to resolve: --format %s writes one; use --format jsonl", len(inputs), format)}
	}
	for _, in := range inputs {
		if err := o.write(b, in, format); err != nil {
			return err
		}
	}
	return nil
}

// check refuses a command line that cannot work, before anything is read.
func (o *resolveOptions) check(args []string) error {
	if err := o.clusters.check(); err != nil {
		return err
	}
	if err := o.jobs.check(); err != nil {
		return err
	}
	switch o.format {
	case "", "text", "annotation", "jsonl":
	default:
		return &usageError{msg: fmt.Sprintf("unknown format %q (want text, annotation or jsonl)", o.format)}
	}
	switch {
	case len(args) > 1:
		return &usageError{msg: "resolve takes one ORIG or DATA.jsonl"}
	case len(args) == 1 && isDataset(args[0], o.jsonl) && o.clusters.given():
		return &usageError{msg: "--clusters is for one ORIG; a dataset line carries its own \"clusters\""}
	case len(args) == 1 && isDataset(args[0], o.jsonl) && o.format != "" && o.format != "jsonl":
		return &usageError{msg: "a dataset is resolved to --format jsonl"}
	case len(args) == 0 && !o.clusters.given():
		return &usageError{msg: "give --clusters FILE (and the text ORIG they were made from), or a DATA.jsonl with \"clusters\""}
	case len(args) == 1 && !isDataset(args[0], o.jsonl) && !o.clusters.given():
		return &usageError{msg: "ORIG needs --clusters FILE, the clusters made from it"}
	case o.maxLen < 0:
		return &usageError{msg: fmt.Sprintf("--max-len %d is negative (0: all)", o.maxLen)}
	}
	return nil
}

// fileInput is ORIG with its clusters.
func fileInput(e *env, c *clusterFlags, path string) ([]resolveInput, error) {
	doc, err := e.readDocument(path)
	if err != nil {
		return nil, err
	}
	ct, err := c.onText(doc, doc)
	if err != nil {
		return nil, err
	}
	return []resolveInput{{ct: ct, doc: doc}}, nil
}

// clusterFileInputs are the documents of the clusters file on their own
// text (its "text", or its words as it spaces them).
func clusterFileInputs(c *clusterFlags) ([]resolveInput, error) {
	if err := c.load(); err != nil {
		return nil, err
	}
	var out []resolveInput
	for _, d := range c.docs {
		text, ok := d.OwnText()
		if !ok {
			return nil, fmt.Errorf("%s: document %q gives character offsets but no text: give the text they count as ORIG", c.path, d.ID)
		}
		ct, err := d.Match(text, c.path, c.path)
		if err != nil {
			return nil, err
		}
		out = append(out, resolveInput{ct: ct, doc: model.NewDocument(d.ID, c.path, text)})
	}
	return out, nil
}

// resolveDataset resolves every line of a dataset into b, in dataset
// order, --jobs lines at once (the ordered pipeline). The first bad line
// in the dataset is the error.
func (o *resolveOptions) resolveDataset(e *env, b *bytes.Buffer, path string) error {
	var in io.Reader = e.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	r := model.NewDatasetReader(in)
	next := datasetLines(r, func(err error) error { return fmt.Errorf("%s:%w", path, err) })
	type resolved struct {
		rec *model.Record // its id and line, claimed in order
		out []byte
		err error
	}
	work := func(l model.Line) resolved {
		rec, err := l.Parse()
		if err != nil {
			return resolved{err: fmt.Errorf("%s:%w", path, err)}
		}
		var out bytes.Buffer
		in, err := datasetInput(rec, path)
		if err == nil {
			err = o.write(&out, in, "jsonl")
		}
		return resolved{rec: &model.Record{ID: rec.ID, Line: rec.Line}, out: out.Bytes(), err: err}
	}
	emit := func(res resolved) error {
		if res.rec != nil {
			if err := r.Claim(res.rec); err != nil {
				return fmt.Errorf("%s:%w", path, err)
			}
		}
		if res.err != nil {
			return res.err
		}
		_, err := b.Write(res.out)
		return err
	}
	return ordered(int(o.jobs), next, work, emit)
}

// datasetInput is a dataset line with its clusters on the text they
// count (its original when it has one).
func datasetInput(rec *model.Record, path string) (resolveInput, error) {
	cd, err := rec.ClusterDoc()
	if err != nil {
		return resolveInput{}, fmt.Errorf("%s:%d: %w", path, rec.Line, err)
	}
	if cd == nil {
		return resolveInput{}, fmt.Errorf("%s:%d: record %q has no \"clusters\" to resolve", path, rec.Line, rec.ID)
	}
	text := rec.Text
	if rec.Original != nil {
		text = *rec.Original
	}
	ct, err := cd.Match(text, fmt.Sprintf("record %q", rec.ID), fmt.Sprintf("%s:%d", path, rec.Line))
	if err != nil {
		return resolveInput{}, err
	}
	return resolveInput{ct: ct, doc: model.NewDocument(rec.ID, path, text), line: rec.Raw}, nil
}

// write resolves one document and writes it in format.
func (o *resolveOptions) write(w io.Writer, in resolveInput, format string) error {
	res := resolve.Resolve(in.ct, resolve.Options{MaxLen: o.maxLen, PronounsOnly: o.pronounsOnly})
	var data []byte
	var err error
	switch format {
	case "text":
		data = []byte(res.Text)
	case "jsonl":
		data, err = model.EncodeResolvedLine(in.line, in.doc.ID, res.Text, in.ct.Text, in.ct.OffsetClusters())
	default:
		data, err = o.annotation(in, res)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", displayName(in.doc), err)
	}
	_, err = w.Write(data)
	return err
}

// annotation is the resolution as an annotation file of the original
// text: every substitution a pending span whose proposal is the
// resolver's words, so the editor accepts, rejects (keeping the mention)
// or edits each, and `corefix apply` writes the reviewed text.
func (o *resolveOptions) annotation(in resolveInput, res *resolve.Result) ([]byte, error) {
	fs, err := res.Findings(in.ct)
	if err != nil {
		return nil, err
	}
	a, err := model.NewAnnotation(in.doc, fs, model.FromResolver)
	if err != nil {
		return nil, err
	}
	a.Annotator = o.annotator
	return a.MarshalJSON()
}
