package prep

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// leninsFight is the Pathfinder collection of Lenin's and Trotsky's
// writings of 1922–23, in the OCR of a scanned library copy. Start and End
// leave out the front matter (the scanner's lines, mirrored spine text,
// the title and copyright pages and the printed contents, whose facts are
// in Meta and whose structure is in the headings) and the library's cards
// and the back cover after the index.
//
// The scan keeps the printed page: every page opens with a running head
// and its number, or, where a section opens it, has its number alone at
// its foot. Both become page anchors (lfPages). Its lines are the printed
// lines, hard-wrapped and hyphenated, with blank lines between paragraphs
// and, as often, inside them (lfBuild); its note markers are superscripts
// the OCR misread (lfNotes).
func leninsFight() Recipe {
	r := Recipe{
		Meta: Meta{
			ID:        "lenins-fight",
			Title:     "Lenin's Fight Against Stalinism",
			Short:     "Lenin's Fight",
			Author:    "V. I. Lenin and Leon Trotsky",
			Editor:    "Russell Block",
			Year:      "1975",
			Publisher: "Pathfinder Press, New York",
			Source: "The OCR text of a scanned library copy of the first edition, " +
				"digitized by the Internet Archive in 2023.",
		},
		Source:    "lenins-fight.txt",
		Start:     regexp.MustCompile(`^Part I$`),
		End:       regexp.MustCompile(`^APR 11 1980$`),
		Headings:  lfHeadings,
		Furniture: lfFurniture,
	}
	r.Build = func(raw string) ([]Block, error) { return lfBuild(r, raw) }
	return r
}

// lfFurniture is what the scan has of the printed page besides the text:
// running heads, page numbers and specks of the scan. (?m) keeps each a
// whole line when the tests look for it in the edition; a pattern that
// would otherwise match the start of a line of the text ("5. See", "new")
// ends in \z, the end of a raw line and never of an edition's paragraph.
var lfFurniture = []*regexp.Regexp{
	regexp.MustCompile(`(?m)^\d+ Lenin’s Fight Against Stalinism$`),
	regexp.MustCompile(`(?m)^(?:Introduction|On Lenin’s Testament|Lenin’s Testament|The Bureaucracy|` +
		`The Monopoly of Foreign Trade|The Nationalities Question|Biographical Notes|Index) \d+$`),
	regexp.MustCompile(`(?m)^The Hifredmanaeys T5$`),
	// The drop folios, page numbers at the foot of a page that opens a
	// section ("19" is 79 misread).
	regexp.MustCompile(`(?m)^(?:5|29|30|61|70|74|19|82|86|87|92|106|113|116|121|123|125|127|130|133|139|140|150|156)\z`),
	lfSpeckLines,
}

// lfSpeckLines are specks the scan read as letters, on lines of their own.
var lfSpeckLines = regexp.MustCompile(`(?m)^(?:od|ne|nel)\z`)

// lfPages are the printed pages, 5 to 160. A page with a drop folio opens
// a part, a document or the back matter, and begins with its title.
var lfPages = Pages{
	First: 5,
	Last:  160,
	Heads: []*regexp.Regexp{
		regexp.MustCompile(`^(\d+) Lenin’s Fight Against Stalinism$`),
		regexp.MustCompile(`^(?:Introduction|On Lenin’s Testament|Lenin’s Testament|The Bureaucracy|` +
			`The Monopoly of Foreign Trade|The Nationalities Question|Biographical Notes|Index) (\d+)$`),
	},
	Folio: regexp.MustCompile(`^(\d+)$`),
	FolioStarts: map[int]*regexp.Regexp{
		5:   regexp.MustCompile(`^Part I$`),
		29:  regexp.MustCompile(`^Part II$`),
		30:  regexp.MustCompile(`^On Lenin’s Testament$`),
		61:  regexp.MustCompile(`^Part III$`),
		70:  regexp.MustCompile(`^Part IV$`),
		74:  regexp.MustCompile(`^Political Report to the$`),
		79:  regexp.MustCompile(`^Comments on Lenin’s Proposal$`),
		82:  regexp.MustCompile(`^Granting Legislative Functions$`),
		86:  regexp.MustCompile(`^Trotsky: January 15, 1923$`),
		87:  regexp.MustCompile(`^How We Should Reorganize the$`),
		92:  regexp.MustCompile(`^Better Fewer, But Better$`),
		106: regexp.MustCompile(`^The Tasks of the Twelfth Congress$`),
		113: regexp.MustCompile(`^Part V$`),
		116: regexp.MustCompile(`^Letter to J\.V\. Stalin for Members$`),
		121: regexp.MustCompile(`^To Comrades Frumkin and Stomonyakov$`),
		123: regexp.MustCompile(`^Letter to J\.V\. Stalin$`),
		// Page 125 holds two letters "To L.D. Trotsky"; the first of
		// them, the only one with a salutation, opens the page.
		125: regexp.MustCompile(`^Comrade Trotsky:$`),
		127: regexp.MustCompile(`^Part VI$`),
		130: regexp.MustCompile(`^Letter to L\.B\. Kamenev for the$`),
		133: regexp.MustCompile(`^The Question of Nationalities$`),
		139: regexp.MustCompile(`^To L\.D\. Trotsky$`),
		140: regexp.MustCompile(`^Thoughts on the Party:$`),
		150: regexp.MustCompile(`^BIOGRAPHICAL NOTES$`),
		156: regexp.MustCompile(`^Index$`),
	},
	GarbledHeads:  map[string]int{"The Hifredmanaeys T5": 75},
	GarbledFolios: map[string]int{"19": 79},
}

