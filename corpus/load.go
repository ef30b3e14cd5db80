package corpus

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// Load reads every Markdown document at the top of fsys. Documents are
// ordered by year, those without one last, then by file name.
func Load(fsys fs.FS) (*Library, error) {
	return load(fsys, Parse)
}

func load(fsys fs.FS, parse func(name string, data []byte) *Document) (*Library, error) {
	names, err := fs.Glob(fsys, "*.md")
	if err != nil {
		return nil, err
	}
	// The documents are parsed in parallel: start-up waits for the
	// library, and the cores are otherwise idle then.
	docs := make([]*Document, len(names))
	errs := make([]error, len(names))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Add(1)
		go func() {
			defer wg.Done()
			slots <- struct{}{}
			defer func() { <-slots }()
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				errs[i] = fmt.Errorf("load %s: %w", name, err)
				return
			}
			docs[i] = parse(name, data)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	lib := &Library{Docs: docs}
	slices.SortStableFunc(lib.Docs, func(a, b *Document) int {
		ya, errA := strconv.Atoi(a.Year)
		yb, errB := strconv.Atoi(b.Year)
		switch {
		case errA == nil && errB == nil && ya != yb:
			return cmp.Compare(ya, yb)
		case errA == nil && errB != nil:
			return -1
		case errA != nil && errB == nil:
			return 1
		}
		return cmp.Compare(a.Path, b.Path)
	})
	return lib, nil
}

// Parse reads one document: front matter, then the Markdown body with its
// headings, page anchors and notes. Front matter it cannot read is shown
// as text, with a warning in Warnings; blocks too costly to lay out are
// guarded (guard.go), with a warning.
func Parse(name string, data []byte) *Document {
	return parse(name, data, true)
}

// parseEdition is Parse for a document of the edition, which is within
// every limit the guards set (TestEditionUnguarded): it is read at every
// start, and looking for what is not there would take longer than the rest.
func parseEdition(name string, data []byte) *Document {
	return parse(name, data, false)
}

func parse(name string, data []byte, guard bool) *Document {
	doc := &Document{Path: name}
	clean, invalid, controls := sanitizeMarkdown(string(data))
	if invalid {
		doc.Warnings = append(doc.Warnings, "invalid UTF-8 shown as �")
	}
	if controls {
		doc.Warnings = append(doc.Warnings, "control characters shown as symbols")
	}
	text, err := splitFrontMatter(clean, &doc.Meta)
	if err != nil {
		// Show the file as it is, front matter and all, rather than
		// nothing.
		doc.Warnings = append(doc.Warnings, err.Error()+"; shown as text")
		doc.Meta, text = Meta{}, clean
	}
	doc.Meta = doc.Meta.oneLine()
	if doc.ID == "" {
		doc.ID = strings.TrimSuffix(path.Base(name), path.Ext(name))
	}
	if doc.Title == "" {
		doc.Title = doc.ID
	}
	parseBody(doc, text, guard)
	return doc
}

// splitFrontMatter decodes the YAML between the opening and closing "---"
// lines into m and returns what follows.
func splitFrontMatter(data string, m *Meta) (string, error) {
	rest, ok := strings.CutPrefix(data, "---\n")
	if !ok {
		return data, nil
	}
	fm, body, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		if fm, ok = strings.CutSuffix(rest, "\n---"); !ok {
			return "", errors.New("front matter has no closing ---")
		}
	}
	if err := yaml.Unmarshal([]byte(fm), m); err != nil {
		return "", fmt.Errorf("front matter: %w", err)
	}
	return body, nil
}

const (
	pageOpen  = "<!--page:"
	pageClose = "-->"
)

