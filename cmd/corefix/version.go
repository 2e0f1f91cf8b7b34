package main

import (
	"flag"
	"fmt"
	"runtime/debug"

	"corefix/model"
)

// version is set at build time with -ldflags "-X main.version=…"; otherwise
// the module version or VCS revision recorded by the Go toolchain is shown.
var version = ""

func versionCommand() command {
	return command{
		name: "version", summary: "Print the corefix version and the file schemas it reads and writes.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			return func(args []string) error {
				if len(args) > 0 {
					return &usageError{msg: "version takes no arguments"}
				}
				fmt.Fprintf(e.stdout, "corefix %s (%s, %s, %s, %s)\n", buildVersion(), model.AnnotationFileSchema, model.JournalSchema, model.AnnotationSchema, model.FindingsSchema)
				return nil
			}
		},
	}
}

func buildVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "devel"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "devel-" + rev
}
