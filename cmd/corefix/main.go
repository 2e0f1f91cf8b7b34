// Command corefix finds, reviews and fixes broken coreference substitutions
// in text. Run `corefix help` for the commands.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"corefix/model"
)

// usageError is a mistake in the command line: exit status 2 with usage.
type usageError struct {
	msg   string
	usage string
}

func (e *usageError) Error() string { return e.msg }

// Exit statuses, documented in the README.
const (
	exitOK      = 0
	exitFailure = 1 // bad input, I/O error: one line on stderr
	exitUsage   = 2 // unknown command or flag
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status; it is the
// only place that prints errors, so every failure looks the same.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	env := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	err := dispatch(env, args)
	var ue *usageError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "corefix: %s\n", ue.msg)
		if ue.usage != "" {
			fmt.Fprint(stderr, ue.usage)
		}
		return exitUsage
	default:
		fmt.Fprintf(stderr, "corefix: %s\n", oneLine(err.Error()))
		return exitFailure
	}
}

// env is what a command may touch: its streams. Keeping them here lets
// tests run commands in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
}

// readDocument reads a text file, or stdin for "-".
func (e *env) readDocument(path string) (*model.Document, error) {
	if path == "-" {
		return model.ReadDocumentFrom(e.stdin, path)
	}
	return model.ReadDocument(path)
}

// oneLine keeps error output to a single line whatever a library returned.
func oneLine(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' || s[i] == '\r' {
			return s[:i] + " …"
		}
	}
	return s
}
