package prep

import (
	"fmt"
	"regexp"
)

// revolutionBetrayed prepares Trotsky's The Revolution Betrayed from the
// Marxists Internet Archive's chapter pages as they were printed to PDF in
// August 2000 and converted to text: lines wrapped at about 105 columns,
// page heads and feet, chapter banners and navigation between the text,
// pages that break paragraphs (and, in some chapters, a converter that
// broke them every two or three lines), a few runs the conversion garbled,
// and a chapter-local contents list under each chapter title.
func revolutionBetrayed() Recipe {
	r := Recipe{
		Meta: Meta{
			ID:         "revolution-betrayed",
			Title:      "The Revolution Betrayed",
			Subtitle:   "What Is the Soviet Union and Where Is It Going?",
			Short:      "Revolution Betrayed",
			Author:     "Leon Trotsky",
			Translator: "Max Eastman",
			// Trotsky finished the book in August 1936; Eastman's
			// translation, the text of the source, came out in 1937.
			Year:      "1937",
			Publisher: "Doubleday, Doran & Co., New York, and Faber & Faber, London",
			Source:    "Marxists Internet Archive (Trotsky Internet Archive), chapter pages printed to PDF in August 2000",
		},
		Source:   "revolution-betrayed.txt",
		Headings: rbHeadings(),
		Omit:     rbOmit,
		Furniture: []*regexp.Regexp{
			// Page heads (which can name the wrong chapter) and feet.
			regexp.MustCompile(`^Revolution Betrayed: Chapter \d+$`),
			regexp.MustCompile(`^http://www\.marxists\.org/\S+ \(\d+ of \d+\) \[\d\d/\d\d/\d{4} \d\d:\d\d:\d\d\]$`),
			// Navigation between the chapter pages.
			regexp.MustCompile(`^Back to .* On to .*$`),
			// The banner over each chapter, and the archive's label.
			regexp.MustCompile(`^ Leon Trotsky's$`),
			regexp.MustCompile(`^What is the Soviet Union and where is it going\?$`),
			regexp.MustCompile(`^The Marxist writers'$`),
			regexp.MustCompile(`^Revolution Betrayed$`),
			regexp.MustCompile(`^The Leon Trotsky$`),
			regexp.MustCompile(`^Archives?$`),
			// A non-breaking space the web page spelt wrong.
			regexp.MustCompile(`^&nsbsp;$`),
		},
	}
	r.Build = func(raw string) ([]Block, error) {
		paras, err := rbParagraphs(raw, r.Furniture)
		if err != nil {
			return nil, err
		}
		return MarkHeadings(paras, r.Headings)
	}
	return r
}

// rbParagraphs cleans the raw text and joins it into paragraphs: the
// chapter-local contents lists and the furniture go, the page breaks are
// mended and the fixes applied.
func rbParagraphs(raw string, furniture []*regexp.Regexp) ([]string, error) {
	lines, err := rbOmit(Lines(raw))
	if err != nil {
		return nil, err
	}
	lines = DropLines(lines, furniture)
	for i, l := range lines {
		if rbChapterNumber.MatchString(l) {
			lines[i] = ""
		}
	}
	paras, err := rbPageBreaks.Paragraphs(lines)
	if err != nil {
		return nil, err
	}
	return ApplyFixes(CloseDashes(RespaceAll(paras)), rbFixes)
}

// rbOmit drops the chapter-local contents lists and the passage the
// printing repeated.
func rbOmit(lines []string) ([]string, error) {
	lines, err := DropContentsLists(lines, rbContents)
	if err != nil {
		return nil, err
	}
	return CutLines(lines, rbCuts)
}

// rbCuts remove what the printing to PDF repeated: in Chapter 7, two
// paragraphs printed again, the second cut short and run into the end of
// the paragraph before them, stand before the paragraphs themselves.
var rbCuts = []Cut{
	{From: regexp.MustCompile(`^To say that the Soviet Union is now performing that cultural work`),
		Through: regexp.MustCompile(`^but as ordinary parvenus!$`)},
}

// rbChapterNumber matches the line "Chapter 3" over a chapter's title: the
// heading carries the number, so the line becomes a blank one.
var rbChapterNumber = regexp.MustCompile(`^ ?Chapter \d+$`)

