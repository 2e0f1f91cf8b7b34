package main

import (
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"corefix/model"
)

// clean-texts: clean English of kinds the damage factory has no gold for
// — licences and READMEs, as the machine's Debian packages install them —
// in two sets that share no passage: ten texts to measure false alarms
// on (the detection issue's "clean English of other kinds"), and the rest
// as negatives for train-judge -clean. With -ewt, the documents of UD
// English EWT join the training set: web English (reviews, e-mail,
// answers, blogs, newsgroups) that recurs and names things as no licence
// does, and that no GUM text the judge is evaluated on shares.

// cleanEval are the ten texts false alarms are measured on: five licences
// and five READMEs of packages every Debian system of this kind has.
func cleanEval() []string {
	return []string{
		"/usr/share/common-licenses/Apache-2.0", "/usr/share/common-licenses/Artistic",
		"/usr/share/common-licenses/GPL-3", "/usr/share/common-licenses/LGPL-2.1",
		"/usr/share/common-licenses/MPL-2.0",
		"/usr/share/doc/coreutils/README.gz", "/usr/share/doc/libpng16-16/README.gz",
		"/usr/share/doc/man-db/README.md.gz", "/usr/share/doc/systemd/README.gz",
		"/usr/share/doc/zstd/README.md.gz",
	}
}

// Limits of a training text: READMEs of 2–80 KB whose tokens are mostly
// plain words (prose, not tables of options or change logs).
const (
	cleanMinBytes  = 2000
	cleanMaxBytes  = 80000
	cleanMinProse  = 0.72
	cleanSharedRun = 10 // words in a row that make two texts share a passage
)

func cleanTextsCommand() command {
	return command{name: "clean-texts", summary: "collect clean licences and READMEs of this machine: ten to measure false alarms on, the rest for train-judge -clean", run: runCleanTexts}
}

func runCleanTexts(args []string, stdout, stderr io.Writer) error {
	fs := flagSet("clean-texts", stderr)
	evalDir := fs.String("eval", "", "write the ten evaluation texts here, as NAME.txt, NAME.orig.txt and an empty NAME.gold.json (required)")
	trainDir := fs.String("train", "", "write the training texts here, as NAME.txt (required)")
	ewtDir := fs.String("ewt", "", "also write every document of the `folder`'s *.conllu files (UD English EWT) to -train, as ewt_ID.txt")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *evalDir == "" || *trainDir == "" {
		return usageError{"-eval and -train are required"}
	}
	for _, dir := range []string{*evalDir, *trainDir} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
	}
	var runs map[string]bool
	evalSet := cleanEval()
	for _, p := range evalSet {
		text, err := readMaybeGzip(p)
		if err != nil {
			return err
		}
		runs = wordRuns(text, runs)
		name := cleanName(p)
		doc := model.NewDocument(name, "", text)
		gold, err := model.EncodeGold(doc, nil)
		if err != nil {
			return err
		}
		for file, data := range map[string][]byte{name + ".txt": []byte(text), name + ".orig.txt": []byte(text), name + ".gold.json": gold} {
			if err := os.WriteFile(filepath.Join(*evalDir, file), data, 0o644); err != nil {
				return err
			}
		}
	}
	candidates, err := filepath.Glob("/usr/share/doc/*/README*")
	if err != nil {
		return err
	}
	licences, err := filepath.Glob("/usr/share/common-licenses/*")
	if err != nil {
		return err
	}
	kept, words, seen := 0, 0, map[string]bool{}
	for _, p := range append(candidates, licences...) {
		if slices.Contains(evalSet, p) || isSymlink(p) {
			continue
		}
		text, err := readMaybeGzip(p)
		if err != nil || seen[text] || !trainingProse(text, strings.HasPrefix(p, "/usr/share/common-licenses/")) || sharesRun(text, runs) {
			continue // unreadable, a copy, not prose, or a passage of an evaluation text
		}
		seen[text] = true
		if err := os.WriteFile(filepath.Join(*trainDir, cleanName(p)+".txt"), []byte(text), 0o644); err != nil {
			return err
		}
		kept++
		words += len(strings.Fields(text))
	}
	if *ewtDir != "" {
		n, w, err := writeTreebankTexts(*ewtDir, *trainDir, runs)
		if err != nil {
			return err
		}
		kept, words = kept+n, words+w
	}
	fmt.Fprintf(stdout, "%d evaluation texts in %s; %d training texts (%d words) in %s\n", len(evalSet), *evalDir, kept, words, *trainDir)
	return nil
}

