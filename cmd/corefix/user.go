package main

import (
	"os"
	"os/user"
)

// defaultAnnotator is the login name, so annotation files say who decided
// without the user typing it every time.
func defaultAnnotator() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	if n := os.Getenv("USER"); n != "" {
		return n
	}
	return "unknown"
}
