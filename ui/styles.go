package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"

	"corefix/model"
)

// Styles is every style the editor draws with. Each state is told apart by
// an attribute as well as a colour (pending underlined, accepted bold,
// edited bold italic, rejected faint, focus reversed) so the screen still
// reads under NO_COLOR, where only the attributes survive.
type Styles struct {
	Title, Dim, Bold lipgloss.Style
	Category         map[model.Category]lipgloss.Style // foreground per category
	Pending          lipgloss.Style
	Accepted         lipgloss.Style
	Edited           lipgloss.Style
	Rejected         lipgloss.Style
	Focus            lipgloss.Style // added to the focused span's style
	Match            lipgloss.Style // the current search match (and mention, in the antecedent panel)
	Removed          lipgloss.Style // words a fix removes, in the preview
	Inserted         lipgloss.Style // words a fix inserts, in the preview
	Selection        lipgloss.Style // the span being marked
	Info, Error      lipgloss.Style // status bar messages
	StripEmpty       lipgloss.Style
	StripView        lipgloss.Style // strip cells inside the visible rows
	Help             help.Styles
	Input            textinput.Styles

	// sgr holds the escape sequences of every look the editor draws
	// with, made once by NewStyles and never changed (see sgrOf).
	sgr map[any][2]string
}

// spanLook is everything that decides how a character of a span is drawn.
type spanLook struct {
	status  model.Status
	cat     model.Category
	focused bool
	special int // lookPlain, lookMatch or lookSelection for text outside spans
}

const (
	lookSpan = iota
	lookPlain
	lookMatch
	lookSelection
)

// NewStyles returns the styles for a dark or light background.
func NewStyles(isDark bool) *Styles {
	ld := lipgloss.LightDark(isDark)
	fg := func(light, dark string) lipgloss.Style {
		return lipgloss.NewStyle().Foreground(ld(lipgloss.Color(light), lipgloss.Color(dark)))
	}
	s := &Styles{
		Title: lipgloss.NewStyle().Bold(true),
		Dim:   fg("#6c6c6c", "#8a8a8a"),
		Bold:  lipgloss.NewStyle().Bold(true),
		Category: map[model.Category]lipgloss.Style{
			model.Overwrite:    fg("#c00000", "#ff6b6b"),
			model.Possessive:   fg("#a000a0", "#e08ee0"),
			model.Antecedent:   fg("#b05a00", "#ffb454"),
			model.Quote:        fg("#0050c0", "#6cb6ff"),
			model.Other:        fg("#806000", "#e5c07b"),
			model.Substitution: fg("#5a5a5a", "#a0a0a0"),
		},
		Pending:    lipgloss.NewStyle().Underline(true),
		Accepted:   fg("#007a00", "#7ee787").Bold(true),
		Edited:     fg("#006a80", "#56d4dd").Bold(true).Italic(true),
		Rejected:   fg("#8a8a8a", "#6c6c6c").Faint(true),
		Focus:      lipgloss.NewStyle().Reverse(true).Bold(true),
		Match:      lipgloss.NewStyle().Background(ld(lipgloss.Color("#ffe08a"), lipgloss.Color("#5c4a00"))).Underline(true),
		Selection:  lipgloss.NewStyle().Background(ld(lipgloss.Color("#b4d5ff"), lipgloss.Color("#264f78"))).Reverse(true),
		Removed:    fg("#c00000", "#ff6b6b").Strikethrough(true),
		Inserted:   fg("#007a00", "#7ee787").Bold(true).Underline(true),
		Info:       fg("#007a00", "#7ee787"),
		Error:      fg("#c00000", "#ff6b6b").Bold(true),
		StripEmpty: fg("#b0b0b0", "#4a4a4a"),
		StripView:  lipgloss.NewStyle().Underline(true),
		Help:       help.DefaultStyles(isDark),
		Input:      textinput.DefaultStyles(isDark),
		sgr:        map[any][2]string{},
	}
	for _, l := range spanLooks() {
		s.sgr[l] = sgr(s.lookStyle(l))
	}
	for _, l := range stripLooks() {
		s.sgr[l] = sgr(l.style(s))
	}
	s.sgr[removedWords], s.sgr[insertedWords] = sgr(s.Removed), sgr(s.Inserted)
	s.sgr[unchanged] = sgr(lipgloss.NewStyle())
	return s
}

// changeLook is how the preview draws words of kind c.
func (s *Styles) changeLook(c changeKind) (pre, suf string) {
	return s.sgrOf(c, func() lipgloss.Style {
		switch c {
		case removedWords:
			return s.Removed
		case insertedWords:
			return s.Inserted
		}
		return lipgloss.NewStyle()
	})
}

// spanLooks lists every spanLook of the known statuses and categories.
func spanLooks() []spanLook {
	out := []spanLook{{special: lookPlain}, {special: lookMatch}, {special: lookSelection}}
	for _, st := range model.Statuses {
		for _, c := range model.Categories {
			out = append(out, spanLook{status: st, cat: c}, spanLook{status: st, cat: c, focused: true})
		}
	}
	return out
}

// span is the style of a span's characters.
func (s *Styles) span(sp model.Span, focused bool) lipgloss.Style {
	var st lipgloss.Style
	switch sp.Status {
	case model.Accepted:
		st = s.Accepted
	case model.Edited:
		st = s.Edited
	case model.Rejected:
		st = s.Rejected
	default:
		st = s.Category[sp.Category].Inherit(s.Pending)
	}
	if focused {
		st = s.Focus.Inherit(st)
	}
	return st
}

// look is how characters with look l are drawn.
func (s *Styles) look(l spanLook) (pre, suf string) {
	return s.sgrOf(l, func() lipgloss.Style { return s.lookStyle(l) })
}

// lookStyle is the style of characters with look l.
func (s *Styles) lookStyle(l spanLook) lipgloss.Style {
	switch l.special {
	case lookMatch:
		return s.Match
	case lookSelection:
		return s.Selection
	case lookPlain:
		return lipgloss.NewStyle()
	}
	return s.span(model.Span{Status: l.status, Finding: model.Finding{Category: l.cat}}, l.focused)
}

// sgrOf returns the escape sequences that open and close the style of
// key, as NewStyles kept them: drawing with them costs nanoseconds per
// segment, where a lipgloss Render per word costs microseconds and
// allocations, too slow for a long article. A key NewStyles did not
// foresee gets the style mk makes, drawn now and not kept, so Styles
// never change and drawing (View) changes nothing.
func (s *Styles) sgrOf(key any, mk func() lipgloss.Style) (pre, suf string) {
	p, ok := s.sgr[key]
	if !ok {
		p = sgr(mk())
	}
	return p[0], p[1]
}

// sgr splits what st renders around one character into the sequences
// that open and close it.
func sgr(st lipgloss.Style) [2]string {
	r := st.Render("x")
	i := strings.Index(r, "x")
	return [2]string{r[:i], r[i+1:]}
}
