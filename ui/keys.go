package ui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key of the editor. Each mode says which bindings it
// takes (its help); bindings that cannot act right now are disabled, so
// the short help offers only what works, the full help (?) greys them,
// and pressing one says why in the status line (see Model.unhandled).
type KeyMap struct {
	Next, Prev                   key.Binding
	NextDoc, PrevDoc             key.Binding // dataset mode
	Down, Up, PageDown, PageUp   key.Binding
	Home, End                    key.Binding
	Accept, Choose, Reject, Edit key.Binding
	Reset, Mark, Note            key.Binding
	Undo, Redo                   key.Binding
	Search, Filter, Order        key.Binding
	Antecedent, Full, Preview    key.Binding
	Save, ForceSave              key.Binding
	Quit, Interrupt, Help        key.Binding

	// Input modes (edit, note, search).
	Commit, Cancel key.Binding

	// Mark mode.
	MarkLeft, MarkRight, MarkUp, MarkDown key.Binding
	Extend, Shrink, Category              key.Binding

	// The antecedent panel.
	MentionNext, MentionPrev, MentionGo key.Binding

	// The panels over the article (full help, a message in full).
	More, Close key.Binding

	// Quit confirmation.
	SaveQuit, DiscardQuit key.Binding
}

// DefaultKeyMap returns the keys listed in the README (docs/editor.md);
// TestKeyTables holds the three together.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Next:       b("n/tab", "next pending", "n", "tab"),
		Prev:       b("p/⇧tab", "previous", "p", "shift+tab"),
		NextDoc:    b("]", "next document", "]"),
		PrevDoc:    b("[", "previous document", "["),
		Down:       b("j/↓", "scroll down", "j", "down"),
		Up:         b("k/↑", "scroll up", "k", "up"),
		PageDown:   b("pgdn/space", "page down", "pgdown", "space"),
		PageUp:     b("pgup", "page up", "pgup"),
		Home:       b("home/g", "top", "home", "g"),
		End:        b("end/G", "bottom", "end", "G"),
		Accept:     b("a/enter", "accept 1st", "a", "enter"),
		Choose:     b("1-9", "accept N", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Reject:     b("r", "reject", "r"),
		Edit:       b("e", "edit fix", "e"),
		Reset:      b("x", "to pending", "x"),
		Mark:       b("m", "mark missed", "m"),
		Note:       b("N", "note", "N"),
		Undo:       b("u", "undo", "u"),
		Redo:       b("ctrl+r", "redo", "ctrl+r"),
		Search:     b("/", "search", "/"),
		Filter:     b("f", "filter", "f"),
		Order:      b("o", "order", "o"),
		Antecedent: b("A", "antecedent", "A"),
		Full:       b("i", "in full", "i"),
		Preview:    b("d", "corrected text", "d"),
		Save:       b("s", "save", "s"),
		ForceSave:  b("S", "overwrite file", "S"),
		Quit:       b("q", "quit", "q"),
		Interrupt:  b("ctrl+c", "quit now", "ctrl+c"),
		Help:       b("?", "all keys", "?"),

		Commit: b("enter", "ok", "enter"),
		Cancel: b("esc", "cancel", "esc"),

		MarkLeft:  b("←/h", "word left", "left", "h"),
		MarkRight: b("→/l", "word right", "right", "l"),
		MarkUp:    b("↑/k", "row up", "up", "k"),
		MarkDown:  b("↓/j", "row down", "down", "j"),
		Extend:    b("⇧→/L", "extend", "shift+right", "L"),
		Shrink:    b("⇧←/H", "shrink", "shift+left", "H"),
		Category:  b("c", "category", "c"),

		MentionNext: b("n/tab", "next mention", "n", "tab"),
		MentionPrev: b("p/⇧tab", "previous mention", "p", "shift+tab"),
		MentionGo:   b("enter", "focus its finding", "enter"),

		More:  b("?/space", "next page", "?", "space", "pgdown"),
		Close: b("esc", "close", "esc"),

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

// FullHelp implements help.KeyMap: moving, deciding, looking closer.
func (h reviewHelp) FullHelp() [][]key.Binding {
	k := h.k
	return [][]key.Binding{
		{k.Next, k.Prev, k.NextDoc, k.PrevDoc, k.Down, k.Up, k.PageDown, k.PageUp, k.Home, k.End, k.Search, k.Filter, k.Order},
		{k.Accept, k.Choose, k.Reject, k.Edit, k.Reset, k.Mark, k.Note, k.Undo, k.Redo},
		{k.Antecedent, k.Full, k.Preview, k.Save, k.ForceSave, k.Quit, k.Interrupt, k.Help},
	}
}

// bindings is a help.KeyMap over a fixed list, for the small modes.
type bindings []key.Binding

// ShortHelp implements help.KeyMap.
func (b bindings) ShortHelp() []key.Binding { return b }

// FullHelp implements help.KeyMap.
func (b bindings) FullHelp() [][]key.Binding { return [][]key.Binding{b} }
