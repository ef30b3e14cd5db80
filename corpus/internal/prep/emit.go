package prep

import (
	"bytes"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"samizdat/corpus"
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
// it as written: nothing in the work's words becomes markup. An editor's
// note is set in italics; the paragraphs of a note after its first are
// indented, as Markdown continues a footnote.
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
		text := escapeBlock(blk.Text)
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
		case EditorNote:
			b.WriteString("*" + text + "*")
		default:
			paras := strings.Split(blk.Text, NoteBreak)
			b.WriteString(escapeBlock(paras[0]))
			for _, p := range paras[1:] {
				b.WriteString("\n\n    " + escapeBlock(p))
			}
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// leadRE finds the tokens a block's text may begin with: a note's label
// and page anchors. The text after them begins the line for Markdown (a
// reader takes the anchors out, a footnote's text begins after its label)
// and is escaped as the start of a line.
var leadRE = regexp.MustCompile(`^(?:\[\^[0-9A-Za-z]+\]: )?(?:<!--page:[^>]*-->)*`)

// escapeBlock escapes the text of a block.
func escapeBlock(text string) string {
	lead := leadRE.FindString(text)
	return lead + corpus.EscapeMarkdown(text[len(lead):])
}
