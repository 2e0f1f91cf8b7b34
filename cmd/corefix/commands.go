package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

// errHelp ends a command after it printed its help (exit 0).
var errHelp = errors.New("help shown")

// command is one subcommand.
type command struct {
	name    string
	args    string // argument synopsis, e.g. "FILE..."
	summary string
	// flags declares the command's flags on fs and returns the function
	// that runs it with the positional arguments.
	flags func(fs *flag.FlagSet, e *env) func(args []string) error
}

// commands lists the subcommands in the order help shows them. It is a
// function, not a global, so each run gets fresh flag state.
func commands() []command {
	return []command{
		reviewCommand(),
		showCommand(),
		detectCommand(),
		evalCommand(),
		resolveCommand(),
		applyCommand(),
		exportCommand(),
		agreeCommand(),
		statsCommand(),
		versionCommand(),
		helpCommand(),
	}
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// dispatch picks the subcommand. A first argument that is not a command
// but names an existing file (or has a path separator or a dot) means
// `review FILE`; no arguments open the embedded sample.
func dispatch(e *env, args []string) error {
	if len(args) == 0 {
		c, _ := findCommand("review")
		return runCommand(e, c, nil)
	}
	first := args[0]
	switch first {
	case "-h", "-help", "--help":
		fmt.Fprint(e.stdout, mainUsage())
		return errHelp
	case "-version", "--version":
		first, args = "version", args[1:]
	default:
		args = args[1:]
	}
	if c, ok := findCommand(first); ok {
		return runCommand(e, c, args)
	}
	if strings.HasPrefix(first, "-") {
		return &usageError{msg: fmt.Sprintf("unknown flag %s", first), usage: mainUsage()}
	}
	if looksLikeFile(first) {
		c, _ := findCommand("review")
		return runCommand(e, c, append([]string{first}, args...))
	}
	return &usageError{msg: fmt.Sprintf("unknown command %q", first), usage: mainUsage()}
}

func looksLikeFile(s string) bool {
	if strings.ContainsAny(s, "/.\\") {
		return true
	}
	_, err := os.Stat(s)
	return err == nil
}

// runCommand parses flags anywhere among the arguments (so `review FILE
// --original O` works) and runs the command.
func runCommand(e *env, c command, args []string) error {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	do := c.flags(fs, e)
	usage := commandUsage(c, fs)
	// Everything after "--" is positional, even if it starts with "-".
	var rest []string
	for i, a := range args {
		if a == "--" {
			args, rest = args[:i], args[i+1:]
			break
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fmt.Fprint(e.stdout, usage)
				return errHelp
			}
			return &usageError{msg: c.name + ": " + err.Error(), usage: usage}
		}
		args = fs.Args()
		if len(args) == 0 {
			break
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
	pos = append(pos, rest...)
	err := do(pos)
	var ue *usageError
	if errors.As(err, &ue) && ue.usage == "" {
		ue.usage = usage
		ue.msg = c.name + ": " + ue.msg
	}
	return err
}

func commandUsage(c command, fs *flag.FlagSet) string {
	var b strings.Builder
	fmt.Fprintf(&b, "usage: corefix %s", c.name)
	hasFlags := false
	fs.VisitAll(func(*flag.Flag) { hasFlags = true })
	if hasFlags {
		b.WriteString(" [flags]")
	}
	if c.args != "" {
		b.WriteString(" " + c.args)
	}
	fmt.Fprintf(&b, "\n\n%s\n", c.summary)
	if hasFlags {
		b.WriteString("\nflags:\n")
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}
	return b.String()
}

func mainUsage() string {
	var b strings.Builder
	b.WriteString("corefix finds and fixes broken coreference substitutions in text.\n\n")
	b.WriteString("usage:\n  corefix                 open the review editor on the embedded sample article\n")
	b.WriteString("  corefix FILE            review FILE (same as corefix review FILE)\n")
	b.WriteString("  corefix COMMAND [flags] [args]\n\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-8s %-26s %s\n", c.name, c.args, firstLine(c.summary))
	}
	b.WriteString("\nRun 'corefix help COMMAND' or 'corefix COMMAND -h' for a command's flags.\n")
	return b.String()
}

// firstLine is the summary's first line as a sentence of its own (a line
// that introduces the next one ends in ':' there).
func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if t, ok := strings.CutSuffix(s, ":"); ok {
		return t + "."
	}
	return s
}

func helpCommand() command {
	return command{
		name: "help", args: "[COMMAND]", summary: "Show help for corefix or one command.",
		flags: func(fs *flag.FlagSet, e *env) func([]string) error {
			return func(args []string) error {
				switch len(args) {
				case 0:
					fmt.Fprint(e.stdout, mainUsage())
					return nil
				case 1:
					c, ok := findCommand(args[0])
					if !ok {
						return &usageError{msg: fmt.Sprintf("unknown command %q", args[0]), usage: mainUsage()}
					}
					cfs := flag.NewFlagSet(c.name, flag.ContinueOnError)
					c.flags(cfs, e)
					fmt.Fprint(e.stdout, commandUsage(c, cfs))
					return nil
				}
				return &usageError{msg: "help takes at most one command"}
			}
		},
	}
}
