package cli

import (
	"fmt"
	"strconv"

	"github.com/microrest/microrest/autostart"
	"github.com/microrest/microrest/i18n"
)

// runAutostart works without the daemon: the state lives in the system.
func runAutostart(e *env, args []string) int {
	if len(args) != 1 {
		return usageErr(e, i18n.T("cli.usage.autostart"))
	}
	switch args[0] {
	case "status":
	case "on", "off":
		exe, err := autostart.Executable()
		if err == nil {
			err = autostart.Set(args[0] == "on", exe)
		}
		if err != nil {
			e.fail(err)
			return ExitError
		}
	default:
		return usageErr(e, i18n.T("cli.usage.autostart_not", map[string]any{"Arg": strconv.Quote(args[0])}))
	}
	on, err := autostart.Enabled()
	if err != nil {
		e.fail(err)
		return ExitError
	}
	where := map[string]any{"Where": autostart.Where()}
	if on {
		fmt.Fprintln(e.stdout, i18n.T("cli.autostart.on", where))
	} else {
		fmt.Fprintln(e.stdout, i18n.T("cli.autostart.off", where))
	}
	return ExitOK
}
