// Package keymap owns every key binding of the reader, once: the actions,
// their default keys (after less, vim and info), the help text the help
// screen is generated from, and the user's overrides read from the [keys]
// table of the config file.
package keymap

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
)

// Context is a set of places where a key is read. Two actions may share a
// key only if they are never read in the same place.
type Context uint16

const (
	Reading     Context = 1 << iota // the reading pane has focus
	Contents                        // the table of contents has focus
	Help                            // the help screen is open
	Prompt                          // the go-to prompt or the search bar is open: letters are text there
	MarkList                        // the list of marks is open
	NoteView                        // a note is shown over the text
	Annotations                     // the list of your highlights and notes is open
	Selecting                       // a passage is being selected in the text
	Passage                         // a note of the reader's own is shown over the text
	Editing                         // a note of the reader's own is being written: keys are text there
	PersonView                      // a person's box is shown over the text
	PlaceList                       // a list of places is open: a person's mentions, an index entry's pages
)

// Group names, in the order the help screen shows them.
const (
	GroupMoving   = "Moving (text, contents, help)"
	GroupReading  = "Reading"
	GroupPlaces   = "Marks, jumps, notes, citations"
	GroupKept     = "Highlights and notes of your own"
	GroupPeople   = "People and the index"
	GroupContents = "Contents"
	GroupGoTo     = "Go-to prompt and search bar"
	GroupSearch   = "Search"
	GroupAnywhere = "Anywhere"
)

// Action is one thing a key can do.
type Action struct {
	Name     string // as written in the config file
	Group    string
	Help     string
	Contexts Context
	Defaults []string
}

// Map holds the binding of every action. The ui matches keys against these
// fields; nothing else in the program knows a key by name.
type Map struct {
	Down, Up, HalfDown, HalfUp, PageDown, PageUp, Top, Bottom key.Binding

	NextSection, PrevSection, NextDoc, PrevDoc, Percent key.Binding

	Expand, Collapse, Open, WidenTOC, NarrowTOC key.Binding

	Next, Prev, Accept, DeleteChar, DeleteWord, ClearInput key.Binding

	Search, SearchBack, NextHit, PrevHit, ClearSearch, SearchScope, SearchNotes, HistoryPrev, HistoryNext key.Binding

	ToggleTOC, SwitchFocus, GoTo, Help, Back, Quit, ForceQuit key.Binding

	SetMark, GoToMark, Marks, DeleteMark, JumpBack, JumpForward, ShowNote, FollowNote, Cite key.Binding

	Select, WordForward, WordBack, SentenceForward, SentenceBack, ParagraphForward, ParagraphBack, SwapEnds key.Binding
	CopyQuote, KeepHighlight, KeepNote, ShowPassage, EditNote, CloseNote, SaveNote, Highlights, ExportNotes key.Binding
	EditAnnotation, DeleteAnnotation, UndoDelete, AnnotationsScope, AnnotationsOrder, FilterAnnotations     key.Binding
	WhoIsThis, People, Mentions, SortPeople, FilterPlaces                                                   key.Binding
}

const (
	browse = Reading | Contents
	boxes  = Help | MarkList | NoteView | PersonView | PlaceList // what opens over the text and closes with esc or q
	moving = Reading | Contents | boxes
	// The list of highlights and notes moves as a box does but for half
	// pages: u there undoes a delete.
	listing = moving | Annotations
)