// lfKeepHyphens are compounds the book prints with a hyphen that it breaks
// at a line's end wherever it uses them, or that it also prints closed up
// in another source's spelling: "an honest co-operation" quotes the
// British translation of My Life, where the editor's own text has
// "cooperation".
var lfKeepHyphens = []string{
	"co-operation", "petty-bourgeois", "well-defined", "well-considered",
	"self-education", "production-technique", "strike-breakers",
}

// lfSpecks are marks of the scan inside lines of the text: a speck read as
// a letter, a stray mark before a line's first word, a space inside a
// bracket. Each is taken out of the one line that has it.
var lfSpecks = []Fix{
	{"_ Lenin and the Bolshevik Party", "Lenin and the Bolshevik Party"},
	{"the general public. š", "the general public."},
	{"_ To begin with, the testament", "To begin with, the testament"},
	{"g K. Radek", "K. Radek"},
	{"' tary.", "tary."},
	{"The key feature is that we have ©", "The key feature is that we have"},
	{"[December 12, 1922] Š", "[December 12, 1922]"},
	{"-It is my earnest request", "It is my earnest request"},
	{"resting exclusively upon docu-.", "resting exclusively upon docu-"},
	{"forthcoming). ]", "forthcoming).]"},
	{"303-04. ]", "303-04.]"},
	{"598-602. ]", "598-602.]"},
	{"487-502. ]", "487-502.]"},
	{"comments clear. ]", "comments clear.]"},
	{"week ( or even", "week (or even"},
	{"Challenge of the Left Opposition,, vol. 1", "Challenge of the Left Opposition, vol. 1"},
	{"characterize the “corporative?” economy", "characterize the “corporative” economy"},
}

// The OCR's misreadings, found by reading the text against an English word
// list (TestDictionary) and by pairing every bracket and quotation mark,
// are corrected class by class below, each in the one paragraph that has
// it. What the OCR does explains each: a letter read as a like one (e as
// c, i as j, l as ], I as l, m as n), a letter lost, a space lost or added,
// a bracket or quotation mark read as another, the dots of an ellipsis run
// together. What it does not explain stays as the book prints it: a
// letter doubled or tripled ("apppeared", "proceeeded", "Tommorow"), a
// spelling of the translators' ("annointed", "Illyich", "redhot"); these
// are on the reviewed list of the dictionary test.

// lfMisreadWords are words the OCR misread, and spaces it lost or added
// between words.
var lfMisreadWords = []Fix{
	{"each of them individualgae.", "each of them individually."},
	{"attitude to the natioi:al question", "attitude to the national question"},
	{"I shal] eat it", "I shall eat it"},
	{"the Central Contro] Commission", "the Central Control Commission"},
	{"any other member of the Cental Committee", "any other member of the Central Committee"},
	{"They are not coiusummating it", "They are not consummating it"},
	{"a question of making carrections", "a question of making corrections"},
	{"take the road of beeoming", "take the road of becoming"},
	{"check on the exient of", "check on the extent of"},
	{"Lenin was extrernely gentle", "Lenin was extremely gentle"},
	{"A prominent Stalinist historjan.", "A prominent Stalinist historian."},
	{"But itis a striking fact", "But it is a striking fact"},
	{"to make it more likea machine", "to make it more like a machine"},
	{"on a real and nota fictitious basis", "on a real and not a fictitious basis"},
	{"this or that statement from mc,", "this or that statement from me,"},
	{"lt goes without saying", "It goes without saying"},
	{"find today ali the satisfaction", "find today all the satisfaction"},
	{"re-create, a stong “bond”", "re-create, a strong “bond”"},
	{"issues of Trotsky-Stalin stuggle.", "issues of Trotsky-Stalin struggle."},
	{"published by Progess Publishers", "published by Progress Publishers"},
	{"the Georgian oppositonists,", "the Georgian oppositionists,"},
	{"Ordzhonikdze went so far", "Ordzhonikidze went so far"},
	{"Such phenomen, however,", "Such phenomena, however,"},
	{"International, founded.in 1938", "International, founded in 1938"},
	{"the Azerbaidzhani,Turkestani,", "the Azerbaidzhani, Turkestani,"},
	{"lines of the revolution.—L,.T.", "lines of the revolution.—L.T."},
	{"Krupskaya, Nadezhda Konstantinova (", "Krupskaya, Nadezhda Konstantinovna ("},
	{"Volodicheva, Maria Akinovna (", "Volodicheva, Maria Akimovna ("},
	{"amend their one-sideness.", "amend their one-sidedness."},
}

