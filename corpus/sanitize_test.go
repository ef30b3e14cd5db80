package corpus

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want    string
		invalid, controls bool
	}{
		{"clean", "Dühring — “Left”\n\tnext", "Dühring — “Left”\n\tnext", false, false},
		{"window title", "a\x1b]0;pwned\x07b", "a␛]0;pwned␇b", false, true},
		{"colour", "\x1b[31mred\x1b[0m", "␛[31mred␛[0m", false, true},
		{"clipboard", "\x1b]52;c;ZXZpbA==\x1b\\", "␛]52;c;ZXZpbA==␛\\", false, true},
		{"hyperlink", "\x1b]8;;http://x\x1b\\text\x1b]8;;\x1b\\", "␛]8;;http://x␛\\text␛]8;;␛\\", false, true},
		{"clear screen", "\x1b[2J\x1b[H", "␛[2J␛[H", false, true},
		{"C1 CSI", "a\u009b31mb", "a\ufffd31mb", false, true},
		{"bidi override", "abc\u202edcb", "abc\ufffddcb", false, true},
		{"backspace and bell", "x\by\a", "x␈y␇", false, true},
		{"NUL", "a\x00b", "a␀b", false, true},
		{"DEL", "a\x7fb", "a␡b", false, true},
		{"CRLF", "one\r\ntwo\r\n", "one\ntwo\n", false, false},
		{"CR alone", "one\rtwo\r\rthree\r", "one\ntwo\n\nthree\n", false, false},
		{"CR and CRLF", "one\r\r\ntwo", "one\n\ntwo", false, false},
		{"invalid UTF-8", "caf\xe9 ok", "caf\ufffd ok", true, false},
		{"truncated rune", "ab\xe2\x80", "ab\ufffd\ufffd", true, false},
	}
	for _, tt := range tests {
		got, invalid, controls := Sanitize(tt.in)
		if got != tt.want || invalid != tt.invalid || controls != tt.controls {
			t.Errorf("%s: Sanitize(%q) = %q, %v, %v; want %q, %v, %v", tt.name, tt.in, got, invalid, controls, tt.want, tt.invalid, tt.controls)
		}
	}
	if got := SanitizeLine("a\nb\tc\x1b"); got != "a␊b␉c␛" {
		t.Errorf("SanitizeLine = %q", got)
	}
}

func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"\x1b]0;t\x07", "caf\xe9", "\u202e", "ok\r\n", "\xc2\x9b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, _, _ := Sanitize(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Sanitize(%q) = %q: not UTF-8", s, got)
		}
		for _, r := range got {
			if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || isC1OrReordering(r) {
				t.Fatalf("Sanitize(%q) = %q: holds %U", s, got, r)
			}
		}
		if again, inv, ctl := Sanitize(got); again != got || inv || ctl {
			t.Fatalf("Sanitize is not idempotent on %q", got)
		}
		if strings.Contains(SanitizeLine(s), "\n") {
			t.Fatalf("SanitizeLine(%q) holds a newline", s)
		}
	})
}

func TestSanitizeReferences(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"none", "plain & simple", "plain & simple"},
		{"decimal", "x &#27;]0;t&#7; y", "x ␛]0;t␇ y"},
		{"hexadecimal", "&#x1b;[2J&#X1B;", "␛[2J␛"},
		{"without the semicolon", "&#27]0;t&#07 y &#7 z", "␛]0;t␇ y &#7 z"},
		{"zeros", "&#0000000027;&#x00000001b;", "␛␛"},
		{"round 32 bits", "&#4294967323;", "␛"},
		{"C1 left as controls", "&#157;0;t&#x9d;&#129;&#144;&#143;&#141;", "\ufffd0;t\ufffd\ufffd\ufffd\ufffd\ufffd"},
		{"Windows-1252", "&#150; &#155;2J", "&#150; &#155;2J"},
		{"reordering", "&#x202E;&#8238;&#x2066;&#8297;", "\ufffd\ufffd\ufffd\ufffd"},
		{"DEL and CR", "&#127;&#13;", "␡␍"},
		{"tab and newline as they are", "&#9;&#10;&Tab;&NewLine;", "&#9;&#10;&Tab;&NewLine;"},
		{"printable", "&#8212; &#x41; &amp;#27;", "&#8212; &#x41; &amp;#27;"},
		{"too short", "&#7", "&#7"},
		{"no digits", "&#; &#x; &#", "&#; &#x; &#"},
		{"NUL is U+FFFD", "&#0;", "&#0;"},
		{"nested", "&#&#27;27;", "&#␛27;"},
	}
	for _, tt := range tests {
		got, changed := sanitizeReferences(tt.in)
		if got != tt.want || changed != (tt.in != tt.want) {
			t.Errorf("%s: sanitizeReferences(%q) = %q, %v; want %q", tt.name, tt.in, got, changed, tt.want)
		}
	}
	if _, _, controls := sanitizeMarkdown("a &#27; b"); !controls {
		t.Error("a reference to a control is not reported")
	}
}

// FuzzSanitizeMarkdown: whatever a document holds, decoding its character
// references as glamour does yields nothing Sanitize would not keep.
func FuzzSanitizeMarkdown(f *testing.F) {
	for _, s := range []string{"&#27;]0;t&#7;", "&#x1b", "&#4294967323;", "&#157;", "&#x202e;", "&&#27;", "\r&#13;\x1b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		clean, _, _ := sanitizeMarkdown(s)
		for _, r := range html.UnescapeString(clean) {
			if !isShownAsIs(r) && r != utf8.RuneError {
				t.Fatalf("sanitizeMarkdown(%q) = %q, which decodes to %U", s, clean, r)
			}
		}
		if again, inv, ctl := sanitizeMarkdown(clean); again != clean || inv || ctl {
			t.Fatalf("sanitizeMarkdown is not idempotent on %q", clean)
		}
	})
}
