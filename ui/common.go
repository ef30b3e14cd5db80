package ui

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	gansi "github.com/charmbracelet/glamour/ansi"
	"github.com/muesli/termenv"

	"samizdat/corpus"
	"samizdat/keymap"
	"samizdat/state"
)

// DefaultMaxWidth is the longest line of text, in columns, unless the
// user asks for another: a comfortable measure for reading.
const DefaultMaxWidth = 80

// cacheBytes bounds the rendered chunks kept, across documents and widths.
const cacheBytes = 16 << 20

// Deps is what the reader is built from: the library and everything its
// parts share, chosen once at start.
type Deps struct {
	Library *corpus.Library
	Keys    keymap.Map
	Styles  Styles
	Glamour gansi.StyleConfig // the glamour style of the text
	Profile termenv.Profile   // the colour profile glamour writes for

	MaxWidth int          // longest line of text; 0 for DefaultMaxWidth
	Start    corpus.Place // where to open; a nil Doc for where Saved says, or the first document
	Notices  []string     // shown in the status bar at start, such as config problems

	// Saved is what earlier runs left of this library: where each document
	// was left, which was open, the marks; nil for nothing. It is not
	// changed.
	Saved *state.Library
	// StateFile is where the reader keeps what it would leave, every
	// saveEvery while it runs and as soon as a mark changes; a zero Path
	// for nowhere (the caller saves Snapshot at the end).
	StateFile state.File
	// Copy puts text on the clipboard; nil where there is none.
	Copy func(string) error
	// Now tells the time changes are stamped with; nil for time.Now.
	Now func() time.Time

	// Width and Height are the terminal's size if known before the program
	// starts, so the first screen can be rendered before the size arrives.
	Width, Height int

	// After makes a timer; nil for tea.Tick. Tests replace it.
	After func(time.Duration, tea.Msg) tea.Cmd
}

// shared is what every part of the reader holds a pointer to.
type shared struct {
	lib      *corpus.Library
	keys     keymap.Map
	styles   *Styles
	renderer *chunkRenderer
	cache    *chunkCache
	chunks   map[*corpus.Document][]corpus.Chunk
	maxWidth int
	after    func(time.Duration, tea.Msg) tea.Cmd
	bindings []key.Binding             // every binding of keys, to tell a known key from an unknown one
	warned   map[*corpus.Document]bool // documents whose file's problems the status bar has told
	markers  map[*corpus.Document][]noteMarker
	copy     func(string) error
	now      func() time.Time
	index    *corpus.Index // the library's search index
	hlLook   hlLook        // how search hits are painted on the text
	// docIndex is where each document is in the library, for what names
	// documents by their index there: the search's queries and results.
	docIndex map[*corpus.Document]int
}

// bound says whether any action has the key.
func (c *shared) bound(msg tea.KeyMsg) bool {
	return key.Matches(msg, c.bindings...)
}

// unknownKey tells the reader a key does nothing where it was pressed, and
// where to look.
func (c *shared) unknownKey(msg tea.KeyMsg) tea.Cmd {
	if msg.Paste || msg.String() == "" {
		return nil
	}
	hint := ""
	if k := firstKey(c.keys.Help); k != "" {
		hint = "; " + k + " shows the keys"
	}
	text := fmt.Sprintf("%s does nothing here%s", keyName(msg), hint)
	return func() tea.Msg { return noticeMsg{text: text, hint: true} }
}

// firstKey is the first key of a binding as the help shows it, or "" if it
// has none.
func firstKey(b key.Binding) string {
	if !b.Enabled() {
		return ""
	}
	if f := strings.Fields(b.Help().Key); len(f) > 0 {
		return f[0]
	}
	return ""
}

// keyName is how a message names a key.
func keyName(msg tea.KeyMsg) string {
	switch s := msg.String(); s {
	case " ":
		return "space"
	default:
		return s
	}
}

// chunksOf cuts a document into chunks once.
func (c *shared) chunksOf(d *corpus.Document) []corpus.Chunk {
	if ch, ok := c.chunks[d]; ok {
		return ch
	}
	ch := d.Chunks(chunkSize)
	c.chunks[d] = ch
	return ch
}

// indexOf is where d is in the library, as a search names it; -1 for
// none.
func (c *shared) indexOf(d *corpus.Document) int {
	if i, ok := c.docIndex[d]; ok {
		return i
	}
	return -1
}

func notice(text string) tea.Cmd {
	return func() tea.Msg { return noticeMsg{text: text} }
}

func failure(text string) tea.Cmd {
	return func() tea.Msg { return noticeMsg{text: text, isError: true} }
}
