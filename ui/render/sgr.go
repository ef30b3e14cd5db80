package render

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"samizdat/corpus"
)

// glamour styles every word and every padding space on its own, so a line
// of 80 columns comes out as a kilobyte of escape sequences. compactLine
// rewrites a line with one SGR sequence per change of style, drops the
// padding at its end, and takes the markers out, counting them. The text
// and the way it looks are unchanged.
//
// Like parseLine, which reads glamour's output for the layout, it is a
// guard between a document and the terminal: what it writes is text and
// SGR styles, nothing else. Any other escape sequence (a window title, a
// clipboard write, a hyperlink, a cursor move) is dropped, whole, and any
// other control is shown as its picture, so that even a renderer that
// passed one on could not drive the terminal.

// sgr is a text style: the SGR attributes that are on (bold, faint,
// italic...), and the foreground and background colours.
type sgr struct {
	attrs  uint16 // bit n for SGR attribute n, 1 to 9
	fg, bg string // the SGR parameters that set them, "" for the default
}

func (s sgr) isDefault() bool { return s == sgr{} }

// showsOnSpace says whether a space in this style can be seen.
func (s sgr) showsOnSpace() bool {
	return s.bg != "" || s.attrs&(1<<4|1<<7|1<<9) != 0 // underline, reverse, strike
}

func (s sgr) sequence() string {
	var p []string
	for n := 1; n <= 9; n++ {
		if s.attrs&(1<<n) != 0 {
			p = append(p, strconv.Itoa(n))
		}
	}
	if s.fg != "" {
		p = append(p, s.fg)
	}
	if s.bg != "" {
		p = append(p, s.bg)
	}
	return "\x1b[" + strings.Join(p, ";") + "m"
}

// apply reads the parameters of one SGR sequence.
func (s *sgr) apply(params string) {
	p := strings.Split(params, ";")
	for i := 0; i < len(p); i++ {
		switch v := p[i]; v {
		case "", "0":
			*s = sgr{}
		case "1", "2", "3", "4", "5", "6", "7", "8", "9":
			s.attrs |= 1 << (v[0] - '0')
		case "21", "22":
			s.attrs &^= 1<<1 | 1<<2
		case "23", "24", "25", "27", "28", "29":
			s.attrs &^= 1 << (v[1] - '0')
		case "39":
			s.fg = ""
		case "49":
			s.bg = ""
		case "38", "48", "58":
			n := 0
			if i+1 < len(p) {
				switch p[i+1] {
				case "5":
					n = 2
				case "2":
					n = 4
				}
			}
			n = min(n, len(p)-1-i)
			colour := strings.Join(p[i:i+n+1], ";")
			i += n
			switch v {
			case "38":
				s.fg = colour
			case "48":
				s.bg = colour
			}
		default:
			if n, err := strconv.Atoi(v); err == nil {
				switch {
				case 30 <= n && n <= 37 || 90 <= n && n <= 97:
					s.fg = v
				case 40 <= n && n <= 47 || 100 <= n && n <= 107:
					s.bg = v
				}
			}
		}
	}
}

// compactLine returns line with its styles rewritten, the spaces that end
// it dropped unless they can be seen, and the markers removed; n is the
// number of markers it held.
func compactLine(line string) (out string, n int) {
	var b strings.Builder
	b.Grow(len(line) / 3)
	var cur, written sgr
	pending := 0 // spaces not yet written: dropped if nothing follows them
	col := 0     // characters so far, pending spaces included
	write := func(s string, st sgr) {
		if st != written {
			if !written.isDefault() {
				b.WriteString("\x1b[0m")
			}
			if !st.isDefault() {
				b.WriteString(st.sequence())
			}
			written = st
		}
		b.WriteString(s)
	}
	flush := func() {
		if pending == 0 {
			return
		}
		// An unseen space is written in whatever style is current, so a
		// run of words needs no change of style around its spaces.
		if written.showsOnSpace() {
			write(strings.Repeat(" ", pending), sgr{})
		} else {
			b.WriteString(strings.Repeat(" ", pending))
		}
		pending = 0
	}
	for i := 0; i < len(line); {
		if line[i] == 0x1b {
			end := escapeEnd(line, i)
			if params, ok := sgrParams(line[i:end]); ok {
				cur.apply(params)
			}
			i = end // any other sequence is dropped
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		switch {
		case r == marker:
			n++
		case r == '\t':
			// To the next tab stop, as the terminal would go.
			spaces := tabWidth - col%tabWidth
			col += spaces
			if cur.showsOnSpace() {
				flush()
				write(strings.Repeat(" ", spaces), cur)
			} else {
				pending += spaces
			}
		case r == ' ' && !cur.showsOnSpace():
			pending++
			col++
		case isControl(r):
			flush()
			write(string(shownAs(r)), cur)
			col++
		default:
			flush()
			write(string(r), cur)
			col++
		}
	}
	if !written.isDefault() {
		b.WriteString("\x1b[0m")
	}
	return b.String(), n
}

// tabWidth is the distance between tab stops.
const tabWidth = 8

// isControl says whether r is a control or reordering character, which the
// terminal would act on rather than show. Invalid UTF-8 is decoded as
// U+FFFD, which shows.
func isControl(r rune) bool {
	return r < 0x20 || 0x7f <= r && r <= 0x9f ||
		0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
}

// shownAs is the picture of a control character, as corpus.Sanitize shows
// one.
func shownAs(r rune) rune {
	p, _ := utf8.DecodeRuneInString(corpus.ShownAs(r))
	return p
}

// sgrParams returns the parameters of seq if it is an SGR sequence, a
// style: CSI, digits and separators, "m".
func sgrParams(seq string) (string, bool) {
	if len(seq) < 3 || seq[1] != '[' || seq[len(seq)-1] != 'm' {
		return "", false
	}
	params := seq[2 : len(seq)-1]
	for i := 0; i < len(params); i++ {
		if c := params[i]; (c < '0' || c > '9') && c != ';' {
			return "", false
		}
	}
	return params, true
}

// escapeEnd is the index just past the escape sequence that starts at i,
// as a terminal would read it: a CSI sequence up to its final byte; an OSC,
// DCS, SOS, PM or APC string up to its terminator, or the end; ESC, any
// intermediate bytes and a final byte; or ESC alone, before a control or a
// byte that is not ASCII.
func escapeEnd(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		for j < len(s) && 0x20 <= s[j] && s[j] <= 0x3f { // parameters and intermediates
			j++
		}
		if j < len(s) && 0x40 <= s[j] && s[j] <= 0x7e {
			j++ // the final byte
		}
		return j
	case ']', 'P', 'X', '^', '_':
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
		}
		return len(s)
	}
	j := i + 1
	for j < len(s) && 0x20 <= s[j] && s[j] <= 0x2f { // intermediates
		j++
	}
	if j < len(s) && 0x30 <= s[j] && s[j] <= 0x7e {
		j++
	}
	return j
}
