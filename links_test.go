package corefix

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// The repository's references must name files it holds: every relative
// link in its Markdown files, and every Markdown file a Go comment names.
// A citation of a document kept elsewhere (the shared folder of the
// project's machines, say) fails here, because a reader of the repository
// cannot follow it.

// mdLink is one link found in a Markdown file.
type mdLink struct {
	line   int    // 1-based
	target string // as written, anchor and all
}

var (
	// inlineLink matches [text](target) and ![alt](target), with an
	// optional title; <target> allows spaces.
	inlineLink = regexp.MustCompile(`!?\[[^\]]*\]\(\s*(<[^>]*>|[^)\s]+)(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)`)
	// refLink matches a reference definition: [label]: target.
	refLink = regexp.MustCompile(`^\s{0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)`)
	// codeSpan matches inline code, whose brackets are no links.
	codeSpan = regexp.MustCompile("`+[^`]*`+")
	// fence opens or closes a fenced code block.
	fence = regexp.MustCompile("^\\s*(```|~~~)")
	// scheme marks an absolute URL (http:, https:, mailto:…).
	scheme = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)
	// mdMention is a token naming a Markdown file in a comment: a name or
	// path ending in .md, at least one name character before the dot.
	mdMention = regexp.MustCompile(`[A-Za-z0-9_./-]*[A-Za-z0-9_-]\.md\b`)
)

// proseLines returns the lines of a Markdown text, with those of fenced
// code blocks (fences included) blanked.
func proseLines(text string) []string {
	out := strings.Split(text, "\n")
	inFence, marker := false, ""
	for i, line := range out {
		if m := fence.FindStringSubmatch(line); m != nil {
			switch {
			case !inFence:
				inFence, marker = true, m[1]
			case m[1] == marker:
				inFence = false
			}
			out[i] = ""
			continue
		}
		if inFence {
			out[i] = ""
		}
	}
	return out
}

// markdownLinks returns the links of a Markdown text outside code blocks
// and code spans, in text order.
func markdownLinks(text string) []mdLink {
	var out []mdLink
	for i, line := range proseLines(text) {
		line = codeSpan.ReplaceAllStringFunc(line, func(s string) string { return strings.Repeat(" ", len(s)) })
		for _, m := range inlineLink.FindAllStringSubmatch(line, -1) {
			out = append(out, mdLink{line: i + 1, target: m[1]})
		}
		if m := refLink.FindStringSubmatch(line); m != nil {
			out = append(out, mdLink{line: i + 1, target: m[1]})
		}
	}
	return out
}

// localTarget returns the file part of a link target relative to the
// linking file, or ok false for a link outside the repository's files
// (a URL, mailto:) or to an anchor of the same file.
func localTarget(target string) (file string, ok bool) {
	target = strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">")
	if scheme.MatchString(target) || strings.HasPrefix(target, "//") {
		return "", false
	}
	if i := strings.IndexAny(target, "#?"); i >= 0 {
		target = target[:i]
	}
	if target == "" {
		return "", false
	}
	if u, err := url.PathUnescape(target); err == nil {
		target = u
	}
	return target, true
}

// heading matches an ATX heading: its text.
var heading = regexp.MustCompile(`^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$`)

// anchors returns the anchors GitHub gives the headings of a Markdown
// text: lower case, every character but letters, digits, '_', '-' and
// spaces dropped, spaces made hyphens, and -1, -2… added to repeats.
func anchors(text string) map[string]bool {
	out := make(map[string]bool)
	for _, line := range proseLines(text) {
		m := heading.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(m[1]) {
			switch {
			case unicode.IsLetter(r), unicode.IsDigit(r), unicode.Is(unicode.Mn, r), r == '_', r == '-':
				b.WriteRune(r)
			case r == ' ':
				b.WriteByte('-')
			}
		}
		slug := b.String()
		for k := 1; out[slug]; k++ {
			slug = fmt.Sprintf("%s-%d", b.String(), k)
		}
		out[slug] = true
	}
	return out
}

// anchorOf returns the anchor of a link target ("" when it has none).
func anchorOf(target string) string {
	target = strings.TrimSuffix(strings.TrimPrefix(target, "<"), ">")
	_, anchor, _ := strings.Cut(target, "#")
	if u, err := url.PathUnescape(anchor); err == nil {
		anchor = u
	}
	return anchor
}

