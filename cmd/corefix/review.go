package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"corefix"
	"corefix/annotate/align"
	"corefix/annotate/detect"
	"corefix/model"
	"corefix/model/store"
	"corefix/ui"
)

// reviewOptions are the flags of `corefix review`.
type reviewOptions struct {
	original  string
	out       string
	annotator string
	readOnly  bool
	db        string
	clusters  clusterFlags
}

func reviewCommand() command {
	return command{
		name: "review", args: "[FILE | DATA.jsonl]",
		summary: "Open the review editor on FILE (the embedded sample article without FILE).\n" +
			"Decisions are saved to NAME.corefix.json beside FILE (./sample.corefix.json for the sample)\n" +
			"after every change; reopening resumes where you stopped. A JSON Lines dataset (.jsonl,\n" +
			".ndjson) is reviewed document by document (] and [) in a database, DATA.corefix.db beside it.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &reviewOptions{}
			fs.StringVar(&o.original, "original", "", "the text before substitution (exact mode)")
			fs.StringVar(&o.out, "out", "", "annotation file `PATH` (default NAME.corefix.json beside FILE)")
			fs.StringVar(&o.annotator, "annotator", defaultAnnotator(), "your `NAME`, recorded with your decisions (and, in a dataset, whose review this is)")
			fs.BoolVar(&o.readOnly, "read-only", false, "look without deciding, e.g. while another corefix holds the annotation file or your review in the database")
			fs.StringVar(&o.db, "db", "", "review database `PATH` for a dataset (default DATA.corefix.db beside DATA.jsonl)")
			o.clusters.declare(fs, "with --original, every finding exact")
			return func(args []string) error { return runReview(e, o, args) }
		},
	}
}

func runReview(e *env, o *reviewOptions, args []string) error {
	if len(args) == 1 {
		if err := checkClusters(&o.clusters, o.original, args[0], false); err != nil {
			return err
		}
	}
	if len(args) == 1 && isDataset(args[0], false) {
		d, err := openDatasetReview(o, args[0])
		if err != nil {
			return err
		}
		defer d.close()
		return ui.RunDataset(d.ds, ui.Options{Entities: entities, Notice: d.notice})
	}
	if o.db != "" {
		return &usageError{msg: "--db goes with a dataset (DATA.jsonl)"}
	}
	r, err := openReview(e, o, args)
	if err != nil {
		return err
	}
	err = ui.Run(r.a, fileTarget{r.file}, r.opts)
	// Close folds the journal into the file; when it cannot, the journal
	// stays beside it, read with it next time: nothing is lost, but say so.
	if cerr := r.file.Close(); cerr != nil && err == nil {
		return fmt.Errorf("%w (your decisions are safe in %s, read with the file)", cerr, model.JournalPath(r.file.Path))
	}
	return err
}

// fileTarget is the editor's Target for one annotation file: Save and
// ForceSave are the Workfile's, the rest below.
type fileTarget struct{ *model.Workfile }

// Name is the annotation file; ReadOnly says it was opened --read-only;
// RescuePath puts the work beside it when saving it fails at the end.

func (t fileTarget) Name() string                        { return t.Path }
func (t fileTarget) ReadOnly() bool                      { return t.Workfile.ReadOnly }
func (t fileTarget) RescuePath(*model.Annotation) string { return t.Path + ".rescue" }

// review is an annotation file opened for the editor.
type review struct {
	a    *model.Annotation
	file *model.Workfile
	opts ui.Options
}

