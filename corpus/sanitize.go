package corpus

import (
	"encoding/binary"
	"html"
	"strings"
	"unicode/utf8"
)

// Sanitize makes text from a file safe to show on a terminal: nothing in
// it can reach the terminal as a control. Control characters other than
// newline and tab are made visible as their Unicode pictures (ESC shows as
// ␛, so an escape sequence reads as text instead of acting), C1 controls
// and the characters that reorder text (bidirectional overrides and
// isolates) are replaced with U+FFFD, and so are invalid UTF-8 bytes.
// Line ends are newlines: a CR before a newline is dropped, and a CR alone
// (an old Mac file's line end) becomes a newline. It reports whether the
// text held invalid UTF-8 and whether it held controls.
func Sanitize(s string) (clean string, invalid, controls bool) {
	if isClean(s) {
		return s, false, false
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r' && i+1 < len(s) && s[i+1] == '\n':
				// A CRLF line end: keep the LF.
			case c == '\r':
				b.WriteByte('\n')
			case c == '\n' || c == '\t' || c >= 0x20 && c < 0x7f:
				b.WriteByte(c)
			default:
				b.WriteString(ShownAs(rune(c)))
				controls = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune(utf8.RuneError)
			invalid = true
		case isC1OrReordering(r):
			b.WriteString(ShownAs(r))
			controls = true
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String(), invalid, controls
}

// isClean is the fast path: printable ASCII, newlines, tabs, and
// well-formed UTF-8 with no control or reordering characters.
func isClean(s string) bool {
	for i := 0; i < len(s); {
		// Eight bytes at a time while they are printable ASCII: no byte
		// with its top bit set, none below 0x20, none equal to 0x7f.
		for i+8 <= len(s) {
			w := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
			const ones, highs = 0x0101010101010101, 0x8080808080808080
			below20 := (w - ones*0x20) & ^w & highs
			del := ((w ^ ones*0x7f) - ones) & ^(w ^ ones*0x7f) & highs
			if w&highs != 0 || below20 != 0 || del != 0 {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isC1OrReordering(r) {
			return false
		}
		i += size
	}
	return true
}

// ShownAs is what Sanitize shows for a control or reordering character:
// the Unicode picture of a C0 control or DEL, U+FFFD for the others.
func ShownAs(r rune) string {
	switch {
	case r < 0x20:
		return string(0x2400 + r)
	case r == 0x7f:
		return "␡"
	}
	return string(utf8.RuneError)
}

// isShownAsIs says whether Sanitize keeps r as it is.
func isShownAsIs(r rune) bool {
	return r >= 0x20 && r != 0x7f && !isC1OrReordering(r) || r == '\n' || r == '\t'
}

func isC1OrReordering(r rune) bool {
	return 0x80 <= r && r <= 0x9f ||
		0x202a <= r && r <= 0x202e || // LRE, RLE, PDF, LRO, RLO
		0x2066 <= r && r <= 0x2069 // LRI, RLI, FSI, PDI
}

// SanitizeLine is Sanitize for text that must stay on one line, such as a
// title or a file name: newlines and tabs become visible too.
func SanitizeLine(s string) string {
	clean, _, _ := Sanitize(s)
	if !strings.ContainsAny(clean, "\n\t") {
		return clean
	}
	return strings.NewReplacer("\n", "␊", "\t", "␉").Replace(clean)
}

// sanitizeMarkdown is Sanitize for a Markdown document, whose character
// references a renderer decodes after Sanitize has run: a reference to a
// character Sanitize would not keep ("&#27;", "&#x1b", "&#x202e;") is
// replaced with what Sanitize shows for that character, as if the
// character itself had been written. It counts as a control.
func sanitizeMarkdown(s string) (clean string, invalid, controls bool) {
	clean, invalid, controls = Sanitize(s)
	clean, refs := sanitizeReferences(clean)
	return clean, invalid, controls || refs
}

// sanitizeReferences replaces the numeric character references in s that
// decode to a character Sanitize would not keep, and reports whether there
// were any. References are read as glamour reads them, with
// html.UnescapeString, which is generous: the ";" may be left out, the
// digits run on as long as they go (the number wrapping round at 32 bits),
// and 128 to 159 mean Windows-1252 characters, but for five that stay C1
// controls. Named references need nothing: of HTML's, only &Tab; and
// &NewLine; decode to controls, and a file may hold those as they are.
func sanitizeReferences(s string) (string, bool) {
	i := strings.Index(s, "&#")
	if i < 0 {
		return s, false
	}
	var b strings.Builder
	last := 0
	for i >= 0 {
		n := referenceLen(s[i:])
		if n > 0 {
			ref := s[i : i+n]
			if r, _ := utf8.DecodeRuneInString(html.UnescapeString(ref)); !isShownAsIs(r) {
				if b.Len() == 0 {
					b.Grow(len(s))
				}
				b.WriteString(s[last:i])
				b.WriteString(ShownAs(r))
				last = i + n
			}
		}
		next := strings.Index(s[i+2:], "&#")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	if last == 0 {
		return s, false
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// referenceLen is the length of the numeric character reference s begins
// with ("&#27;", "&#x1b", "&#0000027;"), as html.UnescapeString reads it,
// or 0 if it reads none there.
func referenceLen(s string) int {
	if len(s) <= 3 || s[0] != '&' || s[1] != '#' {
		return 0
	}
	n := 2
	hex := s[n] == 'x' || s[n] == 'X'
	if hex {
		n++
	}
	for n < len(s) && (isDigit(s[n]) || hex && isHexLetter(s[n])) {
		n++
	}
	if n < len(s) && s[n] == ';' {
		n++
	}
	if n <= 3 {
		return 0
	}
	return n
}

func isDigit(c byte) bool     { return '0' <= c && c <= '9' }
func isHexLetter(c byte) bool { return 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }
