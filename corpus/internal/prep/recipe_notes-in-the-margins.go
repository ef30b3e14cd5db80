package prep

func notesInTheMargins() Recipe {
	return Recipe{
		Meta:   Meta{ID: "notes-in-the-margins", Title: "notes-in-the-margins", Author: "unknown"},
		Source: "notes-in-the-margins.txt",
		Build: func(raw string) ([]Block, error) {
			var blocks []Block
			for _, p := range Paragraphs(Lines(raw)) {
				blocks = append(blocks, Block{Kind: Para, Text: p})
			}
			return blocks, nil
		},
	}
}
