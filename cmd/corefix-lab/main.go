// Command corefix-lab holds the developer tools that build corefix's
// embedded data and measure it; docs/lab.md describes each subcommand.
package main

import (
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
)

// commands maps each subcommand to its function; the arguments after the
// subcommand's name are its own.
var commands = map[string]func(args []string) error{
	"fluency":      runFluency,
	"fluency-eval": runFluencyEval,
}

func main() {
	if len(os.Args) < 2 || commands[os.Args[1]] == nil {
		names := slices.Sorted(maps.Keys(commands))
		fmt.Fprintf(os.Stderr, "usage: corefix-lab COMMAND [flags] (%s)\n", strings.Join(names, ", "))
		os.Exit(2)
	}
	if err := commands[os.Args[1]](os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "corefix-lab %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}
