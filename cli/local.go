package cli

import (
	"fmt"

	"github.com/microrest/microrest/autostart"
)

// runAutostart works without the daemon: the state lives in the system.
func runAutostart(e *env, args []string) int {
	if len(args) != 1 {
		return usageErr(e, "autostart takes on, off or status.")
	}
	switch args[0] {
	case "status":
	case "on", "off":
		exe, err := autostart.Executable()
		if err == nil {
			err = autostart.Set(args[0] == "on", exe)
		}
		if err != nil {
			fmt.Fprintln(e.stderr, "microrest:", err)
			return ExitError
		}
	default:
		return usageErr(e, "autostart takes on, off or status, not %q.", args[0])
	}
	on, err := autostart.Enabled()
	if err != nil {
		fmt.Fprintln(e.stderr, "microrest:", err)
		return ExitError
	}
	state := "off"
	if on {
		state = "on"
	}
	fmt.Fprintf(e.stdout, "Autostart is %s (%s).\n", state, autostart.Where())
	return ExitOK
}
