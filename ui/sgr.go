package ui

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// glamour styles every word and every padding space on its own, so a line
// of 80 columns comes out as a kilobyte of escape sequences. compactLine
// rewrites a line with one SGR sequence per change of style, drops the
// padding at its end, and takes the markers out, counting them. The text
// and the way it looks are unchanged.

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
		c := line[i]
		if c == 0x1b {
			end := escapeEnd(line, i)
			seq := line[i:end]
			i = end
			if len(seq) > 2 && seq[1] == '[' && seq[len(seq)-1] == 'm' {
				cur.apply(seq[2 : len(seq)-1])
				continue
			}
			flush()
			b.WriteString(seq) // not a style: keep it as it is
			continue
		}
		r, size := utf8.DecodeRuneInString(line[i:])
		i += size
		switch {
		case r == marker:
			n++
		case r == ' ' && !cur.showsOnSpace():
			pending++
		default:
			flush()
			write(string(r), cur)
		}
	}
	if !written.isDefault() {
		b.WriteString("\x1b[0m")
	}
	return b.String(), n
}

// escapeEnd is the index just past the escape sequence that starts at i:
// a CSI sequence up to its final byte, an OSC, DCS or APC string up to its
// terminator, or ESC and one more byte.
func escapeEnd(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[':
		j := i + 2
		for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
			j++
		}
		return min(j+1, len(s))
	case ']', 'P', '_', '^':
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
	return i + 2
}
