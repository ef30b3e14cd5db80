package state

import "time"

// Mark is a place the reader marked with a letter. A deleted mark is kept
// as a tombstone, so that a merge with a reader that still has the mark
// does not bring it back. Tombstones are never forgotten: there is at most
// one a name, 62 a library, and forgetting them after a time would let a
// reader whose clock is ahead forget one that another still needs.
type Mark struct {
	Doc      string    `json:"doc"`
	Position Position  `json:"position"`
	Updated  time.Time `json:"updated"`
	Deleted  bool      `json:"deleted,omitempty"`
	Rev      int64     `json:"rev,omitempty"`
}

// Supersedes says whether m is a later change of the mark than o.
func (m Mark) Supersedes(o Mark) bool {
	return later(m.Rev, m.Updated, o.Rev, o.Updated)
}
