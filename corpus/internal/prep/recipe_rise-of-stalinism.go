package prep

func riseOfStalinism() Recipe {
	return Recipe{
		Meta:   Meta{ID: "rise-of-stalinism", Title: "rise-of-stalinism", Author: "unknown"},
		Source: "rise-of-stalinism.txt",
		Build: func(raw string) ([]Block, error) {
			var blocks []Block
			for _, p := range Paragraphs(Lines(raw)) {
				blocks = append(blocks, Block{Kind: Para, Text: p})
			}
			return blocks, nil
		},
	}
}
