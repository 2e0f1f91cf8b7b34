package main

import (
	"io"
	"os"
)

// isTerminal reports whether w is a character device (a terminal), which
// decides between human and machine output formats.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
