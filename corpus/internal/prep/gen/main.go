// Command gen prepares the embedded edition: it runs every recipe over its
// raw source in sources/ and writes the document to docs/<id>.md, then the
// people index of the edition to docs/people.json. It is run
// by `go generate ./corpus`, from the corpus directory.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"samizdat/corpus/internal/prep"
)

func main() {
	if err := run("sources", "docs"); err != nil {
		fmt.Fprintln(os.Stderr, "prepare:", err)
		os.Exit(1)
	}
}

func run(sources, docs string) error {
	prepared := map[string][]byte{}
	for _, r := range prep.Recipes() {
		raw, err := os.ReadFile(filepath.Join(sources, r.Source))
		if err != nil {
			return err
		}
		out, err := prep.Prepare(r, string(raw))
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(docs, r.Meta.ID+".md"), out, 0o644); err != nil {
			return err
		}
		prepared[r.Meta.ID] = out
	}
	people, err := prep.People(prepared)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(docs, "people.json"), people, 0o644)
}
