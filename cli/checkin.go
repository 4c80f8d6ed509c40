package cli

import (
	"errors"
	"flag"
	"io"
	"strconv"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// runCheckin sends today's check-in: any subset of the four items and the
// training load; an item left out stays unanswered.
func runCheckin(e *env, args []string) int {
	req := control.Request{Verb: control.VerbCheckin}
	fs := flag.NewFlagSet("checkin", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's words are English: say it here
	// bad is the sentence for a value a flag cannot take; the flag
	// package wraps it in English.
	var bad string
	items := map[string]*int{"stiffness": &req.Stiffness, "mood": &req.Mood, "energy": &req.Energy, "sleep": &req.SleepQuality}
	for _, name := range []string{"stiffness", "mood", "energy", "sleep"} {
		fs.Func(name, "", answerFlag(name, items[name], &bad))
	}
	fs.Func("load", "", func(s string) error {
		if _, err := settings.ParseLoad(s); err != nil {
			bad = i18n.T("cli.usage.checkin_load", map[string]any{"Value": strconv.Quote(s)})
			return errors.New(bad)
		}
		req.Load = s
		return nil
	})
	if err := fs.Parse(args); err != nil {
		if bad != "" {
			return usageErr(e, verbError("checkin", errors.New(bad)))
		}
		return usageErr(e, i18n.T("cli.usage.checkin_only"))
	}
	if fs.NArg() > 0 {
		return usageErr(e, i18n.T("cli.usage.checkin_only"))
	}
	if req.Stiffness == 0 && req.Mood == 0 && req.Energy == 0 && req.SleepQuality == 0 && req.Load == "" {
		return usageErr(e, i18n.T("cli.usage.checkin_none"))
	}
	return e.say(req)
}

// answerFlag reads one check-in item, 1 to reminders.MaxAnswer, into
// into; a value outside says so in bad.
func answerFlag(name string, into *int, bad *string) func(string) error {
	return func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > reminders.MaxAnswer {
			*bad = i18n.T("cli.usage.checkin_answer", map[string]any{"Flag": "--" + name, "Max": reminders.MaxAnswer, "Value": strconv.Quote(s)})
			return errors.New(*bad)
		}
		*into = n
		return nil
	}
}
