package main

import (
	"os"
	"strings"
	"testing"

	"samizdat/keymap"
)

// TestREADMEKeys keeps the key table of the README in step with the
// keymap: regenerate it with keymap.Default().Markdown() when this fails.
func TestREADMEKeys(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), keymap.Default().Markdown()) {
		t.Error("README.md's key table differs from keymap.Default().Markdown()")
	}
}
