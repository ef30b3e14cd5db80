package ui

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/internal/safefile"
	"samizdat/notes"
	"samizdat/ui/common"
	"samizdat/ui/editor"
	"samizdat/ui/overlay"
	"samizdat/ui/render"
)

// The reader's own highlights and notes: what a selection becomes (a
// quotation copied, a highlight, a note written in the editor), the notes
// file read at start and saved at each change, the note of a highlight
// shown over the text, and a work's notes written out as Markdown.

// ownNotes is the reader's highlights and notes: the set, shared by the
// model's copies, and where each is found in the library now.
type ownNotes struct {
	set   *notes.Set
	file  notes.File // no Path: kept in memory only
	where map[string]notes.Located
	// saving is true while a save is on its way, and again if another is
	// wanted once it is back; saveErr is the last failure, said once.
	saving, again bool
	saveErr       string
	// editing is what the editor writes: the note of id, or a new note on
	// the passage [start, end) of doc.
	editing struct {
		id         string
		doc        *corpus.Document
		start, end int
	}
	stamp notes.Stamp // the notes file's when it was last read again
	// searched is whether the search bar was given the notes, at the
	// set's revision searchedRev.
	searched    bool
	searchedRev uint64
	exportDir   string // where a work's notes are written out
	fromList    bool   // the editor was opened from the list, to go back to
}

// notesLoadedMsg carries the notes file, read and found in the library
// off the UI goroutine. Sent by the root's loading command at start;
// handled by the root, which takes them in and paints them.
type notesLoadedMsg struct {
	set    *notes.Set
	where  []notes.Located
	notice string
}

// notesSavedMsg reports a save of the notes file made off the UI
// goroutine. Sent by the root's save command; handled by the root, which
// takes in what other readers saved meanwhile, or reports the failure.
type notesSavedMsg struct {
	merged *notes.Set
	where  []notes.Located // the merged notes, found in the library
	notice string
	err    error
}

// exportedMsg reports a work's notes written out. Sent by the root's
// export command; handled by the status bar's notice.
type exportedMsg = common.NoticeMsg

// loadNotes reads the notes file and finds each note in the library.
func loadNotes(file notes.File, lib *corpus.Library, ix *corpus.Index) tea.Cmd {
	return func() tea.Msg {
		set, notice := file.Load()
		return notesLoadedMsg{set: set, where: notes.NewResolver(lib, ix).Resolve(set.Live()), notice: notice}
	}
}

// notesLoaded takes in the notes read at start; any kept meanwhile stay.
func (m Model) notesLoaded(msg notesLoadedMsg) (tea.Model, tea.Cmd) {
	m.own.set.Adopt(msg.set)
	for _, l := range msg.where {
		m.own.where[l.Note.ID] = l
	}
	m.paintNotes()
	var cmds []tea.Cmd
	if msg.notice != "" {
		cmds = append(cmds, m.status.Push(common.NoticeMsg{Text: msg.notice, Error: true, Whole: true}))
	}
	if m.own.set.Dirty() {
		cmds = append(cmds, m.saveNotes())
	}
	return m, tea.Batch(cmds...)
}

// located is every live note as it is found now, in no order.
func (m Model) located() []notes.Located {
	live := m.own.set.Live()
	out := make([]notes.Located, 0, len(live))
	for _, n := range live {
		l, ok := m.own.where[n.ID]
		if !ok {
			l = notes.Located{Note: n, DocIndex: -1, Start: n.Start, End: n.End, Detached: true}
		}
		l.Note = n // the latest change of it
		out = append(out, l)
	}
	return out
}

// paintNotes gives the reading pane the highlights of every work.
// Those not found in the library are not drawn, so the notes found are
// enough, with the latest change of each.
func (m *Model) paintNotes() {
	byDoc := map[*corpus.Document][]render.Range{}
	for id, l := range m.own.where {
		n, ok := m.own.set.Get(id)
		if !ok || n.Deleted || l.Doc == nil || l.Detached {
			continue
		}
		byDoc[l.Doc] = append(byDoc[l.Doc], render.Range{Start: l.Start, End: l.End, Kind: render.Highlight, Sign: n.Comment != ""})
	}
	m.reader.SetHighlights(byDoc)
}

// saveNotes writes the notes file off the UI goroutine, if there is one
// and a save is not on its way; one that is will be followed by another.
func (m *Model) saveNotes() tea.Cmd {
	if m.own.file.Path == "" {
		return nil
	}
	if m.own.saving {
		m.own.again = true
		return nil
	}
	m.own.saving, m.own.again = true, false
	snap, file, lib, ix := m.own.set.Clone(), m.own.file, m.c.Lib, m.c.Index
	return func() tea.Msg {
		merged, notice, err := file.Save(snap)
		var where []notes.Located
		if merged != nil {
			where = notes.NewResolver(lib, ix).Resolve(merged.Live())
		}
		return notesSavedMsg{merged: merged, where: where, notice: notice, err: err}
	}
}

