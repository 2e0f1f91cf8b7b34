package ui

import (
	"bufio"
	"io"

	"corefix/model"
)

// WriteMarked writes text with every finding marked, for `corefix show`.
// With styles (NewStyles for the terminal's background), a finding is
// drawn in its category's style followed by a faint {category} tag; with
// nil styles it is written [[text]]{category}, which survives pipes, diffs
// and bug reports. Findings must be sorted and must not overlap.
func WriteMarked(w io.Writer, text string, fs []model.Finding, st *Styles) error {
	colour := st != nil
	bw := bufio.NewWriter(w)
	last := 0
	for _, f := range fs {
		bw.WriteString(text[last:f.Start])
		span := text[f.Start:f.End]
		tag := "{" + string(f.Category) + "}"
		if colour {
			pre, suf := st.look(spanLook{status: model.Pending, cat: f.Category})
			bw.WriteString(pre + span + suf + st.Dim.Faint(true).Render(tag))
		} else {
			bw.WriteString("[[" + span + "]]" + tag)
		}
		last = f.End
	}
	bw.WriteString(text[last:])
	return bw.Flush()
}
