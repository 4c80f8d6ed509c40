//go:build ignore

// Command main compiles the catalogs of locales/ into catalogs_gen.go;
// `go generate ./i18n/` runs it in the i18n directory.
package main

import (
	"log"
	"os"

	"github.com/microrest/microrest/i18n/gen"
)

func main() {
	log.SetFlags(0)
	src, err := gen.Source(gen.Dir)
	if err != nil {
		log.Fatalf("compile the catalogs: %v", err)
	}
	if err := os.WriteFile(gen.File, src, 0o644); err != nil {
		log.Fatalf("compile the catalogs: %v", err)
	}
}
