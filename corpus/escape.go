package corpus

import (
	"regexp"
	"strings"
)

var (
	// tokenRE finds the tokens Escape leaves alone: page anchors, note
	// markers and note labels.
	tokenRE = regexp.MustCompile(`<!--page:[^>]*-->|\[\^[0-9A-Za-z]+\](?::)?`)
	// blockStartRE finds text that Markdown would read as a block marker
	// at the start of a line.
	blockStartRE = regexp.MustCompile(`^(?:[-+*=>#]|[0-9]{1,9}[.)])(?:\s|$)`)
	entityRE     = regexp.MustCompile(`^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
)

// EscapeMarkdown makes text safe to write as the content of a Markdown
// block, so that Markdown shows it as written: backslashes, emphasis and
// code marks, brackets, angle brackets, entity references and block
// markers at the start are escaped, leaving page anchors and note markers
// as they are.
func EscapeMarkdown(text string) string {
	var b strings.Builder
	last := 0
	for _, loc := range tokenRE.FindAllStringIndex(text, -1) {
		escapeRun(&b, text[last:loc[0]], last == 0)
		b.WriteString(text[loc[0]:loc[1]])
		last = loc[1]
	}
	escapeRun(&b, text[last:], last == 0)
	return b.String()
}

func escapeRun(b *strings.Builder, s string, atStart bool) {
	if atStart {
		if m := blockStartRE.FindStringIndex(s); m != nil {
			// Escape the marker's punctuation: "\#", "\-", "1917\."
			end := m[1]
			for end > 0 && (s[end-1] == ' ' || s[end-1] == '\t') {
				end--
			}
			b.WriteString(s[:end-1])
			b.WriteString(`\`)
			b.WriteString(s[end-1 : m[1]])
			s = s[m[1]:]
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']', '<', '~', '|':
			b.WriteByte('\\')
		case '&':
			if entityRE.MatchString(s[i:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
}
