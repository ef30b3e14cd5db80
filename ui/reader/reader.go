// Package reader is the reading pane: one document, laid out chunk by
// chunk off the UI goroutine as the screen needs it (the render package
// does the laying out), scrolled and jumped in with the moving keys, with
// the hits of a search painted on it and its note markers known.
package reader

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/ui/common"
	"samizdat/ui/render"
)

// KeyMap is the keys of the reading pane.
type KeyMap struct {
	Down, Up, HalfDown, HalfUp, PageDown, PageUp, Top, Bottom key.Binding
	NextSection, PrevSection, NextDoc, PrevDoc, Percent       key.Binding
}

// NewKeyMap takes the reading pane's keys from the reader's.
func NewKeyMap(k keymap.Map) KeyMap {
	return KeyMap{Down: k.Down, Up: k.Up, HalfDown: k.HalfDown, HalfUp: k.HalfUp, PageDown: k.PageDown, PageUp: k.PageUp,
		Top: k.Top, Bottom: k.Bottom, NextSection: k.NextSection, PrevSection: k.PrevSection, NextDoc: k.NextDoc,
		PrevDoc: k.PrevDoc, Percent: k.Percent}
}

// Styles is how the pane paints the hits of a search and the passages on
// the text, which the render package sets in its own styles, and the sign
// in the margin beside a highlight with a note.
type Styles struct {
	Match     lipgloss.Style // every hit
	Current   lipgloss.Style // the hit that stands out
	Highlight lipgloss.Style // a passage the reader kept
	Selection lipgloss.Style // the passage being selected
	Sign      lipgloss.Style // the margin's sign of a note
}

// sign is what the margin shows beside the first line of a highlight with
// a note.
const sign = "✎"

// cacheBytes bounds the rendered chunks kept, across documents and widths.
const cacheBytes = 16 << 20

// Model is the reading pane. Where it is reading is a chunk and a line of
// that chunk's rendering, and the byte offset of Body that line shows,
// which is what survives a change of width.
type Model struct {
	KeyMap KeyMap

	c        *common.Common
	renderer *render.Renderer
	// Caches, kept across documents and widths, and shared by copies of
	// the model: the rendered chunks, bounded; each document's chunks,
	// cut once; each document's note markers, listed once.
	cache   *render.Cache
	chunkOf map[*corpus.Document][]corpus.Chunk
	markers map[*corpus.Document][]noteMarker
	look    render.Look // how search hits and passages are painted
	sign    string      // the margin's sign of a note, styled

	doc    *corpus.Document
	chunks []corpus.Chunk

	width, height int // the pane
	textWidth     int // the measure the text is wrapped to
	margin        int // columns left of the text, to centre it
	// bordered says the pane sits right of a border, the contents': a
	// column of air is kept between it and the margin's sign.
	bordered bool

	// gen counts layouts: a new document or width makes the chunks in
	// flight useless, and their results are dropped.
	gen         int
	inflight    map[int]bool
	prefetching bool // a chunk is being rendered ahead of need

	top         topLine
	anchor      int       // the offset the reader moved to, kept when a resize or the end of the document moves the top
	stickBottom bool      // keep the end of the document at the bottom as chunks arrive
	count       int       // a number typed before a command
	hl          highlight // the search's hits, painted
	ps          passages  // the highlights and the selection, painted
	sp          spots     // other words painted: a spot, the names of people

	// origin is where the pane was when a search began, to go back to: its
	// document, its top at the measure width, its anchor.
	origin struct {
		doc         *corpus.Document
		top         topLine
		anchor      int
		stickBottom bool
		width       int
	}
}

// topLine is the first line on screen: a line of a chunk's rendering, and
// the offset of Body it shows, which is what survives a change of width.
type topLine struct {
	chunk, line int
	off         int  // the byte offset of Body it shows; -1 for the document's head
	settled     bool // line was found in a rendering at the current width, not estimated
}

// Chunks are rendered ahead of the screen within this many chunks after
// and before it, one at a time.
const (
	prefetchAhead  = 24
	prefetchBehind = 8
)

// New is the pane, showing nothing until Show; renderer lays the text
// out.
func New(c *common.Common, renderer *render.Renderer, styles Styles) Model {
	return Model{KeyMap: NewKeyMap(c.Keys), c: c, renderer: renderer, cache: render.NewCache(cacheBytes),
		chunkOf: map[*corpus.Document][]corpus.Chunk{}, markers: map[*corpus.Document][]noteMarker{},
		look: render.NewLook(styles.Match, styles.Current).With(render.Highlight, styles.Highlight, "\x1b[4m").
			With(render.Selection, styles.Selection, "\x1b[7m").
			With(render.Name, lipgloss.NewStyle(), render.DottedUnderline).With(render.Spot, styles.Current, "\x1b[7m"),
		sign: styles.Sign.Render(sign), inflight: map[int]bool{}, hl: newHighlight(), ps: newPassages()}
}

// Show puts place at the top of the screen, opening its document if
// another is shown.
func (r *Model) Show(at corpus.Place) tea.Cmd {
	if at.Doc != r.doc {
		return r.open(at.Doc, at.Offset)
	}
	r.jump(at.Offset)
	return r.ensure()
}

