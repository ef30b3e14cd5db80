package corpus

//go:generate go run ./internal/prep/gen