// notesSaved takes in the result of a save: other readers' notes, or a
// failure, said once until a save succeeds again. The notes stay in
// memory either way, to be saved again at the next change or at the end.
func (m Model) notesSaved(msg notesSavedMsg) (tea.Model, tea.Cmd) {
	m.own.saving = false
	var cmds []tea.Cmd
	if msg.err != nil {
		if text := msg.err.Error(); text != m.own.saveErr {
			m.own.saveErr = text
			cmds = append(cmds, common.Failure(fmt.Sprintf("Could not keep your notes (%v); they are kept in memory and saved again at the next change.", msg.err)))
		}
		return m, tea.Batch(cmds...)
	}
	if m.own.saveErr != "" {
		m.own.saveErr = ""
		cmds = append(cmds, common.Notice("Your notes are kept again."))
	}
	if msg.notice != "" {
		cmds = append(cmds, m.status.Push(common.NoticeMsg{Text: msg.notice, Error: true, Whole: true}))
	}
	m.own.set.Adopt(msg.merged)
	m.learnWhere(msg.where)
	m.showNotes()
	if m.own.again && m.own.set.Dirty() {
		cmds = append(cmds, m.saveNotes())
	}
	return m, tea.Batch(cmds...)
}

// Notes is the reader's highlights and notes, for the caller to save at
// the end; a note being written is kept in them first.
func (m Model) Notes() *notes.Set {
	m.keepDraft()
	return m.own.set
}

// keepDraft keeps the note being written, if it was changed: the reader
// is leaving, and nothing they wrote is dropped.
func (m *Model) keepDraft() {
	if m.overlay == editorOverlay && m.editor.Changed() {
		m.commitNote(m.editor.Value())
	}
}

// changed is what follows a change of the notes: they are painted anew
// and saved.
func (m *Model) changed() tea.Cmd {
	m.showNotes()
	return m.saveNotes()
}

// showNotes paints the notes anew, and lists them anew if their list is
// open.
func (m *Model) showNotes() {
	m.paintNotes()
	if m.overlay == annotationsOverlay {
		m.annos.SetAnnotations(m.located())
	}
}

// learnWhere keeps where each note of ls is found, for the notes whose
// place was not known yet: another reader's, just taken in.
func (m *Model) learnWhere(ls []notes.Located) {
	for _, l := range ls {
		if _, known := m.own.where[l.Note.ID]; !known {
			m.own.where[l.Note.ID] = l
		}
	}
}

// keep adds the passage [start, end) of d with comment, and finds it
// where it was kept.
func (m *Model) keep(d *corpus.Document, start, end int, comment string) (notes.Note, error) {
	n, err := m.own.set.Add(d, start, end, comment)
	if err != nil {
		return n, err
	}
	m.own.where[n.ID] = notes.Located{Note: n, Doc: d, DocIndex: m.c.IndexOf(d), Start: n.Start, End: n.End}
	return n, nil
}

// keepSelection keeps the selection as a highlight.
func (m Model) keepSelection() (tea.Model, tea.Cmd) {
	start, end := m.sel.span()
	n, err := m.keep(m.sel.doc, start, end, "")
	if err != nil {
		return m, common.Failure("Could not keep the passage: " + err.Error() + ".")
	}
	m.leaveSelection()
	return m, tea.Batch(m.changed(), common.Notice(fmt.Sprintf("Kept %s as a highlight.", quoteStart(n.Text))))
}

// noteSelection opens the editor for a note on the selection, which
// stays painted while it is written.
func (m Model) noteSelection() (tea.Model, tea.Cmd) {
	start, end := m.sel.span()
	if strings.TrimSpace(m.sel.doc.PlainRange(start, end)) == "" {
		return m, common.Failure("Could not keep the passage: " + notes.ErrEmpty.Error() + ".")
	}
	m.own.editing.id, m.own.editing.doc, m.own.editing.start, m.own.editing.end = "", m.sel.doc, start, end
	return m, m.openEditor("A note on "+quoteStart(m.sel.doc.PlainRange(start, end)), "")
}

// editNote opens the editor on the note of l.
func (m Model) editNote(l notes.Located) (tea.Model, tea.Cmd) {
	m.own.editing.id, m.own.editing.doc = l.Note.ID, nil
	return m, m.openEditor("Your note on "+quoteStart(l.Note.Text), l.Note.Comment)
}

func (m *Model) openEditor(title, text string) tea.Cmd {
	m.overlay = editorOverlay
	l := m.layout()
	m.editor.SetSize(l.readerWidth, l.bodyHeight)
	return m.editor.Open(title, text)
}

