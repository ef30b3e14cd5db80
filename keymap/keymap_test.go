package keymap

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

func press(s string) tea.KeyMsg {
	switch s {
	case " ":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune(" ")}
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func TestDefaultsMatchWhatTheTerminalSends(t *testing.T) {
	m := Default()
	tests := []struct {
		key  string
		want *key.Binding
	}{
		{"j", &m.Down},
		{"down", &m.Down},
		{"k", &m.Up},
		{" ", &m.PageDown},
		{"pgdown", &m.PageDown},
		{"b", &m.PageUp},
		{"d", &m.HalfDown},
		{"u", &m.HalfUp},
		{"g", &m.Top},
		{"G", &m.Bottom},
		{"]", &m.NextSection},
		{"[", &m.PrevSection},
		{"}", &m.NextDoc},
		{"{", &m.PrevDoc},
		{"%", &m.Percent},
		{"t", &m.ToggleTOC},
		{"?", &m.Help},
		{"q", &m.Quit},
		{"ctrl+c", &m.ForceQuit},
		{"enter", &m.Open},
		{"esc", &m.Back},
		{"o", &m.GoTo},
		{"m", &m.SetMark},
		{"'", &m.GoToMark},
		{"`", &m.GoToMark},
		{"M", &m.Marks},
		{"D", &m.DeleteMark},
		{"*", &m.ShowNote},
		{"enter", &m.FollowNote},
		{"c", &m.Cite},
	}
	for _, tt := range tests {
		if !key.Matches(press(tt.key), *tt.want) {
			t.Errorf("%q does not match %v", tt.key, tt.want.Keys())
		}
	}
}

func TestDefaultsHaveNoConflicts(t *testing.T) {
	bound := bindingsWith(nil)
	for i := range actions {
		for j := i + 1; j < len(actions); j++ {
			if actions[i].Contexts&actions[j].Contexts == 0 {
				continue
			}
			for _, k := range bound[i] {
				if slices.Contains(bound[j], k) {
					t.Errorf("%q is bound to both %s and %s", k, actions[i].Name, actions[j].Name)
				}
			}
		}
	}
	for _, a := range actions {
		for _, k := range a.Defaults {
			if err := checkKey(k); err != nil {
				t.Errorf("%s: default %v", a.Name, err)
			}
		}
		if a.Help == "" || a.Group == "" || a.Contexts == 0 {
			t.Errorf("%s: missing help, group or contexts", a.Name)
		}
	}
}

func TestParse(t *testing.T) {
	tests := []struct {
		name     string
		config   string
		check    func(t *testing.T, m Map)
		problems []string // substrings, one per problem, in order
	}{
		{
			name:   "no keys table",
			config: "theme = \"dark\"\n",
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("j"), m.Down) {
					t.Error("defaults lost")
				}
			},
		},
		{
			name:   "rebind with a string and a list",
			config: "[keys]\nquit = \"x\"\ndown = [\"i\", \"down\"]\n",
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("x"), m.Quit) || key.Matches(press("q"), m.Quit) {
					t.Errorf("quit = %v", m.Quit.Keys())
				}
				if !key.Matches(press("i"), m.Down) || key.Matches(press("j"), m.Down) {
					t.Errorf("down = %v", m.Down.Keys())
				}
			},
		},
		{
			name:   "aliases",
			config: "[keys]\npage-down = [\"space\", \"PageDown\"]\n",
			check: func(t *testing.T, m Map) {
				if !key.Matches(press(" "), m.PageDown) || !key.Matches(press("pgdown"), m.PageDown) {
					t.Errorf("page-down = %v", m.PageDown.Keys())
				}
			},
		},
		{
			name:   "unbind",
			config: "[keys]\nnext-document = []\n",
			check: func(t *testing.T, m Map) {
				if m.NextDoc.Enabled() {
					t.Error("next-document still bound")
				}
			},
		},
		{
			name:     "unknown action names its line and a suggestion",
			config:   "# my keys\n[keys]\nquit = \"x\"\nnext-sectoin = \"n\"\n",
			problems: []string{`line 4: unknown action "next-sectoin"; did you mean next-section`},
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("x"), m.Quit) {
					t.Error("the good line was not applied")
				}
			},
		},
		{
			name:     "a key that does not parse keeps the defaults",
			config:   "[keys]\ndown = [\"j\", \"ctlr+x\"]\n",
			problems: []string{`line 2: down: "ctlr+x" is not a key`},
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("e"), m.Down) {
					t.Errorf("down = %v, want the defaults", m.Down.Keys())
				}
			},
		},
		{
			name:     "shift+letter gets a hint",
			config:   "[keys]\nbottom = \"shift+g\"\n",
			problems: []string{`write "G" for shift+g`},
		},
		{
			name:     "not a string",
			config:   "[keys]\ntop = 3\n",
			problems: []string{`line 2: top: want a key or a list of keys`},
		},
		{
			name:     "two actions on one key: the later line keeps its defaults",
			config:   "[keys]\ntop = \"x\"\nbottom = \"x\"\n",
			problems: []string{`line 3: "x" is already bound to top; bottom keeps its default keys (G end >)`},
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("x"), m.Top) || !key.Matches(press("G"), m.Bottom) {
					t.Errorf("top = %v, bottom = %v", m.Top.Keys(), m.Bottom.Keys())
				}
			},
		},
		{
			name:     "a key taken by another action's defaults",
			config:   "[keys]\ntoggle-contents = \"j\"\n",
			problems: []string{`line 2: "j" is already bound to down; toggle-contents keeps its default keys (t)`},
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("t"), m.ToggleTOC) {
					t.Error("toggle-contents lost its default")
				}
			},
		},
		{
			name:   "moving a default key away frees it, whatever the order",
			config: "[keys]\ndown = \"q\"\nquit = \"x\"\n",
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("q"), m.Down) || !key.Matches(press("x"), m.Quit) {
					t.Errorf("down = %v, quit = %v", m.Down.Keys(), m.Quit.Keys())
				}
			},
		},
		{
			name:   "one key in places never read together is no conflict",
			config: "[keys]\nopen = \"x\"\naccept = \"x\"\n",
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("x"), m.Open) || !key.Matches(press("x"), m.Accept) {
					t.Error("x not bound to both")
				}
			},
		},
		{
			name:     "syntax error names its line and keeps every default",
			config:   "[keys]\nquit = \"x\"\ndown = \n",
			problems: []string{"line 3:"},
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("q"), m.Quit) {
					t.Error("defaults lost")
				}
			},
		},
		{
			name:     "keys not a table",
			config:   "theme = \"dark\"\nkeys = \"q\"\n",
			problems: []string{`line 2: keys must be a table of actions and their keys ([keys], then down = ["j", "down"]), not the string "q"; keeping the default keys`},
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("q"), m.Quit) {
					t.Error("defaults lost")
				}
			},
		},
		{
			name:   "quit, force-quit and back unbound: ctrl+c still quits and esc still closes",
			config: "[keys]\nquit = []\nforce-quit = []\nback = []\n",
			problems: []string{
				`line 3: force-quit must keep "ctrl+c", which always quits (add keys beside it: ["ctrl+c", "ctrl+q"]); keeping its default keys (ctrl+c)`,
				`line 4: back must have a key: it is the only one that closes the go-to prompt and the search bar; keeping its default keys (esc)`,
			},
			check: func(t *testing.T, m Map) {
				if m.Quit.Enabled() {
					t.Error("quit was not unbound, as it may be")
				}
				if !key.Matches(tea.KeyMsg{Type: tea.KeyCtrlC}, m.ForceQuit) || !key.Matches(tea.KeyMsg{Type: tea.KeyEsc}, m.Back) {
					t.Errorf("force-quit = %v, back = %v", m.ForceQuit.Keys(), m.Back.Keys())
				}
			},
		},
		{
			name:     "force-quit moved off ctrl+c",
			config:   "[keys]\nforce-quit = \"ctrl+q\"\n",
			problems: []string{`line 2: force-quit must keep "ctrl+c"`},
			check: func(t *testing.T, m Map) {
				if key.Matches(tea.KeyMsg{Type: tea.KeyCtrlQ}, m.ForceQuit) {
					t.Error("ctrl+q bound without ctrl+c")
				}
			},
		},
		{
			name:   "force-quit given another key beside ctrl+c",
			config: "[keys]\nforce-quit = [\"ctrl+c\", \"ctrl+q\"]\n",
			check: func(t *testing.T, m Map) {
				if !key.Matches(tea.KeyMsg{Type: tea.KeyCtrlQ}, m.ForceQuit) || !key.Matches(tea.KeyMsg{Type: tea.KeyCtrlC}, m.ForceQuit) {
					t.Errorf("force-quit = %v", m.ForceQuit.Keys())
				}
			},
		},
		{
			name:     "ctrl+c taken for another action, anywhere",
			config:   "[keys]\nforce-quit = [\"ctrl+c\", \"ctrl+q\"]\nsearch-scope = \"ctrl+c\"\n",
			problems: []string{`line 3: "ctrl+c" is already bound to force-quit; search-scope keeps its default keys (ctrl+t)`},
			check: func(t *testing.T, m Map) {
				if !key.Matches(tea.KeyMsg{Type: tea.KeyCtrlC}, m.ForceQuit) {
					t.Errorf("force-quit = %v", m.ForceQuit.Keys())
				}
			},
		},
		{
			name:   "quoted and dotted names",
			config: "keys.quit = \"x\"\n",
			check: func(t *testing.T, m Map) {
				if !key.Matches(press("x"), m.Quit) {
					t.Error("dotted key not applied")
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, problems := Parse([]byte(tt.config))
			if len(problems) != len(tt.problems) {
				t.Fatalf("problems = %v, want %d", problems, len(tt.problems))
			}
			for i, p := range problems {
				if !strings.Contains(p.Error(), tt.problems[i]) {
					t.Errorf("problem %d = %q, want it to contain %q", i, p.Error(), tt.problems[i])
				}
			}
			if tt.check != nil {
				tt.check(t, m)
			}
		})
	}
}

