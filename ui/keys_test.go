package ui

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
)

// keyTable reads the key table of a Markdown file: the rows under
// "| key | does |", each as its first cell's keys and every key written
// in the row (the mark row names its mode's keys in the second cell).
func keyTable(t *testing.T, path string) (rows []string, first, all map[string]bool) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, table, ok := strings.Cut(string(data), "\n| key | does |\n|---|---|\n")
	if !ok {
		t.Fatalf("%s has no key table", path)
	}
	first, all = map[string]bool{}, map[string]bool{}
	code := regexp.MustCompile("`([^`]+)`")
	for _, line := range strings.Split(table, "\n") {
		if !strings.HasPrefix(line, "|") {
			break
		}
		rows = append(rows, line)
		cells := strings.Split(line, "|")
		for i, cell := range cells[1:3] {
			keys := code.FindAllStringSubmatch(cell, -1)
			if strings.Contains(cell, "`1`–`9`") {
				keys = nil
				for d := '1'; d <= '9'; d++ {
					keys = append(keys, []string{"", string(d)})
				}
			}
			for _, k := range keys {
				all[k[1]] = true
				if i == 0 {
					first[k[1]] = true
				}
			}
		}
	}
	return rows, first, all
}

// readmeSpelling is how the tables write the keys bubbletea names
// otherwise.
var readmeSpelling = map[string]string{"shift+right": "shift+→", "shift+left": "shift+←",
	"left": "←", "right": "→", "up": "↑", "down": "↓"}

// allBindings is every binding of the key map.
func allBindings(k KeyMap) map[string]key.Binding {
	out := map[string]key.Binding{}
	v := reflect.ValueOf(k)
	for i := range v.NumField() {
		out[v.Type().Field(i).Name] = v.Field(i).Interface().(key.Binding)
	}
	return out
}

// modeHelps is the help of every mode.
func modeHelps(k *KeyMap) map[string]help.KeyMap {
	return map[string]help.KeyMap{
		"review": reviewMode{}.help(k), "edit": editMode{}.help(k), "note": noteMode{}.help(k),
		"search": searchMode{}.help(k), "mark": (&markMode{}).help(k), "preview": (&preview{}).help(k),
		"antecedent": (&mentionsMode{}).help(k), "pane": (&paneMode{}).help(k), "quit": confirmMode{}.help(k),
	}
}

// TestKeyTables holds the README's key table, docs/editor.md's and the
// key map together: the tables are the same, they name every key the key
// map binds and no key it does not, and every binding is in the help of
// some mode (so ? shows it: see TestFullHelpIsCompleteAndPaged).
func TestKeyTables(t *testing.T) {
	readme, first, all := keyTable(t, "../README.md")
	editor, _, _ := keyTable(t, "../docs/editor.md")
	if strings.Join(readme, "\n") != strings.Join(editor, "\n") {
		t.Errorf("the key tables of README.md and docs/editor.md differ:\n%s\n---\n%s", strings.Join(readme, "\n"), strings.Join(editor, "\n"))
	}
	keys := DefaultKeyMap()
	bound := map[string]bool{}
	for name, b := range allBindings(keys) {
		for _, k := range b.Keys() {
			if spelt, ok := readmeSpelling[k]; ok {
				k = spelt
			}
			bound[k] = true
			if !all[k] {
				t.Errorf("the key table does not name %s (%s: %s)", k, name, b.Help().Desc)
			}
		}
	}
	for k := range first {
		if !bound[k] {
			t.Errorf("the key table names %s, which the key map does not bind", k)
		}
	}
	inHelp := map[key.Help]bool{}
	for _, h := range modeHelps(&keys) {
		for _, group := range h.FullHelp() {
			for _, b := range group {
				inHelp[b.Help()] = true
			}
		}
	}
	for name, b := range allBindings(keys) {
		if !inHelp[b.Help()] {
			t.Errorf("%s (%s) is in no mode's help", name, b.Help().Key)
		}
	}
}

// TestEveryKeySaysSomething presses, in every mode that is not typing,
// every key of the key map and keys bound nowhere: a key the mode has no
// working binding for (disabled, another mode's, unknown) says so in the
// status line. Nothing is silently ignored.
func TestEveryKeySaysSomething(t *testing.T) {
	var keys []string
	for _, b := range allBindings(DefaultKeyMap()) {
		keys = append(keys, b.Keys()...)
	}
	slices.Sort(keys)
	keys = append(slices.Compact(keys), "Z", "%")
	checked := 0
	for _, open := range [][]string{nil, {"m"}, {"d"}, {"?"}, {"i"}, {"n", "n", "n", "n", "n"}} {
		for _, k := range keys {
			m := newTestModel(t, 80, 24)
			press(t, m, open...)
			if works(m, k) || k == "ctrl+c" { // ctrl+c quits from every mode
				continue
			}
			checked++
			m.bar.msg = ""
			press(t, m, k)
			if m.bar.msg == "" {
				t.Errorf("after %v, %s said nothing", open, k)
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d keys were idle anywhere: the test checks less than it says", checked)
	}
}

// works reports whether k is a key of an enabled binding of m's mode.
func works(m *Model, k string) bool {
	for _, group := range m.helpKeys().FullHelp() {
		for _, b := range group {
			if b.Enabled() && slices.Contains(b.Keys(), k) {
				return true
			}
		}
	}
	return false
}
