// Command corefix-lab holds the developers' tools that make corefix's
// data, such as the copy scorer's trained weights; it is not part of the
// user CLI. `corefix-lab help` lists the commands, docs/lab.md says how
// to use them. Each command lives in a file of its own and is listed in
// commands.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

// command is one subcommand.
type command struct {
	name    string
	summary string // one line for help
	// run runs the command with its arguments. It writes its report to
	// stdout; stderr is for flag errors and usage.
	run func(args []string, stdout, stderr io.Writer) error
}

// commands lists the subcommands in the order help shows them. It is a
// function, not a global, so that each run gets fresh state.
func commands() []command {
	return []command{damageCommand(), trainCopyCommand(), trainJudgeCommand(), judgeEvalCommand(), cleanTextsCommand(), fluencyCommand(), fluencyEvalCommand(), personNounsCommand(), possessiveSlotCommand(), helpCommand()}
}

// usageError is a mistake in the command line: exit status 2. An empty
// msg means the flag package has already said what is wrong.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1 // the command failed: one line on stderr
	exitUsage   = 2 // unknown command or bad flags
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status; it is the
// only place that prints errors.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		writeHelp(stderr)
		return exitUsage
	}
	var c *command
	for _, x := range commands() {
		if x.name == args[0] {
			c = &x
		}
	}
	if c == nil {
		fmt.Fprintf(stderr, "corefix-lab: unknown command %q\n", args[0])
		writeHelp(stderr)
		return exitUsage
	}
	err := c.run(args[1:], stdout, stderr)
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		if ue.msg != "" {
			fmt.Fprintf(stderr, "corefix-lab %s: %s\n", c.name, ue.msg)
		}
		return exitUsage
	default:
		fmt.Fprintf(stderr, "corefix-lab %s: %v\n", c.name, err)
		return exitFailure
	}
}

// flagSet returns the flag set of command name, printing its errors and
// usage on stderr. Parse errors are usage errors; -h is flag.ErrHelp.
func flagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("corefix-lab "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args into fs and refuses positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{} // Parse printed the error and the usage

	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", fs.Arg(0))}
	}
	return nil
}

func helpCommand() command {
	return command{
		name:    "help",
		summary: "list the commands",
		run: func(args []string, stdout, stderr io.Writer) error {
			if err := parseFlags(flagSet("help", stderr), args); err != nil {
				return err
			}
			writeHelp(stdout)
			return nil
		},
	}
}

func writeHelp(w io.Writer) {
	fmt.Fprintln(w, "corefix-lab: developer tools for corefix's data (docs/lab.md)")
	fmt.Fprintln(w, "\nusage: corefix-lab COMMAND [flags]   (COMMAND -h: its flags)")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
	}
}