// lfBrackets are square brackets the OCR read as braces, a bar or a
// parenthesis.
var lfBrackets = []Fix{
	{"{Lenin, Collected Works, vol. 45, pp. 607-08.]", "[Lenin, Collected Works, vol. 45, pp. 607-08.]"},
	{"Translated from Russian by the editor. |", "Translated from Russian by the editor.]"},
	{"{Lenin, Collected Works, vol. 36, pp. 598-602.]", "[Lenin, Collected Works, vol. 36, pp. 598-602.]"},
	{"{Lenin, Collected Works, vol. 33, pp. 481-86.]", "[Lenin, Collected Works, vol. 33, pp. 481-86.]"},
	{"{Lenin, Collected Works, vol. 33, pp. 487-502.]", "[Lenin, Collected Works, vol. 33, pp. 487-502.]"},
	{"without the sickle [laughter]|—and", "without the sickle [laughter]—and"},
	{"[stormy applause, all rise and applaud).", "[stormy applause, all rise and applaud]."},
	{"{[Lenin, Collected Works, vol. 45, pp. 602-03.]", "[Lenin, Collected Works, vol. 45, pp. 602-03.]"},
	{"{Lenin, Collected Works, vol. 45, pp. 604-05]", "[Lenin, Collected Works, vol. 45, pp. 604-05]"},
	{"{Lenin, Collected Works, vol. 45, p. 606.]", "[Lenin, Collected Works, vol. 45, p. 606.]"},
	{"(Trotsky, The Stalin School of Falsification, pp. 59-60.", "[Trotsky, The Stalin School of Falsification, pp. 59-60."},
	{"commissariats of the RSFSR’} perhaps", "commissariats of the RSFSR”] perhaps"},
	{"{Lenin, Sochineniya (Collected Works)", "[Lenin, Sochineniya (Collected Works)"},
}

// lfQuoteMarks are quotation marks the OCR read as others (a closing
// double one as a single, an opening one as two), doubled, or took from
// a speck. The closing marks it lost or read as a letter, where a
// quotation opens and its paragraph ends with none, are put back.
var lfQuoteMarks = []Fix{
	{"The “agents of capitalism’ have", "The “agents of capitalism” have"},
	{"“The Platform of the Forty-Six.”’ The", "“The Platform of the Forty-Six.” The"},
	{"should not stop and should continue the offensive,’ was made", "should not stop and should continue the offensive,” was made"},
	{"on November 14, 1917—“‘and since", "on November 14, 1917—“and since"},
	{"in a short time“‘an organizer", "in a short time “an organizer"},
	{"either at the party congress or the Soviet congress.’", "either at the party congress or the Soviet congress.”"},
	{"“Stalin will make a rotten compromise,’ Lenin", "“Stalin will make a rotten compromise,” Lenin"},
	{"“Better Fewer, but Better.’", "“Better Fewer, but Better.”"},
	{"“With all my heart’—this", "“With all my heart”—this"},
	{"“decided the fate of Trotsky’—that is", "“decided the fate of Trotsky”—that is"},
	{"in preparation by the “Trotskyists’” on", "in preparation by the “Trotskyists” on"},
	{"with the letter “T’’(Tovarishch", "with the letter “T” (Tovarishch"},
	{"“With the very best comradely greetings’—that", "“With the very best comradely greetings”—that"},
	{"There was talk about it ‘among the heads", "There was talk about it among the heads"},
	{"the so-called ‘“‘Trotskyists”", "the so-called “Trotskyists”"},
	{"had created the legend of ‘“Trotskyism”", "had created the legend of “Trotskyism”"},
	{"this same legend of ‘‘Trotskyism.”", "this same legend of “Trotskyism.”"},
	{"Labour and Defence).”’ This", "Labour and Defence).” This"},
	{"The role of special ‘“administrator”", "The role of special “administrator”"},
	{"with an “‘ordinary” people’s", "with an “ordinary” people’s"},
	{"is going to be prolonged ‘“‘seriously", "is going to be prolonged “seriously"},
	{"“It is my request. . . .’Original", "“It is my request. . . .” Original"},
	{"ya by ochen prosil Vas. . . .(Sochineniya", "ya by ochen prosil Vas. . . .” (Sochineniya"},
	{"criticizing “‘autonomization”", "criticizing “autonomization”"},
	{"Something like creating an “‘All-Federation", "Something like creating an “All-Federation"},
	{"must be regarded as useful’’]", "must be regarded as useful”]"},
	{"will be regarded as independent’’]", "will be regarded as independent”]"},
	{"(or merely consultative character)?", "(or merely consultative character)”?"},
	{"“dominant nation chauvinism.”’]", "“dominant nation chauvinism.”]"},
	{"accusations of “‘nationalist-socialism”", "accusations of “nationalist-socialism”"},
	{"a real and true ‘‘nationalist-socialist,’ and", "a real and true “nationalist-socialist,” and"},
	{"the formerly oppressed ‘‘borderlands,”", "the formerly oppressed “borderlands,”"},
	{"The ‘““Narodniks” or", "The “Narodniks” or"},
	{"show trial. ““Confessed”", "show trial. “Confessed”"},
	{"we shall respond without wavering or delay. a", "we shall respond without wavering or delay.”"},
}

