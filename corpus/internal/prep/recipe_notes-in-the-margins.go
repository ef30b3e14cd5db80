package prep

import "regexp"

// notesInTheMargins is A. B. Razlatzky's essay, scraped from a web page.
// The page's navigation comes before the essay and its footer after it;
// Start and End leave both out.
//
// The essay's twelve numbered sections lost their numbers: the page shows
// a section break only as two blank lines in a row. The numbering is
// pinned by the essay itself, which sends the reader back to "section
// four" for the list of the questions Lenin left (the fourth break-bound
// section holds it). The notes follow the last section after another
// such break.
func notesInTheMargins() Recipe {
	r := Recipe{
		Meta: Meta{
			ID:     "notes-in-the-margins",
			Title:  "Notes in the Margins of History",
			Short:  "Notes in the Margins",
			Author: "A. B. Razlatzky",
			Source: "The English translation on the web site of the Samara strike committee (stachkom), " +
				"page © 1999–2000 Victor Kotel'nikov.",
		},
		Source: "notes-in-the-margins.txt",
		Start:  regexp.MustCompile(`^I must say at once that I am a Marxist\.`),
		End:    regexp.MustCompile(`^\s*\| Stachkom of Samara \|`),
		Headings: []Heading{
			{Match: regexp.MustCompile(`^I must say at once that I am a Marxist\.`), Level: 1, Title: "Section 1", Insert: true},
			{Match: SectionBreakRE, Level: 1, Title: "Section 2"}, // "The more calmly we look at history"
			{Match: SectionBreakRE, Level: 1, Title: "Section 3"}, // "February gave Russia democracy"
			{Match: regexp.MustCompile(`^The Nature of Classes in Society$`), Level: 2, Title: "The Nature of Classes in Society"},
			{Match: SectionBreakRE, Level: 1, Title: "Section 4"},  // "What lessons can we learn from the Civil War"
			{Match: SectionBreakRE, Level: 1, Title: "Section 5"},  // "Stalin. Further discussions on Stalin"
			{Match: SectionBreakRE, Level: 1, Title: "Section 6"},  // "Lenin was a materialist thinker"
			{Match: SectionBreakRE, Level: 1, Title: "Section 7"},  // "If, at the start of the 20's"
			{Match: SectionBreakRE, Level: 1, Title: "Section 8"},  // "Stalin and the NEP"
			{Match: SectionBreakRE, Level: 1, Title: "Section 9"},  // "A small note on one, not so very historic, event"
			{Match: SectionBreakRE, Level: 1, Title: "Section 10"}, // "The year 1937"
			{Match: SectionBreakRE, Level: 1, Title: "Section 11"}, // "In Russia, in 1917, the Great October"
			{Match: SectionBreakRE, Level: 1, Title: "Section 12"}, // "I am now approaching a crucial point"
			{Match: SectionBreakRE, Level: 1, Title: "Notes"},
		},
	}
	r.Build = func(raw string) ([]Block, error) {
		lines, err := workLines(r, raw)
		if err != nil {
			return nil, err
		}
		paras := RespaceAll(LineParagraphs(MarkSectionBreaks(lines, 2)))
		// Note 9 runs on into a second paragraph.
		paras, err = ContinueNote(paras, "[9] Semichastnii", "This story clearly confirms")
		if err != nil {
			return nil, err
		}
		blocks, err := MarkHeadings(BracketNotes(paras), r.Headings)
		if err != nil {
			return nil, err
		}
		if err := CheckSectionBreaks(blocks); err != nil {
			return nil, err
		}
		// The page's markup swept the sentence after each of the two
		// lists into the list.
		return MarkBullets(blocks, []string{
			"Depending on which of the productive forces",
			"These are the questions, and, word of honour",
		})
	}
	return r
}
