package ui

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// A folder's documents, read after the first screen, a batch at a time.

// loadBatch is how many of a folder's documents are read at a time in the
// background: enough to keep the cores busy, few enough that the contents
// grow as they are read.
const loadBatch = 64

// loadDocs reads the next batch of a folder's documents off the UI
// goroutine; it is nil once every document has been tried, as the
// built-in library's always have. A document that could not be read
// counts as done: its failure is reported once, and never tried again.
func loadDocs(lib *corpus.Library) tea.Cmd {
	for _, d := range lib.Docs {
		if !d.Tried() {
			return func() tea.Msg {
				loaded, errs := lib.LoadNext(loadBatch)
				docs := make([]*corpus.Document, len(loaded))
				for k, i := range loaded {
					docs[k] = lib.Docs[i]
				}
				return docsLoadedMsg{docs: docs, errs: errs, background: true}
			}
		}
	}
	return nil
}

// loadDoc reads one document now, for the reader waiting to open it.
func loadDoc(doc *corpus.Document) tea.Cmd {
	return func() tea.Msg {
		var errs []error
		if err := doc.Load(); err != nil {
			errs = append(errs, err)
		}
		return docsLoadedMsg{docs: []*corpus.Document{doc}, errs: errs}
	}
}

// docsLoaded lists the headings of documents just read, opens the one the
// reader waits for, and reads on.
func (m Model) docsLoaded(msg docsLoadedMsg) (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	for _, err := range msg.errs {
		cmds = append(cmds, m.status.Push(common.NoticeMsg{Text: err.Error(), Error: true}))
	}
	m.toc.DocsLoaded()
	m.prompt.DocsLoaded()
	for _, d := range msg.docs {
		m.toc.SetProgress(d, m.mem.Progress(d)) // an old file's figure needs the text's length
	}
	if need := m.toc.Need(); need != m.tocNeed {
		// Longer titles may widen the contents.
		before := m.layout().tocWidth
		m.tocNeed = need
		if m.layout().tocWidth != before {
			cmds = append(cmds, m.relayout())
		}
	}
	if w := m.waiting; w != nil && slices.Contains(msg.docs, w.At.Doc) {
		m.waiting = nil
		if w.At.Doc.Loaded() {
			next, cmd := m.open(*w)
			m = next.(Model)
			cmds = append(cmds, cmd)
		}
	}
	if msg.background {
		cmds = append(cmds, loadDocs(m.c.Lib))
	}
	return m, tea.Batch(cmds...)
}

// warn says once in the status bar what was wrong with a document's file
// (invalid UTF-8, control characters) and how it is shown.
func (m *Model) warn(doc *corpus.Document) tea.Cmd {
	if len(doc.Warnings) == 0 || m.warned[doc] {
		return nil
	}
	m.warned[doc] = true
	return m.status.Push(common.NoticeMsg{Text: doc.Path + ": " + strings.Join(doc.Warnings, "; ")})
}
