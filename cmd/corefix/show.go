package main

import (
	"flag"
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"corefix/model"
	"corefix/ui"
)

func showCommand() command {
	return command{
		name: "show", args: "FILE | -",
		summary: "Print FILE with the suspected broken spans marked, for a quick look without the editor:\n" +
			"coloured on a terminal, [[text]]{category} when piped or when NO_COLOR is set.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			original := fs.String("original", "", "the text before substitution (exact mode)")
			var clusters clusterFlags
			clusters.declare(fs, "with --original, every finding exact")
			return func(args []string) error { return runShow(e, *original, &clusters, args) }
		},
	}
}

func runShow(e *env, original string, clusters *clusterFlags, args []string) error {
	if len(args) != 1 {
		return &usageError{msg: "show takes one FILE"}
	}
	if err := checkClusters(clusters, original, args[0], false); err != nil {
		return err
	}
	doc, err := e.readDocument(args[0])
	if err != nil {
		return err
	}
	var orig *model.Document
	if original != "" {
		if orig, err = e.readDocument(original); err != nil {
			return err
		}
	}
	var ct *model.CorefText
	if clusters.given() {
		if ct, err = clusters.onText(doc, orig); err != nil {
			return err
		}
	}
	fs, err := e.exactFindings(doc, orig, ct)
	if err != nil {
		return err
	}
	// Colour only where it shows: a terminal that has colours and a user
	// who did not ask for none. The writer downsamples to what it supports.
	env := os.Environ()
	profile := colorprofile.Detect(e.stdout, env)
	if profile < colorprofile.ANSI || os.Getenv("NO_COLOR") != "" {
		return ui.WriteMarked(e.stdout, doc.Text, fs, nil)
	}
	return ui.WriteMarked(colorprofile.NewWriter(e.stdout, env), doc.Text, fs, ui.NewStyles(e.darkBackground()))
}

// darkBackground asks the terminal behind stdout for its background
// colour, as the editor does, so light terminals get readable colours. It
// assumes dark when stdin and stdout are not both that terminal (a query
// needs the reply on stdin) or the terminal does not answer.
func (e *env) darkBackground() bool {
	in, okIn := e.stdin.(*os.File)
	out, okOut := e.stdout.(*os.File)
	if !okIn || !okOut {
		return true
	}
	return lipgloss.HasDarkBackground(in, out)
}