// lfEllipses are ellipses whose dots the OCR ran together or lost, set as
// the book sets them: three spaced dots, and a fourth for a stop.
var lfEllipses = []Fix{
	{"Russian apparatus which ... we took over", "Russian apparatus which . . . we took over"},
	{"“Under no circumstances. ... Vladimir", "“Under no circumstances. . . . Vladimir"},
	{"and then deceive us’... . He", "and then deceive us’. . . . He"},
	{"by an open attack... ” (ibid.)", "by an open attack. . . .” (ibid.)"},
	{"the very secret of my destiny if... if", "the very secret of my destiny if . . . if"},
	{"a perfectly serious remark from Radek... ", "a perfectly serious remark from Radek. . . .”"},
	{"‘Trotskyism’ was invented... .”", "‘Trotskyism’ was invented. . . .”"},
	{"three responsible Communists in Russia... who", "three responsible Communists in Russia . . . who"},
	{"I was against it at that time... . But", "I was against it at that time. . . . But"},
	{"there is a sound idea in it... .”", "there is a sound idea in it. . . .”"},
	{"similar to the tsarist state machine... .”", "similar to the tsarist state machine. . . .”"},
	{"we be sure that we shall learn. .", "we be sure that we shall learn. . . ."},
	{"use of their rights and authority. ...", "use of their rights and authority. . . ."},
	{"That is what the people will appreciate. .. .", "That is what the people will appreciate. . . ."},
	{"Putting the question in this way .. . is", "Putting the question in this way . . . is"},
	{"to express oneself so strongly. ... That", "to express oneself so strongly. . . . That"},
	{"must be made, and we are making it... .", "must be made, and we are making it. . . ."},
	{"step by step, brick by brick... . Isn’t", "step by step, brick by brick. . . . Isn’t"},
	{"“I earnestly urge you... .”", "“I earnestly urge you. . . .”"},
	{"charges of nationalism against .. . the oppressed", "charges of nationalism against . . . the oppressed"},
	{"of the republics . will be regarded", "of the republics . . . will be regarded"},
}

// lfIndexFixes correct the index: page numbers the OCR misread ("111n" as
// "11ln", "1lin", "llln", "llin"; 143 as 148, which breaks the order of the
// entry and names a page without the Red Army; a comma as a stop), a speck,
// and the page numbers it garbled past reading, marked illegible.
var lfIndexFixes = []Fix{
	{"Econburo of, 81, 11ln;", "Econburo of, 81, 111n;"},
	{"Germany, 9, 28, 97, 101-102, 103, llln;", "Germany, 9, 28, 97, 101-102, 103, 111n;"},
	{"Grain requisitioning, 8, 10, 21, 1lin", "Grain requisitioning, 8, 10, 21, 111n"},
	{"Lenin, 16, 17, 59n, 72, llln;", "Lenin, 16, 17, 59n, 72, 111n;"},
	{"on state capitalism, 70, 74ff, llin;", "on state capitalism, 70, 74ff, 111n;"},
	{"Volkhov Power Project, 104-105, llln", "Volkhov Power Project, 104-105, 111n"},
	{"Red Army, 10, 12, 56, 87, 106, 111n, 127, 148, 144-145", "Red Army, 10, 12, 56, 87, 106, 111n, 127, 143, 144-145"},
	{"Stomonyakov, B., 114, 115, 120, 121. 122,", "Stomonyakov, B., 114, 115, 120, 121, 122,"},
	{"as commissar ‘of nationalities", "as commissar of nationalities"},
	{"Trotsky on, 17, Ths Ue", "Trotsky on, 17, " + Illegible},
	{"Commissariat of Foreign Trade, Iie. AZO, PA", "Commissariat of Foreign Trade, " + Illegible},
}

// lfWrappedTitles are runs of short lines that are one paragraph besides
// the headings: the dated openings of Lenin's continued notes.
var lfWrappedTitles = []*regexp.Regexp{
	regexp.MustCompile(`^Continuation of the letter on the legislative nature of State Planning Commission decisions\.$`),
	regexp.MustCompile(`^Continuation of the notes on the State Planning Commission\.$`),
}

// lfBreaks are lines that begin a paragraph although the line before them
// is full: Lenin's list of the nationalities, and a biographical note at the
// top of a page.
var lfBreaks = append(lfListItems[:len(lfListItems):len(lfListItems)], "Mdivani, Polikarp Gurgenovich")

// lfQuotes are the block quotations of the editor's introduction and of
// Trotsky's essay, which the scan shows only by the wider gaps around
// them.
var lfQuotes = []QuoteRun{
	{"Yes, this is the essence of the matter.", 2},
	{"The members of the Central Committee and the Central Control Commission know", 2},
	{"After the death of Lenin we sat together", 1},
	{"Esteemed Comrade Trotsky:", 5},
	{"I was present at the conversation with Kamenev", 3},
}

