package corpustest

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// HostileMarkdown is a document for each attack of Escapes and more (the
// other string controls, a C1 OSC, character references that decode to
// controls, a tab), the attack written in every kind of block: the title,
// a heading, the text, a list, a quotation, a table, a link, code, HTML
// and emphasis.
func HostileMarkdown() []string {
	attacks := append([]string{}, Escapes...)
	attacks = append(attacks,
		"\x1bP+q544e\x1b\\", "\x1b_apc\x1b\\", "\x1b^pm\x1b\\", "\u009d0;c1\u009c",
		"&#27;]0;t&#7;", "&#x1b;]8;;http://e/&#x1b;\\", "&#27]52;c;eA==&#07", "&#157;0;t&#7;", "&#x202E;",
		"&#0000000027;[2J", "&#4294967323;[31m", "\t")
	var docs []string
	for _, a := range attacks {
		docs = append(docs, fmt.Sprintf("---\ntitle: \"%s\"\n---\n# Heading %s\n\nText %s text.\n\n- item %s\n  - nested %s\n\n> quote %s\n\n"+
			"| a %s | b |\n|---|---|\n| %s | c |\n\n[link %s](http://x/%s \"t%s\") <http://y/%s>\n\n`code %s`\n\n```\nfenced %s\n```\n\n<b>html %s</b>\n\n*em %s* **strong %s** ~~del %s~~\n",
			strings.ReplaceAll(a, `"`, ""), a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a, a))
	}
	return docs
}

// styleRE is the one escape sequence allowed to reach the terminal: SGR.
var styleRE = regexp.MustCompile("\x1b\\[[0-9;]*m")

// Unsafe says what in s, other than SGR styles, text and line ends, would
// reach the terminal: another escape sequence, a control, a character
// that reorders text, or invalid UTF-8. "" if nothing.
func Unsafe(s string) string {
	rest := styleRE.ReplaceAllString(s, "")
	if !utf8.ValidString(rest) {
		return "invalid UTF-8"
	}
	for i, r := range rest {
		control := r < 0x20 || 0x7f <= r && r <= 0x9f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069
		if r != '\n' && control {
			return fmt.Sprintf("%U in %q", r, rest[max(0, i-20):min(len(rest), i+20)])
		}
	}
	return ""
}
