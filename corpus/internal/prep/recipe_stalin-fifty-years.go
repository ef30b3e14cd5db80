package prep

func stalinFiftyYears() Recipe {
	return Recipe{
		Meta:   Meta{ID: "stalin-fifty-years", Title: "stalin-fifty-years", Author: "unknown"},
		Source: "stalin-fifty-years.txt",
		Build: func(raw string) ([]Block, error) {
			var blocks []Block
			for _, p := range Paragraphs(Lines(raw)) {
				blocks = append(blocks, Block{Kind: Para, Text: p})
			}
			return blocks, nil
		},
	}
}
