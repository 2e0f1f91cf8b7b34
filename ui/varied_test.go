package ui

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// variedSources are the repository's articles the varied benchmark text
// is made of: the GUM drift texts, the seed article (cnn-sessions) and a
// text of each GUM genre (testdata/varied/README).
var variedSources = []string{
	"../testdata/varied/*.txt",
	"../testdata/gum/drift/GUM_*[a-z].txt",
	"../testdata/cnn-sessions.txt",
}

// variedText returns size bytes (a little more: whole sentences) of text
// made of the repository's articles, never one article repeated: runs of
// 3 to 40 sentences of a random article, from a random sentence, one run
// a paragraph. The same every time (a fixed seed), so figures compare.
// It panics when a text cannot be read (it runs in a sync.Once).
func variedText(size int) string {
	var arts [][]string
	for _, pat := range variedSources {
		paths, err := filepath.Glob(pat)
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
