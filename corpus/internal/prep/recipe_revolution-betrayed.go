package prep

func revolutionBetrayed() Recipe {
	return Recipe{
		Meta:   Meta{ID: "revolution-betrayed", Title: "revolution-betrayed", Author: "unknown"},
		Source: "revolution-betrayed.txt",
		Build: func(raw string) ([]Block, error) {
			var blocks []Block
			for _, p := range Paragraphs(Lines(raw)) {
				blocks = append(blocks, Block{Kind: Para, Text: p})
			}
			return blocks, nil
		},
	}
}
