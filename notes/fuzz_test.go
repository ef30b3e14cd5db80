package notes

import (
	"strings"
	"testing"
	"time"
)

// FuzzDecode: whatever a notes file holds, reading it keeps only notes
// that are notes (an id, a work, a passage), shows nothing that could
// reach the terminal as a control, takes no time later than now, and from
// a good file cut anywhere keeps only notes that file held, unchanged.
func FuzzDecode(f *testing.F) {
	d := parseDoc(f, testDoc)
	s := NewSet()
	s.Now = newClock().now
	for _, words := range []string{"The bourgeois", "economic successes", "three principal"} {
		n := keep(f, s, d, "", words)
		s.SetComment(n.ID, "a note\nof two lines, \x1b]0;a title\x07")
	}
	all := newFile()
	all.Libraries["embedded"] = &library{Notes: s.all()}
	good, err := encode(all, MaxFileSize)
	if err != nil {
		f.Fatal(err)
	}
	whole, problem := decode(good, testTime)
	if problem != "" {
		f.Fatalf("the sample file: %s", problem)
	}
	kept := map[string]Note{}
	for _, n := range whole.Libraries["embedded"].Notes {
		kept[n.ID] = n
	}
	f.Add([]byte(`{"version":1,"libraries":{"e":{"notes":[{"id":"x","doc":"d","start":5,"end":2,"text":"t"}]}}}`), 0)
	f.Add([]byte(`{"version":1,"libraries":{"e":{"notes":[{"id":7,"doc":"d","start":1,"end":2,"text":"t","note":["x"]}]}}}`), len(good)/2)
	f.Add([]byte("\x00\xff{[["), len(good)-3)
	f.Add([]byte(`{"version":1,"libraries":{"e":{"notes":[{"id":"x","doc":"d","start":1,"end":2,"text":"\u001b[31m","created":"2999-01-01T00:00:00Z"}]}}}`), 17)
	f.Fuzz(func(t *testing.T, junk []byte, cut int) {
		got, _ := decode(junk, testTime)
		for _, l := range got.Libraries {
			for _, n := range l.Notes {
				if !valid(n) {
					t.Fatalf("a note that is none kept: %+v", n)
				}
				for _, s := range []string{n.ID, n.Doc, n.Text, n.Before, n.After, n.Comment} {
					if strings.ContainsAny(s, "\x1b\x07\u009b") {
						t.Fatalf("a control kept in %q", s)
					}
				}
				if n.Created.After(testTime) || n.Modified.After(testTime) {
					t.Fatalf("a time after now kept: %+v", n)
				}
			}
		}
		if cut < 0 || cut >= len(good) {
			return
		}
		salvaged, _ := decode(good[:cut], testTime)
		for _, l := range salvaged.Libraries {
			for _, n := range l.Notes {
				if want, ok := kept[n.ID]; !ok || !sameNote(n, want) {
					t.Fatalf("cut at %d: %+v is not as the file held it (%+v)", cut, n, want)
				}
			}
		}
	})
}

func sameNote(a, b Note) bool {
	return a.ID == b.ID && a.Doc == b.Doc && a.Start == b.Start && a.End == b.End && a.Text == b.Text &&
		a.Comment == b.Comment && a.Created.Equal(b.Created) && a.Rev == b.Rev && a.Deleted == b.Deleted
}

// testTime is the time the fuzz test decodes at: after every time the
// sample's clock writes.
var testTime = time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)
