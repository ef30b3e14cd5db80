// Package corpustest helps tests of the reader: it writes a folder of
// broken and hostile files, the kind a reader's own library may hold, for
// tests to run the program over.
package corpustest

import (
	"bytes"
	"os"
	"path/filepath"
)

// Escapes are the terminal attacks the files carry: a new window title,
// a clipboard write, a fake hyperlink, a cleared screen, colour, a C1
// control and a bidirectional override.
var Escapes = []string{
	"\x1b]0;pwned\x07",
	"\x1b]52;c;ZXZpbA==\x1b\\",
	"\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\",
	"\x1b[2J\x1b[H",
	"\x1b[31m",
	"\u009b31m",
	"\u202e",
}

// Files lists what WriteHostile creates, by name, with what it is.
var Files = map[string]string{
	"good.md":                 "an ordinary document",
	"plain.txt":               "a plain-text document",
	"escapes.md":              "escape sequences in the title, headings and text",
	"\x1b]0;name\x07title.md": "an escape sequence in the file name",
	"latin1.txt":              "invalid UTF-8",
	"binary.md":               "NUL bytes",
	"empty.md":                "no bytes at all",
	"big.txt":                 "one line larger than the size cap the tests set",
	"sub/nested.markdown":     "a document in a subfolder",
	"loop":                    "a link to its own folder",
	"broken.md":               "a link to nothing",
	"outside.md":              "a link to a file outside the folder",
	"image.png":               "a file that is not a document",
	"frontmatter.md":          "front matter with a title, author and a newline in the title",
	"bad-frontmatter.md":      "front matter that is not YAML",
	"references.md":           "escape sequences written as character references, in every kind of block",
}

// References is a document that writes terminal attacks as character
// references, which a Markdown renderer decodes after the raw bytes have
// been made safe: in the title, a heading, the text, a link, a table, a
// list, a quotation, code and HTML, decimal and hexadecimal, with and
// without the ";", padded with zeros, wrapped round 32 bits, and through
// the C1 controls and Windows-1252 numbers.
const References = `---
title: "Refs &#27;]0;title&#7;"
author: "&#x1b;]0;author&#x7;"
---
# Heading &#27;]0;heading&#7;

Text &#27;]0;PWNED&#7; and &#x1b;]52;c;SGFja2Vk&#x07; and &#27]2;semi&#7 end.
A link &#27;]8;;http://evil.example/&#27;\click&#27;]8;;&#27;\ and &#x9b;2J &#155;2J &#157;0;c1&#7;.
DCS &#x1B;P+q544e&#x1B;\ APC &#27;_apc&#27;\ and gnp.exe&#x202E; &#8238; &#x2066;.
Padded &#0000000027;[31m, wrapped &#4294967323;[1m, &#X1B;[0m and &#x00000001b;[2J.

[link &#27;]0;linktext&#7;](http://a&#27;]0;dest&#7;b "t&#27;]0;title&#7;") and <http://x&#27;]0;auto&#7;>

| a &#27;]0;cell&#7; | b |
|---|---|
| &#x1B;[2J | &#27;]0;cell2&#7; |

- item &#27;]0;list&#7;
- second &#x1b;]0;list2&#x7;

> quote &#27;]0;quote&#7;

` + "`code &#27;]0;code&#7;`" + `

<b>&#27;]0;html&#7;</b>

Kept as they are: &#150; &#8212; &amp; &#9;tab &Tab;tab.
`

// BigSize is the size of big.txt; tests set a cap below it.
const BigSize = 2 << 20

// WriteHostile creates the hostile files in dir, and one file outside it (in
// outside, which must not be below dir) for the link that leads out.
func WriteHostile(dir, outside string) error {
	esc := bytes.Join(toBytes(Escapes), []byte(" "))
	files := map[string][]byte{
		"good.md":   []byte("# Good\n\nA plain paragraph about Thermidor.\n"),
		"plain.txt": []byte("A text file\nwrapped by hand.\n\nSecond paragraph with *stars* and # hash.\n"),
		"escapes.md": append(append([]byte("---\ntitle: \"Evil \\e]0;title\\a\"\n---\n# Heading "), esc...),
			append([]byte("\n\nBody "), append(esc, []byte(" Thermidor.\n")...)...)...),
		"\x1b]0;name\x07title.md": []byte("# Named badly\n\nText.\n"),
		"latin1.txt":              []byte("caf\xe9 cr\xe8me, Thermidor\n"),
		"binary.md":               append([]byte("# Looks like text\n"), 0, 1, 2, 3, 0, 0xff),
		"empty.md":                nil,
		"big.txt":                 bytes.Repeat([]byte("a"), BigSize),
		"sub/nested.markdown":     []byte("Nested\n======\n\nIn a subfolder.\n"),
		"image.png":               {0x89, 'P', 'N', 'G', 0},
		"frontmatter.md":          []byte("---\ntitle: \"Two\\nLines\"\nauthor: Someone\n---\nText.\n"),
		"bad-frontmatter.md":      []byte("---\ntitle: [unclosed\n---\nText after broken front matter.\n"),
		"references.md":           []byte(References),
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
	secret := filepath.Join(outside, "secret.md")
	if err := os.WriteFile(secret, []byte("# Secret\n\nNot in the folder.\n"), 0o644); err != nil {
		return err
	}
	links := map[string]string{
		"loop":       ".",
		"broken.md":  "nowhere.md",
		"outside.md": secret,
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			return err
		}
	}
	return nil
}

func toBytes(ss []string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}
