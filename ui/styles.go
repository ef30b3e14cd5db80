package ui

import (
	"github.com/charmbracelet/lipgloss"

	"samizdat/ui/contents"
	"samizdat/ui/editor"
	"samizdat/ui/field"
	"samizdat/ui/overlay"
	"samizdat/ui/prompt"
	"samizdat/ui/reader"
	"samizdat/ui/render"
	"samizdat/ui/searchbar"
	"samizdat/ui/status"
)

// Styles is every style of the reader outside the rendered Markdown.
type Styles struct {
	// The head of a document, above its text.
	DocTitle, DocSubtitle, DocByline, DocMeta, DocRule lipgloss.Style

	// What the text's Markdown does not style: notes and their markers,
	// quieter than the text, and the rule under a part or chapter.
	Quiet, Rule lipgloss.Style

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

	// The reader's passages: a highlight, the passage being selected, the
	// sign in the margin of a highlight with a note.
	Highlight, Selection, NoteSign lipgloss.Style

	TooSmall lipgloss.Style
}

// palette is the colours of one theme; with no colour, every field is
// empty and only bold, faint, italic and reverse remain.
type palette struct {
	text, strong, faint, quiet, accent, heading, bar, barText, selected, selectedText, errorText lipgloss.TerminalColor
	match, matchText, current, currentText                                                       lipgloss.TerminalColor
	highlight                                                                                    lipgloss.TerminalColor
}

func darkPalette() palette {
	return palette{
		text: lipgloss.Color("252"), strong: lipgloss.Color("255"), faint: lipgloss.Color("243"), quiet: lipgloss.Color("246"), accent: lipgloss.Color("212"),
		heading: lipgloss.Color("39"), bar: lipgloss.Color("236"), barText: lipgloss.Color("250"),
		selected: lipgloss.Color("63"), selectedText: lipgloss.Color("230"), errorText: lipgloss.Color("203"),
		match: lipgloss.Color("58"), matchText: lipgloss.Color("230"), current: lipgloss.Color("214"), currentText: lipgloss.Color("16"),
		highlight: lipgloss.Color("237"),
	}
}

func lightPalette() palette {
	return palette{
		text: lipgloss.Color("234"), strong: lipgloss.Color("232"), faint: lipgloss.Color("245"), quiet: lipgloss.Color("242"), accent: lipgloss.Color("162"),
		heading: lipgloss.Color("27"), bar: lipgloss.Color("254"), barText: lipgloss.Color("238"),
		selected: lipgloss.Color("63"), selectedText: lipgloss.Color("230"), errorText: lipgloss.Color("160"),
		match: lipgloss.Color("229"), matchText: lipgloss.Color("234"), current: lipgloss.Color("208"), currentText: lipgloss.Color("16"),
		highlight: lipgloss.Color("230"),
	}
}

func noColor() palette {
	none := lipgloss.NoColor{}
	return palette{none, none, none, none, none, none, none, none, none, none, none, none, none, none, none, none}
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
	s := Styles{
		DocTitle:    st().Bold(true).Foreground(p.strong),
		DocSubtitle: st().Italic(true).Foreground(p.text),
		DocByline:   st().Foreground(p.text),
		DocMeta:     st().Italic(true).Foreground(p.quiet),
		DocRule:     st().Foreground(p.faint),

		Quiet: st().Foreground(p.quiet).Faint(!color),
		Rule:  st().Foreground(p.faint),

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

		// Without colour, a highlight is underlined and the selection
		// reversed.
		Highlight: st().Background(p.highlight).Underline(!color),
		Selection: st().Background(p.selected).Foreground(p.selectedText).Reverse(!color),
		NoteSign:  st().Foreground(p.accent).Bold(!color),

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

// contents is how the table of contents is drawn.
func (s Styles) contents() contents.Styles {
	return contents.Styles{Doc: s.TOCDoc, DocMeta: s.TOCDocMeta, Entry: s.TOCEntry, Current: s.TOCCurrent,
		Cursor: s.TOCCursor, Progress: s.TOCProgress, More: s.TOCMore}
}

// Text is what the text is set in besides glamour's style: the title
// page of a document, its notes, the rule under a part.
func (s Styles) Text() render.Styles {
	return render.Styles{Title: s.DocTitle, Subtitle: s.DocSubtitle, Byline: s.DocByline, Meta: s.DocMeta,
		TitleRule: s.DocRule, Quiet: s.Quiet, Rule: s.Rule}
}

// reader is how the reading pane paints a search's hits and the
// passages.
func (s Styles) reader() reader.Styles {
	return reader.Styles{Match: s.SearchMatch, Current: s.SearchCurrent, Highlight: s.Highlight, Selection: s.Selection, Sign: s.NoteSign}
}

// status is how the status bar is drawn.
func (s Styles) status() status.Styles {
	return status.Styles{Bar: s.Status, Doc: s.StatusDoc, Section: s.StatusSection, Place: s.StatusPlace,
		Hint: s.StatusHint, Notice: s.Notice, Error: s.Error, Faded: s.Faded}
}

// field is how a text field is drawn.
func (s Styles) field() field.Styles {
	return field.Styles{Cursor: s.TOCCursor, Placeholder: s.PromptDoc}
}

// overlay is how the boxes over the text are drawn.
func (s Styles) overlay() overlay.Styles {
	return overlay.Styles{Box: s.Box, Title: s.BoxTitle, Foot: s.HelpMore, Text: s.HelpText, Group: s.HelpGroup,
		Key: s.HelpKey, Name: s.PromptMatch, Quiet: s.PromptDoc, Selected: s.PromptSelected, Field: s.field()}
}

// editor is how the note editor is drawn.
func (s Styles) editor() editor.Styles {
	return editor.Styles{Box: s.Box, Title: s.BoxTitle, Foot: s.HelpMore, Text: s.HelpText, Quiet: s.PromptDoc,
		Warn: s.TOCCurrent, Cursor: s.TOCCursor}
}

// prompt is how the go-to prompt is drawn.
func (s Styles) prompt() prompt.Styles {
	return prompt.Styles{Box: s.Box, Label: s.PromptLabel, Match: s.PromptMatch, Selected: s.PromptSelected,
		Quiet: s.PromptDoc, Count: s.HelpMore, Field: s.field()}
}

// searchbar is how the search bar and its hits are drawn.
func (s Styles) searchbar() searchbar.Styles {
	return searchbar.Styles{Label: s.PromptLabel, Quiet: s.PromptDoc, Rule: s.Border, Head: s.BoxTitle, Doc: s.TOCDoc,
		DocCount: s.TOCDocMeta, Match: s.PromptMatch, Selected: s.PromptSelected, Field: s.field()}
}
