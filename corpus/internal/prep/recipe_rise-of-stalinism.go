package prep

import "regexp"

// riseOfStalinism is Part 2 of Ted Grant's book, from a web edition that
// holds one paragraph per line. Its first lines, a site label and the
// part's title, come before Start: the title is in the front matter.
//
// The section headings are the short lines without final punctuation;
// they are listed here one by one, read off the source, rather than found
// by their shape: the dialogue quoted in "Roots of bureaucracy" has short
// lines too. The two footnotes at the end are given a heading of their
// own.
func riseOfStalinism() Recipe {
	r := Recipe{
		Meta: Meta{
			ID:        "rise-of-stalinism",
			Title:     "The Rise of Stalinism",
			Subtitle:  "Part 2 of Russia: From Revolution to Counter-Revolution",
			Short:     "Rise of Stalinism",
			Author:    "Ted Grant",
			Year:      "1997",
			Publisher: "Wellred Publications, London",
			Source:    "A web edition of the book's Part 2, labelled “[Book] Russia: From Revolution to Counter-Revolution”.",
		},
		Source: "rise-of-stalinism.txt",
		Start:  regexp.MustCompile(`^The Marxist theory of the state$`),
		Headings: []Heading{
			sectionTitled("The Marxist theory of the state"),
			sectionTitled("The semi-state"),
			sectionTitled("The old state machine"),
			sectionTitled("Roots of bureaucracy"),
			sectionTitled("Lenin’s struggle against Stalin"),
			sectionTitled("The bureaucratic reaction"),
			sectionTitled("The United Opposition"),
			sectionTitled("Why didn’t Trotsky take power?"),
			sectionTitled("The role of the individual"),
			{Match: regexp.MustCompile(`^\[\^1\]: `), Level: 1, Title: "Notes", Insert: true},
		},
	}
	r.Build = func(raw string) ([]Block, error) {
		lines, err := workLines(r, raw)
		if err != nil {
			return nil, err
		}
		paras := BracketNotes(RespaceAll(LineParagraphs(lines)))
		return MarkHeadings(paras, r.Headings)
	}
	return r
}

// sectionTitled is a level-1 heading that stands in the source as a
// paragraph of its own, exactly as titled.
func sectionTitled(title string) Heading {
	return Heading{Match: regexp.MustCompile(`^` + regexp.QuoteMeta(title) + `$`), Level: 1, Title: title}
}
