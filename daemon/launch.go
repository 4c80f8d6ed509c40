package daemon

import (
	"fmt"
	"os"
	"os/exec"
)

// launchUI starts the Fyne UI process for one window. The daemon does not
// wait for the window; it only reaps the process when it exits.
func launchUI(verb string) error {
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("find microrest's own binary: %w", err)
	}
	cmd := exec.Command(exe, verb)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start the %s window: %w", verb, err)
	}
	go func() { _ = cmd.Wait() }()
	return nil
}
