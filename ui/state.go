package ui

// State is what the reader remembers between runs: the document open at
// the end, and for each document where the reader was and how far it has
// been read. Offsets are bytes of the document's Body.
type State struct {
	Doc  string              `json:"doc,omitempty"`
	Docs map[string]DocState `json:"docs,omitempty"`
}

// DocState is the memory of one document.
type DocState struct {
	Offset int `json:"offset"` // at the top of the screen; -1 for the document's head
	Read   int `json:"read"`   // the furthest offset that reached the bottom of the screen
}

func (s *State) doc(id string) DocState {
	if d, ok := s.Docs[id]; ok {
		return d
	}
	return DocState{Offset: -1}
}

func (s *State) setDoc(id string, d DocState) {
	if s.Docs == nil {
		s.Docs = map[string]DocState{}
	}
	s.Docs[id] = d
}
