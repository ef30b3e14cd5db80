package prep

import (
	"fmt"
	"regexp"
	"strings"
)

// stalinFiftyYears is Alan Woods' article, published on In Defence of
// Marxism in parts and scraped from them one paragraph per line, the
// parts run together. Two blank lines in a row mark where a part ends.
// Part Two opens with an editor's note ("The second part of Alan Woods'
// article covers …"), Part Five with another ("This is the last part of
// the article …"); Parts Three and Five show their own titles, each
// after the part's opening note. The part headings are the edition's;
// the sections are the article's own, each listed here as it stands in
// the source. Letters and dialogue quoted in the text are short lines
// too, which is why the sections are not found by their shape.
func stalinFiftyYears() Recipe {
	part := func(title string, first *regexp.Regexp) Heading {
		return Heading{Match: first, Level: 1, Title: title, Insert: true}
	}
	section := func(title string) Heading { return titledHeading(2, title) }
	r := Recipe{
		Meta: Meta{
			ID:     "stalin-fifty-years",
			Title:  "Stalin: 50 years after the death of a tyrant",
			Short:  "Stalin: 50 years after",
			Author: "Alan Woods",
			Year:   "2003",
			Source: "The web article on In Defence of Marxism (marxist.com), March 2003, published there in parts.",
		},
		Source: "stalin-fifty-years.txt",
		// The article's title, the first line, is in the front matter.
		Start: regexp.MustCompile(`^"The revolution explodes the social lie\.`),
		Headings: []Heading{
			part("Part One", regexp.MustCompile(`^Fifty years ago today the world heard`)),
			section("Stalin and the October revolution"),
			section("Stalin in 1917"),
			section("Soviet democracy"),
			section("The general secretary"),
			section("Lenin versus Stalin"),
			section("After Lenin's death"),
			section("The United Opposition"),
			section("Expulsion of the Opposition"),

			part("Part Two", regexp.MustCompile(`^The second part of Alan Woods' article covers`)),
			section("Stalin - the executioner of Lenin's Party"),
			section("The rise of the bureaucracy"),
			section("Stalin's Purges"),
			section("The Kamenev and Zinoviev trial"),
			section("The year 1937"),
			section("The destruction of the Red Army"),
			section("The trial of the 21"),
			section("The assassination of Trotsky"),

			// The part's title as the source shows it.
			{Match: regexp.MustCompile(`^Stalin and the Second World War$`), Level: 1, Title: "Part Three: Stalin and the Second World War"},
			section("Stalin as Hitler's quartermaster"),
			section("Stalin undermines the defence of the USSR"),
			section("Hitler and Stalin"),
			section("Hitler attacks"),
			section(`The "great war leader"`),
			section("Stalin and the national question"),

			part("Part Four", regexp.MustCompile(`^After 1945 Stalin's power was absolute\.`)),
			section("Stalin and the intellectuals"),
			section("The last period"),
			section("The Cult of Stalin"),
			section("The Leningrad Purge"),
			section("Paranoia and the totalitarian regime"),
			section("'The Doctors' Plot'"),
			section("After Stalin's death"),
			section("Stalinism without Stalin"),

			part("Part Five: The role of the individual in history", regexp.MustCompile(`^This is the last part of the article on Stalin's death\.`)),
			section("Revolution and reaction"),
			section("The French and Russian Revolutions"),
			section("The rise and fall of the Revolution"),
			section("Stalin and the bureaucracy"),
			section("The role of the individual in history"),
			section("Fatalism, scepticism and revolution"),
		},
	}
	r.Build = func(raw string) ([]Block, error) {
		lines, err := workLines(r, raw)
		if err != nil {
			return nil, err
		}
		paras, err := ApplyFixes(LineParagraphs(lines), []Fix{
			// The scrape moved a space from after a closing quotation
			// mark to before the full stop …
			{"commit suicide .'In addition", "commit suicide.' In addition"},
			// … and lost one after another.
			{"as human beings'resulted", "as human beings' resulted"},
		})
		if err != nil {
			return nil, err
		}
		paras = RespaceAll(paras)
		// Part Three's opening paragraph stands twice: once as the part's
		// summary, before its title, and again under its first section.
		paras, err = dropFirstTwin(paras, "There are still many misconceptions about the Second World War")
		if err != nil {
			return nil, err
		}
		// Part Five's title follows its editor's note; the part's
		// heading, placed before the note, carries it.
		paras, err = dropFirstTwin(paras, "The role of the individual in history")
		if err != nil {
			return nil, err
		}
		blocks, err := MarkHeadings(paras, r.Headings)
		if err != nil {
			return nil, err
		}
		// The four conditions of State and Revolution lost their list
		// markers.
		return MarkListItems(blocks, []string{
			"Free and democratic elections with right of recall",
			"No official to receive a higher wage",
			"No standing army or police force",
			"Gradually, all the tasks of running the state",
		})
	}
	return r
}

// dropFirstTwin removes the first of two identical paragraphs that begin
// with start, where the source repeats one; they must be the only ones
// that begin so.
func dropFirstTwin(paras []string, start string) ([]string, error) {
	var at []int
	for i, p := range paras {
		if strings.HasPrefix(p, start) {
			at = append(at, i)
		}
	}
	if len(at) != 2 || paras[at[0]] != paras[at[1]] {
		return nil, fmt.Errorf("want two identical paragraphs beginning %q, found %d", start, len(at))
	}
	return append(paras[:at[0]:at[0]], paras[at[0]+1:]...), nil
}