// rbPageBreaks mends the page breaks. The PDF's proportional type wraps
// lines at 89 to 117 columns, about 105 on average; a line shorter than
// 88 with room for the next word ended its paragraph. A section number
// stands on a line of its own, with the title below it.
var rbPageBreaks = PageBreaks{
	Wrap:  88,
	Opens: regexp.MustCompile(`^ ?\d\.$`),
	Join: []string{
		// Breaks after a full line that ends a sentence, in the pages
		// whose lines the converter broke every two or three lines: the
		// sentence after each goes on with the same thought.
		"Consciousness is shaken and characters are worn out.",
		"They rest not upon state, but upon group property.",
		"But the inadequate culture is dragging the social forms down.",
		"But as to this only hypotheses are possible.",
	},
	Break: []string{
		// The title of Chapter 10 follows Chapter 9's last line, cut
		// short where the source lost the rest of the chapter.
		"THE SOVIET UNION",
	},
}

// rbContents are the chapter-local contents lists, each with its entries
// as the list prints them.
var rbContents = []ContentsList{
	{After: regexp.MustCompile(`^WHAT HAS BEEN ACHIEVED$`), Entries: []string{
		"The principal indices of industrial growth",
		"Comparative estimates of these achievements",
		"Production per capita of the population",
	}},
	{After: regexp.MustCompile(`^AND THE ZIGZAGS OF THE LEADERSHIP$`), Entries: []string{
		`"Military Communism", the "New Economic Policy" (NEP) and the Course Toward the Kulak`,
		`A sharp turn: "The Five Year Plan in four years" and "Complete collectivization"`,
	}},
	{After: regexp.MustCompile(`^SOCIALISM AND THE STATE$`), Entries: []string{
		"The transitional regime",
		"Program and reality",
		"The dual character of the workers' state",
		`"Generalized want" and the gendarme`,
		`The "Complete triumph of socialism" and the "Reinforcement of the dictatorship"`,
	}},
	{After: regexp.MustCompile(`^THE STRUGGLE FOR PRODUCTIVITY OF LABOR$`), Entries: []string{
		"Money and Plan", `"Socialist" inflation`, "The rehabilitation of the ruble", "The Stakhanov Movement",
	}},
	// Chapter 5 lost its banner, its title and the first entry of its
	// list, which now follows the navigation line.
	{After: regexp.MustCompile(`^Back to CHAPTER 3 .* On to CHAPTER 5$`), Entries: []string{
		"Why Stalin triumphed", "The degeneration of the Bolshevik Party", "The social roots of Thermidor",
	}},
	{After: regexp.MustCompile(`^ANTAGONISMS$`), Entries: []string{
		"Want, luxury and speculation",
		"The differentiation of the proletariat",
		"Social contradictions in the collective village",
		"The social physiognomy of the ruling stratum",
	}},
	{After: regexp.MustCompile(`^FAMILY, YOUTH AND CULTURE$`), Entries: []string{
		"Thermidor in the Family", "The Struggle Against the Youth", "Nationality and Culture",
	}},
	// Chapter 8 lost its list with its title.
	{After: regexp.MustCompile(`^SOCIAL RELATIONS IN THE SOVIET UNION$`), Entries: []string{
		"State Capitalism",
		"Is the Bureaucracy a Ruling Class?",
		"The Question of the Character of the Soviet Union Not Yet Decided by History",
	}},
	{After: regexp.MustCompile(`^IN THE MIRROR OF THE NEW CONSTITUTION$`), Entries: []string{
		`Work "According to Ability" and Personal Property`, "The Soviets and Democracy", "Democracy and the Party",
	}},
	{After: regexp.MustCompile(`^WHITHER THE SOVIET UNION\?$`), Entries: []string{
		"Bonapartism as a Regime of Crisis",
		`The Struggle of the Bureaucracy with "the Class Enemy"`,
		"The Inevitability of a New Revolution",
	}},
	{After: regexp.MustCompile(`^"SOCIALISM IN ONE COUNTRY"$`), Entries: []string{
		`The "Friends" of the Soviet Union`,
	}},
}

// rbChapter is a division of the book as the edition shows it.
type rbChapter struct {
	// Title is the heading, "Chapter 1: What Has Been Achieved".
	Title string
	// Match finds the paragraph that holds the title in the source; nil
	// where the source lost it, and the heading goes before the first
	// section.
	Match *regexp.Regexp
	// Sections are the titles of the numbered sections, from 1.
	Sections []string
	// Lost maps the number of a section whose number and title the
	// source lost to the start of its first paragraph.
	Lost map[int]string
}

