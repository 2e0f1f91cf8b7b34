package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds the review keys. Each mode shows only the bindings that
// work in it (see the help maps below), and bindings that cannot act
// right now are disabled so the help never lies.
type KeyMap struct {
	Next, Prev                   key.Binding
	NextDoc, PrevDoc             key.Binding // dataset mode
	Down, Up, PageDown, PageUp   key.Binding
	Home, End                    key.Binding
	Accept, Choose, Reject, Edit key.Binding
	Reset, Mark, Undo, Redo      key.Binding
	Search, Filter, Preview      key.Binding
	Save, ForceSave              key.Binding
	Quit, Interrupt, Help        key.Binding

	// Input modes (edit, search).
	Commit, Cancel key.Binding

	// Mark mode.
	MarkLeft, MarkRight, MarkUp, MarkDown key.Binding
	Extend, Shrink, Category              key.Binding

	// Quit confirmation.
	SaveQuit, DiscardQuit key.Binding
}

// DefaultKeyMap returns the keys listed in the README (docs/editor.md).
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Next:      b("n/tab", "next pending", "n", "tab"),
		Prev:      b("p/⇧tab", "previous", "p", "shift+tab"),
		NextDoc:   b("]", "next document", "]"),
		PrevDoc:   b("[", "previous document", "["),
		Down:      b("j/↓", "scroll down", "j", "down"),
		Up:        b("k/↑", "scroll up", "k", "up"),
		PageDown:  b("pgdn", "page down", "pgdown", "space"),
		PageUp:    b("pgup", "page up", "pgup"),
		Home:      b("home", "top", "home", "g"),
		End:       b("end", "bottom", "end", "G"),
		Accept:    b("a/enter", "accept 1st", "a", "enter"),
		Choose:    b("1-9", "accept N", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Reject:    b("r", "reject", "r"),
		Edit:      b("e", "edit fix", "e"),
		Reset:     b("x", "to pending", "x"),
		Mark:      b("m", "mark missed", "m"),
		Undo:      b("u", "undo", "u"),
		Redo:      b("ctrl+r", "redo", "ctrl+r"),
		Search:    b("/", "search", "/"),
		Filter:    b("f", "filter", "f"),
		Preview:   b("d", "corrected text", "d"),
		Save:      b("s", "save", "s"),
		ForceSave: b("S", "overwrite file", "S"),
		Quit:      b("q", "quit", "q"),
		Interrupt: b("ctrl+c", "quit", "ctrl+c"),
		Help:      b("?", "more keys", "?"),

		Commit: b("enter", "ok", "enter"),
		Cancel: b("esc", "cancel", "esc"),

		MarkLeft:  b("←/h", "word left", "left", "h"),
		MarkRight: b("→/l", "word right", "right", "l"),
		MarkUp:    b("↑/k", "row up", "up", "k"),
		MarkDown:  b("↓/j", "row down", "down", "j"),
		Extend:    b("⇧→/L", "extend", "shift+right", "L"),
		Shrink:    b("⇧←/H", "shrink", "shift+left", "H"),
		Category:  b("c", "category", "c"),

		SaveQuit:    b("y", "save and quit", "y"),
		DiscardQuit: b("n", "quit without saving", "n"),
	}
}

// reviewHelp is the help of the main mode.
type reviewHelp struct{ k *KeyMap }

// ShortHelp implements help.KeyMap.
func (h reviewHelp) ShortHelp() []key.Binding {
	k := h.k
	return []key.Binding{k.Next, k.NextDoc, k.Accept, k.Reject, k.Edit, k.Undo, k.Save, k.ForceSave, k.Quit, k.Help}
}

// FullHelp implements help.KeyMap.
func (h reviewHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Next, k.Prev, k.NextDoc, k.PrevDoc, k.Down, k.Up, k.PageDown, k.PageUp, k.Home, k.End},
		{k.Accept, k.Choose, k.Reject, k.Edit, k.Reset, k.Mark},
		{k.Undo, k.Redo, k.Search, k.Filter, k.Preview, k.Save, k.ForceSave, k.Quit, k.Help},
	}
}

// bindings is a help.KeyMap over a fixed list, for the small modes.
type bindings []key.Binding

// ShortHelp implements help.KeyMap.
func (b bindings) ShortHelp() []key.Binding { return b }

// FullHelp implements help.KeyMap.
func (b bindings) FullHelp() [][]key.Binding { return [][]key.Binding{b} }
