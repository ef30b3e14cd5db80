package state

import "time"

// Reading is what is remembered of one document.
type Reading struct {
	Position Position `json:"position"`
	// Percent is how far the document has been read, 0 to 100: the
	// furthest point reached by reading, not by jumps (ReadPercent).
	Percent float64 `json:"percent"`
	// ByReading says Percent counts reading only. Files written before
	// leave it out: their percent counted every screen shown, the
	// targets of jumps too.
	ByReading bool      `json:"byReading,omitempty"`
	Updated   time.Time `json:"updated"`
	Rev       int64     `json:"rev,omitempty"`
}

// Supersedes says whether r is a later change of the reading than o.
func (r Reading) Supersedes(o Reading) bool {
	return later(r.Rev, r.Updated, o.Rev, o.Updated)
}

// ReadPercent is how far the document, of n bytes, has been read, in
// percent. A percent from a file written before reading was told from
// jumping counted the bottom of every screen shown, so one `G` made it
// 100: it is kept only as far as the place the document was left, which
// the reader came to and stayed at. That undercounts a reader who read
// on, then went back, but never counts a jump as reading.
func (r Reading) ReadPercent(n int) float64 {
	p := min(100, max(0, r.Percent))
	if r.ByReading || n <= 0 {
		return p
	}
	return min(p, float64(min(r.Position.Offset, n))*100/float64(n))
}
