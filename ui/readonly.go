package ui

import "charm.land/bubbles/v2/key"

// A read-only editor (opened with --read-only, typically because another
// corefix holds the annotation file) refuses decisions instead of taking
// them unsaved: a decision that vanishes at quit is lost work, the one
// thing the editor promises never to do. Moving, searching, filtering and
// the preview still work. enableKeys disables the decisions with the
// reason their keys then give.

// decisions are the bindings that change or save the annotation.
func (k *KeyMap) decisions() []*key.Binding {
	return []*key.Binding{&k.Accept, &k.Choose, &k.Reject, &k.Edit, &k.Reset, &k.Mark, &k.Note, &k.Undo, &k.Redo, &k.Save, &k.ForceSave}
}
