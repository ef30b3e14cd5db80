package prep

import (
	"bytes"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// frontMatter is Meta as it is written at the top of a document.
type frontMatter struct {
	ID         string `yaml:"id"`
	Title      string `yaml:"title"`
	Subtitle   string `yaml:"subtitle,omitempty"`
	Short      string `yaml:"short,omitempty"`
	Author     string `yaml:"author"`
	Editor     string `yaml:"editor,omitempty"`
	Translator string `yaml:"translator,omitempty"`
	Year       string `yaml:"year,omitempty"`
	Publisher  string `yaml:"publisher,omitempty"`
	Source     string `yaml:"source,omitempty"`
}

// Emit writes the document: front matter, then one Markdown block per
// Block, separated by blank lines. Text is escaped so that Markdown shows
// it as written: nothing in the work's words becomes markup.
func Emit(m Meta, blocks []Block) []byte {
	var b bytes.Buffer
	b.WriteString("---\n")
	fm, err := yaml.Marshal(frontMatter(m))
	if err != nil {
		// Marshalling a struct of strings cannot fail.
		panic(err)
	}
	b.Write(fm)
	b.WriteString("---\n")
	for _, blk := range blocks {
		b.WriteString("\n")
		text := Escape(blk.Text)
		switch blk.Kind {
		case HeadingBlock:
			b.WriteString(strings.Repeat("#", blk.Level))
			b.WriteString(" ")
			b.WriteString(strings.TrimSuffix(text, "#"))
			if strings.HasSuffix(text, "#") {
				b.WriteString(`\#`)
			}
			if blk.Anchor != "" {
				b.WriteString(" {#" + blk.Anchor + "}")
			}
		case ListItem:
			b.WriteString("- ")
			b.WriteString(text)
		case Quote:
			b.WriteString("> ")
			b.WriteString(text)
		default:
			b.WriteString(text)
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

var (
	// tokenRE finds the tokens Escape leaves alone: page anchors, note
	// markers and note labels.
	tokenRE = regexp.MustCompile(`<!--page:[^>]*-->|\[\^[0-9A-Za-z]+\](?::)?`)
	// blockStartRE finds text that Markdown would read as a block marker
	// at the start of a line.
	blockStartRE = regexp.MustCompile(`^(?:[-+*=>#]|[0-9]{1,9}[.)])(?:\s|$)`)
	entityRE     = regexp.MustCompile(`^&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)
)

// Escape makes text safe to write as the content of a Markdown block:
// backslashes, emphasis and code marks, brackets, angle brackets, entity
// references and block markers at the start are escaped, leaving page
// anchors and note markers as they are.
func Escape(text string) string {
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
