package reader

import (
	"fmt"

	tea "github.com/charmbracelet/bubbletea"

	"samizdat/corpus"
	"samizdat/ui/common"
)

// The pane's answers to the search: where the reader was when a search
// began, and whether a hit is on screen.

// SetOrigin remembers where the pane is, to go back to: where a search
// began.
func (r *Model) SetOrigin() {
	r.origin.doc, r.origin.top, r.origin.anchor, r.origin.stickBottom, r.origin.width = r.doc, r.top, r.anchor, r.stickBottom, r.textWidth
}

// Origin is where the search began, as a place of the history of
// jumps.
func (r *Model) Origin() corpus.Place {
	if r.origin.doc == nil {
		return corpus.Place{}
	}
	return corpus.Place{Doc: r.origin.doc, Offset: r.origin.anchor}
}

// ToOrigin goes back to where the search began: to the very line if the
// measure is the same, else to the offset it showed.
func (r *Model) ToOrigin() tea.Cmd {
	o := r.origin
	if o.doc == nil {
		return nil
	}
	var cmd tea.Cmd
	if o.doc != r.doc {
		cmd = r.open(o.doc, o.anchor)
	}
	r.leaveHit()
	if o.width == r.textWidth {
		r.top, r.anchor, r.stickBottom = o.top, o.anchor, o.stickBottom
		r.settle()
	} else {
		r.jump(o.anchor)
	}
	return tea.Batch(cmd, r.ensure())
}

// PlainTop is the offset of the plain text at the top of the screen.
func (r *Model) PlainTop() int {
	if r.doc == nil || r.top.off <= 0 {
		return 0
	}
	return r.doc.PlainOffset(r.top.off)
}

// HitOnScreen says whether hit i of res shows on the screen.
func (r *Model) HitOnScreen(res *corpus.Results, i int) bool {
	return r.hitAbove(res, i, r.Screen().Bottom)
}

// hitAbove says whether hit i of res is in the document shown, between
// the top of the screen and offset bottom of its Body.
func (r *Model) hitAbove(res *corpus.Results, i, bottom int) bool {
	h := res.Hit(i)
	if r.doc == nil || r.c.Lib.Docs[h.Doc] != r.doc {
		return false
	}
	off := r.doc.BodyOffset(h.Start)
	return off >= max(r.top.off, 0) && off < bottom
}

// matchText is the status bar's count of the search's matches: which one
// is current, "match 3 of 41", while it is on the screen, whose bottom is
// offset bottom of Body; how many, "41 matches", when the reader has gone
// elsewhere.
func (r *Model) matchText(bottom int) string {
	res := r.hl.res
	switch {
	case res == nil:
		return ""
	case r.hl.current >= 0 && r.hl.current < res.Total() && r.hitAbove(res, r.hl.current, bottom):
		return fmt.Sprintf("match %d of %d", r.hl.current+1, res.Total())
	}
	return common.Plural(res.Total(), "match", "matches")
}

// Search is the search painted: its hits, nil for none, and the one that
// stands out, -1 for none.
func (r Model) Search() (*corpus.Results, int) { return r.hl.res, r.hl.current }

// SetCovered says how many rows at the bottom of the pane the search bar
// hides: a hit is brought into view above them.
func (r *Model) SetCovered(rows int) { r.hl.covered = rows }
