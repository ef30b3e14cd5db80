package lenient

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestFieldCostsOnlyItself(t *testing.T) {
	obj, ok := Members(json.RawMessage(`{"name": 5, "Count": 3, "count": 4, "when": "yesterday", "list": {}}`))
	if !ok {
		t.Fatal("an object was not read as one")
	}
	var d Decoder
	name := "kept?"
	var count int
	var when time.Time
	var list []int
	if d.Field(obj, "name", &name, " in a test") || name != "" {
		t.Errorf("a number read as a string: %q", name)
	}
	if !d.Field(obj, "count", &count, "") || count != 4 {
		t.Errorf("count = %d, want the last key in any case (4)", count)
	}
	if d.Field(obj, "when", &when, "") || d.Field(obj, "list", &list, "") {
		t.Error("a wrong time or list was read")
	}
	if !d.Field(obj, "absent", &count, "") {
		t.Error("a field not there is a problem")
	}
	got := d.Summary()
	want := `had "name" in a test as a number where a string belongs, and 2 other problems`
	if got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
}

func TestObjectAndSyntax(t *testing.T) {
	var d Decoder
	if _, ok := d.Object(json.RawMessage(`[1]`), "a mark (\"a\")"); ok {
		t.Error("an array read as an object")
	}
	if got := d.Summary(); got != `had a mark ("a") that could not be read` {
		t.Errorf("summary = %q", got)
	}
	if CheckSyntax([]byte(`{"a": 1}`)) != nil {
		t.Error("valid JSON refused")
	}
	err := CheckSyntax([]byte(`{"a": 1`))
	if err == nil || ShortError(err) != "it ends too soon" {
		t.Errorf("a cut file: %v", err)
	}
	if err := CheckSyntax([]byte(`{"a": x}`)); err == nil || !strings.Contains(ShortError(err), "at byte 7") {
		t.Errorf("a bad byte: %v", err)
	}
}