// parseBody builds the body, outline, pages, notes, blocks and plain text
// of doc from the Markdown after its front matter, in one pass over its
// lines.
func parseBody(doc *Document, text string, guard bool) {
	var body strings.Builder
	body.Grow(len(text))
	anchors := map[string]int{}
	var defs []Note    // note paragraphs, in order
	var refs []noteRef // note markers, in order
	// headings is where the run of headings just written began, or -1:
	// a page that begins with the text after them begins with them.
	headings := -1
	// inNote is whether the last block was a note's paragraph: a block
	// indented after it is a further paragraph of the note.
	inNote := false
	var rep *repairs
	if guard {
		rep = new(repairs)
	}
	for line := range blocks(text, rep) {
		if body.Len() > 0 {
			body.WriteString("\n\n")
			doc.plainLen += 2 // the blank line between blocks
		}
		start := body.Len()
		continues := false
		if level, title, anchor, ok := parseHeading(line); ok {
			if anchor == "" {
				anchor = Slug(unescape(title))
			}
			anchor = uniqueAnchor(anchors, anchor)
			// Cloned: a substring would keep the whole file's text alive.
			doc.Outline = append(doc.Outline, Heading{Level: level, Title: strings.Clone(unescape(title)),
				Anchor: strings.Clone(anchor), Offset: start})
			line = line[:level] + " " + title
			body.WriteString(line)
			doc.addPlain(title, start+level+1)
			if headings < 0 {
				headings = start
			}
		} else {
			var prefix string
			if inNote {
				line, continues = noteContinuation(line)
			}
			if !continues {
				prefix = blockPrefix(line)
			}
			body.WriteString(prefix)
			if label, rest, ok := noteLabel(line[len(prefix):]); ok && !continues {
				defs = append(defs, Note{Label: strings.Clone(label), Offset: start})
				body.WriteString("[" + label + "] ")
				line = prefix + rest
			}
			pages := len(doc.Pages)
			refs = writeInline(doc, &body, line[len(prefix):], refs)
			if block := body.String()[start:]; prefix == "" && wholeEmphasis(block) {
				// A paragraph in italics, an editor's note: its
				// marks are not text.
				doc.addPlain(block[1:len(block)-1], start+1)
			} else {
				doc.addPlain(block, start)
			}
			if len(doc.Pages) > pages && doc.Pages[pages].Offset == start+len(prefix) && headings >= 0 {
				doc.Pages[pages].Offset = headings
			}
			headings = -1
		}
		n := len(defs)
		inNote = n > 0 && (defs[n-1].Offset == start || continues)
		if inNote {
			defs[n-1].End = body.Len()
		}
		doc.Blocks = append(doc.Blocks, Block{Start: start, End: body.Len()})
	}
	doc.Body = body.String()
	doc.Notes = bindNotes(defs, refs)
	if rep != nil {
		doc.Warnings = append(doc.Warnings, rep.warnings()...)
	}
}

// blocks yields the Markdown blocks of text, each without the blank lines
// around it: a heading is one line; a fenced code block runs to its
// closing fence, blank lines and all; any other block runs to the next
// blank line, heading or fence. A setext heading ("Title" over "=====")
// is yielded as the ATX heading it means. The edition's own documents
// write every block on one line; a reader's own files need not, and may
// hold blocks no renderer should be asked to lay out whole: those are
// guarded (guard.go), and rep records what was changed, unless rep is nil.
func blocks(text string, rep *repairs) func(yield func(string) bool) {
	return func(yield func(string) bool) {
		heading := func(line string, level int) bool {
			if rep == nil {
				return yield(line)
			}
			h, rest := guardHeading(line, level, rep)
			return yield(h) && (rest == "" || guardText(rest, rep, yield))
		}
		for len(text) > 0 {
			line, rest := cutLine(text)
			if isBlank(line) {
				text = rest
				continue
			}
			if level, _, _, ok := parseHeading(line); ok {
				if !heading(line, level) {
					return
				}
				text = rest
				continue
			}
			if fence := fenceOf(line); fence != "" {
				end := len(line)
				for r := rest; len(r) > 0; {
					l, next := cutLine(r)
					end = len(text) - len(next)
					if strings.HasPrefix(strings.TrimLeft(l, " "), fence) {
						break
					}
					r = next
				}
				block := strings.TrimRight(text[:end], "\n")
				text = text[end:]
				if rep == nil && !yield(block) || rep != nil && !guardFence(block, rep, yield) {
					return
				}
				continue
			}
			end := len(line)
			r := rest
			for len(r) > 0 {
				l, next := cutLine(r)
				if isBlank(l) || fenceOf(l) != "" {
					break
				}
				if _, _, _, ok := parseHeading(l); ok {
					break
				}
				if level := setextLevel(l); level > 0 {
					// The lines so far are a heading's title.
					title := strings.Join(strings.Fields(text[:end]), " ")
					text = next
					if !heading(strings.Repeat("#", level)+" "+title, level) {
						return
					}
					end = -1
					break
				}
				end = len(text) - len(next)
				r = next
			}
			if end < 0 {
				continue
			}
			block := strings.TrimRight(text[:end], "\n")
			text = text[end:]
			if rep == nil && !yield(block) || rep != nil && !guardText(block, rep, yield) {
				return
			}
		}
	}
}

