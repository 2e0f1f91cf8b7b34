package ui

import (
	"fmt"

	"charm.land/bubbles/v2/help"
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

// MessageView draws the message line.
func (b statusBar) MessageView(st *Styles) string {
	if b.isErr {
		return st.Error.Render(b.msg)
	}
	return st.Info.Render(b.msg)
}

// HelpView draws the keys of km, all of them when full is set.
func (b statusBar) HelpView(km help.KeyMap, full bool) string {
	b.help.ShowAll = full
	return b.help.View(km)
}

// Rows is how many rows the help needs: one, or the longest column of
// enabled keys when full.
func helpRows(km help.KeyMap, full bool) int {
	rows := 1
	if full {
		for _, col := range km.FullHelp() {
			n := 0
			for _, k := range col {
				if k.Enabled() {
					n++
				}
			}
			rows = max(rows, n)
		}
	}
	return rows
}