// lfIndexMoves puts back the pieces of index entries that the scan of the
// two-column page read out of their place, each after the line it
// continues: the page numbers of an entry run in order.
var lfIndexMoves = []lineMove{
	{Line: "141, 142,", After: "Azerbaidzhan, 18, 19,"},
	{Line: "13-14,", After: "Communist International,"},
	{Line: "129. See also", After: "Triumvirate, 24,"},
	{Line: "106-107,", After: "Workers’ Truth group,"},
}

// lfIndexOpens is the paragraph after which the index's entries begin.
const lfIndexOpens = "Only the main entries in the Biographical Notes"

// lfListItems are the lines of Lenin's memo that the book sets as a list.
var lfListItems = []string{"Russian,", "Ukrainian,", "Georgian, etc."}

// lfBuild prepares the book: specks out, index pieces back in place, page
// anchors in; then the lines joined into paragraphs, the headings, notes,
// quotations and lists marked, and the index made a list of its entries.
func lfBuild(r Recipe, raw string) ([]Block, error) {
	lines, ok := Between(Lines(raw), r.Start, r.End)
	if !ok {
		return nil, fmt.Errorf("no line matches %q", r.Start)
	}
	lines, err := ApplyFixes(lines, lfSpecks)
	if err != nil {
		return nil, err
	}
	if lines, err = moveLines(lines, lfIndexMoves); err != nil {
		return nil, err
	}
	hyphens := NewHyphens(lines, lfKeepHyphens)
	if lines, err = lfPages.Mark(lines); err != nil {
		return nil, err
	}
	// The heads and folios are gone into page breaks; an index line
	// that is a page number alone stays.
	lines = DropLines(lines, []*regexp.Regexp{lfSpeckLines})
	text, index, err := splitIndex(lines)
	if err != nil {
		return nil, err
	}
	// A full line of the text is 60 to 66 characters wide; one of less
	// than 50 ends its paragraph, or is a title, date or signature.
	wraps := Wraps{Measure: 64, Short: 50, Hyphens: hyphens, Keep: lfWrappedTitles, Breaks: lfBreaks}
	for _, h := range r.Headings {
		wraps.Keep = append(wraps.Keep, h.Match)
	}
	paras, err := wraps.Paragraphs(text)
	if err != nil {
		return nil, err
	}
	if paras, err = ApplyFixes(paras, slices.Concat(lfMisreadWords, lfBrackets, lfQuoteMarks, lfEllipses)); err != nil {
		return nil, err
	}
	// The break kept for Lenin's list of nationalities ("Russian,") also
	// cut a sentence of Better Fewer, But Better after its first word, and
	// a note of Part VI.
	for _, j := range [][2]string{
		{"This is natural, for the boldest steps", "Russian, when away from work"},
		{"8. The term smychka", "Russian, like Latin"},
	} {
		if paras, err = JoinParagraph(paras, j[0], j[1]); err != nil {
			return nil, err
		}
	}
	if paras, err = dropParagraphs(paras, lfTitlesBelowDates); err != nil {
		return nil, err
	}
	blocks, err := MarkHeadings(AnchorsOffHeadings(paras, r.Headings), r.Headings)
	if err != nil {
		return nil, err
	}
	if blocks, err = MarkNotes(blocks, lfNotes); err != nil {
		return nil, err
	}
	if blocks, err = MarkQuotes(blocks, lfQuotes); err != nil {
		return nil, err
	}
	if blocks, err = MarkListItems(blocks, lfListItems); err != nil {
		return nil, err
	}
	entries, err := ApplyFixes(indexEntries(index, hyphens), lfIndexFixes)
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		blocks = append(blocks, Block{Kind: ListItem, Text: e})
	}
	return blocks, nil
}

// dropParagraphs drops the one paragraph that is each of texts.
func dropParagraphs(paras []string, texts []string) ([]string, error) {
	out := append([]string(nil), paras...)
	for _, t := range texts {
		at := -1
		for i, p := range out {
			if p == t {
				if at >= 0 {
					return nil, fmt.Errorf("drop %q: more than one such paragraph", t)
				}
				at = i
			}
		}
		if at < 0 {
			return nil, fmt.Errorf("drop %q: no such paragraph", t)
		}
		out = append(out[:at], out[at+1:]...)
	}
	return out, nil
}

// splitIndex cuts the lines where the index's entries begin, after the
// paragraph lfIndexOpens begins.
func splitIndex(lines []string) (text, index []string, err error) {
	for i, l := range lines {
		if !strings.HasPrefix(bare(l), lfIndexOpens) {
			continue
		}
		for j := i; j < len(lines); j++ {
			if strings.TrimSpace(lines[j]) == "" {
				return lines[:j], lines[j:], nil
			}
		}
	}
	return nil, nil, fmt.Errorf("no line begins %q", lfIndexOpens)
}

// lineMove moves the one line that is Line to just after the one line
// that is After.
type lineMove struct{ Line, After string }

