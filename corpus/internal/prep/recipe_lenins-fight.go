package prep

func leninsFight() Recipe {
	return Recipe{
		Meta:   Meta{ID: "lenins-fight", Title: "lenins-fight", Author: "unknown"},
		Source: "lenins-fight.txt",
		Build: func(raw string) ([]Block, error) {
			var blocks []Block
			for _, p := range Paragraphs(Lines(raw)) {
				blocks = append(blocks, Block{Kind: Para, Text: p})
			}
			return blocks, nil
		},
	}
}
