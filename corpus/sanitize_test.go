package corpus

import (
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
		{"CRLF", "one\r\ntwo\rthree", "one\ntwo␍three", false, true},
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