func moveLines(lines []string, moves []lineMove) ([]string, error) {
	out := append([]string(nil), lines...)
	for _, m := range moves {
		from, to := -1, -1
		for i, l := range out {
			switch strings.TrimSpace(l) {
			case m.Line:
				if from >= 0 {
					return nil, fmt.Errorf("move %q: more than one such line", m.Line)
				}
				from = i
			case m.After:
				if to >= 0 {
					return nil, fmt.Errorf("move after %q: more than one such line", m.After)
				}
				to = i
			}
		}
		if from < 0 || to < 0 {
			return nil, fmt.Errorf("move %q after %q: line not found", m.Line, m.After)
		}
		line := out[from]
		out = append(out[:from], out[from+1:]...)
		if from < to {
			to--
		}
		out = append(out[:to+1], append([]string{line}, out[to+1:]...)...)
	}
	return out, nil
}

// indexEntries joins the lines of an index into its entries. An entry
// begins on a line that opens with a capital or a quotation mark after
// an entry that ended: in a run of lines, after a page number; across a
// gap, after anything but a comma, semicolon, hyphen or a word like "see"
// that goes on. A cross-reference, "See also …", ends the entry before it.
func indexEntries(lines []string, h *Hyphens) []string {
	var entries [][]string
	gap := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" || l == PageBreak {
			gap = true
			continue
		}
		n := len(entries)
		if n == 0 || opensEntry(entries[n-1][len(entries[n-1])-1], l, gap) {
			entries = append(entries, []string{strings.TrimSpace(l)})
		} else {
			entries[n-1] = append(entries[n-1], strings.TrimSpace(l))
		}
		gap = false
	}
	w := Wraps{Hyphens: h}
	out := make([]string, len(entries))
	for i, e := range entries {
		out[i] = w.join(e)
	}
	return out
}

var (
	endsPageRefRE  = regexp.MustCompile(`\d[\dA-Za-z]*\.?$`)
	endsGoingOnRE  = regexp.MustCompile(`(?:[,;—-]|\b(?:see|See|also|and|of|the))$`)
	opensHeadingRE = regexp.MustCompile(`^(?:\p{Lu}|[“"‘']|von )`)
)

func opensEntry(prev, line string, gap bool) bool {
	prev, line = bare(prev), bare(line)
	if !opensHeadingRE.MatchString(line) || strings.HasPrefix(line, "See ") || endsGoingOnRE.MatchString(prev) {
		return false
	}
	return gap || endsPageRefRE.MatchString(prev)
}

