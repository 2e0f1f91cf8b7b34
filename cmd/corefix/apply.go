package main

import (
	"flag"
	"fmt"
	"path/filepath"

	"corefix/model"
)

func applyCommand() command {
	return command{
		name: "apply", args: "ANNOTATION",
		summary: "Write the corrected text of an annotation file (NAME.corefix.json):\n" +
			"the document with every accepted or edited span replaced.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			out := fs.String("o", "", "write to `PATH` (atomically) instead of stdout")
			return func(args []string) error {
				if len(args) != 1 {
					return &usageError{msg: "want exactly one ANNOTATION file"}
				}
				a, err := model.ReadAnnotationFile(args[0])
				if err != nil {
					return err
				}
				text := a.CorrectedText()
				if *out == "" {
					_, err = fmt.Fprint(e.stdout, text)
					return err
				}
				model.RemoveStaleTemps(filepath.Dir(*out), filepath.Base(*out)) // left by an apply killed before
				return model.WriteFileAtomic(*out, []byte(text), 0o644)
			}
		},
	}
}