// actions lists every action in help order, with the field of Map that
// holds its binding.
var actions = []struct {
	Action
	field func(*Map) *key.Binding
}{
	{Action{"down", GroupMoving, "down a line", listing, []string{"j", "down", "e", "ctrl+e", "ctrl+n"}}, func(m *Map) *key.Binding { return &m.Down }},
	{Action{"up", GroupMoving, "up a line", listing, []string{"k", "up", "y", "ctrl+y", "ctrl+p"}}, func(m *Map) *key.Binding { return &m.Up }},
	{Action{"half-page-down", GroupMoving, "down half a screen", moving, []string{"d", "ctrl+d"}}, func(m *Map) *key.Binding { return &m.HalfDown }},
	{Action{"half-page-up", GroupMoving, "up half a screen", moving, []string{"u", "ctrl+u"}}, func(m *Map) *key.Binding { return &m.HalfUp }},
	{Action{"page-down", GroupMoving, "down a screen", listing, []string{"space", "f", "pgdown", "ctrl+f"}}, func(m *Map) *key.Binding { return &m.PageDown }},
	{Action{"page-up", GroupMoving, "up a screen", listing, []string{"b", "pgup", "ctrl+b"}}, func(m *Map) *key.Binding { return &m.PageUp }},
	{Action{"top", GroupMoving, "to the top", listing, []string{"g", "home", "<"}}, func(m *Map) *key.Binding { return &m.Top }},
	{Action{"bottom", GroupMoving, "to the bottom", listing, []string{"G", "end", ">"}}, func(m *Map) *key.Binding { return &m.Bottom }},

	{Action{"next-section", GroupReading, "next section", Reading, []string{"]"}}, func(m *Map) *key.Binding { return &m.NextSection }},
	{Action{"prev-section", GroupReading, "previous section, or the start of this one", Reading, []string{"["}}, func(m *Map) *key.Binding { return &m.PrevSection }},
	{Action{"next-document", GroupReading, "next document", Reading, []string{"}"}}, func(m *Map) *key.Binding { return &m.NextDoc }},
	{Action{"prev-document", GroupReading, "previous document", Reading, []string{"{"}}, func(m *Map) *key.Binding { return &m.PrevDoc }},
	{Action{"percent", GroupReading, "go to N percent: type the number first (50%)", Reading, []string{"%", "p"}}, func(m *Map) *key.Binding { return &m.Percent }},

	{Action{"set-mark", GroupPlaces, "mark this place: m, then a letter or digit", Reading, []string{"m"}}, func(m *Map) *key.Binding { return &m.SetMark }},
	{Action{"go-to-mark", GroupPlaces, "go to a mark: ', then its letter; '' goes back to before the last jump", Reading, []string{"'", "`"}}, func(m *Map) *key.Binding { return &m.GoToMark }},
	{Action{"marks", GroupPlaces, "list the marks", browse | MarkList, []string{"M"}}, func(m *Map) *key.Binding { return &m.Marks }},
	{Action{"delete-mark", GroupPlaces, "in the list of marks: delete the mark under the cursor", MarkList, []string{"D", "delete", "backspace"}}, func(m *Map) *key.Binding { return &m.DeleteMark }},
	{Action{"jump-back", GroupPlaces, "back to where the last jump left, and further back", browse, []string{"ctrl+o", "alt+left"}}, func(m *Map) *key.Binding { return &m.JumpBack }},
	{Action{"jump-forward", GroupPlaces, "forward again after jumping back", browse, []string{"alt+right"}}, func(m *Map) *key.Binding { return &m.JumpForward }},
	{Action{"show-note", GroupPlaces, "show the note of a marker on screen, without moving; again: the next one", Reading | NoteView, []string{"*"}}, func(m *Map) *key.Binding { return &m.ShowNote }},
	{Action{"follow-note", GroupPlaces, "go to the note of a marker on screen, or from a note to its marker; in an index, choose a page of an entry on screen", Reading | NoteView, []string{"enter"}}, func(m *Map) *key.Binding { return &m.FollowNote }},
	{Action{"cite", GroupPlaces, "copy a citation of this place to the clipboard", Reading, []string{"c"}}, func(m *Map) *key.Binding { return &m.Cite }},

	{Action{"select", GroupKept, "select a passage: the sentence at the top, or the search's match; in a selection, leave it", Reading | Selecting, []string{"v"}}, func(m *Map) *key.Binding { return &m.Select }},
	{Action{"select-word-forward", GroupKept, "in a selection: move its end a word on (the moving keys still scroll)", Selecting, []string{"w"}}, func(m *Map) *key.Binding { return &m.WordForward }},
	{Action{"select-word-back", GroupKept, "in a selection: move its end a word back", Selecting, []string{"b"}}, func(m *Map) *key.Binding { return &m.WordBack }},
	{Action{"select-sentence-forward", GroupKept, "in a selection: move its end a sentence on", Selecting, []string{")"}}, func(m *Map) *key.Binding { return &m.SentenceForward }},
	{Action{"select-sentence-back", GroupKept, "in a selection: move its end a sentence back", Selecting, []string{"("}}, func(m *Map) *key.Binding { return &m.SentenceBack }},
	{Action{"select-paragraph-forward", GroupKept, "in a selection: move its end a paragraph on", Selecting, []string{"}"}}, func(m *Map) *key.Binding { return &m.ParagraphForward }},
	{Action{"select-paragraph-back", GroupKept, "in a selection: move its end a paragraph back", Selecting, []string{"{"}}, func(m *Map) *key.Binding { return &m.ParagraphBack }},
	{Action{"select-other-end", GroupKept, "in a selection: move the other end instead", Selecting, []string{"o"}}, func(m *Map) *key.Binding { return &m.SwapEnds }},
	{Action{"copy-quotation", GroupKept, "in a selection: copy it as a quotation with its citation", Selecting, []string{"y", "c"}}, func(m *Map) *key.Binding { return &m.CopyQuote }},
	{Action{"keep-highlight", GroupKept, "in a selection: keep it as a highlight", Selecting, []string{"h"}}, func(m *Map) *key.Binding { return &m.KeepHighlight }},
	{Action{"keep-note", GroupKept, "in a selection: keep it with a note you write", Selecting, []string{"a"}}, func(m *Map) *key.Binding { return &m.KeepNote }},
	{Action{"show-own-note", GroupKept, "show the note of a highlight on screen; again: the next one", Reading | Passage, []string{"a"}}, func(m *Map) *key.Binding { return &m.ShowPassage }},
	{Action{"edit-note", GroupKept, "in a note of yours: edit it", Passage, []string{"e"}}, func(m *Map) *key.Binding { return &m.EditNote }},
	{Action{"close-note", GroupKept, "in a note of yours: close it", Passage, []string{"enter"}}, func(m *Map) *key.Binding { return &m.CloseNote }},
	{Action{"save-note", GroupKept, "in the note editor: keep the note (esc asks before it drops a change)", Editing, []string{"ctrl+s"}}, func(m *Map) *key.Binding { return &m.SaveNote }},
	{Action{"highlights", GroupKept, "list your highlights and notes (in the list: close it)", browse | Annotations, []string{"H"}}, func(m *Map) *key.Binding { return &m.Highlights }},
	{Action{"export-notes", GroupKept, "write this work's highlights and notes to a Markdown file", Reading, []string{"E"}}, func(m *Map) *key.Binding { return &m.ExportNotes }},
	{Action{"edit-annotation", GroupKept, "in the list of highlights: write or change the note on the passage under the cursor", Annotations, []string{"n"}}, func(m *Map) *key.Binding { return &m.EditAnnotation }},
	{Action{"delete-annotation", GroupKept, "in the list of highlights: delete the one under the cursor", Annotations, []string{"D", "delete", "backspace"}}, func(m *Map) *key.Binding { return &m.DeleteAnnotation }},
	{Action{"undo-delete", GroupKept, "in the list of highlights: bring back the last one deleted", Annotations, []string{"u"}}, func(m *Map) *key.Binding { return &m.UndoDelete }},
	{Action{"annotations-scope", GroupKept, "in the list of highlights: this work only, or the whole library", Annotations, []string{"w"}}, func(m *Map) *key.Binding { return &m.AnnotationsScope }},
	{Action{"annotations-order", GroupKept, "in the list of highlights: newest first, or in reading order", Annotations, []string{"o"}}, func(m *Map) *key.Binding { return &m.AnnotationsOrder }},
	{Action{"filter-annotations", GroupKept, "in the list of highlights: type to filter it by its words, notes and works", Annotations, []string{"/"}}, func(m *Map) *key.Binding { return &m.FilterAnnotations }},

	{Action{"who-is-this", GroupPeople, "who is this: the note on a person named on screen; again: the next name", Reading | PersonView, []string{"w"}}, func(m *Map) *key.Binding { return &m.WhoIsThis }},
	{Action{"people", GroupPeople, "list the people the works name, filtered as you type", browse | PersonView, []string{"W"}}, func(m *Map) *key.Binding { return &m.People }},
	{Action{"mentions", GroupPeople, "in a person's box: list where the works mention them", PersonView, []string{"enter", "m"}}, func(m *Map) *key.Binding { return &m.Mentions }},
	{Action{"sort-people", GroupPeople, "in the list of people: sort by name or by mentions", Prompt, []string{"ctrl+s"}}, func(m *Map) *key.Binding { return &m.SortPeople }},
	{Action{"filter-places", GroupPeople, "in a list of mentions or pages: type to filter it by its words and headings", PlaceList, []string{"/"}}, func(m *Map) *key.Binding { return &m.FilterPlaces }},

	{Action{"expand", GroupContents, "open a branch", Contents, []string{"l", "right"}}, func(m *Map) *key.Binding { return &m.Expand }},
	{Action{"collapse", GroupContents, "close a branch, or go to its parent", Contents, []string{"h", "left"}}, func(m *Map) *key.Binding { return &m.Collapse }},
	{Action{"open", GroupContents, "read from this entry (in the lists of marks, highlights and places: go there)", Contents | MarkList | Annotations | PlaceList, []string{"enter"}}, func(m *Map) *key.Binding { return &m.Open }},
	{Action{"widen-contents", GroupContents, "widen the contents beside the text", browse, []string{"+", "="}}, func(m *Map) *key.Binding { return &m.WidenTOC }},
	{Action{"narrow-contents", GroupContents, "narrow the contents beside the text", browse, []string{"-"}}, func(m *Map) *key.Binding { return &m.NarrowTOC }},

	{Action{"next-match", GroupGoTo, "next match", Prompt, []string{"down", "ctrl+n", "ctrl+j", "tab"}}, func(m *Map) *key.Binding { return &m.Next }},
	{Action{"prev-match", GroupGoTo, "previous match", Prompt, []string{"up", "ctrl+p", "ctrl+k", "shift+tab"}}, func(m *Map) *key.Binding { return &m.Prev }},
	{Action{"accept", GroupGoTo, "go there", Prompt, []string{"enter"}}, func(m *Map) *key.Binding { return &m.Accept }},
	{Action{"delete-char", GroupGoTo, "delete the last character", Prompt, []string{"backspace", "ctrl+h"}}, func(m *Map) *key.Binding { return &m.DeleteChar }},
	{Action{"delete-word", GroupGoTo, "delete the last word", Prompt, []string{"ctrl+w", "alt+backspace"}}, func(m *Map) *key.Binding { return &m.DeleteWord }},
	{Action{"clear", GroupGoTo, "clear what was typed", Prompt, []string{"ctrl+u"}}, func(m *Map) *key.Binding { return &m.ClearInput }},

	{Action{"search", GroupSearch, "search the library as you type, from here on", browse, []string{"/"}}, func(m *Map) *key.Binding { return &m.Search }},
	{Action{"search-backward", GroupSearch, "search the library as you type, from here back", browse, []string{"ctrl+r"}}, func(m *Map) *key.Binding { return &m.SearchBack }},
	{Action{"next-hit", GroupSearch, "next match of the search, on into the next document", Reading, []string{"n"}}, func(m *Map) *key.Binding { return &m.NextHit }},
	{Action{"prev-hit", GroupSearch, "previous match of the search", Reading, []string{"N"}}, func(m *Map) *key.Binding { return &m.PrevHit }},
	{Action{"clear-search", GroupSearch, "clear the search's highlights (n brings them back)", Reading, []string{"esc"}}, func(m *Map) *key.Binding { return &m.ClearSearch }},
	{Action{"search-scope", GroupSearch, "in the search bar: this document only, or the whole library", Prompt, []string{"ctrl+t"}}, func(m *Map) *key.Binding { return &m.SearchScope }},
	{Action{"search-notes", GroupSearch, "in the search bar: look in your notes too, or in the text only", Prompt, []string{"ctrl+x"}}, func(m *Map) *key.Binding { return &m.SearchNotes }},
	{Action{"history-prev", GroupSearch, "in the search bar: an earlier search (so does ↑ in an empty bar)", Prompt, []string{"alt+p"}}, func(m *Map) *key.Binding { return &m.HistoryPrev }},
	{Action{"history-next", GroupSearch, "in the search bar: a later search", Prompt, []string{"alt+n"}}, func(m *Map) *key.Binding { return &m.HistoryNext }},

	{Action{"toggle-contents", GroupAnywhere, "show or hide the table of contents", browse, []string{"t"}}, func(m *Map) *key.Binding { return &m.ToggleTOC }},
	{Action{"switch-focus", GroupAnywhere, "move between contents and text", browse, []string{"tab", "shift+tab"}}, func(m *Map) *key.Binding { return &m.SwitchFocus }},
	{Action{"go-to", GroupAnywhere, "go to any heading of any document, a person, an entry of an index", browse, []string{"o", ":"}}, func(m *Map) *key.Binding { return &m.GoTo }},
	{Action{"help", GroupAnywhere, "show or hide this help", listing | Selecting | Passage, []string{"?", "f1"}}, func(m *Map) *key.Binding { return &m.Help }},
	{Action{"back", GroupAnywhere, "close what is open, back to the text", Contents | Prompt | boxes | Annotations | Selecting | Passage | Editing, []string{"esc"}}, func(m *Map) *key.Binding { return &m.Back }},
	{Action{"quit", GroupAnywhere, "quit (in help, a list or a note: close it)", listing | Selecting | Passage, []string{"q", "Q"}}, func(m *Map) *key.Binding { return &m.Quit }},
	{Action{"force-quit", GroupAnywhere, "quit, even from the prompt", listing | Prompt | Selecting | Passage | Editing, []string{"ctrl+c"}}, func(m *Map) *key.Binding { return &m.ForceQuit }},
}

