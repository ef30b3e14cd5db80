package searchbar

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// layoutRows lays out the list around the selected hit. When the
// selection jumped (new hits), it is put a third of the way down.
func (s *Model) layoutRows(jumped bool) {
	h := s.listHeight()
	s.rows = nil
	if s.count() == 0 || h <= 0 {
		return
	}
	if jumped {
		s.top = max(0, s.selected-h/3)
	}
	s.top = min(s.top, s.selected)
	for {
		rows, last := s.buildRows(s.top, h)
		if s.selected <= last || s.top >= s.selected {
			s.rows = rows
			return
		}
		s.top++
	}
}

// buildRows lists the hits from first on in h rows, a document's title
// before its first hit and a section's before its first, and returns the
// last hit listed. The first hit listed has its document and section over
// it, so the list always says where its hits are.
func (s *Model) buildRows(first, h int) (rows []searchRow, last int) {
	lib := s.c.Lib
	headings := h >= 4 // room for a title, a section and a hit, and one more
	lastDoc, lastSection := -1, -2
	last = first - 1
	snippetWidth := max(8, s.width-8)
	notes := len(s.noteHits)
	for i := first; i < s.count() && len(rows) < h; i++ {
		if i < notes {
			if headings && lastDoc != notesGroup {
				rows = append(rows, searchRow{kind: docRow, count: notes, title: "Your notes"})
				lastDoc, lastSection = notesGroup, -2
			}
			if len(rows) >= h {
				break
			}
			rows = append(rows, s.noteRow(i, snippetWidth))
			last = i
			continue
		}
		hit := s.res.Hit(i - notes)
		d := lib.Docs[hit.Doc]
		section := d.SectionAt(d.BodyOffset(hit.Start))
		if headings && hit.Doc != lastDoc {
			rows = append(rows, searchRow{kind: docRow, count: s.res.PerDoc[hit.Doc], title: d.ShortTitle()})
			lastDoc, lastSection = hit.Doc, -2
		}
		// A hit in a heading stands for its section itself.
		if headings && section != lastSection && section >= 0 && !inHeading(d, section, hit) {
			rows = append(rows, searchRow{kind: sectionRow, title: d.Outline[section].Title})
		}
		lastSection = section
		if len(rows) >= h {
			break
		}
		before, match, after := lib.Snippet(hit, snippetWidth)
		rows = append(rows, searchRow{kind: hitRow, hit: i, before: before, match: match, after: after})
		last = i
	}
	return rows, last
}

// notesGroup stands for the reader's notes where a document's index
// would be: the group the notes' hits are listed under.
const notesGroup = -3

// noteRow is the row of note hit i: the note's words around the match,
// after the first words of its passage; or the passage's own words.
func (s *Model) noteRow(i, width int) searchRow {
	h := s.noteHits[i]
	n := s.notes[h.Note]
	text, lead, closing := n.Words, "kept: “", "”"
	if h.InComment {
		text, lead, closing = n.Comment, "your note on “"+firstWords(n.Words, 3)+"”: ", ""
	}
	lead = ansi.Truncate(corpus.SanitizeLine(lead), width/2, "…")
	before, match, after := corpus.TextSnippet(text, h.Start, h.End, max(8, width-lipgloss.Width(lead)))
	return searchRow{kind: hitRow, hit: i, before: lead + corpus.SanitizeLine(before), match: corpus.SanitizeLine(match),
		after: corpus.SanitizeLine(after) + closing}
}

// firstWords is the first n words of text, with "…" if there are more.
func firstWords(text string, n int) string {
	words := strings.Fields(text)
	if len(words) <= n {
		return strings.Join(words, " ")
	}
	return strings.Join(words[:n], " ") + "…"
}

// inHeading says whether hit is in the heading of section.
func inHeading(d *corpus.Document, section int, hit corpus.Hit) bool {
	h := d.Outline[section]
	return d.BodyOffset(hit.Start) < d.Blocks[d.BlockAt(h.Offset)].End
}

// View is the list of hits over the bottom rows of the text pane
// (PanelHeight of them at most, fewer when fewer hits need fewer), then
// the line typed in, where the status bar was.
func (s Model) View() string {
	return strings.Join(append(s.panel(), s.bar()), "\n")
}

// panel is the list of hits, as lines the terminal's width: a head that
// counts them, per document, then the hits, in as many lines as they
// take, up to PanelHeight.
func (s Model) panel() []string {
	h := s.PanelHeight()
	if h == 0 {
		return nil
	}
	st := s.Styles
	lines := make([]string, 0, h)
	lines = append(lines, s.head())
	switch {
	case strings.TrimSpace(s.input.Value()) == "":
		hint := "  Type to search every document."
		k := common.FirstKey(s.KeyMap.Scope)
		switch {
		case s.thisDoc:
			hint = "  Type to search" + s.where() + " only."
			if k != "" {
				hint = "  Type to search" + s.where() + " only; " + k + " searches every document."
			}
		case k != "":
			hint = "  Type to search every document; " + k + " searches only this one."
		}
		lines = append(lines, common.Fit(st.Quiet.Render(hint), s.width))
	case s.res != nil && s.count() == 0 && s.text == s.input.Value():
		lines = append(lines, common.Fit(st.Quiet.Render("  Nothing matches "+common.Quoted(s.text)+s.where()+"."), s.width))
	default:
		for _, row := range s.rows {
			lines = append(lines, s.drawRow(row))
		}
	}
	// Few hits take few rows: the text shows above them.
	return lines[:min(h, len(lines))]
}

