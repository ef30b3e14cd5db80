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
	section := func(title string) Heading { return titledHeading(1, title) }
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
			section("The Marxist theory of the state"),
			section("The semi-state"),
			section("The old state machine"),
			section("Roots of bureaucracy"),
			section("Lenin’s struggle against Stalin"),
			section("The bureaucratic reaction"),
			section("The United Opposition"),
			section("Why didn’t Trotsky take power?"),
			section("The role of the individual"),
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
