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
// too, which is why the sections are not found by their shape. The
// passages Woods quotes are set as quotations (sfQuotations), and the
// editors' introductions to the parts as editor's notes (sfEditorNotes).
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
		blocks, err = MarkListItems(blocks, []string{
			"Free and democratic elections with right of recall",
			"No official to receive a higher wage",
			"No standing army or police force",
			"Gradually, all the tasks of running the state",
		})
		if err != nil {
			return nil, err
		}
		if blocks, err = MarkQuotations(blocks, sfQuotations); err != nil {
			return nil, err
		}
		return MarkEditorNotes(blocks, sfEditorNotes)
	}
	return r
}

// sfQuotations are the passages Woods quotes in paragraphs of their own,
// which the web page shows as plain paragraphs: the epigraph, the letters
// of Kamenev, Stalin and Krupskaya, each with its salutation and
// signature (the reference after Stalin's reply, which serves both
// letters, is quoted with it), and the quotations, most of them after a
// sentence of his ending in a colon. A
// quotation of several paragraphs opens each with a quotation mark and
// closes only the last, as the page does; two go on from a quotation he
// opened in a sentence of his own (Khrushchev's speech of 1956,
// Shostakovich on tyrants). A quotation inside a sentence of Woods' stays
// in it, and so do those he interrupts to name their author.
var sfQuotations = []Quotation{
	{`"The revolution explodes the`, "(Trotsky, The Stalin School of Falsification.)"},
	{`"But one of the`, "(Maria Joffe, One Long Night, pp. 69-70.)"},
	{`"It is above all`, `from the top."`},
	{`"Joseph,`, `"L. Kam[enev]"`},
	{`"Comrade Kamenev!`, "(Izvestiya Ts. Kom. KPSS, 1989, p. 191.)"},
	{`"Lev Borisych,`, "(Lenin, Collected Works in Russian, vol. 54, 1965, pp. 674-5.)"},
	{`"I suggest there is`, "(D. Volkogonov, Trotsky, p. 243.)"},
	{`"A man's worth was`, "(Ante Ciliga, The Russian Enigma, pp. 118-9.)"},
	{`"The workers' barracks were`, "(Quoted in M. Fainsod, Smolensk Under Soviet Rule, p. 322.)"},
	{`"Toasts: In the course`, "Stalinism in Britain, p. 130.)"},
	{`"The policy of large-scale`, "by N.S. Khrushchev, 24-25 February 1956.)"},
	{`"In 1943 our industry`, "(G. Zhukov, Reminiscences and Reflections, p. 214.)"},
	{`"A woman student of`, "(Ante Ciliga, The Russian Enigma, pp. 42-3.)"},
	{`"Who could seriously maintain`, "(Dimitri Shostakovich, Testimony, p. 187.)"},
	{`"So you want to`, "(Dimitri Shostakovich., Testimony, p. 125-6.)"},
	{`"I cannot recall the`, "(G. Zhukov, Reminiscences and Reflections, vol. 2, p. 424.)"},
	{`"Of cardinal importance to`, `cultures and languages."`},
	{`"Under the banner of`, "(Report of 19th Congress of the CPSU, pp. 134-44.)"},
}

// sfEditorNotes are the introductions with which the web site's editors
// open Parts Two, Four and Five: each sums up its part, the last two in
// sentences taken from it, and none is Woods' text where it stands.
var sfEditorNotes = []string{
	"The second part of Alan Woods' article covers",
	"After 1945 Stalin's power was absolute.",
	"This is the last part of the article on Stalin's death.",
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
