package main

import (
	"os"
	"path/filepath"
	"strings"
)

// splitDirs splits a comma-separated list of directories, dropping empty
// entries.
func splitDirs(list string) []string {
	var out []string
	for _, d := range strings.Split(list, ",") {
		if d != "" {
			out = append(out, d)
		}
	}
	return out
}

// repoPath returns path relative to the repository root (the directory
// of the nearest go.mod at or above the working directory; the working
// directory itself when there is none), with forward slashes. What the
// lab records in a data file then reads the same on every machine and
// from every working directory: the shared data is ../shared/data beside
// a checkout.
func repoPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	root, err := os.Getwd()
	if err != nil {
		return filepath.ToSlash(path)
	}
	for dir := root; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			root = dir
			break
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// repoPaths is repoPath of each path.
func repoPaths(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = repoPath(p)
	}
	return out
}
