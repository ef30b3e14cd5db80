package searchbar

import (
	"strings"

	"samizdat/corpus"
)

// The reader's own notes in the search, when asked for: each note whose
// comment or passage holds what is typed is a hit of its own, listed
// before the hits of the text.

// Note is a highlight or note of the reader's own as the search looks in
// it. The root hands the bar those found in the library (SetNotes).
type Note struct {
	ID      string
	Doc     int // its work's index in the library
	Start   int // where its passage begins, in the work's plain text
	Comment string
	Words   string // the passage's words
}

// NoteHit is a note whose comment or passage holds what was typed.
type NoteHit struct {
	Note       int  // index in the notes handed to the bar
	InComment  bool // the match is in the comment, else in the passage
	Start, End int  // the match, in the comment or the passage
}

// foldedNote is a note's comment and passage folded for search, once.
type foldedNote struct {
	comment, words corpus.FoldedText
}

func foldNotes(ns []Note) []foldedNote {
	out := make([]foldedNote, len(ns))
	for i, n := range ns {
		out[i] = foldedNote{comment: corpus.FoldText(n.Comment), words: corpus.FoldText(n.Words)}
	}
	return out
}

// findInNotes is the notes that hold query, in their comments first,
// in the order of ns; doc >= 0 keeps to the notes of that work.
func findInNotes(ns []Note, folded []foldedNote, query string, doc int) []NoteHit {
	if strings.TrimSpace(query) == "" {
		return nil
	}
	var out []NoteHit
	q := corpus.FoldQuery(query)
	for i, n := range ns {
		if doc >= 0 && n.Doc != doc {
			continue
		}
		if s, e, ok := folded[i].comment.Find(q); ok {
			out = append(out, NoteHit{Note: i, InComment: true, Start: s, End: e})
		} else if s, e, ok := folded[i].words.Find(q); ok {
			out = append(out, NoteHit{Note: i, Start: s, End: e})
		}
	}
	return out
}

// SetNotes gives the bar the reader's notes to search when asked to,
// in the order they are listed in (reading order); the bar keeps them
// until the next call.
func (s *Model) SetNotes(ns []Note) {
	s.notes, s.folded = ns, nil
	s.notesGen++
}

// WithNotes says whether the search looks in the reader's notes too.
func (s Model) WithNotes() bool { return s.withNotes }

// count is every hit listed: the notes', then the text's.
func (s Model) count() int {
	n := len(s.noteHits)
	if s.res != nil {
		n += s.res.Total()
	}
	return n
}

// selectedNote is the note hit selected, if one is.
func (s Model) selectedNote() (Note, NoteHit, bool) {
	if s.selected >= len(s.noteHits) {
		return Note{}, NoteHit{}, false
	}
	h := s.noteHits[s.selected]
	return s.notes[h.Note], h, true
}