// rbBook is the book's structure. The titles are the book's own; the
// source lost those of Chapters 5 and 8 and of section 4 of Chapter 8.
var rbBook = []rbChapter{
	{Title: "Introduction: The Purpose of the Present Work", Match: regexp.MustCompile(`^INTRODUCTION The Purpose of the Present Work$`)},
	{Title: "Chapter 1: What Has Been Achieved", Match: regexp.MustCompile(`^WHAT HAS BEEN ACHIEVED$`), Sections: []string{
		"The Principal Indices of Industrial Growth",
		"Comparative Estimate of These Achievements",
		"Production per Capita of the Population",
	}},
	{Title: "Chapter 2: Economic Growth and the Zigzags of the Leadership", Match: regexp.MustCompile(`^ECONOMIC GROWTH AND THE ZIGZAGS OF THE LEADERSHIP$`), Sections: []string{
		`"Military Communism", the "New Economic Policy" (NEP) and the Course Toward the Kulak`,
		`A Sharp Turn: "Five-Year Plan in Four Years" and "Complete Collectivization"`,
	}},
	{Title: "Chapter 3: Socialism and the State", Match: regexp.MustCompile(`^SOCIALISM AND THE STATE$`), Sections: []string{
		"The Transitional Regime",
		"Program and Reality",
		"The Dual Character of the Workers' State",
		`"Generalized Want" and the Gendarme`,
		`The "Complete Triumph of Socialism" and the "Reinforcement of the Dictatorship"`,
	}},
	{Title: "Chapter 4: The Struggle for Productivity of Labor", Match: regexp.MustCompile(`^THE STRUGGLE FOR PRODUCTIVITY OF LABOR$`), Sections: []string{
		"Money and Plan",
		`"Socialist" Inflation`,
		"The Rehabilitation of the Ruble",
		"The Stakhanov Movement",
	}},
	{Title: "Chapter 5: The Soviet Thermidor", Sections: []string{
		"Why Stalin Triumphed",
		"The Degeneration of the Bolshevik Party",
		"The Social Roots of Thermidor",
	}},
	{Title: "Chapter 6: The Growth of Inequality and Social Antagonisms", Match: regexp.MustCompile(`^THE GROWTH OF INEQUALITY AND SOCIAL ANTAGONISMS$`), Sections: []string{
		"Want, Luxury and Speculation",
		"The Differentiation of the Proletariat",
		"Social Contradictions in the Collective Village",
		"The Social Physiognomy of the Ruling Stratum",
	}},
	{Title: "Chapter 7: Family, Youth and Culture", Match: regexp.MustCompile(`^FAMILY, YOUTH AND CULTURE$`), Sections: []string{
		"Thermidor in the Family",
		"The Struggle Against the Youth",
		"Nationality and Culture",
	}},
	{Title: "Chapter 8: Foreign Policy and the Army", Sections: []string{
		`From "World Revolution" to "Status Quo"`,
		"The League of Nations and the Communist International",
		"The Red Army and Its Doctrines",
		"The Liquidation of the Militia and the Restoration of Officers' Ranks",
		"The Soviet Union in a War",
	}, Lost: map[int]string{4: "The army of the proletarian dictatorship ought to have"}},
	{Title: "Chapter 9: Social Relations in the Soviet Union", Match: regexp.MustCompile(`^SOCIAL RELATIONS IN THE SOVIET UNION$`), Sections: []string{
		"State Capitalism",
		"Is the Bureaucracy a Ruling Class?",
		"The Question of the Character of the Soviet Union Not Yet Decided by History",
	}},
	{Title: "Chapter 10: The Soviet Union in the Mirror of the New Constitution", Match: regexp.MustCompile(`^THE SOVIET UNION IN THE MIRROR OF THE NEW CONSTITUTION$`), Sections: []string{
		`Work "According to Ability" and Personal Property`,
		"The Soviets and Democracy",
		"Democracy and the Party",
	}},
	{Title: "Chapter 11: Whither the Soviet Union?", Match: regexp.MustCompile(`^WHITHER THE SOVIET UNION\?$`), Sections: []string{
		"Bonapartism as a Regime of Crisis",
		`The Struggle of the Bureaucracy with "the Class Enemy"`,
		"The Inevitability of a New Revolution",
	}},
	{Title: `Appendix: "Socialism in One Country"`, Match: regexp.MustCompile(`^Appendix "SOCIALISM IN ONE COUNTRY"$`), Sections: []string{
		`The "Friends" of the Soviet Union`,
	}},
}

