// Command man writes microrest's manual page, microrest(1), from the text
// `microrest --help` prints, so the page and the help cannot drift apart:
// the help is the one source, this only lays it out for man.
//
//	go run ./packaging/man -bin dist/build/linux/microrest -date 2026-12-01 > microrest.1
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"strings"
)

func main() {
	bin := flag.String("bin", "./microrest", "the microrest binary whose help to lay out")
	date := flag.String("date", "", "the page's date, YYYY-MM-DD (the release's)")
	flag.Parse()
	help, err := helpText(*bin)
	if err == nil {
		var page string
		if page, err = roff(help, *date); err == nil {
			_, err = os.Stdout.WriteString(page)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "man:", err)
		os.Exit(1)
	}
}

// helpText runs the binary's --help in an empty home, so paths it prints
// under the home directory come out as "~" whoever builds the page.
func helpText(bin string) (string, error) {
	home, err := os.MkdirTemp("", "microrest-man-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(home)
	cmd := exec.Command(bin, "--help")
	cmd.Env = []string{"HOME=" + home, "LANG=C.UTF-8", "PATH=/usr/bin:/bin"}
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s --help: %w", bin, err)
	}
	return strings.ReplaceAll(string(out), home, "~"), nil
}