// lfHeadings are the book's parts, the documents of each and their
// sections, as the printed contents list them, with the author of each
// document.
var lfHeadings = []Heading{
	lfHeading(1, `Part I INTRODUCTION`, "Part I: Introduction"),
	lfHeading(2, `Problems of the Russian revolution`, "Problems of the Russian revolution"),
	lfHeading(2, `The dangers of bureaucracy`, "The dangers of bureaucracy"),
	lfHeading(2, `The monopoly of foreign trade`, "The monopoly of foreign trade"),
	lfHeading(2, `The nationalities question`, "The nationalities question"),
	lfHeading(2, `The Twelfth Party Congress`, "The Twelfth Party Congress"),
	lfHeading(2, `Trotsky’s reluctance to act`, "Trotsky’s reluctance to act"),
	lfHeading(2, `The subsequent evolution of the Left Opposition`, "The subsequent evolution of the Left Opposition"),

	lfHeading(1, `Part II ON LENIN’S TESTAMENT`, "Part II: On Lenin’s Testament"),
	lfIntroduction("II"),
	lfHeading(2, `On Lenin’s Testament By Leon Trotsky`, "On Lenin’s Testament, by Leon Trotsky"),
	lfHeading(3, `The school of pure psychology`, "The school of pure psychology"),
	lfHeading(3, `“Six words”`, "“Six words”"),
	lfHeading(3, `“The mutual relations of Stalin and Trotsky”`, "“The mutual relations of Stalin and Trotsky”"),
	lfHeading(3, `Lenin’s attitude toward Stalin`, "Lenin’s attitude toward Stalin"),
	lfHeading(3, `Sverdlov and Stalin as types of organizers`, "Sverdlov and Stalin as types of organizers"),
	lfHeading(3, `The disagreements between Lenin and Stalin`, "The disagreements between Lenin and Stalin"),
	lfHeading(3, `A half year of sharpening struggle`, "A half year of sharpening struggle"),
	lfHeading(3, `The hypothesis of the “duumvirate”’`, "The hypothesis of the “duumvirate”"),
	lfHeading(3, `Radek as a source of information`, "Radek as a source of information"),
	lfHeading(3, `The legend of “Trotskyism”’`, "The legend of “Trotskyism”"),
	lfNotesTo("II"),

	lfHeading(1, `Part III LENIN’S TESTAMENT`, "Part III: Lenin’s Testament"),
	lfIntroduction("III"),
	lfHeading(2, `Letter to the congress`, "Letter to the Congress, by V.I. Lenin"),
	lfHeading(3, `I\.`, "I"),
	lfHeading(3, `II\.`, "II"),
	lfHeading(3, `Addition to the letter of December 24,1922`, "Addition to the letter of December 24, 1922"),
	lfHeading(3, `HI\.`, "III"),
	lfHeading(2, `To Comrade Stalin`, "To Comrade Stalin, by V.I. Lenin"),
	lfNotesTo("III"),

	lfHeading(1, `Part IV THE BUREAUCRACY`, "Part IV: The Bureaucracy"),
	lfIntroduction("IV"),
	lfHeading(2, `Political Report to the Eleventh Party Congress`,
		"Political Report to the Eleventh Party Congress, by V.I. Lenin"),
	lfHeading(2, `Comments on Lenin’s Proposal Concerning the Work of Deputies`,
		"Comments on Lenin’s Proposal Concerning the Work of Deputies, by Leon Trotsky"),
	lfHeading(2, `Granting Legislative Functions to the State Planning Commission`,
		"Granting Legislative Functions to the State Planning Commission, by V.I. Lenin"),
	lfDatedHeading(`Trotsky: January 15, 1923`, "Letter to the Politburo (excerpt), by Leon Trotsky"),
	lfHeading(2, `How We Should Reorganize the Workers’ and Peasants’ Inspection`,
		"How We Should Reorganize the Workers’ and Peasants’ Inspection, by V.I. Lenin"),
	lfHeading(2, `Better Fewer, But Better`, "Better Fewer, But Better, by V.I. Lenin"),
	lfHeading(2, `The Tasks of the Twelfth Congress`, "The Tasks of the Twelfth Congress, by Leon Trotsky"),
	lfNotesTo("IV"),

	lfHeading(1, `Part V THE MONOPOLY OF FOREIGN TRADE`, "Part V: The Monopoly of Foreign Trade"),
	lfIntroduction("V"),
	lfHeading(2, `Letter to J\.V\. Stalin for Members of the CC, RCP\(B\) re the Foreign Trade Monopoly`,
		"Letter to J.V. Stalin for Members of the CC, RCP(B) re the Foreign Trade Monopoly, by V.I. Lenin"),
	lfHeading(2, `To L\.D\. Trotsky`, "To L.D. Trotsky, by V.I. Lenin"),
	lfDatedHeading(`December 12, 1922`, "To Comrade Lenin, by Leon Trotsky"),
	lfHeading(2, `To Comrades Frumkin and Stomonyakov`, "To Comrades Frumkin and Stomonyakov, by V.I. Lenin"),
	lfHeading(2, `To L\.D\. Trotsky`, "To L.D. Trotsky, by V.I. Lenin"),
	lfHeading(2, `Letter to J\.V\. Stalin for members of the RCP\(B\) CC`,
		"Letter to J.V. Stalin for members of the RCP(B) CC, by V.I. Lenin"),
	lfHeading(2, `To L\.D\. Trotsky`, "To L.D. Trotsky, by V.I. Lenin"),
	lfHeading(2, `To L\.D\. Trotsky`, "To L.D. Trotsky, by V.I. Lenin"),
	lfHeading(2, `To L\.D\. Trotsky`, "To L.D. Trotsky, by V.I. Lenin"),
	lfNotesTo("V"),

	lfHeading(1, `Part VI THE NATIONALITIES QUESTION`, "Part VI: The Nationalities Question"),
	lfIntroduction("VI"),
	lfHeading(2, `Letter to L\.B\. Kamenev for the Members of the Political Bureau of the Central Committee `+
		`of the Russian Communist Party \(Bolsheviks\)`,
		"Letter to L.B. Kamenev for the Members of the Political Bureau of the Central Committee "+
			"of the Russian Communist Party (Bolsheviks), by V.I. Lenin"),
	lfHeading(2, `Memo to L\.B\. Kamenev on Combating Great Russian Chauvinism`,
		"Memo to L.B. Kamenev on Combating Great Russian Chauvinism, by V.I. Lenin"),
	lfHeading(2, `The Question of Nationalities or ‘‘Autonomization”’`,
		"The Question of Nationalities or “Autonomization”, by V.I. Lenin"),
	lfHeading(2, `To L\.D\. Trotsky`, "To L.D. Trotsky, by V.I. Lenin"),
	lfHeading(2, `To P\.G\. Mdivani, F\.Y\. Makharadze and Others`,
		"To P.G. Mdivani, F.Y. Makharadze and Others, by V.I. Lenin"),
	lfHeading(2, `Thoughts on the Party: The National Question and the Education of the Party Youth`,
		"Thoughts on the Party: The National Question and the Education of the Party Youth, by L.D. Trotsky"),
	lfNotesTo("VI"),

	lfHeading(1, `BIOGRAPHICAL NOTES`, "Biographical Notes"),
	lfHeading(1, `Index`, "Index"),
}

// lfHeading is a heading whose paragraph is all of pattern.
func lfHeading(level int, pattern, title string) Heading {
	return Heading{Match: regexp.MustCompile(`^` + pattern + `$`), Level: level, Title: title}
}

