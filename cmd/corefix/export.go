package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"

	"corefix/model"
	"corefix/model/store"
)

// exportOptions are the flags of `corefix export`.
type exportOptions struct {
	format         string
	out            string
	includePending bool
	aside          bool
	src            annotationSource
}

func exportCommand() command {
	return command{
		name: "export", args: "--db PATH | FILE...",
		summary: "Export annotations as JSON Lines, brat standoff or corrected texts.\n" +
			"jsonl: each dataset line byte for byte plus \"annotations\" and \"corrected_text\";\n" +
			"brat: ID.txt + ID.ann (brat, INCEpTION), annotation.conf and visual.conf; txt: ID.txt corrected\n" +
			"texts. Only decided spans are exported unless --include-pending adds the detector's guesses.\n" +
			"File names come from ids made safe (manifest.jsonl maps them back); nothing is written\n" +
			"when any input is bad.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &exportOptions{}
			fs.StringVar(&o.format, "format", "jsonl", "output `format`: jsonl, brat or txt")
			o.src.declare(fs, "whose annotations to export, needed when several annotated")
			fs.StringVar(&o.out, "o", "", "output `DIR` (created if missing); jsonl without -o goes to stdout")
			fs.BoolVar(&o.includePending, "include-pending", false, "also export the spans nobody decided yet (the detector's guesses, status pending)")
			fs.BoolVar(&o.aside, "set-aside", false, "with --db: the annotations set aside because their document's text changed, each with the text it was made for")
			return func(args []string) error { return runExport(e, o, args) }
		},
	}
}

// exportItem is one document to export: its dataset line (nil for an
// annotation file) and its annotation (nil when nobody annotated it).
type exportItem struct {
	line []byte
	a    *model.Annotation
}

func runExport(e *env, o *exportOptions, args []string) error {
	if err := o.src.check(args); err != nil {
		return err
	}
	if o.aside && o.src.db == "" {
		return &usageError{msg: "--set-aside exports from a database: it needs --db"}
	}
	switch o.format {
	case "jsonl":
	case "brat", "txt":
		if o.out == "" {
			return &usageError{msg: fmt.Sprintf("--format %s writes one file per document: give -o DIR", o.format)}
		}
	default:
		return &usageError{msg: fmt.Sprintf("unknown format %q (want jsonl, brat or txt)", o.format)}
	}
	items, name, closeSrc, err := o.items()
	if err != nil {
		return err
	}
	defer closeSrc()
	// lines writes the JSON Lines export to w, buffered.
	lines := func(w io.Writer) (exportCount, error) {
		bw := bufio.NewWriterSize(w, 1<<16)
		c, err := o.run(items, func(_ string, b []byte) error { _, err := bw.Write(b); return err })
		if err != nil {
			return c, err
		}
		return c, bw.Flush()
	}
	// Bad input (an invalid annotation, a stale text, a duplicate id) must
	// fail before any output exists. One output file written atomically
	// guarantees that by itself; stdout and a directory of files need a
	// first pass that encodes everything and writes nothing.
	if o.out == "" || o.format != "jsonl" {
		if _, err := o.run(items, func(string, []byte) error { return nil }); err != nil {
			return err
		}
	}
	if o.out == "" {
		_, err := lines(e.stdout)
		return err
	}
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	model.RemoveStaleTemps(o.out, "") // left by an export killed before
	var c exportCount
	if o.format == "jsonl" {
		err = model.WriteAtomic(filepath.Join(o.out, name+".corefix.jsonl"), 0o644, func(f io.Writer) error {
			var err error
			c, err = lines(f)
			return err
		})
	} else {
		fw := newFileWriter(o.out)
		c, err = o.run(items, fw.write)
		if cerr := fw.close(); err == nil {
			err = cerr // a write failed after the last file was queued
		}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "corefix: exported %d annotated documents (%d not annotated) to %s", c.annotated, c.bare, o.out)
	if c.pending > 0 {
		fmt.Fprintf(e.stderr, "; %d pending spans left out (--include-pending adds them)", c.pending)
	}
	fmt.Fprintln(e.stderr)
	return nil
}

