package cli

import (
	"flag"
	"io"
	"strconv"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// runCheckin sends today's check-in: any subset of the four items and the
// training load; an item left out stays unanswered.
func runCheckin(e *env, args []string) int {
	req := control.Request{Verb: control.VerbCheckin}
	fs := flag.NewFlagSet("checkin", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	items := map[string]*int{"stiffness": &req.Stiffness, "mood": &req.Mood, "energy": &req.Energy, "sleep": &req.SleepQuality}
	for _, name := range []string{"stiffness", "mood", "energy", "sleep"} {
		fs.Func(name, "1 to 5", answerFlag(items[name]))
	}
	fs.Func("load", "rest, easy or hard", func(s string) error {
		if _, err := settings.ParseLoad(s); err != nil {
			return errLoad
		}
		req.Load = s
		return nil
	})
	if err := fs.Parse(args); err != nil {
		return usageErr(e, "checkin: %v.", err)
	}
	if fs.NArg() > 0 {
		return usageErr(e, "checkin takes only --stiffness, --mood, --energy, --sleep (1 to 5) and --load (rest, easy or hard).")
	}
	if req.Stiffness == 0 && req.Mood == 0 && req.Energy == 0 && req.SleepQuality == 0 && req.Load == "" {
		return usageErr(e, "checkin needs at least one of --stiffness, --mood, --energy, --sleep (1 to 5) or --load (rest, easy or hard).")
	}
	return e.say(req)
}

var (
	errAnswer = usageError("is a whole number from 1 to " + strconv.Itoa(reminders.MaxAnswer))
	errLoad   = usageError("is rest, easy or hard")
)

// usageError is a flag value's rule, which the flag package prefixes
// with the flag and the value given.
type usageError string

func (u usageError) Error() string { return string(u) }

func answerFlag(into *int) func(string) error {
	return func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > reminders.MaxAnswer {
			return errAnswer
		}
		*into = n
		return nil
	}
}