func cutLine(s string) (line, rest string) {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

func isBlank(line string) bool { return strings.TrimSpace(line) == "" }

// fenceOf is the fence a line opens a fenced code block with ("```" or
// "~~~"), or "".
func fenceOf(line string) string {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 {
		return ""
	}
	for _, f := range []string{"```", "~~~"} {
		if strings.HasPrefix(t, f) {
			return f
		}
	}
	return ""
}

// setextLevel is 1 for a line of "=", 2 for a line of "-", else 0.
func setextLevel(line string) int {
	t := strings.TrimSpace(line)
	switch {
	case len(t) > 0 && strings.Trim(t, "=") == "":
		return 1
	case len(t) > 1 && strings.Trim(t, "-") == "":
		return 2
	}
	return 0
}

// parseHeading splits an ATX heading line into its level, its text and an
// explicit anchor written as a trailing "{#anchor}".
func parseHeading(line string) (level int, title, anchor string, ok bool) {
	for level < len(line) && level < 7 && line[level] == '#' {
		level++
	}
	if level == 0 || level > 6 || level >= len(line) || line[level] != ' ' {
		return 0, "", "", false
	}
	title = strings.TrimSpace(line[level+1:])
	if i := strings.LastIndex(title, " {#"); i >= 0 && strings.HasSuffix(title, "}") {
		anchor = title[i+3 : len(title)-1]
		title = title[:i]
	}
	return level, title, anchor, true
}

// blockPrefix is the list or quotation marker a block line begins with.
func blockPrefix(line string) string {
	for _, p := range []string{"- ", "> "} {
		if strings.HasPrefix(line, p) {
			return p
		}
	}
	return ""
}

// wholeEmphasis reports whether a paragraph is in italics from end to
// end, "*…*", with no other emphasis mark in it.
func wholeEmphasis(s string) bool {
	if len(s) < 3 || s[0] != '*' || s[len(s)-1] != '*' || s[1] == ' ' || s[1] == '*' {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		switch {
		case s[i] == '\\' && i+2 == len(s):
			return false // the last mark is escaped
		case s[i] == '\\':
			i++
		case s[i] == '*':
			return false
		}
	}
	return true
}

// noteContinuation recognises a further paragraph of a note: a block
// indented four spaces, or a tab, as Markdown continues a footnote. It
// returns the block without its indent.
func noteContinuation(block string) (string, bool) {
	lines := strings.Split(block, "\n")
	for i, l := range lines {
		switch {
		case strings.HasPrefix(l, "    "):
			lines[i] = l[4:]
		case strings.HasPrefix(l, "\t"):
			lines[i] = l[1:]
		case i == 0:
			return block, false
		}
	}
	return strings.Join(lines, "\n"), true
}

// noteLabel recognises the start of a note's paragraph, "[^12]: ".
func noteLabel(s string) (label, rest string, ok bool) {
	if !strings.HasPrefix(s, "[^") {
		return "", "", false
	}
	end := strings.Index(s, "]: ")
	if end < 0 || !isLabel(s[2:end]) {
		return "", "", false
	}
	return s[2:end], s[end+3:], true
}

func isLabel(s string) bool {
	if s == "" || len(s) > 16 {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

type noteRef struct {
	label  string
	offset int
}

// writeInline copies s into body, taking out page anchors (recorded as
// pages) and writing note markers "[^12]" as "[12]" (recorded as refs).
func writeInline(doc *Document, body *strings.Builder, s string, refs []noteRef) []noteRef {
	for {
		i := indexMarkup(s)
		if i < 0 {
			body.WriteString(s)
			return refs
		}
		body.WriteString(s[:i])
		s = s[i:]
		switch {
		case strings.HasPrefix(s, pageOpen):
			end := strings.Index(s, pageClose)
			if end < 0 {
				body.WriteString(s)
				return refs
			}
			doc.Pages = append(doc.Pages, Page{Label: strings.Clone(s[len(pageOpen):end]), Offset: body.Len()})
			s = s[end+len(pageClose):]
		case strings.HasPrefix(s, "[^"):
			end := strings.IndexByte(s, ']')
			if end > 0 && isLabel(s[2:end]) {
				refs = append(refs, noteRef{label: s[2:end], offset: body.Len()})
				body.WriteString("[" + s[2:end] + "]")
				s = s[end+1:]
				continue
			}
			body.WriteString(s[:1])
			s = s[1:]
		default:
			body.WriteString(s[:1])
			s = s[1:]
		}
	}
}

// indexMarkup is the index of the first '<' or '[' in s, or -1: where a
// page anchor or a note marker may begin.
func indexMarkup(s string) int {
	i, j := strings.IndexByte(s, '<'), strings.IndexByte(s, '[')
	switch {
	case i < 0:
		return j
	case j < 0:
		return i
	}
	return min(i, j)
}

// bindNotes ties every marker to the first note with its label after it,
// or, where none follows, the last one before it.
func bindNotes(defs []Note, refs []noteRef) []Note {
	for _, r := range refs {
		best := -1
		for i := range defs {
			if defs[i].Label != r.label {
				continue
			}
			best = i
			if defs[i].Offset > r.offset {
				break
			}
		}
		if best >= 0 {
			defs[best].Refs = append(defs[best].Refs, r.offset)
		}
	}
	return defs
}

// uniqueAnchor returns a, or a numbered variant of it if a was taken.
func uniqueAnchor(seen map[string]int, a string) string {
	if a == "" {
		a = "section"
	}
	n := seen[a]
	seen[a] = n + 1
	if n == 0 {
		return a
	}
	for {
		n++
		cand := a + "-" + strconv.Itoa(n)
		if seen[cand] == 0 {
			seen[cand] = 1
			seen[a] = n
			return cand
		}
	}
}

// Slug derives an anchor from a heading's title: its letters and digits,
// lowercased, the runs between them written as single hyphens.
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		switch {
		case r == '\'' || r == '’':
			// "Lenin's" reads as "lenins", not "lenin-s".
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9' || r > 0x7f && isLetter(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	return b.String()
}