// items returns the documents to export, re-iterable for the two passes,
// and a name for a single output file.
func (o *exportOptions) items() (items iter.Seq2[exportItem, error], name string, closeSrc func(), err error) {
	if o.src.db == "" {
		return itemsOf(annotationFiles(o.src.files), func(a *model.Annotation) *model.Annotation { return a }),
			"annotations", func() {}, nil
	}
	s, err := o.src.open(o.format == "jsonl" && !o.aside)
	if err != nil {
		return nil, "", nil, err
	}
	if o.aside {
		// Like annotation files: each carries its own (old) text.
		return itemsOf(s.SetAside(o.src.annotator), func(r store.AsideRow) *model.Annotation { return r.Annotation }),
			model.IDFromPath(s.Dataset()) + ".set-aside", func() { s.Close() }, nil
	}
	annotator, err := oneAnnotator(s, o.src.annotator)
	if err != nil {
		s.Close()
		return nil, "", nil, err
	}
	name = model.IDFromPath(s.Dataset())
	if o.format == "jsonl" {
		// Every dataset line, annotated or not, so the export is the
		// dataset with the review added.
		return func(yield func(exportItem, error) bool) {
			for rec, err := range s.Records() {
				var a *model.Annotation
				if err == nil {
					a, _, err = s.LoadAnnotation(rec.ID, annotator)
				}
				if err != nil {
					yield(exportItem{}, err)
					return
				}
				if !yield(exportItem{line: rec.Raw, a: a}, nil) {
					return
				}
			}
		}, name, func() { s.Close() }, nil
	}
	return itemsOf(s.Annotations(annotator), func(r store.Row) *model.Annotation { return r.Annotation }),
		name, func() { s.Close() }, nil
}

// itemsOf makes export items of annotations read one at a time (from
// files, database rows or set-aside rows), stopping at the first error.
func itemsOf[T any](seq iter.Seq2[T, error], annotation func(T) *model.Annotation) iter.Seq2[exportItem, error] {
	return func(yield func(exportItem, error) bool) {
		for v, err := range seq {
			var it exportItem
			if err == nil {
				it.a = annotation(v)
			}
			if !yield(it, err) || err != nil {
				return
			}
		}
	}
}

// exportCount says what an export wrote: annotated and bare documents,
// and the pending spans it left out.
type exportCount struct{ annotated, bare, pending int }

// run encodes every item in o.format and hands each output to emit: a
// line for jsonl (name empty), a named file for brat and txt.
func (o *exportOptions) run(items iter.Seq2[exportItem, error], emit func(name string, data []byte) error) (exportCount, error) {
	var c exportCount
	names := model.NewSafeNames()
	seen := make(map[string]bool)
	var manifest []byte
	for it, err := range items {
		if err != nil {
			return c, err
		}
		if it.a == nil {
			c.bare++
			if o.format == "jsonl" {
				if err := emit("", append(it.line, '\n')); err != nil {
					return c, err
				}
			}
			continue
		}
		c.annotated++
		a := it.a
		if !o.includePending {
			a = a.Decided()
			c.pending += it.a.Len() - a.Len()
		}
		id := a.Doc.ID
		if seen[id] {
			return c, fmt.Errorf("document %q is in two inputs (two annotators?); export one at a time", id)
		}
		seen[id] = true
		if o.format == "jsonl" {
			line, err := model.ExportLine(it.line, a)
			if err != nil {
				return c, err
			}
			if err := emit("", append(line, '\n')); err != nil {
				return c, err
			}
			continue
		}
		base := names.Name(id)
		entry, err := json.Marshal(struct {
			ID   string `json:"id"`
			File string `json:"file"`
		}{id, base})
		if err != nil {
			return c, err
		}
		manifest = append(append(manifest, entry...), '\n')
		if err := o.emitFiles(a, base, emit); err != nil {
			return c, err
		}
	}
	if o.format == "brat" {
		if err := emit("annotation.conf", model.BratConf()); err != nil {
			return c, err
		}
		if err := emit("visual.conf", model.BratVisual()); err != nil {
			return c, err
		}
	}
	if o.format != "jsonl" {
		// Safe names lose characters: the manifest maps them back to ids.
		if err := emit("manifest.jsonl", manifest); err != nil {
			return c, err
		}
	}
	return c, nil
}

// emitFiles writes one document's brat or txt files.
func (o *exportOptions) emitFiles(a *model.Annotation, base string, emit func(string, []byte) error) error {
	if o.format == "txt" {
		return emit(base+".txt", []byte(a.CorrectedText()))
	}
	ann, err := model.BratAnn(a)
	if err != nil {
		return err
	}
	// brat offsets index the text as annotated, not the corrected one.
	if err := emit(base+".txt", []byte(a.Doc.Text)); err != nil {
		return err
	}
	return emit(base+".ann", ann)
}