func TestGroupsAndTable(t *testing.T) {
	m := Default()
	groups := m.Groups()
	var titles []string
	n := 0
	for _, g := range groups {
		titles = append(titles, g.Title)
		n += len(g.Bindings)
	}
	want := []string{GroupMoving, GroupReading, GroupPlaces, GroupKept, GroupContents, GroupGoTo, GroupSearch, GroupAnywhere}
	if !slices.Equal(titles, want) {
		t.Errorf("groups = %q, want %q", titles, want)
	}
	if n != len(actions) {
		t.Errorf("%d bindings in help, want %d", n, len(actions))
	}
	md := m.Markdown()
	for _, s := range []string{"`space`", "`next-section`", "| **Reading** |", "`'` `` ` ``"} {
		if !strings.Contains(md, s) {
			t.Errorf("markdown table lacks %q:\n%s", s, md)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("[keys]\nquit = \"x\"\n")
	f.Add("[keys]\ndown = [\"j\", \"j\", \"space\"]\nup = \"j\"\n")
	f.Add("[keys]\n\"top\" = 'g'\n[other]\nx = 1\n")
	f.Add("[keys]\nforce-quit = [\"ctrl+c\", \"x\"]\nback = []\ndown = \"ctrl+c\"\n")
	f.Fuzz(func(t *testing.T, src string) {
		m, _ := Parse([]byte(src))
		// There is always a way out.
		if !key.Matches(tea.KeyMsg{Type: tea.KeyCtrlC}, m.ForceQuit) || !m.Back.Enabled() || len(m.Back.Keys()) == 0 {
			t.Fatalf("no way out: force-quit %v, back %v", m.ForceQuit.Keys(), m.Back.Keys())
		}
		bound := make([][]string, len(actions))
		for i, a := range actions {
			bound[i] = a.field(&m).Keys()
			if !a.field(&m).Enabled() {
				bound[i] = nil
			}
		}
		for i := range actions {
			for j := i + 1; j < len(actions); j++ {
				if actions[i].Contexts&actions[j].Contexts == 0 {
					continue
				}
				for _, k := range bound[i] {
					if slices.Contains(bound[j], k) {
						t.Fatalf("%q bound to %s and %s", k, actions[i].Name, actions[j].Name)
					}
				}
			}
		}
	})
}
