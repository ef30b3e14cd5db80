package prep

import (
	"reflect"
	"testing"
)

func TestCloseDashes(t *testing.T) {
	got := CloseDashes([]string{
		"outstripping\"— consequently",
		"resources —that is",
		"class— where is its",
		"a dash—closed already",
	})
	want := []string{
		"outstripping\"—consequently",
		"resources—that is",
		"class—where is its",
		"a dash—closed already",
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
}
