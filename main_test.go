package main

import (
	"os"
	"testing"
)

// TestMain lets a test run the test binary as the samizdat command, for
// the shells' completion scripts to call back: with SAMIZDAT_TEST_AS_MAIN
// set, it runs the command line it was given and exits.
func TestMain(m *testing.M) {
	if os.Getenv("SAMIZDAT_TEST_AS_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}