// rbHeadings lists the headings of rbBook in order: a chapter at level 1,
// its numbered sections at level 2, and the Postscript below the
// Introduction it follows.
func rbHeadings() []Heading {
	var hs []Heading
	for _, ch := range rbBook {
		var sections []Heading
		for i, title := range ch.Sections {
			n := i + 1
			h := Heading{Level: 2, Title: fmt.Sprintf("%d. %s", n, title)}
			if start, ok := ch.Lost[n]; ok {
				h.Match = regexp.MustCompile(`^` + regexp.QuoteMeta(start))
				h.Insert = true
			} else {
				h.Match = regexp.MustCompile(fmt.Sprintf(`(?i)^%d\. %s$`, n, regexp.QuoteMeta(title)))
			}
			sections = append(sections, h)
		}
		chapter := Heading{Level: 1, Title: ch.Title, Match: ch.Match}
		if ch.Match == nil {
			chapter.Match = sections[0].Match
			chapter.Insert = true
		}
		hs = append(hs, chapter)
		if len(hs) == 1 {
			hs = append(hs, Heading{Level: 2, Title: "Postscript", Match: regexp.MustCompile(`^POSTSCRIPT$`)})
		}
		hs = append(hs, sections...)
	}
	return hs
}

// rbFixes repair what the printing to PDF and the conversion to text
// broke, and nothing else. Into some runs the conversion mixed fragments of
// the PDF's own drawing commands ("Tto rA", "1429 6.1429", "Tj T*"): where
// the words they displaced can be read from what is left, the edition
// supplies them in square brackets, as editors do; runs garbled past
// reading are marked as a lacuna (Lacuna), as are the places where the
// source lost a line or the rest of a section or chapter. Then what it
// printed twice, two compounds it split at a line's end, and letters the
// transcription misread or lost ("Iearn", "eeonomie", "nd" for "and").
// The transcription's own slips (misspellings, doubled words, wrong years)
// are the source's wording and stay; the dictionary test lists them.
var rbFixes = []Fix{
	{"on the present fo t2ecdmuloweoonurtotheithighee gdh up to t a complcouumphment of the present and the future tenses",
		"on the present " + Lacuna + " the present and the future tenses"},
	{"the NEP which had been ce ultemelsnmen, thimnt. Tto", "the NEP which had been " + Lacuna},
	{`cult of the family is "oubeatl by thnfreng ofuabose foabohoricity ane powon.at not onlf unccovnedky abous*(uaboatinf thabohoricittto of th"elords"es, a,um ry)Tj T*a/Artopules of thf mothge and mothsy, buy on thuncerlheruntrdof itberesor to *a/imatn thuhobdreves from try offenorcet tGod. Bbout thFfenohhscerhlles alsgebut ohing wiabout t ueasupompayments an, thad goet nry which`,
		"cult of the family is " + Lacuna + " which"},
	{`a hitherto unseen an n of il hishompeofn hys the "alized stture.`, "a hitherto unseen " + Lacuna},
	{"established over.1429 6.1429 Tto rA7 watov and Stalin", "established over [the signatures of Molotov] and Stalin"},
	{`"the presenceo r immense`, `"the presence [of] immense`},
	{"arbitrary expendi29 Tto rAstate funds", "arbitrary expendi[tures of] state funds"},
	{"no possibility rAestimating", "no possibility [of] estimating"},
	{"stepping over.1429boundary", "stepping over [the] boundary"},
	{"this upper.privileged stratum", "this upper privileged stratum"},
	{"appetite for articleto rApersonal consumption. But 1429 6tuation", "appetite for article[s of] personal consumption. But [the si]tuation"},
	{"new conquestto rAcivilization", "new conquest[s of] civilization"},
	{"all forms rAservice in kind", "all forms [of] service in kind"},
	{"supplementary sourceo r income", "supplementary source[s of] income"},
	{"always prided themselves oikinution llookd udownupon the molshevisk. TSubsequent events approximately thus:",
		"always prided themselves [on it, and looked down upon the Bolsheviks]. Subsequent events " + Lacuna + " approximately thus:"},

	// Lines and passages the source lost: a line of Chapter 1; the end
	// of a quotation and the start of the sentence after it in Chapter 6,
	// which the source runs together; the end of section 3 of Chapter 8,
	// cut in a word the edition completes; and the end of Chapter 9.
	{"the highly civilized nations block the road of proletarian revolution",
		"the highly civilized nations block the road " + Lacuna + " of proletarian revolution"},
	{"have ceased to regard the members of their psychological type",
		"have ceased to regard the members of " + Lacuna + " their psychological type"},
	{`the enlistment of the "generals" had themselves meantim`, `the enlistment of the "generals" had themselves meantim[e] ` + Lacuna},
	{"exploiting the social antagonisms, a bureaucracy has", "exploiting the social antagonisms, a bureaucracy has " + Lacuna},

	// Printed twice.
	{"A revolution of the heroic people of the Parisian suburbs. A revolution is", "A revolution is"},
	{"Communist party. The platform of factions in the Communist party. The platform", "Communist party. The platform"},
	{"caste soon revealed soon revealed its", "caste soon revealed its"},

	// Compounds split at a line's end.
	{"a third five-year- plan", "a third five-year plan"},
	{`"the material- technical conditions`, `"the material-technical conditions`},

	// Letters the transcription misread (l as I, c as e and e as c, a as
	// u or n, h as }, s as a digit), lost, or parted from their word.
	{"go underground and Iearn to struggle", "go underground and learn to struggle"},
	{"family life and Iyric poetry", "family life and lyric poetry"},
	{"thinking: I'etat c'est moi.", "thinking: l'etat c'est moi."},
	{`"Popolo d'ltalia"`, `"Popolo d'Italia"`},
	{"spiritual creativencss shall be", "spiritual creativeness shall be"},
	{"eeonomie accounting, erop sowing", "economic accounting, crop sowing"},
	{"In their depths arc various", "In their depths are various"},
	{"hidden processes arc at work", "hidden processes are at work"},
	{"well-being and prosperity arc accessible", "well-being and prosperity are accessible"},
	{"Soviets in their essence arc organs", "Soviets in their essence are organs"},
	{"from those who arc undergoing torture", "from those who are undergoing torture"},
	{"a first plenipotentiury.", "a first plenipotentiary."},
	{"from the Citrines, Jonhaux's and Greens", "from the Citrines, Jouhaux's and Greens"},
	{"on the fact that in n socialist society", "on the fact that in a socialist society"},
	{"etc., etc., n woman has no right", "etc., etc., a woman has no right"},
	{"will to n great extent determine", "will to a great extent determine"},
	{"accompanied by n sharp reaction", "accompanied by a sharp reaction"},
	{"still exists as n class deeply distinct", "still exists as a class deeply distinct"},
	{"But Wit}l all its changes", "But with all its changes"},
	{"are united Wit}l the big bourgeoisie", "are united with the big bourgeoisie"},
	{"the bureaucrat, who i9 exaggerating", "the bureaucrat, who is exaggerating"},
	{"consider that everything i8 permitted", "consider that everything is permitted"},
	{"their servility and u ant of talent", "their servility and want of talent"},
	{"A noticeable proportion o the newest works", "A noticeable proportion of the newest works"},
	{"It is o wonder that", "It is no wonder that"},
	{"tossed t the peasantry", "tossed to the peasantry"},
	{"in the West those w ho will fall", "in the West those who will fall"},
	{"the leaders of the r evolution", "the leaders of the revolution"},
	{"subject to attack from t he Soviet coast", "subject to attack from the Soviet coast"},
	{"for 1935 was about0.7 tons", "for 1935 was about 0.7 tons"},
	{"in the October dys played", "in the October days played"},
	{"the fulfillment of th plan", "the fulfillment of the plan"},
	{"contemplative, optimistic, nd anything", "contemplative, optimistic, and anything"},
	{"complete independence nd freedom", "complete independence and freedom"},
	{"most close nd sensitively felt", "most close and sensitively felt"},
	{"extremely tense, nd forever", "extremely tense, and forever"},
	{"distrustful of themselves, nd deprived", "distrustful of themselves, and deprived"},
	{"with cowardice, nd is supplemented", "with cowardice, and is supplemented"},
}