// lfDatedHeading is the heading of a document whose date the book prints
// above its title: the heading goes before the date, and the title's own
// paragraph is dropped (lfTitlesBelowDates).
func lfDatedHeading(date, title string) Heading {
	return Heading{Match: regexp.MustCompile(`^(?:<!--page:\d+-->)*` + date + `$`), Level: 2, Title: title, Insert: true}
}

// lfTitlesBelowDates are the titles printed below their documents' dates,
// which the headings lfDatedHeading puts above the dates replace.
var lfTitlesBelowDates = []string{"Letter to the Politburo (excerpt)", "To Comrade Lenin"}

// lfIntroduction is the editor's introduction to a part; its anchor names
// the part, as every part has one.
func lfIntroduction(part string) Heading {
	h := lfHeading(2, `Introduction`, "Introduction")
	h.Anchor = "part-" + strings.ToLower(part) + "-introduction"
	return h
}

func lfNotesTo(part string) Heading {
	return lfHeading(2, `NOTES TO PART `+part, "Notes to Part "+part)
}

// lfNotes are the notes to parts II to VI (the editor's introduction, part
// I, has none) and where the text cites each. The scan read the
// superscript numbers as whatever they resembled, and lost six of them;
// those are restored after the words the note comments on (the notes say
// which), marked "lost" below.
var lfNotes = []NoteSeries{
	{Text: "Part II: On Lenin’s Testament", Notes: "Notes to Part II", Marks: []NoteMark{
		{"wife, N. Krupskaya.", "!"},
		{"and since then there has been no better Bolshevik.”", "?"},
		{"all the best elements in the currents of socialist thought that were nearest to it.”", ""}, // lost
		{"appoint to it another man who in all other respects", "?"},
		{"carry on his service.”", "®"},
		{"either at the party congress or the Soviet congress.”", ""}, // lost
		{"looking on ‘from the sidelines.’ ”", "7"},
		{"sent for publication in Pravda an article", "’"},
		{"The November plenum of the Central Committee (1922),", "9"},
		{"accuses the Georgian, Dzhugashvili,", "!°"},
		{"convenience of administration and regulation.”", "!!"},
		{"“Better Fewer, but Better.”", ""}, // lost
		{"On that same day", "!’"},
		{"and he was preparing to speak on it at the party congress.”", "!4"},
		{"in a direct form, even subsequently.", "'5"},
		{"after our temporary disagreement on the question of the trade unions,", "!®"},
		{"we got a perfectly serious remark from Radek. . . .”", "17"},
		{"through a series of authoritative testimonials.", "'*"},
	}},
	{Text: "Part III: Lenin’s Testament", Notes: "Notes to Part III", Marks: []NoteMark{
		{"People’s Commissariat for Communications has already proved,", "'"},
		{"the October episode with Zinoviev and Kamenev", "?"},
	}},
	{Text: "Part IV: The Bureaucracy", Notes: "Notes to Part IV", Marks: []NoteMark{
		{"through the Poor Peasants’ Committees).", "!"},
		{"misled by the term state capitalism.", "2"},
		{"to a considerable extent, the present crisis", "?"},
		{"by way of illustration in my first article", "’"},
		{"to complete the Volkhov Power Project, etc.", "5"},
		{"In that latest article of Comrade Lenin’s", " ë"},
		{"from the so-called Workers’ Truth group,", "’"},
		{"I recently wrote an article about this “tip of a big problem,”", ""}, // lost
		{"that phrase which Comrade Lenin puts in parentheses.", "°"},
		{"signature of the obscene peace of Brest-Litovsk.", "!°"},
		{"the flame of revolution blazes up from the Ruhr.", "''"},
	}},
	{Text: "Part V: The Monopoly of Foreign Trade", Notes: "Notes to Part V", Marks: []NoteMark{
		{"We have begun to build up mixed companies", "!"},
		{"V. Ulyanov (Lenin)", "?"},
		{"except for a liquor monopoly,", "*"},
		{"At any rate, it is my request", "‘"},
		{"am in a position to leave without worry.", ""},                      // lost
		{"I have had the outline of my speech written several days ago.", ""}, // lost
		{"I am sending on to you Frumkin’s letter", "?"},
	}},
	{Text: "Part VI: The Nationalities Question", Notes: "Notes to Part VI", Marks: []NoteMark{
		{"Khrushchev’s “de-Stalinization” campaign in 1956.", "'"},
		{"I suppose I have been very remiss", "?"},
		{"in one of the preceding sections of my diary,", "*"},
		{"people of other nationalities who have become Russified overdo this Russian frame of mind)", "!"},
		{"how is internationalism to be understood?", "®"},
		{"With best comradely greetings,", "®"},
		{"for many years if not forever.", "’"},
		{"We have learned to decline the word smychka (bond)", "?"},
		{"the Azerbaidzhani Mussavatists,", " °"},
		{"something like our “Narodnik” agrarian program,", "!°"},
	}},
}