// Actions lists every action, in the order the help screen shows them.
func Actions() []Action {
	out := make([]Action, len(actions))
	for i, a := range actions {
		out[i] = a.Action
		out[i].Defaults = slices.Clone(a.Defaults)
	}
	return out
}

// Default is the map with every action on its default keys.
func Default() Map {
	var m Map
	for _, a := range actions {
		set(a.field(&m), a.Action, a.Defaults)
	}
	return m
}

// set binds b to keys (in the names the user writes, "space" included),
// with the help line for action a.
func set(b *key.Binding, a Action, keys []string) {
	typed := make([]string, len(keys))
	for i, k := range keys {
		typed[i] = canonical(k)
	}
	*b = key.NewBinding(key.WithKeys(typed...), key.WithHelp(label(typed), a.Help))
	if len(keys) == 0 {
		b.SetEnabled(false)
	}
}

// label writes keys as the help screen shows them.
func label(keys []string) string {
	shown := make([]string, len(keys))
	for i, k := range keys {
		shown[i] = display(k)
	}
	return strings.Join(shown, " ")
}

// display is how the help shows a key the terminal reports as k.
func display(k string) string {
	switch k {
	case " ":
		return "space"
	case "up":
		return "↑"
	case "down":
		return "↓"
	case "left":
		return "←"
	case "right":
		return "→"
	}
	return k
}

