// Command corefix-lab holds corefix's developer tools: making the material
// detection is trained and evaluated on (docs/lab.md). Run `corefix-lab
// help` for the subcommands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// usageError is a mistake in the command line: exit status 2, with the
// usage.
type usageError struct {
	msg   string
	usage string
}

func (e *usageError) Error() string { return e.msg }

const mainUsage = `usage: corefix-lab SUBCOMMAND [flags]

subcommands:
  damage   turn coreference-annotated documents into damaged ones with gold
  help     this text

corefix-lab SUBCOMMAND -h shows the subcommand's flags.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run executes the command line and returns the exit status: 0, 1 for a
// failure (one line on stderr naming the file and the problem), 2 for a
// usage error (followed by the usage).
func run(args []string, stderr io.Writer) int {
	err := dispatch(args, stderr)
	var ue *usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "corefix-lab: %s\n%s", ue.msg, ue.usage)
		return 2
	}
	msg, _, cut := strings.Cut(err.Error(), "\n")
	if cut {
		msg += " …"
	}
	fmt.Fprintf(stderr, "corefix-lab: %s\n", msg)
	return 1
}

func dispatch(args []string, stderr io.Writer) error {
	if len(args) == 0 {
		return &usageError{msg: "no subcommand", usage: mainUsage}
	}
	switch args[0] {
	case "damage":
		return runDamage(args[1:])
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stderr, mainUsage)
		return nil
	}
	return &usageError{msg: fmt.Sprintf("unknown subcommand %q", args[0]), usage: mainUsage}
}
