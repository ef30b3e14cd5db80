package common

import "samizdat/corpus"

// Screen is what the reading pane shows, as the status bar and the
// contents tell it. The reading pane makes it; the root hands it to the
// status bar and the contents.
type Screen struct {
	Doc     *corpus.Document // nil for none: an empty library
	Top     int              // the offset of Body at the top of the screen; -1 for the document's head
	Bottom  int              // the offset just past its last line
	Section int              // the section read: an index in Outline, -1 before the first heading
	Page    string           // the printed page read, if the document has pages
	Percent int              // how far through the document the top of the screen is (corpus.Document.Percent); 100 once the end is on screen
	Match   string           // which hit of a search is shown, "match 3 of 41", or how many, "41 matches"
}
