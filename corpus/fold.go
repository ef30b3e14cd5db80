package corpus

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// Folding makes a search forgive what a reader does not type: case,
// diacritics (Dühring = Duhring), typographic quotes and dashes, the
// ellipsis, and how white space runs. Text and query are folded by the same
// rules, so a folded query is a substring of the folded text wherever the
// reader would say it occurs.
//
// The rules, rune by rune:
//   - a run of white space becomes one space; a paragraph break, which
//     no query can cross, becomes a newline;
//   - curly and other typographic apostrophes and quotes become ' and ";
//   - hyphens, dashes and the minus sign become -, and the white space
//     around them goes: a dash set close (Stalin—the) and one spaced
//     (Stalin - the) are the same dash;
//   - compatibility forms decompose (… → ..., ﬁ → fi) and combining marks
//     are dropped (ü → u, й → и);
//   - with lower set, letters are case-folded (ß → ss).

// foldRune returns the folded form of r, without the white space rule.
func foldRune(r rune, lower bool) string {
	if r < utf8.RuneSelf {
		if lower && 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return asciiStrings[r]
	}
	if lower {
		if s, ok := foldCache.Load(r); ok {
			return s.(string)
		}
	}
	s := foldSlow(r, lower)
	if lower {
		foldCache.Store(r, s)
	}
	return s
}

var (
	foldCache    sync.Map // rune → string, for lower folding of non-ASCII runes
	asciiStrings [utf8.RuneSelf]string
	caseFolder   = cases.Fold()
)

func init() {
	for i := range asciiStrings {
		asciiStrings[i] = string(rune(i))
	}
}

func foldSlow(r rune, lower bool) string {
	switch r {
	case '‘', '’', '‚', '‛', '′', '´', 'ʼ', '`':
		return "'"
	case '“', '”', '„', '‟', '″', '«', '»':
		return `"`
	case '‐', '‑', '‒', '–', '—', '―', '−', '⁃':
		return "-"
	}
	var b strings.Builder
	for _, d := range norm.NFKD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		b.WriteRune(d)
	}
	s := b.String()
	if lower {
		s = caseFolder.String(s)
	}
	if s == "" {
		// A lone combining mark: keep it rather than lose a character.
		return string(r)
	}
	return s
}

// Fold returns the folded form of s, lowercased when lower is set.
func Fold(s string, lower bool) string {
	f := folder{lower: lower, out: make([]byte, 0, len(s))}
	f.fold(s, 0)
	return string(f.out)
}

// folder folds text and, when it keeps a map, records where each folded
// byte came from.
type folder struct {
	out   []byte
	lower bool
	keep  bool
	marks []foldMark
	space bool // the last byte written was a folded white space
}

// foldMark says that folded byte fold came from source byte src; from
// there, while exact, the two advance together.
type foldMark struct {
	fold, src int32
	exact     bool
}

func (f *folder) mark(src int, exact bool) {
	if !f.keep {
		return
	}
	pos := int32(len(f.out))
	if n := len(f.marks); n > 0 {
		last := f.marks[n-1]
		if exact && last.exact && int(last.src)+int(pos-last.fold) == src {
			return // continues the exact run
		}
		if last.fold == pos {
			f.marks[n-1] = foldMark{pos, int32(src), exact}
			return
		}
	}
	f.marks = append(f.marks, foldMark{pos, int32(src), exact})
}

// fold appends the folded form of s, whose first byte is byte base of the
// source.
func (f *folder) fold(s string, base int) {
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\n' && i+1 < len(s) && s[i+1] == '\n' {
			// A paragraph break.
			f.trimSpace()
			f.mark(base+i, false)
			f.out = append(f.out, '\n')
			f.space = true
			i += 2
			for i < len(s) && isSpaceByte(s[i]) {
				i++
			}
			continue
		}
		if c < utf8.RuneSelf {
			if isSpaceByte(c) {
				if !f.space {
					f.mark(base+i, true)
					f.out = append(f.out, ' ')
					f.space = true
				}
				i++
				continue
			}
			if f.lower && 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == '-' {
				f.dash(base+i, true)
				i++
				continue
			}
			f.mark(base+i, true)
			f.out = append(f.out, c)
			f.space = false
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			if !f.space {
				f.mark(base+i, false)
				f.out = append(f.out, ' ')
				f.space = true
			}
			i += size
			continue
		}
		folded := foldRune(r, f.lower)
		if folded == "" {
			i += size
			continue
		}
		if folded == "-" {
			f.dash(base+i, false)
			i += size
			continue
		}
		f.mark(base+i, folded == s[i:i+size])
		f.out = append(f.out, folded...)
		f.space = false
		i += size
	}
}

// dash writes a dash from source byte src with no space on either side:
// the space before it is taken back, and the space after it is skipped as
// a space after a space is.
func (f *folder) dash(src int, exact bool) {
	if n := len(f.out); n > 0 && f.out[n-1] == ' ' {
		f.trimSpace()
	}
	f.mark(src, exact)
	f.out = append(f.out, '-')
	f.space = true
}

// trimSpace drops a folded space just written, so that a paragraph break
// stands alone.
func (f *folder) trimSpace() {
	n := len(f.out)
	if !f.space || n == 0 || f.out[n-1] != ' ' {
		return
	}
	f.out = f.out[:n-1]
	for len(f.marks) > 0 && int(f.marks[len(f.marks)-1].fold) >= n-1 {
		f.marks = f.marks[:len(f.marks)-1]
	}
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}