// openReview reads the article, locks its annotation file (or opens it
// read-only) and resumes or starts the annotation: everything but the
// editor, so tests can check it without a terminal.
func openReview(e *env, o *reviewOptions, args []string) (*review, error) {
	if len(args) > 1 {
		return nil, &usageError{msg: "review takes one FILE"}
	}
	var doc *model.Document
	out := o.out
	if len(args) == 0 {
		doc = model.NewDocument(corefix.SampleID, "", corefix.SampleText)
		if out == "" {
			out = "sample.corefix.json"
		}
	} else {
		var err error
		if doc, err = e.readDocument(args[0]); err != nil {
			return nil, err
		}
		if strings.TrimSpace(doc.Text) == "" {
			return nil, fmt.Errorf("%s: empty, nothing to review", args[0])
		}
		if out == "" {
			out = model.AnnotationPath(args[0])
		}
	}
	var orig *model.Document
	if o.original != "" {
		var err error
		if orig, err = e.readDocument(o.original); err != nil {
			return nil, err
		}
	}
	var ct *model.CorefText
	if o.clusters.given() {
		var err error
		if ct, err = o.clusters.onText(doc, orig); err != nil {
			return nil, err
		}
	}
	w, err := openWorkfile(out, o)
	if err != nil {
		return nil, err
	}
	title := doc.Path
	if title == "" {
		title = "sample (" + doc.ID + ")"
	}
	origin := model.OriginFor(orig)
	opts := ui.Options{Title: title, Entities: entities, Origin: origin}
	// The detectors run after the editor's first frame (ui.Options.Detect),
	// region by region, on a document of their own: the tokens they cache
	// with it are garbage once the findings are out. Findings replayed
	// from clusters are found first, since they may warn on stderr, which
	// the editor holds once it runs.
	detectNow := func() ([]model.Finding, error) { return e.exactFindings(doc, orig, ct) }
	if ct == nil {
		detectNow = nil
	}
	start := func(detect func() ([]model.Finding, error)) (*model.Annotation, bool, error) {
		a, resumed, err := w.LoadOrStart(doc, detect, origin)
		if err == nil && !resumed {
			a.Annotator = o.annotator
			if orig != nil {
				a.Original = &model.OriginalRef{Path: orig.Path, SHA256: orig.SHA256()}
			}
		}
		return a, resumed, err
	}
	if w.Exists() {
		// A saved annotation is read after the first frame too (a 20 MB
		// article's is read, checked and replayed in a second or more);
		// the editor shows the article meanwhile, and stops with the
		// error, as here, when the file cannot be resumed. (Removed
		// meanwhile, it starts afresh there, its findings found
		// quietly.)
		quiet := &env{stderr: io.Discard}
		opts.Load = func() (*model.Annotation, error) {
			// The file's bytes and the spans decoded from them are
			// most of what the reading allocates (keptPercent).
			defer leanCollector(len(doc.Text), keptPercent)()
			a, resumed, err := start(func() ([]model.Finding, error) { return quiet.exactFindings(doc, orig, ct) })
			if err == nil && resumed {
				err = pairedBefore(a, doc, orig)
			}
			return a, err
		}
		a, err := model.NewAnnotation(doc, nil, origin)
		if err != nil {
			w.Close()
			return nil, err
		}
		return &review{a: a, file: w, opts: opts}, nil
	}
	a, resumed, err := start(detectNow)
	if err != nil {
		w.Close()
		return nil, err
	}
	opts.Resumed = resumed
	if !resumed && ct == nil {
		opts.Detect = detection(doc, orig)
	}
	return &review{a: a, file: w, opts: opts}, nil
}

// pairedBefore refuses orig, given to resume a, when exact mode refuses it
// with doc, as detect does: a's spans were not found with it (a text-only
// review, or another original), so nothing checked the pair. An original
// a was made with was checked then. Both are detached: the command holds
// Options.Load, and with it orig and doc, while the editor runs, and the
// tokens the check caches on them would stay as long.
func pairedBefore(a *model.Annotation, doc, orig *model.Document) error {
	if orig == nil || a.Original != nil && a.Original.SHA256 == orig.SHA256() {
		return nil
	}
	return align.CheckPairing(detached(orig), detached(doc))
}

// detached is a copy of doc for an analysis whose caches (the tokens of
// a 20 MB article weigh more than it) should not live as long as doc.
func detached(doc *model.Document) *model.Document {
	return model.NewDocument(doc.ID, doc.Path, doc.Text)
}

