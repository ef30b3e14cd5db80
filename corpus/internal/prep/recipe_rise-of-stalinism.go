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
// own. The passages Grant quotes are set as quotations (rsQuotations).
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
		paras, err := ApplyFixes(BracketNotes(RespaceAll(LineParagraphs(lines))), rsFixes)
		if err != nil {
			return nil, err
		}
		blocks, err := MarkHeadings(paras, r.Headings)
		if err != nil {
			return nil, err
		}
		return MarkQuotations(blocks, rsQuotations)
	}
	return r
}

// rsFixes join the compounds of names the web edition typed with a space
// after the hyphen.
var rsFixes = []Fix{
	{"the Stalin- Bukharin leadership", "the Stalin-Bukharin leadership"},
	{"faction of Zinoviev- Kamenev- Stalin.", "faction of Zinoviev-Kamenev-Stalin."},
}

// rsQuotations are the passages Grant quotes in paragraphs of their own,
// which the web edition shows as plain paragraphs: the epigraph, and the
// quotations that mostly follow a sentence of his ending in a colon and
// end with their reference. Two go on from a quotation he opened in a
// sentence of his own (Marx on "these defects", Trotsky on the Left
// Opposition); Lenin's decree on salaries is quoted with its three
// clauses, and Trotsky's dialogue with Lenin from My Life a line to a
// paragraph. A quotation inside a sentence of Grant's stays in it.
var rsQuotations = []Quotation{
	{"We shall now proceed", "(Lenin, 8th November 1917)"},
	{"No social order ever perishes", "Henceforth referred to as MESW.)"},
	{"Marx expected that the", "(Trotsky, The Revolution Betrayed, p. 47.)"},
	{"What we are dealing", "(MESW, Critique of the Gotha Programme, by Marx, Vol. 3, p. 17.)"},
	{"This development of the", "(MESW, The German Ideology, Vol. 1, p. 37, my emphasis.)"},
	{"A special apparatus, a", "(LCW, Vol. 25, p. 468.)"},
	{"When, together with class", "suppression, the state."},
	{"… As far as", "(MESW, Critique of the Gotha Programme, by Marx, Vol. 3, p. 18.)"},
	{"One man is superior", "(Ibid., Vol. 3, p. 18, emphasis in original.)"},
	{"But these defects are", "(Ibid., Vol. 3, pp. 18-9, my emphasis.)"},
	{"After the enslaving subordination", "(MESW, Critique of the Gotha Programme, by Marx, Vol. 3, p. 19.)"},
	{"Bourgeois law in regard", "(LCW, Vol. 25, p. 476.)"},
	{"For the defence of", "(Trotsky, The Revolution Betrayed, p. 55.)"},
	{"We shall reduce the", "(LCW, Vol. 25, p. 431.)"},
	{"The first Soviet wage", "(Medvedev, On Socialist Democracy, pp. 221.)"},
	{"Since it is considered", "salaries and pensions."},
	{"Even at that time", "(LCW, Vol. 33, p. 88.)"},
	{"With respect to Communists,", "luxuries were allowed."},
	{"In general, Lenin opposed", "(Medvedev, Let History Judge, p. 841.)"},
	{"All this time, Bakayev", "(Victor Serge, Memoirs of a Revolutionary 1901-1941, p. 79.)"},
	{"It so happens, Rostopchin", "(Arthur Ransome, The Crisis in Russia, p. 56.)"},
	{"In the Kremlin, he", "(Victor Serge, Memoirs of a Revolutionary 1901-1941, p. 101.)"},
	{"During the first days", "(Louise Bryant, op. cit., p. 103.)"},
	{"“But do you know", "replace them all?”"},
	{"“When comrade Trotsky recently", "(Trotsky, My Life, pp. 464-5.)"},
	{"We took over the", "(LCW, Vol. 33, p. 430.)"},
	{"We threw out the", "(LCW, Vol. 29, pp. 32-3.)"},
	{"Of this apparatus, which", "(Victor Serge, Memoirs of a Revolutionary 1901-1941, p. 74.)"},
	{"Our Party Programme", "(LCW, Vol. 32, pp. 24-5.)"},
	{"That is why very", "are the state."},
	{"Well, we have lived", "(LCW, Vol. 33, p. 179.)"},
	{"Then what is lacking?", "(Ibid., p. 288.)"},
	{"We must say frankly", "(LCW, Vol. 33, p. 287.)"},
	{"It is said that", "(LCW, Vol. 36, pp. 605-6, my emphasis.)"},
	{"There is no doubt that the", "(LCW, Vol. 36, p. 606.)"},
	{"Stalin is too rude,", "(LCW, Vol. 36, pp. 594-6.)"},
	{"The reaction within the", "(Trotsky, The Revolution Betrayed, p. 90.)"},
	{"The overthrow of the", "(Stalin, Lenin and Leninism, p. 40.)"},
	{"But the overthrow of", "(Stalin, Collected Works, Vol. 6, p. 110, my emphasis.)"},
	{"Trotsky has been attacked", "(H. Ticktin and M. Cox, The Ideas of Leon Trotsky, pp. 13-6.)"},
	{"He had no stomach", "(E. H. Carr, Socialism in One Country, Vol. 2, p. 43.)"},
	{"He [Trotsky] also had", "(M. Lewin, Lenin’s Last Struggle, p. 140.)"},
	{"The impression that these", "(A. Ciliga, The Russian Enigma, p. 21.)"},
	{"On the side of", "with extraordinary ferocity."},
	{"We have to suspect", "(Ticktin and Cox, op. cit., p. 13.)"},
	{"It would be naïve", "(Trotsky, The Revolution Betrayed, p. 93.)"},
	{"A struggle for power", "(Trotsky, Stalin, p. 403.)"},
}
