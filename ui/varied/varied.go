// Package varied makes the benchmarks' large articles of varied text:
// runs of sentences of the repository's own articles (the GUM drift
// texts, the seed article and a text of each GUM genre,
// testdata/varied/README), never one article repeated. The editor's
// benchmarks in ./ui and the terminal's in ./cmd/corefix share it, so
// their figures are for the same text.
package varied

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// sources returns the article globs, relative to the repository's root.
func sources() []string {
	return []string{
		"testdata/varied/*.txt",
		"testdata/gum/drift/GUM_*[a-z].txt",
		"testdata/cnn-sessions.txt",
	}
}

// Text returns size bytes (a little more: whole sentences) of text
// made of the repository's articles: runs of 3 to 40 sentences of a
// random article, from a random sentence, one run a paragraph. The same
// every time (a fixed seed), so figures compare. It panics when a text
// cannot be read: it is for tests, whose checkout has them.
func Text(size int) string {
	var arts [][]string
	root := repoRoot()
	for _, pat := range sources() {
		paths, err := filepath.Glob(filepath.Join(root, pat))
		if err != nil || len(paths) == 0 {
			panic(fmt.Sprintf("%s: no texts (%v)", pat, err))
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				panic(err)
			}
			arts = append(arts, sentences(string(data)))
		}
	}
	rng := rand.New(rand.NewPCG(16, 2026))
	var b strings.Builder
	b.Grow(size + 1<<16)
	for b.Len() < size {
		art := arts[rng.IntN(len(arts))]
		from := rng.IntN(len(art))
		to := min(from+3+rng.IntN(38), len(art))
		b.WriteString(strings.TrimSpace(strings.Join(art[from:to], "")))
		if rng.IntN(4) == 0 {
			b.WriteByte('\n')
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// repoRoot is the repository's root, two directories above this file:
// tests run in their own package's directory, at different depths.
func repoRoot() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		panic("varied: no source path to find the texts from")
	}
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// sentences splits text after each ". " (a tokenised article's " . "
// too), keeping every byte.
func sentences(text string) []string {
	var out []string
	for text != "" {
		i := strings.Index(text, ". ")
		if i < 0 {
			return append(out, text)
		}
		out = append(out, text[:i+2])
		text = text[i+2:]
	}
	return out
}
