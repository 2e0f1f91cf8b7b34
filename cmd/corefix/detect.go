package main

import (
	"bufio"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"corefix/annotate/align"
	"corefix/annotate/detect"
	"corefix/model"
)

// detectOptions are the flags of `corefix detect`.
type detectOptions struct {
	format   string
	minConf  float64
	original string
	jsonl    bool
	skipBad  bool
	jobs     jobsFlag
	clusters clusterFlags
}

func detectCommand() command {
	return command{
		name: "detect", args: "FILE... | -",
		summary: "Find suspected broken substitutions and print them with proposed fixes.\n" +
			"FILE is a text file or a JSON Lines dataset (.jsonl, one {\"id\",\"text\"[,\"original\"]} per line);\n" +
			"- reads stdin (text, or JSON Lines with --jsonl). JSON Lines input is streamed.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &detectOptions{}
			fs.StringVar(&o.format, "format", "", "output `format`: text, json or jsonl (default text on a terminal, json otherwise; jsonl for datasets)")
			fs.Float64Var(&o.minConf, "min-confidence", 0, "print only findings with at least this `confidence` (0.5 = broken)")
			fs.StringVar(&o.original, "original", "", "the text before substitution (exact mode): align with it instead of guessing")
			fs.BoolVar(&o.jsonl, "jsonl", false, "stdin is a JSON Lines dataset")
			fs.BoolVar(&o.skipBad, "skip-bad", false, "in datasets, report bad lines on stderr and go on")
			o.jobs.declare(fs)
			o.clusters.declare(fs, "with --original, every finding exact")
			return func(args []string) error { return runDetect(e, o, args) }
		},
	}
}

func runDetect(e *env, o *detectOptions, args []string) error {
	if len(args) == 0 {
		return &usageError{msg: "no input: give FILE... or - for stdin"}
	}
	switch o.format {
	case "", "text", "json", "jsonl":
	default:
		return &usageError{msg: fmt.Sprintf("unknown format %q (want text, json or jsonl)", o.format)}
	}
	if o.minConf < 0 || o.minConf > 1 {
		return &usageError{msg: fmt.Sprintf("--min-confidence %v outside [0,1]", o.minConf)}
	}
	if err := o.jobs.check(); err != nil {
		return err
	}
	if o.original != "" && len(args) != 1 {
		return &usageError{msg: "--original pairs with exactly one FILE"}
	}
	if err := checkClusters(&o.clusters, o.original, args[0], o.jsonl); err != nil {
		return err
	}
	out := bufio.NewWriterSize(e.stdout, 1<<16)
	defer out.Flush()
	format := o.format
	if format == "" {
		format = defaultFormat(e.stdout, args, o.jsonl)
	}
	for _, path := range args {
		var err error
		if isDataset(path, o.jsonl) {
			err = detectDataset(e, out, o, path, format)
		} else {
			err = detectFile(e, out, o, path, format)
		}
		if err != nil {
			return err
		}
	}
	return out.Flush()
}

func isDataset(path string, jsonlFlag bool) bool {
	if path == "-" {
		return jsonlFlag
	}
	return strings.HasSuffix(path, ".jsonl") || strings.HasSuffix(path, ".ndjson")
}

// defaultFormat is text for a person at a terminal, JSON for programs,
// and JSON Lines when the input is a dataset or several files.
func defaultFormat(w io.Writer, args []string, jsonlFlag bool) string {
	if isTerminal(w) {
		return "text"
	}
	if len(args) > 1 || isDataset(args[0], jsonlFlag) {
		return "jsonl"
	}
	return "json"
}

func detectFile(e *env, out io.Writer, o *detectOptions, path, format string) error {
	doc, err := e.readDocument(path)
	if err != nil {
		return err
	}
	var orig *model.Document
	if o.original != "" {
		if orig, err = e.readDocument(o.original); err != nil {
			return err
		}
	} else {
		// Text-only detection is written region by region as it is
		// found: a long text's findings are never all held at once.
		defer leanCollector(len(doc.Text), leanPercent)()
		w := findingsWriter(out, doc, format)
		err := detect.DetectEach(doc, detect.DefaultParams(), func(fs []model.Finding) error {
			return w.Write(filterConfidence(fs, o.minConf))
		})
		if err != nil {
			return err
		}
		return w.Close()
	}
	var ct *model.CorefText
	if o.clusters.given() {
		if ct, err = o.clusters.onText(doc, orig); err != nil {
			return err
		}
	}
	fs, err := e.exactFindings(doc, orig, ct)
	if err != nil {
		return err
	}
	return writeFindings(out, doc, filterConfidence(fs, o.minConf), format)
}

