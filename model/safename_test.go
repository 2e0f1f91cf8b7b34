package model

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSafeNames(t *testing.T) {
	tests := []struct {
		id, want string
	}{
		{"cnn-0001", "cnn-0001"},
		{"../../x", "_._.._x-"},           // dots and slashes defused, hash added
		{"/etc/passwd", "_etc_passwd-"},   // absolute path
		{`C:\Windows\x`, "C__Windows_x-"}, // drive and backslashes
		{"", "_-"},                        // empty
		{".", "_-"}, {"..", "__-"},        // dots alone
		{".hidden", "_hidden-"},                      // no hidden files
		{"Zürich’s-news", "Zürich_s-news-"},          // letters kept, ’ replaced
		{"新闻", "新闻"},                                 // any script's letters are fine
		{"con", "_con-"}, {"LPT1.txt", "_LPT1.txt-"}, // Windows device names
		{"a\x00b", "a_b-"},
	}
	n := NewSafeNames()
	for _, tt := range tests {
		got := n.Name(tt.id)
		if got != tt.want && !(strings.HasSuffix(tt.want, "-") && strings.HasPrefix(got, tt.want) && len(got) == len(tt.want)+8) {
			t.Errorf("Name(%q) = %q, want %q (plus 8 hex digits when the id changed)", tt.id, got, tt.want)
		}
		checkLocal(t, tt.id, got)
	}
}

func TestSafeNamesCollisions(t *testing.T) {
	n := NewSafeNames()
	seen := map[string]string{}
	// "a/b" and "a_b" sanitise alike; "A" and "a" differ only in case;
	// the same id twice (two annotators) must not overwrite either.
	for _, id := range []string{"a/b", "a_b", "a:b", "A", "a", "a", strings.Repeat("x", 300), strings.Repeat("x", 301)} {
		got := n.Name(id)
		if prev, dup := seen[strings.ToLower(got)]; dup {
			t.Errorf("Name(%q) = %q, already given to %q", id, got, prev)
		}
		seen[strings.ToLower(got)] = id
		checkLocal(t, id, got)
		if len(got) > 150 {
			t.Errorf("Name(%.20q…) is %d bytes long", id, len(got))
		}
	}
}

func FuzzSafeNames(f *testing.F) {
	for _, s := range []string{"../../x", "/abs", "", ".", "..", "a/b", "\\\\server\\share"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, id string) {
		checkLocal(t, id, NewSafeNames().Name(id))
	})
}

// checkLocal fails unless name stays inside a directory with any of the
// extensions the exporters add.
func checkLocal(t *testing.T, id, name string) {
	t.Helper()
	for _, ext := range []string{"", ".txt", ".ann"} {
		p := name + ext
		if !filepath.IsLocal(p) || strings.ContainsAny(p, `/\`) || strings.HasPrefix(p, ".") || filepath.Base(p) != p {
			t.Errorf("Name(%q) = %q: %q is not a plain local file name", id, name, p)
		}
	}
}