// editorKey takes a key while a note is written: the editor's, until it
// is kept or dropped.
func (m Model) editorKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var res editor.Result
	m.editor, cmd, res = m.editor.Update(msg)
	switch res {
	case editor.Saved:
		m.overlay = m.afterEditor()
		return m, tea.Batch(cmd, m.commitNote(m.editor.Value()))
	case editor.Dropped:
		m.overlay = m.afterEditor()
		if m.own.editing.id == "" && m.sel.on {
			return m, tea.Batch(cmd, common.Hint("No note kept; the passage is still selected."))
		}
		return m, cmd
	}
	return m, cmd
}

// afterEditor is what shows when the editor closes: the list it was
// opened from, listed anew, or the text.
func (m *Model) afterEditor() layer {
	if !m.own.fromList {
		return noOverlay
	}
	m.own.fromList = false
	return annotationsOverlay
}

// commitNote keeps what the editor wrote: a new note on the selection,
// or the note it was opened on.
func (m *Model) commitNote(text string) tea.Cmd {
	e := m.own.editing
	m.own.editing.id, m.own.editing.doc = "", nil
	if e.id == "" {
		if e.doc == nil {
			return nil
		}
		n, err := m.keep(e.doc, e.start, e.end, text)
		if err != nil {
			return common.Failure("Could not keep the note: " + err.Error() + ".")
		}
		m.leaveSelection()
		what := "Kept %s with your note."
		if text == "" {
			what = "Kept %s as a highlight: the note was empty."
		}
		return tea.Batch(m.changed(), common.Notice(fmt.Sprintf(what, quoteStart(n.Text))))
	}
	n, ok := m.own.set.SetComment(e.id, text)
	if !ok {
		return common.Failure("That note was deleted meanwhile; your text was not kept.")
	}
	if l, found := m.own.where[n.ID]; found {
		l.Note = n
		m.own.where[n.ID] = l
		m.passage.Replace(l)
	}
	if text == "" {
		return tea.Batch(m.changed(), common.Notice("The note was emptied; the highlight stays."))
	}
	return tea.Batch(m.changed(), common.Notice("Note kept."))
}

// openAnnotations lists the reader's highlights and notes.
func (m Model) openAnnotations() (tea.Model, tea.Cmd) {
	m.annos.SetSize(m.width, m.height)
	m.annos.Open(m.located(), m.reader.Doc())
	m.overlay = annotationsOverlay
	return m, nil
}

// annotationsKey takes a key in the list of highlights and notes: its
// filter's while it is typed, else the keys that close it, else the
// list's.
func (m Model) annotationsKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if !m.annos.Filtering() {
		if key.Matches(msg, m.c.Keys.Back) && m.annos.ClearFilter() {
			return m, nil // a filter kept goes first, the list on the next
		}
		if m.closeOrHelp(msg, m.c.Keys.Highlights) {
			return m, nil
		}
	}
	in, cmd := updatePart(&m.annos, msg)
	return m.apply(in, cmd)
}

// annotationIntent does what the list of highlights asks: edit a note in
// the editor (back to the list after), delete one, or bring it back.
func (m Model) annotationIntent(in common.Intent) (tea.Model, tea.Cmd) {
	n, ok := m.own.set.Get(in.Note)
	if !ok {
		return m, nil
	}
	switch in.Do {
	case common.EditAnnotation:
		l, found := m.own.where[n.ID]
		if !found {
			l = notes.Located{Note: n, DocIndex: -1, Start: n.Start, End: n.End, Detached: true}
		}
		l.Note = n
		m.own.fromList = true
		return m.editNote(l)
	case common.DeleteAnnotation:
		if _, ok := m.own.set.Delete(n.ID); !ok {
			return m, nil
		}
		return m, tea.Batch(m.changed(), common.Notice(fmt.Sprintf("Deleted %s; %s brings it back.", quoteStart(n.Text), common.FirstKey(m.c.Keys.UndoDelete))))
	case common.RestoreAnnotation:
		if _, ok := m.own.set.Restore(n.ID); !ok {
			return m, nil
		}
		return m, tea.Batch(m.changed(), common.Notice(fmt.Sprintf("Brought back %s.", quoteStart(n.Text))))
	}
	return m, nil
}

// quoteStart is the first words of a passage, quoted, for a notice or a
// title.
func quoteStart(text string) string {
	words := strings.Fields(corpus.SanitizeLine(strings.Join(strings.Fields(text), " ")))
	if len(words) > 6 {
		return "“" + strings.Join(words[:6], " ") + "…”"
	}
	return "“" + strings.Join(words, " ") + "”"
}