// Group is a titled list of bindings, for the help screen.
type Group struct {
	Title    string
	Bindings []key.Binding
}

// Without is m with every binding of group disabled: keys that cannot
// work where m is used, which the help then leaves out.
func (m Map) Without(group string) Map {
	for _, a := range actions {
		if a.Group == group {
			a.field(&m).SetEnabled(false)
		}
	}
	return m
}

// Groups returns the enabled bindings of m grouped for the help screen, in
// help order.
func (m Map) Groups() []Group {
	var groups []Group
	for _, a := range actions {
		b := *a.field(&m)
		if !b.Enabled() {
			continue
		}
		if n := len(groups); n == 0 || groups[n-1].Title != a.Group {
			groups = append(groups, Group{Title: a.Group})
		}
		g := &groups[len(groups)-1]
		g.Bindings = append(g.Bindings, b)
	}
	return groups
}

// Row is one line of the key table: an action, its keys and what it does.
type Row struct {
	Group, Action, Keys, Help string
}

// Table lists every action of m with its keys, in help order and as the
// config file writes them ("space", "down"); the README's key table is
// written from it.
func (m Map) Table() []Row {
	rows := make([]Row, 0, len(actions))
	for _, a := range actions {
		b := *a.field(&m)
		var names []string
		if b.Enabled() {
			for _, k := range b.Keys() {
				if k == " " {
					k = "space"
				}
				names = append(names, k)
			}
		}
		keys := strings.Join(names, " ")
		rows = append(rows, Row{Group: a.Group, Action: a.Name, Keys: keys, Help: a.Help})
	}
	return rows
}

// Markdown writes Table as a Markdown table.
func (m Map) Markdown() string {
	var b strings.Builder
	b.WriteString("| Keys | Action | What it does |\n|---|---|---|\n")
	group := ""
	for _, r := range m.Table() {
		if r.Group != group {
			group = r.Group
			b.WriteString("| **" + group + "** | | |\n")
		}
		keys := make([]string, 0, 4)
		for _, k := range strings.Fields(r.Keys) {
			k = strings.ReplaceAll(k, "|", `\|`)
			if strings.Contains(k, "`") { // a code span of a backtick needs two around it
				keys = append(keys, "`` "+k+" ``")
				continue
			}
			keys = append(keys, "`"+k+"`")
		}
		b.WriteString("| " + strings.Join(keys, " ") + " | `" + r.Action + "` | " + r.Help + " |\n")
	}
	return b.String()
}