// head is the top line of the panel: how many hits, for what, and how
// many in each document.
func (s Model) head() string {
	st := s.Styles
	var text string
	if s.res != nil && strings.TrimSpace(s.text) != "" {
		n, notes := s.res.Total(), len(s.noteHits)
		count := common.Plural(n, "match", "matches")
		if notes > 0 {
			count += " and " + common.Plural(notes, "note", "notes")
		}
		text = fmt.Sprintf("%s for %s", count, common.Quoted(s.text))
		if s.thisDoc {
			text += s.where()
		} else if n > 0 {
			var per []string
			for i, c := range s.res.PerDoc {
				if c > 0 {
					per = append(per, fmt.Sprintf("%s %d", s.c.Lib.Docs[i].ShortTitle(), c))
				}
			}
			text += ": " + strings.Join(per, " · ")
		}
	}
	rule := st.Rule.Render("──")
	if text == "" {
		return st.Rule.Render(strings.Repeat("─", s.width))
	}
	text = " " + ansi.Truncate(text, max(0, s.width-6), "…") + " "
	rest := max(0, s.width-lipgloss.Width(text)-2)
	return rule + st.Head.Render(text) + st.Rule.Render(strings.Repeat("─", rest))
}

func (s Model) drawRow(row searchRow) string {
	st := s.Styles
	switch row.kind {
	case docRow:
		count := fmt.Sprint(row.count)
		title := ansi.Truncate(row.title, max(0, s.width-len(count)-4), "…")
		gap := max(1, s.width-2-lipgloss.Width(title)-len(count))
		return common.Fit(" "+st.Doc.Render(title)+strings.Repeat(" ", gap)+st.DocCount.Render(count), s.width)
	case sectionRow:
		return common.Fit(st.Quiet.Render("   "+ansi.Truncate(row.title, max(0, s.width-4), "…")), s.width)
	}
	if row.hit == s.selected {
		sel := st.Selected
		return sel.Render(" ›   ") + sel.Render(row.before) + sel.Bold(true).Underline(true).Render(row.match) +
			sel.Render(common.Fit(row.after, max(0, s.width-5-lipgloss.Width(row.before+row.match))))
	}
	return common.Fit("     "+row.before+st.Match.Render(row.match)+row.after, s.width)
}

// bar is the line the query is typed in: the label, the query, and which
// hit is selected of how many.
func (s Model) bar() string {
	st := s.Styles
	label := searchLabel
	if s.backward {
		label = searchBackLabel
	}
	if s.thisDoc && s.doc != nil {
		// The scope stays for the next search: the label says so.
		title := ansi.Truncate(s.doc.ShortTitle(), max(4, s.width/4), "…")
		label = strings.TrimSuffix(label, " › ") + " in " + title + " › "
	}
	if s.withNotes { // and so does looking in the notes
		label = strings.TrimSuffix(label, " › ") + " + your notes › "
	}
	right := s.barRight(s.width - lipgloss.Width(label) - minQueryWidth)
	s.input.SetWidth(max(1, s.width-lipgloss.Width(label)-lipgloss.Width(right)-1))
	left := st.Label.Render(label) + s.input.View()
	gap := max(1, s.width-lipgloss.Width(left)-lipgloss.Width(right))
	return common.Fit(left+strings.Repeat(" ", gap)+right, s.width)
}

// minQueryWidth is the least room the bar leaves for the query.
const minQueryWidth = 16

// barRight is the end of the bar's line, in room columns at most: the hit
// selected, and the key that changes where the search looks, as much of it
// as fits.
func (s Model) barRight(room int) string {
	st := s.Styles
	var parts []string
	if s.count() > 0 && s.text == s.input.Value() {
		if notes := len(s.noteHits); s.selected < notes {
			parts = append(parts, fmt.Sprintf("note %d of %d", s.selected+1, notes))
		} else {
			parts = append(parts, fmt.Sprintf("match %d of %d", s.selected-notes+1, s.res.Total()))
		}
	}
	scope := "whole library"
	if !s.thisDoc {
		scope = "this document only"
	}
	if k := common.FirstKey(s.KeyMap.Scope); k != "" {
		parts = append(parts, st.Quiet.Render(k+" "+scope))
	}
	notes := "your notes too"
	if s.withNotes {
		notes = "text only"
	}
	if k := common.FirstKey(s.KeyMap.Notes); k != "" {
		parts = append(parts, st.Quiet.Render(k+" "+notes))
	}
	for len(parts) > 0 && lipgloss.Width(strings.Join(parts, "  "))+1 > room {
		parts = parts[:len(parts)-1]
	}
	return strings.Join(parts, "  ")
}