// notesOnScreen is the notes of the highlights whose first line is on
// screen, in reading order.
func (m Model) notesOnScreen() []notes.Located {
	d := m.reader.Doc()
	sc := m.reader.Screen()
	var out []notes.Located
	for _, l := range m.located() {
		if l.Doc != d || l.Detached || l.Note.Comment == "" {
			continue
		}
		// Near the screen by offset first: Shows finds the very line.
		if at := d.BodyOffset(l.Start); at < sc.Top-render.ChunkSize || at > sc.Bottom+render.ChunkSize {
			continue
		}
		if m.reader.Shows(l.Start) {
			out = append(out, l)
		}
	}
	slices.SortFunc(out, func(a, b notes.Located) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// showPassage shows the note of the first highlight on screen that has
// one.
func (m Model) showPassage() (tea.Model, tea.Cmd) {
	ls := m.notesOnScreen()
	if len(ls) == 0 {
		return m, common.Hint("No note of yours on screen; select a passage with " + common.FirstKey(m.c.Keys.Select) + " to write one.")
	}
	m.passage.SetSize(m.layout().readerWidth, m.height)
	m.passage.Open(ls)
	m.overlay = passageOverlay
	return m, nil
}

// passageKey takes a key in a note's box.
func (m Model) passageKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if m.closeOrHelp(msg) {
		return m, nil
	}
	var cmd tea.Cmd
	var act overlay.PassageAction
	m.passage, cmd, act = m.passage.Update(msg)
	switch act {
	case overlay.PassageClose:
		m.overlay = noOverlay
	case overlay.PassageEdit:
		if l, ok := m.passage.Shown(); ok {
			return m.editNote(l)
		}
	}
	return m, cmd
}

// copyQuote copies the selection as a quotation with its citation, as
// cite copies a citation.
func (m Model) copyQuote() tea.Cmd {
	start, end := m.sel.span()
	d := m.sel.doc
	text := quotation(d, start, end)
	copyText := m.c.Copy
	if copyText == nil {
		return func() tea.Msg { return common.NoticeMsg{Text: text, Whole: true} }
	}
	words := common.Plural(len(strings.Fields(d.PlainRange(start, end))), "word", "words")
	cite := d.Cite(d.BodyOffset(start))
	return func() tea.Msg {
		if err := copyText(text); err != nil {
			return common.NoticeMsg{Text: fmt.Sprintf("Could not copy (%v): %s", err, text), Error: true, Whole: true}
		}
		return common.NoticeMsg{Text: fmt.Sprintf("Copied a quotation of %s: %s", words, cite), Whole: true}
	}
}

// quotation is the passage [start, end) of d's plain text, its
// paragraphs kept and its lines joined, then its citation.
func quotation(d *corpus.Document, start, end int) string {
	var paras []string
	for _, p := range strings.Split(d.PlainRange(start, end), "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n") + "\n\n— " + d.Cite(d.BodyOffset(start))
}

// exportNotes writes the highlights and notes of the work being read to
// a Markdown file in the export folder, off the UI goroutine, and says
// where.
func (m Model) exportNotes() tea.Cmd {
	d := m.reader.Doc()
	var ls []notes.Located
	for _, l := range m.located() {
		if l.Note.Doc == d.ID {
			ls = append(ls, l)
		}
	}
	if len(ls) == 0 {
		return common.Hint(fmt.Sprintf("No highlights or notes of yours in %s to write out; select a passage with %s.", d.ShortTitle(), common.FirstKey(m.c.Keys.Select)))
	}
	dir := m.own.exportDir
	if dir == "" {
		return common.Failure("Nowhere to write out your notes: samizdat has no folder for its files (set XDG_DATA_HOME or HOME); samizdat notes prints them.")
	}
	title := d.ShortTitle()
	return func() tea.Msg {
		var b bytes.Buffer
		if err := notes.Markdown(&b, ls); err != nil {
			return common.NoticeMsg{Text: fmt.Sprintf("Could not write out your notes of %s: %v", title, err), Error: true}
		}
		path := filepath.Join(dir, exportName(d))
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return common.NoticeMsg{Text: fmt.Sprintf("Could not write out your notes of %s: %v", title, err), Error: true}
		}
		if err := safefile.WriteAtomic(path, b.Bytes()); err != nil {
			return common.NoticeMsg{Text: fmt.Sprintf("Could not write out your notes of %s: %v", title, err), Error: true}
		}
		return exportedMsg{Text: fmt.Sprintf("Wrote %s of %s to %s.", common.Plural(len(ls), "highlight or note", "highlights and notes"), title, corpus.SanitizeLine(path)), Whole: true}
	}
}

// exportName is the file a work's notes are written to: its id, made safe
// for a file name.
func exportName(d *corpus.Document) string {
	name := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 || r < ' ' {
			return '-'
		}
		return r
	}, d.ID)
	if name == "" || name == "." || name == ".." {
		name = "notes"
	}
	return name + ".md"
}
