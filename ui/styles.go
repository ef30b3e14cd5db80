package ui

import "github.com/charmbracelet/lipgloss"

// Styles is every style of the reader outside the rendered Markdown.
type Styles struct {
	// The head of a document, above its text.
	DocTitle, DocSubtitle, DocByline, DocMeta, DocRule lipgloss.Style

	// The table of contents.
	TOCDoc, TOCDocMeta, TOCEntry, TOCCurrent, TOCCursor, TOCProgress, TOCMore lipgloss.Style
	Border                                                                    lipgloss.Style

	// The status bar and its transient messages.
	Status, StatusDoc, StatusSection, StatusPlace, StatusHint lipgloss.Style
	Notice, Error, Faded                                      lipgloss.Style

	// Overlays: help and the go-to prompt.
	Box, BoxTitle, HelpGroup, HelpKey, HelpText, HelpMore lipgloss.Style
	PromptLabel, PromptMatch, PromptSelected, PromptDoc   lipgloss.Style

	// Search: the hits painted on the text, every one and the current one.
	SearchMatch, SearchCurrent lipgloss.Style

	TooSmall lipgloss.Style
}

// palette is the colours of one theme; with no colour, every field is
// empty and only bold, faint, italic and reverse remain.
type palette struct {
	text, faint, accent, heading, bar, barText, selected, selectedText, errorText lipgloss.TerminalColor
	match, matchText, current, currentText                                        lipgloss.TerminalColor
}

func darkPalette() palette {
	return palette{
		text: lipgloss.Color("252"), faint: lipgloss.Color("243"), accent: lipgloss.Color("212"),
		heading: lipgloss.Color("39"), bar: lipgloss.Color("236"), barText: lipgloss.Color("250"),
		selected: lipgloss.Color("63"), selectedText: lipgloss.Color("230"), errorText: lipgloss.Color("203"),
		match: lipgloss.Color("58"), matchText: lipgloss.Color("230"), current: lipgloss.Color("214"), currentText: lipgloss.Color("16"),
	}
}

func lightPalette() palette {
	return palette{
		text: lipgloss.Color("234"), faint: lipgloss.Color("245"), accent: lipgloss.Color("162"),
		heading: lipgloss.Color("27"), bar: lipgloss.Color("254"), barText: lipgloss.Color("238"),
		selected: lipgloss.Color("63"), selectedText: lipgloss.Color("230"), errorText: lipgloss.Color("160"),
		match: lipgloss.Color("229"), matchText: lipgloss.Color("234"), current: lipgloss.Color("208"), currentText: lipgloss.Color("16"),
	}
}

func noColor() palette {
	none := lipgloss.NoColor{}
	return palette{none, none, none, none, none, none, none, none, none, none, none, none, none}
}

// NewStyles builds the styles for a dark or light terminal, or without
// colour (NO_COLOR), on renderer r, whose colour profile decides what
// reaches the terminal.
func NewStyles(r *lipgloss.Renderer, dark, color bool) Styles {
	p := darkPalette()
	switch {
	case !color:
		p = noColor()
	case !dark:
		p = lightPalette()
	}
	st := func() lipgloss.Style { return r.NewStyle() }
	center := func() lipgloss.Style { return st().Align(lipgloss.Center) }
	s := Styles{
		DocTitle:    center().Bold(true).Foreground(p.heading),
		DocSubtitle: center().Italic(true).Foreground(p.text),
		DocByline:   center().Foreground(p.text),
		DocMeta:     center().Foreground(p.faint),
		DocRule:     center().Foreground(p.faint),

		TOCDoc:      st().Bold(true).Foreground(p.text),
		TOCDocMeta:  st().Foreground(p.faint),
		TOCEntry:    st().Foreground(p.text),
		TOCCurrent:  st().Bold(true).Foreground(p.accent),
		TOCCursor:   st().Reverse(!color).Background(p.selected).Foreground(p.selectedText),
		TOCProgress: st().Foreground(p.faint),
		TOCMore:     st().Foreground(p.faint),
		Border:      st().Foreground(p.faint),

		Status:        st().Background(p.bar).Foreground(p.barText),
		StatusDoc:     st().Background(p.bar).Foreground(p.text).Bold(true),
		StatusSection: st().Background(p.bar).Foreground(p.barText),
		StatusPlace:   st().Background(p.bar).Foreground(p.barText),
		StatusHint:    st().Background(p.bar).Foreground(p.faint),
		Notice:        st().Background(p.bar).Foreground(p.heading),
		Error:         st().Background(p.bar).Foreground(p.errorText).Bold(true),
		Faded:         st().Background(p.bar).Foreground(p.faint).Faint(!color),

		Box:       st().Border(lipgloss.RoundedBorder()).BorderForeground(p.faint).Padding(0, 1),
		BoxTitle:  st().Bold(true).Foreground(p.heading),
		HelpGroup: st().Bold(true).Foreground(p.accent),
		HelpKey:   st().Foreground(p.heading),
		HelpText:  st().Foreground(p.text),
		HelpMore:  st().Foreground(p.faint),

		PromptLabel:    st().Bold(true).Foreground(p.accent),
		PromptMatch:    st().Bold(true).Underline(!color).Foreground(p.accent),
		PromptSelected: st().Reverse(!color).Background(p.selected).Foreground(p.selectedText),
		PromptDoc:      st().Foreground(p.faint),

		// Without colour, every match is underlined and the current one
		// reversed.
		SearchMatch:   st().Background(p.match).Foreground(p.matchText).Underline(!color),
		SearchCurrent: st().Background(p.current).Foreground(p.currentText).Bold(true).Reverse(!color),

		TooSmall: st().Foreground(p.text),
	}
	if !color {
		s.Status = s.Status.Reverse(true)
		s.StatusDoc = s.StatusDoc.Reverse(true)
		s.StatusSection = s.StatusSection.Reverse(true)
		s.StatusPlace = s.StatusPlace.Reverse(true)
		s.StatusHint = s.StatusHint.Reverse(true)
		s.Notice = s.Notice.Reverse(true)
		s.Error = s.Error.Reverse(true)
		s.Faded = s.Faded.Reverse(true)
	}
	return s
}