// commentMentions returns the names ending in .md that the comments of a
// Go file mention, with their lines. Tokens inside URLs are left out.
func commentMentions(fset *token.FileSet, src []byte, name string) ([]mdLink, error) {
	f, err := parser.ParseFile(fset, name, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	var out []mdLink
	for _, group := range f.Comments {
		for _, c := range group.List {
			line := fset.Position(c.Slash).Line
			for k, text := range strings.Split(c.Text, "\n") {
				for _, field := range strings.Fields(text) {
					if strings.Contains(field, "://") {
						continue
					}
					for _, m := range mdMention.FindAllString(field, -1) {
						out = append(out, mdLink{line: line + k, target: m})
					}
				}
			}
		}
	}
	return out, nil
}

// repoFiles lists the repository's files (slash-separated, relative to
// the root), leaving out .git.
func repoFiles(t *testing.T) []string {
	t.Helper()
	if _, err := os.Stat("go.mod"); err != nil {
		t.Fatalf("not at the repository root: %v", err)
	}
	var files []string
	err := filepath.WalkDir(".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() != ".git" { // a worktree's .git is a file
			files = append(files, filepath.ToSlash(p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// inRepo reports whether the slash path p, relative to the root, names a
// file or directory of the repository.
func inRepo(p string) bool {
	p = path.Clean(p)
	if p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return false
	}
	_, err := os.Stat(filepath.FromSlash(p))
	return err == nil
}

func TestMarkdownLinksResolve(t *testing.T) {
	var docs, checked, anchorsChecked int
	seen := make(map[string]bool) // "file -> target", to check the test sees known links
	for _, f := range repoFiles(t) {
		if !strings.HasSuffix(f, ".md") {
			continue
		}
		docs++
		data, err := os.ReadFile(filepath.FromSlash(f))
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range markdownLinks(string(data)) {
			resolved := f // a link to an anchor of the same file
			if target, ok := localTarget(l.target); ok {
				checked++
				resolved = path.Join(path.Dir(f), target)
				if strings.HasPrefix(target, "/") {
					resolved = strings.TrimPrefix(target, "/")
				}
				seen[f+" -> "+resolved] = true
				if !inRepo(resolved) {
					t.Errorf("%s:%d: link to %s: no such file in the repository", f, l.line, l.target)
					continue
				}
			} else if scheme.MatchString(l.target) || !strings.HasPrefix(l.target, "#") {
				continue // a URL
			}
			anchor := anchorOf(l.target)
			if anchor == "" || !strings.HasSuffix(resolved, ".md") {
				continue
			}
			target, err := os.ReadFile(filepath.FromSlash(resolved))
			if err != nil {
				t.Fatal(err)
			}
			anchorsChecked++
			if !anchors(string(target))[anchor] {
				t.Errorf("%s:%d: link to %s: %s has no heading with that anchor", f, l.line, l.target, resolved)
			}
		}
	}
	// Guard against a scanner that finds nothing and so passes.
	if docs < 5 || checked < 8 {
		t.Errorf("checked %d relative links in %d Markdown files; expected at least 8 in 5", checked, docs)
	}
	if anchorsChecked < 3 {
		t.Errorf("checked %d anchors; expected at least 3: the anchor check is broken", anchorsChecked)
	}
	for _, want := range []string{"README.md -> docs/formats.md", "docs/editor.md -> docs/datasets.md"} {
		if !seen[want] {
			t.Errorf("the link %s was not found: the link scanner is broken", want)
		}
	}
}

func TestCommentsNameExistingMarkdown(t *testing.T) {
	files := repoFiles(t)
	names := make(map[string]bool)
	for _, f := range files {
		names[path.Base(f)] = true
	}
	fset := token.NewFileSet()
	var checked int
	for _, f := range files {
		if !strings.HasSuffix(f, ".go") || slices.Contains(strings.Split(f, "/"), "testdata") {
			continue
		}
		src, err := os.ReadFile(filepath.FromSlash(f))
		if err != nil {
			t.Fatal(err)
		}
		mentions, err := commentMentions(fset, src, f)
		if err != nil {
			t.Errorf("%v", err)
			continue
		}
		for _, m := range mentions {
			checked++
			if !mentionExists(m.target, path.Dir(f), names) {
				t.Errorf("%s:%d: comment names %s: no file of that name or path in the repository", f, m.line, m.target)
			}
		}
	}
	if checked < 8 {
		t.Errorf("found %d mentions of Markdown files in Go comments; expected at least 8: the scanner is broken", checked)
	}
}

// mentionExists reports whether a comment's mention names a file of the
// repository: a bare name any file has, or a path from the commenting
// file's directory or from the root.
func mentionExists(m, dir string, names map[string]bool) bool {
	if !strings.Contains(m, "/") {
		return names[m]
	}
	return inRepo(path.Join(dir, m)) || inRepo(m)
}

// TestLinkScanners plants good and bad references and checks what the
// scanners make of them, so the two tests above cannot pass by seeing
// nothing.
func TestLinkScanners(t *testing.T) {
	md := strings.Join([]string{
		"See [the contract](docs/formats.md#offsets) and [gone](docs/missing.md).", // 1
		"A [site](https://example.org/x.md), [mail](mailto:a@b.c), [here](#top).",  // 2
		"`[code](not-a-link.md)` and ![img](img/a%20b.png \"title\").",             // 3
		"```",                       // 4
		"[fenced](fenced.md)",       // 5
		"```",                       // 6
		"[ref]: ../outside.md",      // 7
		"[spaced](<a b.md>)",        // 8
		"  ~~~",                     // 9
		"[indented fence](x.md)",    // 10
		"  ~~~",                     // 11
		"[after](docs/editor.md#x)", // 12
	}, "\n")
	var got []string
	for _, l := range markdownLinks(md) {
		if target, ok := localTarget(l.target); ok {
			got = append(got, strconv.Itoa(l.line)+":"+target)
		}
	}
	want := []string{"1:docs/formats.md", "1:docs/missing.md", "3:img/a b.png", "7:../outside.md", "8:a b.md", "12:docs/editor.md"}
	if !slices.Equal(got, want) {
		t.Errorf("markdownLinks + localTarget:\ngot  %q\nwant %q", got, want)
	}
	if inRepo("docs/missing.md") || inRepo("../outside.md") || !inRepo("docs/formats.md") {
		t.Error("inRepo: a missing file, a file outside the repository or docs/formats.md judged wrong")
	}

	a := anchors("# Title\n## Gold files — `corefix eval`\n```\n# not a heading\n```\n" +
		"## The review database (`model/store`)\n### Title ##\n## Größe, 2.0\n")
	for _, want := range []string{"title", "gold-files--corefix-eval", "the-review-database-modelstore", "title-1", "größe-20"} {
		if !a[want] {
			t.Errorf("anchors: no %q in %v", want, a)
		}
	}
	if a["not-a-heading"] || len(a) != 5 {
		t.Errorf("anchors: %v, want 5 without the fenced line", a)
	}
	if got := anchorOf("docs/formats.md#gold-files--corefix-eval"); got != "gold-files--corefix-eval" {
		t.Errorf("anchorOf = %q", got)
	}

	src := "package p\n\n" +
		"// Offsets as in docs/formats.md (see GONE.md),\n" +
		"// not https://example.org/README.md nor a *.md glob.\n" +
		"var x = \"strings are not comments: MISSING.md\"\n\n" +
		"/* block: editor.md,\n   second line ../outside.md */\n" +
		"var y = 1 // trailing README.md's note, and no mention.mdx\n"
	ms, err := commentMentions(token.NewFileSet(), []byte(src), "p.go")
	if err != nil {
		t.Fatal(err)
	}
	got = got[:0]
	for _, m := range ms {
		got = append(got, strconv.Itoa(m.line)+":"+m.target)
	}
	want = []string{"3:docs/formats.md", "3:GONE.md", "7:editor.md", "8:../outside.md", "9:README.md"}
	if !slices.Equal(got, want) {
		t.Errorf("commentMentions:\ngot  %q\nwant %q", got, want)
	}
	names := map[string]bool{"README.md": true, "editor.md": true}
	for m, ok := range map[string]bool{"docs/formats.md": true, "GONE.md": false, "editor.md": true,
		"../outside.md": false, "README.md": true, "elsewhere/GONE.md": false} {
		if mentionExists(m, ".", names) != ok {
			t.Errorf("mentionExists(%q) = %v, want %v", m, !ok, ok)
		}
	}
}
