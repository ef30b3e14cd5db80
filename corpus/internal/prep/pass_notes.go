package prep

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// NoteSeries is one series of endnotes numbered from 1, such as the notes
// to one part of a book: the text that cites them, the section that holds
// them and where, in the text, each is cited.
type NoteSeries struct {
	// Text and Notes are the titles of the headings where the citing
	// text and the notes begin. The citing text runs to the notes; the
	// notes run to the next heading of their heading's level or above.
	Text, Notes string
	// Marks are the note markers of the text, in order, one for each
	// note.
	Marks []NoteMark
}

// NoteMark is a note marker as the source has it. A scan reads a
// superscript number as what it looks like ("!" for 1, "?" for 2, "°" for
// 0) or loses it; what a marker became cannot be guessed, so each is
// given.
type NoteMark struct {
	// At is the text the marker follows, enough of it to be found: the
	// first place it occurs after the marker before is taken.
	At string
	// Glyph is the marker as the source shows it, replaced by the note
	// marker; empty where the source lost the marker, which is then
	// restored after At.
	Glyph string
}

// noteLabelRE finds the label a note's paragraph begins with in the
// edition.
var noteLabelRE = regexp.MustCompile(`^\[\^[0-9A-Za-z]+\]: `)

// noteNumberRE finds the number a note's paragraph begins with.
var noteNumberRE = regexp.MustCompile(`^((?:<!--page:[^>]*-->)*)(\d+)\. `)

// MarkNotes writes the note markers of each series into its text, "[^3]",
// and makes note paragraphs of its notes, "[^3]: ". A paragraph of the
// notes that begins with no number is a further paragraph of the note
// before it, kept in its block after a NoteBreak. It fails where the notes are not
// numbered 1, 2, 3… or where their number and the markers' differ, so that
// no marker is tied to the wrong note.
func MarkNotes(blocks []Block, series []NoteSeries) ([]Block, error) {
	out := append([]Block(nil), blocks...)
	for _, s := range series {
		text, notes, end, err := noteRegions(out, s)
		if err != nil {
			return nil, err
		}
		n, merged, err := numberNotes(out[notes:end], s.Notes)
		if err != nil {
			return nil, err
		}
		if n != len(s.Marks) {
			return nil, fmt.Errorf("%s: %d notes but %d markers", s.Notes, n, len(s.Marks))
		}
		if err := markCitations(out[text:notes], s); err != nil {
			return nil, err
		}
		out = append(out[:notes], append(merged, out[end:]...)...)
	}
	return out, nil
}

// noteRegions finds the blocks of a series: the citing text from text to
// notes, the notes from notes to end (the notes' heading excluded).
func noteRegions(blocks []Block, s NoteSeries) (text, notes, end int, err error) {
	text, notes = -1, -1
	level := 0
	for i, b := range blocks {
		if b.Kind != HeadingBlock {
			continue
		}
		switch {
		case notes >= 0:
			if b.Level <= level {
				return text, notes, i, nil
			}
		case text >= 0 && b.Text == s.Notes:
			notes, level = i+1, b.Level
		case text < 0 && b.Text == s.Text:
			text = i + 1
		}
	}
	if notes < 0 {
		return 0, 0, 0, fmt.Errorf("notes: no heading %q after %q", s.Notes, s.Text)
	}
	return text, notes, len(blocks), nil
}

// numberNotes makes note paragraphs of the notes of a series, joining
// each further paragraph of a note to it, and returns how many notes there
// are.
func numberNotes(blocks []Block, title string) (int, []Block, error) {
	var out []Block
	n := 0
	for _, b := range blocks {
		m := noteNumberRE.FindStringSubmatch(b.Text)
		if b.Kind != Para || m == nil {
			if k := len(out); b.Kind == Para && k > 0 && out[k-1].Kind == Para {
				out[k-1].Text += NoteBreak + b.Text
				continue
			}
			out = append(out, b)
			continue
		}
		if m[2] != strconv.Itoa(n+1) {
			return 0, nil, fmt.Errorf("%s: note %s follows note %d", title, m[2], n)
		}
		n++
		// The label opens the paragraph; a page anchor stays before
		// the first word.
		b.Text = "[^" + m[2] + "]: " + m[1] + b.Text[len(m[0]):]
		out = append(out, b)
	}
	return n, out, nil
}

// markCitations writes the markers of s into the blocks of its text.
func markCitations(blocks []Block, s NoteSeries) error {
	i, from := 0, 0 // the block, and the byte in it, after the last marker
	for k, m := range s.Marks {
		label := "[^" + strconv.Itoa(k+1) + "]"
		for {
			if i == len(blocks) {
				return fmt.Errorf("%s: marker %d, %q then %q, not found after marker %d", s.Text, k+1, m.At, m.Glyph, k)
			}
			if t := blocks[i].Text; blocks[i].Kind != HeadingBlock {
				if at := strings.Index(t[from:], m.At+m.Glyph); at >= 0 {
					at += from + len(m.At)
					blocks[i].Text = t[:at] + label + t[at+len(m.Glyph):]
					from = at + len(label)
					break
				}
			}
			i, from = i+1, 0
		}
	}
	return nil
}