// entities is the editor's mention analysis (the antecedent panel), on a
// detached document, with the collector's goal lowered on a long text
// (leanCollector, keptPercent): it runs as the detection ends, and tokenises the
// text again. On a long text the memory the spans' arrival left free
// (the detection's pass, or the annotation file read and decoded) goes
// back to the system first: the analysis did not fit in those pages
// (its tokens are one 48 MB array at 20 MB), and the editor's RSS grew
// by them.
func entities(doc *model.Document) *model.Entities {
	if len(doc.Text) >= leanBytes {
		debug.FreeOSMemory()
	}
	defer leanCollector(len(doc.Text), keptPercent)()
	return detect.Entities(detached(doc))
}

// openWorkfile locks the annotation file, or opens it read-only when asked.
// A lock that cannot be made (a read-only directory) names both ways out;
// one held by another editor, see lockHint.
func openWorkfile(path string, o *reviewOptions) (*model.Workfile, error) {
	if o.readOnly {
		return model.OpenWorkfileReadOnly(path)
	}
	w, err := model.OpenWorkfile(path, o.annotator)
	if err != nil && !errors.Is(err, model.ErrLocked) {
		return nil, fmt.Errorf("%w; save elsewhere with --out PATH, or add --read-only to look without deciding", err)
	}
	return w, lockHint(err)
}

// lockHint adds to a lock held by another editor (one line naming the
// holder) the way to look anyway.
func lockHint(err error) error {
	if errors.Is(err, model.ErrLocked) {
		return fmt.Errorf("%w; add --read-only to look without deciding", err)
	}
	return err
}

// datasetReview is a dataset opened for the editor.
type datasetReview struct {
	store  *store.Store
	ds     *store.Review
	notice string // for the editor's status line: work set aside
}

func (d *datasetReview) close() error { return errors.Join(d.ds.Close(), d.store.Close()) }

// openDatasetReview opens (indexing it the first time) the review database
// of the dataset at path. A line with "original" and "clusters" is
// explained exactly; the editor holds the screen, so a line no pipeline
// explains falls back to the alignment without a word on stderr.
func openDatasetReview(o *reviewOptions, path string) (*datasetReview, error) {
	switch {
	case o.original != "":
		return nil, &usageError{msg: "--original is for one FILE; a dataset line carries its own \"original\""}
	case o.out != "":
		return nil, &usageError{msg: "--out is for one FILE; a dataset is saved to --db"}
	}
	db := o.db
	if db == "" {
		db = store.DefaultPath(path)
	}
	s, err := store.Open(db, store.Options{Dataset: path})
	if err != nil {
		return nil, err
	}
	detect := func(doc, orig *model.Document) ([]model.Finding, error) {
		rec, _, err := s.RecordByID(doc.ID)
		if err != nil {
			return nil, err
		}
		ct, err := recordClusters(rec, path)
		if err != nil {
			return nil, err
		}
		return (&env{stderr: io.Discard}).exactFindings(doc, orig, ct)
	}
	newReview := store.NewReview
	if o.readOnly {
		newReview = store.ReadOnlyReview
	}
	ds, err := newReview(s, o.annotator, detect)
	if err != nil {
		s.Close()
		return nil, lockHint(err)
	}
	d := &datasetReview{store: s, ds: ds}
	if d.notice, err = setAsideNotice(s, o.annotator); err != nil {
		d.close()
		return nil, err
	}
	return d, nil
}

// setAsideNotice tells the annotator that some of their annotations were
// set aside because their document's text changed, and where to find
// them; "" when none were.
func setAsideNotice(s *store.Store, annotator string) (string, error) {
	var ids []string
	for r, err := range s.SetAside(annotator) {
		if err != nil {
			return "", err
		}
		ids = append(ids, fmt.Sprintf("%q", r.DocID))
	}
	n := len(ids)
	if n == 0 {
		return "", nil
	}
	if n > 3 {
		ids = append(ids[:3], "…")
	}
	return fmt.Sprintf("%d of your annotations were set aside, their text changed in the dataset (%s): they start afresh here; corefix stats --db %s lists them, export --set-aside writes them",
		n, strings.Join(ids, ", "), s.Path()), nil
}
