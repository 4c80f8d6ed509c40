// Command microrest threads short recovery moments through a working day:
// a tiny tray daemon, a command line that steers it, and Fyne windows on
// demand.
package main

import (
	_ "embed"
	"os"

	"github.com/microrest/microrest/cli"
)

// appMetadata is the one place the name, id and version are written; fyne
// package reads the same file.
//
//go:embed FyneApp.toml
var appMetadata []byte

func main() {
	os.Exit(cli.Main(appMetadata, os.Args[1:], os.Stdout, os.Stderr))
}
