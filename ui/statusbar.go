package ui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// statusBar is the message line (what the last key did, save errors) and
// the key help under it.
type statusBar struct {
	msg   string
	isErr bool
	help  help.Model
}

func newStatusBar(st *Styles) statusBar {
	b := statusBar{help: help.New()}
	b.help.Styles = st.Help
	return b
}

// SetSize sets the width the help lays its keys out in.
func (b *statusBar) SetSize(w int) { b.help.SetWidth(w) }

// SetStyles switches the help's styles.
func (b *statusBar) SetStyles(st *Styles) { b.help.Styles = st.Help }

// Info shows a message.
func (b *statusBar) Info(format string, args ...any) {
	b.msg, b.isErr = fmt.Sprintf(format, args...), false
}

// Error shows a message that needs attention.
func (b *statusBar) Error(format string, args ...any) {
	b.msg, b.isErr = fmt.Sprintf(format, args...), true
}

// cutHint ends a message too long for its row where the rest is one key
// away (i shows it in full, in the review).
const cutHint = "…[i]"

// MessageView draws the message line, w cells wide at most; a longer
// message ends in cutHint when hint is set (i works), else in "…".
func (b statusBar) MessageView(st *Styles, w int, hint bool) string {
	msg := b.msg
	if lipgloss.Width(msg) > w {
		tail := "…"
		if hint {
			tail = cutHint
		}
		msg = ansi.Truncate(msg, w, tail)
	}
	if b.isErr {
		return st.Error.Render(msg)
	}
	return st.Info.Render(msg)
}

// HelpView draws the keys of km that work now, on one row.
func (b statusBar) HelpView(km help.KeyMap) string { return b.help.ShortHelpView(km.ShortHelp()) }