// detectDataset streams a JSON Lines dataset through the ordered
// pipeline: lines parsed and detected on --jobs cores, one output line
// per record in dataset order, a bounded number of records in memory.
func detectDataset(e *env, out io.Writer, o *detectOptions, path, format string) error {
	var r io.Reader = e.stdin
	name := "stdin"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r, name = f, path
	}
	ds := model.NewDatasetReader(r)
	next := datasetLines(ds, func(err error) error { return fmt.Errorf("%s:%w (use --skip-bad to go on)", name, err) })
	work := func(l model.Line) detected { return detectRecord(e, o, l, path, name, format) }
	emit := func(d detected) error {
		err := d.badLine
		if err == nil {
			err = ds.Claim(d.rec) // ids are claimed in order, as a loop would
		}
		var re *model.RecordError
		if errors.As(err, &re) && o.skipBad {
			fmt.Fprintf(e.stderr, "corefix: %s:%d: skipped: %v\n", name, re.Line, re.Err)
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s:%w (use --skip-bad to go on)", name, err)
		}
		if _, err := e.stderr.Write(d.notes); err != nil {
			return err
		}
		if d.err != nil {
			return d.err
		}
		_, err = out.Write(d.out.Bytes())
		outBufs.Put(d.out)
		return err
	}
	return ordered(int(o.jobs), next, work, emit)
}

// detected is one dataset line's outcome: a line that does not parse, or
// its record, the notes detection had for stderr, and either its output
// or the error detection met.
type detected struct {
	badLine error
	rec     *model.Record
	notes   []byte
	out     *bytes.Buffer // from outBufs, back there once written
	err     error
}

// outBufs hold dataset lines' output between detection and the writer.
// A line's findings are several times its text in JSON, and a buffer
// grown from nothing for every line was an eighth of what the dataset
// pipeline allocated; reused, they stop growing after the first lines.
var outBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// detectRecord parses one line and detects its findings, written in
// format into the outcome.
func detectRecord(e *env, o *detectOptions, l model.Line, path, name, format string) (d detected) {
	rec, err := l.Parse()
	if err != nil {
		return detected{badLine: err}
	}
	d.rec = &model.Record{ID: rec.ID, Line: rec.Line} // all the writer needs
	// stderr notes wait with the output, to come out in dataset order.
	var notes bytes.Buffer
	defer func() { d.notes = notes.Bytes() }()
	e = &env{stdin: e.stdin, stdout: e.stdout, stderr: &notes}
	doc := rec.Document(path)
	var orig *model.Document
	if rec.Original != nil {
		orig = model.NewDocument(rec.ID, path, *rec.Original)
	}
	ct, err := recordClusters(rec, name) // reads the clusters from the line
	if err != nil {
		d.err = fmt.Errorf("%s:%d: %w", name, rec.Line, err)
		return d
	}
	restore := leanCollector(len(doc.Text), leanPercent)
	fs, err := e.exactFindings(doc, orig, ct)
	restore()
	if err != nil {
		d.err = fmt.Errorf("%s:%d: %w", name, rec.Line, err)
		return d
	}
	d.out = outBufs.Get().(*bytes.Buffer)
	d.out.Reset()
	d.err = writeFindings(d.out, doc, filterConfidence(fs, o.minConf), format)
	return d
}

// findings runs detection: the aligner when the original is known,
// the text-only detectors otherwise.
func findings(doc, orig *model.Document) ([]model.Finding, error) {
	if orig != nil {
		return align.Align(orig, doc)
	}
	return detect.Detect(doc), nil
}

func filterConfidence(fs []model.Finding, min float64) []model.Finding {
	if min <= 0 {
		return fs
	}
	out := fs[:0:0]
	for _, f := range fs {
		if f.Confidence >= min {
			out = append(out, f)
		}
	}
	return out
}

func writeFindings(out io.Writer, doc *model.Document, fs []model.Finding, format string) error {
	w := findingsWriter(out, doc, format)
	if err := w.Write(fs); err != nil {
		return err
	}
	return w.Close()
}

// findingsOut writes a document's findings handed over batch by batch,
// in order.
type findingsOut interface {
	Write(fs []model.Finding) error
	Close() error
}

// findingsWriter writes doc's findings to out in format.
func findingsWriter(out io.Writer, doc *model.Document, format string) findingsOut {
	if format == "text" {
		name := doc.Path
		if name == "" || name == "-" {
			name = doc.ID
		}
		return &textFindings{out: out, doc: doc, name: name, lines: model.NewLineIndex(doc)}
	}
	return model.NewFindingsWriter(out, doc, format == "json")
}

// textFindings prints one line per finding, compiler style, so
// editors and terminals can jump to it: path:line:col: category: message.
type textFindings struct {
	out   io.Writer
	doc   *model.Document
	name  string
	lines *model.LineIndex
}

func (w *textFindings) Write(fs []model.Finding) error {
	for _, f := range fs {
		line, col := w.lines.Position(f.Start)
		fix := ""
		if len(f.Proposals) > 0 {
			fix = fmt.Sprintf(" → %q", f.Proposals[0].Text)
		}
		// docs/formats.md: path:line:col: category: message, then the details.
		if _, err := fmt.Fprintf(w.out, "%s:%d:%d: %s: %s [%q%s, confidence %.2f]\n", w.name, line, col, f.Category,
			f.Message, w.doc.Text[f.Start:f.End], fix, f.Confidence); err != nil {
			return err
		}
	}
	return nil
}

func (w *textFindings) Close() error { return nil }
