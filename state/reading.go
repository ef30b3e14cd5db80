package state

import "time"

// Reading is what is remembered of one document.
type Reading struct {
	Position Position  `json:"position"`
	Percent  float64   `json:"percent"` // how far through the document, 0 to 100
	Updated  time.Time `json:"updated"`
	Rev      int64     `json:"rev,omitempty"`
}

// Supersedes says whether r is a later change of the reading than o.
func (r Reading) Supersedes(o Reading) bool {
	return later(r.Rev, r.Updated, o.Rev, o.Updated)
}
