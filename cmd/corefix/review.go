package main

import (
	"flag"

	"corefix"
	"corefix/model"
	"corefix/ui"
)

// reviewOptions are the flags of `corefix review`.
type reviewOptions struct {
	original  string
	out       string
	annotator string
}

func reviewCommand() command {
	return command{
		name: "review", args: "[FILE]",
		summary: "Open the review editor on FILE (the embedded sample article without FILE).\n" +
			"Decisions are saved to NAME.corefix.json beside FILE (./sample.corefix.json for the sample)\n" +
			"after every change; reopening resumes where you stopped.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			o := &reviewOptions{}
			fs.StringVar(&o.original, "original", "", "the text before substitution (exact mode)")
			fs.StringVar(&o.out, "out", "", "annotation file `PATH` (default NAME.corefix.json beside FILE)")
			fs.StringVar(&o.annotator, "annotator", defaultAnnotator(), "your `NAME`, recorded in the annotation file")
			return func(args []string) error { return runReview(e, o, args) }
		},
	}
}

func runReview(e *env, o *reviewOptions, args []string) error {
	if len(args) > 1 {
		return &usageError{msg: "review takes one FILE"}
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
			return err
		}
		if out == "" {
			out = model.AnnotationPath(args[0])
		}
	}
	var orig *model.Document
	if o.original != "" {
		var err error
		if orig, err = e.readDocument(o.original); err != nil {
			return err
		}
	}
	w, err := model.OpenWorkfile(out, o.annotator)
	if err != nil {
		return err
	}
	defer w.Close()
	a, resumed, err := w.LoadOrStart(doc, func() ([]model.Finding, error) { return findings(doc, orig) }, model.FromDetector)
	if err != nil {
		return err
	}
	if !resumed {
		a.Annotator = o.annotator
		if orig != nil {
			a.Original = &model.OriginalRef{Path: orig.Path, SHA256: orig.SHA256()}
		}
	}
	title := doc.Path
	if title == "" {
		title = "sample (" + doc.ID + ")"
	}
	return ui.Run(a, w, ui.Options{Title: title, Resumed: resumed})
}
