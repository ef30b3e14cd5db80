package notes

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"samizdat/corpus"
)

// Work is the notes of one work, for writing out: those found in reading
// order, then the detached ones in the order they were kept in.
type Work struct {
	ID  string
	Doc *corpus.Document // nil when the library has no work of that id
	// Notes are the notes found in the work, Detached the others.
	Notes, Detached []Located
}

// ByWork groups notes by work: the library's works in its order, then
// those of works the library does not have, by id.
func ByWork(ls []Located) []Work {
	byID := map[string]*Work{}
	var works []*Work
	order := map[string]int{}
	for _, l := range ls {
		w := byID[l.Note.Doc]
		if w == nil {
			w = &Work{ID: l.Note.Doc, Doc: l.Doc}
			byID[l.Note.Doc] = w
			works = append(works, w)
			order[w.ID] = l.DocIndex
		}
		if l.Detached {
			w.Detached = append(w.Detached, l)
		} else {
			w.Notes = append(w.Notes, l)
		}
	}
	slices.SortFunc(works, func(a, b *Work) int {
		oa, ob := order[a.ID], order[b.ID]
		switch {
		case oa >= 0 && ob >= 0:
			return cmp.Compare(oa, ob)
		case oa >= 0:
			return -1
		case ob >= 0:
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	out := make([]Work, len(works))
	for i, w := range works {
		slices.SortFunc(w.Notes, func(a, b Located) int {
			return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.Note.ID, b.Note.ID))
		})
		slices.SortFunc(w.Detached, func(a, b Located) int { return InText(a.Note, b.Note) })
		out[i] = *w
	}
	return out
}

// Title is the work's title, or its id when the library lacks it.
func (w Work) Title() string {
	if w.Doc != nil {
		return w.Doc.Title
	}
	return w.ID
}

// Source is the edition the work's text is of, as its front matter says:
// publisher and year, else where the text came from.
func (w Work) Source() string {
	if w.Doc == nil {
		return ""
	}
	var pub []string
	for _, s := range []string{w.Doc.Publisher, w.Doc.Year} {
		if s != "" {
			pub = append(pub, s)
		}
	}
	if len(pub) == 0 {
		return w.Doc.Meta.Source
	}
	return strings.Join(pub, ", ")
}

// Citation is the citation of a note's passage: author, work, section and
// printed page (corpus.Document.Cite); "" for a detached note.
func (l Located) Citation() string {
	if l.Doc == nil || l.Detached {
		return ""
	}
	return l.Doc.Cite(l.Doc.BodyOffset(l.Start))
}

// Section is the title of the section that holds the passage, and its
// anchor.
func (l Located) Section() (title, anchor string) {
	if l.Doc == nil || l.Detached {
		return "", ""
	}
	if i := l.Doc.SectionAt(l.Doc.BodyOffset(l.Start)); i >= 0 {
		return l.Doc.Outline[i].Title, l.Doc.Outline[i].Anchor
	}
	return "", ""
}

// Page is the printed page the passage begins on, if the work has pages.
func (l Located) Page() string {
	if l.Doc == nil || l.Detached {
		return ""
	}
	p, _ := l.Doc.PageAt(l.Doc.BodyOffset(l.Start))
	return p
}

// Markdown writes the notes as Markdown, ready for a notes vault: for each
// work, a YAML front matter block (title, author, source), then each
// passage in reading order as a block quote, its citation and the note;
// the detached ones last, under a heading of their own, with the words
// they were kept with.
func Markdown(w io.Writer, ls []Located) error {
	var b bytes.Buffer
	for i, work := range ByWork(ls) {
		if i > 0 {
			b.WriteString("\n")
		}
		writeWork(&b, work)
	}
	_, err := w.Write(b.Bytes())
	return err
}

func writeWork(b *bytes.Buffer, w Work) {
	b.WriteString("---\n")
	yamlField(b, "title", w.Title())
	if w.Doc != nil && w.Doc.Author != "" {
		yamlField(b, "author", w.Doc.Author)
	}
	if s := w.Source(); s != "" {
		yamlField(b, "source", s)
	}
	b.WriteString("---\n\n# " + escapeLine(w.Title()) + "\n")
	for _, l := range w.Notes {
		b.WriteString("\n")
		blockQuote(b, l.Words())
		b.WriteString("\n— " + citationLine(l) + "\n")
		comment(b, l.Note.Comment)
	}
	if len(w.Detached) == 0 {
		return
	}
	b.WriteString("\n## Detached\n\nNo longer found in this edition of the work; the words as they were kept:\n")
	for _, l := range w.Detached {
		b.WriteString("\n")
		blockQuote(b, l.Note.Text)
		comment(b, l.Note.Comment)
	}
}

// yamlField writes a field of front matter, its value double-quoted: a
// JSON string is a YAML one, whatever colons, quotes or hashes it holds.
func yamlField(b *bytes.Buffer, key, value string) {
	b.WriteString(key + ": " + jsonString(value) + "\n")
}

func jsonString(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}

// blockQuote writes text as a Markdown block quote, every line of it.
func blockQuote(b *bytes.Buffer, text string) {
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			b.WriteString(">\n")
			continue
		}
		b.WriteString("> " + escapeLine(line) + "\n")
	}
}

