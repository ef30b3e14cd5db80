package corpus

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// Sanitize makes text from a file safe to show on a terminal: nothing in
// it can reach the terminal as a control. Control characters other than
// newline and tab are made visible as their Unicode pictures (ESC shows as
// ␛, so an escape sequence reads as text instead of acting), C1 controls
// and the characters that reorder text (bidirectional overrides and
// isolates) are replaced with U+FFFD, and so are invalid UTF-8 bytes.
// A CR before a newline is dropped. It reports whether the text held
// invalid UTF-8 and whether it held controls.
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
			case c == '\n' || c == '\t' || c >= 0x20 && c < 0x7f:
				b.WriteByte(c)
			case c == 0x7f:
				b.WriteRune('␡')
				controls = true
			default:
				b.WriteRune(0x2400 + rune(c))
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
			b.WriteRune(utf8.RuneError)
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