// writeTreebankTexts writes every document of dir's *.conllu files to
// trainDir as ewt_ID.txt, spaced as the treebank spaces it, leaving out
// any that shares a passage of runs; it returns how many it wrote and
// their words.
func writeTreebankTexts(dir, trainDir string, runs map[string]bool) (kept, words int, err error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.conllu"))
	if err != nil {
		return 0, 0, err
	}
	if len(paths) == 0 {
		return 0, 0, fmt.Errorf("%s: no .conllu files", dir)
	}
	for _, p := range paths {
		docs, err := model.ReadClusterFile(p, model.ClustersCoNLLU)
		if err != nil {
			return 0, 0, err
		}
		for _, d := range docs {
			text, _ := d.OwnText() // CoNLL-U has words, so always ok
			if sharesRun(text, runs) {
				continue
			}
			name := "ewt_" + strings.NewReplacer("/", "_", " ", "_").Replace(d.ID) + ".txt"
			if err := os.WriteFile(filepath.Join(trainDir, name), []byte(text), 0o644); err != nil {
				return 0, 0, err
			}
			kept++
			words += len(strings.Fields(text))
		}
	}
	return kept, words, nil
}

// readMaybeGzip reads a text file, gunzipping a .gz; it must be UTF-8.
func readMaybeGzip(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		z, err := gzip.NewReader(f)
		if err != nil {
			return "", fmt.Errorf("%s: %v", path, err)
		}
		r = z
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return "", fmt.Errorf("%s: %v", path, err)
	}
	if !utf8.Valid(data) {
		return "", fmt.Errorf("%s: not UTF-8", path)
	}
	return string(data), nil
}

// isSymlink reports whether path is a symbolic link (the licences link
// their versionless names to a version).
func isSymlink(path string) bool {
	fi, err := os.Lstat(path)
	return err == nil && fi.Mode()&os.ModeSymlink != 0
}

// cleanName names a text by its package and file: zstd and README.md.gz
// give "zstd_README" plus ".md".
func cleanName(path string) string {
	path = strings.TrimSuffix(path, ".gz")
	return filepath.Base(filepath.Dir(path)) + "_" + filepath.Base(path)
}

// plainWord is a token of prose: a word, maybe capitalised, maybe with
// the punctuation that ends a clause.
var plainWord = regexp.MustCompile(`^[A-Za-z][a-z]*[,.;:]?$`)

// trainingProse reports whether text is prose worth training on: within
// the size limits (licences whatever their size) and mostly plain words.
func trainingProse(text string, licence bool) bool {
	if !licence && (len(text) < cleanMinBytes || len(text) > cleanMaxBytes) {
		return false
	}
	toks := strings.Fields(text)
	n := 0
	for _, t := range toks {
		if plainWord.MatchString(t) {
			n++
		}
	}
	return len(toks) > 0 && float64(n)/float64(len(toks)) > cleanMinProse
}

// wordRuns adds every run of cleanSharedRun words of text (lower case,
// letters and digits only) to runs.
func wordRuns(text string, runs map[string]bool) map[string]bool {
	if runs == nil {
		runs = map[string]bool{}
	}
	w := runWords(text)
	for i := 0; i+cleanSharedRun <= len(w); i++ {
		runs[strings.Join(w[i:i+cleanSharedRun], " ")] = true
	}
	return runs
}

// sharesRun reports whether text has a run of words in runs.
func sharesRun(text string, runs map[string]bool) bool {
	w := runWords(text)
	for i := 0; i+cleanSharedRun <= len(w); i++ {
		if runs[strings.Join(w[i:i+cleanSharedRun], " ")] {
			return true
		}
	}
	return false
}

// wordPattern is a word for comparing passages.
var wordPattern = regexp.MustCompile(`[\p{L}\p{N}_]+`)

// runWords returns the words of text in lower case.
func runWords(text string) []string {
	return wordPattern.FindAllString(strings.ToLower(text), -1)
}