// comment writes the reader's note as the reader typed it: its blank
// lines part paragraphs, its other line breaks are kept as hard breaks
// (a backslash at the line's end), and no line of it can be read as
// Markdown structure.
func comment(b *bytes.Buffer, text string) {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	if text == "" {
		return
	}
	b.WriteString("\n")
	var para []string
	flush := func() {
		for i, line := range para {
			b.WriteString(line)
			if i < len(para)-1 {
				b.WriteString(`\`)
			}
			b.WriteString("\n")
		}
		para = para[:0]
	}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(corpus.SanitizeLine(line), " \t")
		if strings.TrimSpace(line) == "" {
			if len(para) > 0 {
				flush()
				b.WriteString("\n")
			}
			continue
		}
		line = escapeLine(line)
		if n := len(line) - len(strings.TrimRight(line, `\`)); n%2 == 1 {
			line += `\` // a backslash of the note's own, not a break
		}
		para = append(para, line)
	}
	flush()
}

// citationLine is a passage's citation as the Markdown export writes it:
// the work's title in italics, as a bibliography sets it.
func citationLine(l Located) string {
	c := escapeHTML(l.Citation())
	if l.Doc != nil && l.Doc.Title != "" && !strings.ContainsAny(l.Doc.Title, "*_\\") {
		c = strings.Replace(c, l.Doc.Title, "*"+l.Doc.Title+"*", 1)
	}
	return c
}

// escapeLine keeps a line of quoted text or of a note from being read as
// Markdown structure: a heading, a list item, a quotation, a thematic
// break, a code fence, a table, a link's definition, HTML (a comment
// would hide the rest of the file).
func escapeLine(line string) string {
	t := strings.TrimLeft(line, " \t")
	if t == "" {
		return line
	}
	t = escapeHTML(t)
	switch t[0] {
	case '#', '>', '-', '+', '*', '=', '_', '|', '`', '~', '[':
		return `\` + t
	}
	if i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' }); i > 0 && i <= 9 && (t[i] == '.' || t[i] == ')') {
		return t[:i] + `\` + t[i:]
	}
	return t
}

// escapeHTML escapes each "<" that could open HTML: a tag, a comment, a
// declaration.
func escapeHTML(s string) string {
	if !strings.Contains(s, "<") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '<' && i+1 < len(s) && (isASCIILetter(s[i+1]) || strings.IndexByte("/!?", s[i+1]) >= 0) && (i == 0 || s[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// noteJSON is one note as JSON writes it; the field names are stable.
type noteJSON struct {
	ID       string    `json:"id"`
	Doc      string    `json:"doc"`
	Title    string    `json:"title"`
	Author   string    `json:"author"`
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Text     string    `json:"text"`
	Note     string    `json:"note"`
	Section  string    `json:"section"`
	Anchor   string    `json:"anchor"`
	Page     string    `json:"page"`
	Citation string    `json:"citation"`
	Created  time.Time `json:"created"`
	Modified time.Time `json:"modified"`
	Detached bool      `json:"detached"`
}

// JSON writes the notes as {"notes": [...]}, in the order Markdown writes
// them, each with the fields id, doc (the work's id), title, author, start
// and end (byte offsets of the work's plain text, where the passage is
// now), text (its words there now; a detached passage's as they were
// kept), note ("" for a highlight), section, anchor, page ("" where
// the work has no pages), citation, created, modified (RFC 3339) and
// detached (the passage is no longer in the work: section, anchor, page
// and citation are "").
func JSON(w io.Writer, ls []Located) error {
	out := struct {
		Notes []noteJSON `json:"notes"`
	}{Notes: []noteJSON{}}
	for _, work := range ByWork(ls) {
		for _, l := range slices.Concat(work.Notes, work.Detached) {
			section, anchor := l.Section()
			n := noteJSON{
				ID: l.Note.ID, Doc: l.Note.Doc, Title: work.Title(), Start: l.Start, End: l.End,
				Text: l.Words(), Note: l.Note.Comment, Section: section, Anchor: anchor, Page: l.Page(),
				Citation: l.Citation(), Created: l.Note.Created.UTC(), Modified: l.Note.Modified.UTC(), Detached: l.Detached,
			}
			if work.Doc != nil {
				n.Author = work.Doc.Author
			}
			out.Notes = append(out.Notes, n)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return fmt.Errorf("write notes: %w", err)
	}
	return nil
}