// open shows doc from byte offset off (-1 for its head).
func (r *Model) open(doc *corpus.Document, off int) tea.Cmd {
	r.doc = doc
	r.chunks = r.chunksOf(doc)
	r.relayout()
	r.jump(off)
	r.rangesChanged()
	return r.ensure()
}

// SetBordered says whether the pane sits right of a border, the
// contents' shown beside it; SetSize lays it out so.
func (r *Model) SetBordered(on bool) { r.bordered = on }

// SetSize lays the pane out anew for a size; the offset at the top of the
// screen stays there.
func (r *Model) SetSize(width, height int) tea.Cmd {
	resized := width != r.width || height != r.height
	r.width, r.height = width, height
	air := 0
	if r.bordered {
		air = 1
	}
	textWidth := max(10, min(r.c.MaxWidth, width-4-air))
	r.margin = air + max(0, (width-air-textWidth)/2)
	if textWidth != r.textWidth {
		r.textWidth = textWidth
		r.relayout()
	}
	if r.doc == nil {
		return nil
	}
	if !r.stickBottom {
		r.moveTop(r.anchor)
	}
	r.settle()
	if resized {
		return tea.Batch(r.ensure(), r.keepHit())
	}
	return r.ensure()
}

// relayout starts a new generation: what is in flight will be dropped.
func (r *Model) relayout() {
	r.gen++
	r.inflight = map[int]bool{}
	r.prefetching = false
}

// Update takes in a chunk laid out or where a search's hits show in one,
// or a key; a key may ask the root to open another document, or tell it
// the pane jumped.
func (r Model) Update(msg tea.Msg) (Model, tea.Cmd, common.Intent) {
	switch msg := msg.(type) {
	case RenderedMsg:
		cmd := r.rendered(msg)
		if r.revealNow() {
			cmd = tea.Batch(cmd, r.ensure())
		}
		return r, cmd, common.Intent{}
	case SpansMsg:
		return r, r.spansFound(msg), common.Intent{}
	case tea.KeyMsg:
		return r.handleKey(msg)
	}
	return r, nil, common.Intent{}
}

func (r *Model) handleKey(msg tea.KeyMsg) (Model, tea.Cmd, common.Intent) {
	k := r.KeyMap
	if r.doc == nil {
		return *r, nil, common.Intent{} // an empty library
	}
	if d, ok := common.Digit(msg); ok && !r.c.Bound(msg) {
		r.count = min(r.count*10+d, 100000)
		return *r, nil, common.Intent{}
	}
	n, counted := max(1, r.count), r.count > 0
	r.count = 0
	r.leaveHit()
	// A jump within the document is kept in the history of jumps.
	jumped := common.Intent{Do: common.Jumped, At: corpus.Place{Doc: r.doc, Offset: r.anchor}}
	var cmd tea.Cmd
	var in common.Intent
	switch {
	case key.Matches(msg, k.Down):
		r.scroll(n)
	case key.Matches(msg, k.Up):
		r.scroll(-n)
	case key.Matches(msg, k.HalfDown):
		r.scroll(n * max(1, r.height/2))
	case key.Matches(msg, k.HalfUp):
		r.scroll(-n * max(1, r.height/2))
	case key.Matches(msg, k.PageDown):
		r.scroll(n * r.page())
	case key.Matches(msg, k.PageUp):
		r.scroll(-n * r.page())
	case key.Matches(msg, k.Top):
		r.jump(-1)
		in = jumped
	case key.Matches(msg, k.Bottom):
		r.bottom()
		in = jumped
	case key.Matches(msg, k.NextSection):
		cmd = r.nextSection(n)
	case key.Matches(msg, k.PrevSection):
		r.prevSection(n)
	case key.Matches(msg, k.NextDoc):
		cmd, in = r.otherDoc(+n)
	case key.Matches(msg, k.PrevDoc):
		cmd, in = r.otherDoc(-n)
	case key.Matches(msg, k.Percent):
		p := 0 // without a number, the start, as in less
		if counted {
			p = min(n, 100)
		}
		r.percent(p)
		in = jumped
	default:
		return *r, r.c.UnknownKey(msg), common.Intent{}
	}
	return *r, tea.Batch(cmd, r.ensure()), in
}

// View draws the lines on screen; chunks still being rendered are blank.
func (r Model) View() string {
	lines := make([]string, 0, r.height)
	pad := strings.Repeat(" ", r.margin)
	for i, l := 0, 0; r.doc != nil && len(lines) < r.height && r.top.chunk+i < len(r.chunks); i, l = i+1, 0 {
		c := r.top.chunk + i
		if i == 0 {
			l = r.top.line
		}
		rc, ok := r.chunk(c)
		if !ok {
			for n := r.linesOf(c) - l; n > 0 && len(lines) < r.height; n-- {
				lines = append(lines, "")
			}
			continue
		}
		paint := r.painterOf(c)
		for ; l < len(rc.Lines) && len(lines) < r.height; l++ {
			if rc.Lines[l] == "" {
				lines = append(lines, "")
				continue
			}
			line, signed := paint.line(l, rc.Lines[l])
			if signed && r.margin >= 2 {
				lines = append(lines, pad[:r.margin-2]+r.sign+" "+line)
				continue
			}
			lines = append(lines, pad+line)
		}
	}
	for len(lines) < r.height {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}
