package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/activity"
	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/internal/footprint"
	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/settings"
)

// callTimeout bounds a CLI round trip; the daemon answers in milliseconds.
const callTimeout = 5 * time.Second

// call sends one request and turns the outcome into an exit code, printing
// a sentence for every failure.
func (e *env) call(req control.Request) (control.Reply, int) {
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	rep, err := control.Call(ctx, e.controlDir, req)
	switch {
	case errors.Is(err, control.ErrNotRunning):
		fmt.Fprintln(e.stderr, "microrest:", err)
		return rep, ExitNoDaemon
	case err != nil:
		fmt.Fprintln(e.stderr, "microrest:", err)
		return rep, ExitError
	case !rep.OK:
		fmt.Fprintln(e.stderr, "microrest:", rep.Error)
		return rep, ExitError
	}
	return rep, ExitOK
}

func usageErr(e *env, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "microrest: "+format+"\n", args...)
	return ExitUsage
}

func runStatus(e *env, args []string) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print the status as JSON")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageErr(e, "status takes only --json.")
	}
	rep, code := e.call(control.Request{Verb: control.VerbStatus})
	if code != ExitOK {
		return code
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		_ = enc.Encode(rep.Status)
		return ExitOK
	}
	writeStatus(e.stdout, rep.Status)
	return ExitOK
}

func runPause(e *env, args []string) int {
	req := control.Request{Verb: control.VerbPause}
	switch {
	case len(args) > 1:
		return usageErr(e, "pause takes one length, like 30m or 2h, or until-tomorrow.")
	case len(args) == 1 && args[0] == "until-tomorrow":
		req.UntilTomorrow = true
	case len(args) == 1:
		if _, err := settings.ParseDuration(args[0]); err != nil {
			return usageErr(e, "pause: %v.", err)
		}
		req.For = args[0]
	}
	return e.say(req)
}

func runResume(e *env, args []string) int {
	if len(args) > 0 {
		return usageErr(e, "resume takes no arguments.")
	}
	return e.say(control.Request{Verb: control.VerbResume})
}

func runNow(e *env, args []string) int {
	if len(args) != 1 {
		return usageErr(e, "now takes one anchor: %s.", anchorList())
	}
	if _, err := settings.ParseKind(args[0]); err != nil {
		return usageErr(e, "now: %v.", err)
	}
	return e.say(control.Request{Verb: control.VerbNow, Anchor: args[0]})
}

// answerVerb builds done, snooze and skip: [ANCHOR] [DURATION] [--prompt
// ID], the duration only for snooze.
func answerVerb(v control.Verb) func(e *env, args []string) int {
	return func(e *env, args []string) int {
		id, args, err := promptFlag(args)
		if err != nil {
			return usageErr(e, "%s: %v.", v, err)
		}
		req := control.Request{Verb: v, Prompt: id}
		for _, a := range args {
			if k, err := settings.ParseKind(a); err == nil && req.Anchor == "" {
				req.Anchor = k.String()
				continue
			}
			if _, err := settings.ParseDuration(a); err == nil && v == control.VerbSnooze && req.For == "" {
				req.For = a
				continue
			}
			return usageErr(e, "%s: %q is neither an anchor (%s)%s.", v, a, anchorList(), snoozeHint(v))
		}
		return e.say(req)
	}
}

// promptFlag takes --prompt ID (or --prompt=ID) out of args, wherever it
// stands: the flag package would stop at the anchor before it.
func promptFlag(args []string) (id uint64, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		value, inline := strings.CutPrefix(args[i], "--prompt=")
		if !inline && args[i] != "--prompt" {
			rest = append(rest, args[i])
			continue
		}
		if !inline {
			if i++; i == len(args) {
				return 0, nil, errPromptID
			}
			value = args[i]
		}
		if id != 0 {
			return 0, nil, errors.New("--prompt is given twice")
		}
		if id, err = strconv.ParseUint(value, 10, 64); err != nil || id == 0 {
			return 0, nil, errPromptID
		}
	}
	return id, rest, nil
}

var errPromptID = errors.New("--prompt takes a prompt's id, a whole number like 7, as `microrest status` shows it")

func snoozeHint(v control.Verb) string {
	if v == control.VerbSnooze {
		return " nor a length like 10m"
	}
	return ""
}

func anchorList() string {
	names := make([]string, len(settings.Kinds))
	for i, k := range settings.Kinds {
		names[i] = k.String()
	}
	return strings.Join(names, ", ")
}

// say sends a request whose answer is the new status, and prints its
// headline, as the tray words it, so the person sees what changed.
func (e *env) say(req control.Request) int {
	rep, code := e.call(req)
	if code == ExitOK && rep.Status != nil {
		fmt.Fprintln(e.stdout, rep.Status.Headline())
		writePractice(e.stdout, rep.Status.Prompt)
	}
	return code
}

// writePractice gives the practice of the prompt on screen, which the
// headline only names.
func writePractice(w io.Writer, p *control.PromptStatus) {
	if p != nil && len(p.Texts) > 0 {
		fmt.Fprintf(w, "Practice: %s\n", strings.Join(p.Texts, " / "))
	}
}

func writeStatus(w io.Writer, s *control.Status) {
	fmt.Fprintf(w, "microrest %s — %s\n", s.Version, s.Headline())
	writePractice(w, s.Prompt)
	if s.Prompt != nil {
		fmt.Fprintf(w, "Prompt id: %d (done, snooze and skip with --prompt %d answer only this prompt)\n", s.Prompt.ID, s.Prompt.ID)
	}
	fmt.Fprintln(w, s.WinsLine())
	if line := s.DayLine(); line != "" {
		fmt.Fprintln(w, line)
	}
	fmt.Fprintf(w, "At the desk today: %.0f min of active time\n", s.TodayActiveMin)
	if s.JournalError != "" {
		fmt.Fprintf(w, "Journal not writable: %s; %d outcomes are kept and written as soon as it is\n", s.JournalError, s.Unjournaled)
	}
	if s.SettingsError != "" {
		fmt.Fprintf(w, "Settings: %s\n", s.SettingsError)
	}
	for _, a := range s.Anchors {
		fmt.Fprintf(w, "  %-10s %s\n", a.Anchor, anchorLine(a, s))
	}
	writeActivity(w, s.Activity)
	fmt.Fprintf(w, "Notifications: %s\n", notifyLine(s.Notifications))
	if m := s.Memory; m != nil {
		fmt.Fprintf(w, "Memory: %s resident (%s of microrest's program file, %s heap and stacks)\n",
			footprint.MB(m.ResidentKB<<10), footprint.MB(m.ProgramKB<<10), footprint.MB(m.AnonKB<<10))
	}
}

func anchorLine(a control.AnchorStatus, s *control.Status) string {
	if !a.Enabled {
		return "off"
	}
	var parts []string
	switch {
	case a.Due:
		parts = append(parts, "due now")
	case a.NextInMin != nil:
		parts = append(parts, fmt.Sprintf("next in %.0f min of active time", *a.NextInMin))
	}
	if a.NextAt != nil && !a.Due {
		parts = append(parts, "at "+s.Clock(*a.NextAt))
	}
	today := fmt.Sprintf("today %d", a.TodayWins)
	if a.Goal > 0 {
		today += fmt.Sprintf("/%d", a.Goal)
	}
	return strings.Join(append(parts, today), ", ")
}

// writeActivity says which source tells time at the desk from time away,
// what it read last, who reports lock, sleep and do-not-disturb, and why
// the sources before it were passed over.
func writeActivity(w io.Writer, a control.ActivityStatus) {
	source := "idle time from " + a.Source
	switch {
	case a.Source == activity.SourceNone:
		source = "no idle source: all time counts as active"
	case a.EventDriven:
		source += " (event-driven)"
	}
	fmt.Fprintf(w, "Activity: %s\n", source)
	if a.LastSample != nil {
		fmt.Fprintf(w, "  last reading %s: %s\n", a.LastSample.Format(time.TimeOnly), readingLine(a))
	}
	if a.Error != "" {
		fmt.Fprintf(w, "  error: %s\n", a.Error)
	}
	fmt.Fprintf(w, "  lock: %s; sleep: %s; quiet: %s\n", names(a.LockSources), names(a.SleepSources), names(a.QuietSources))
	if a.Quiet {
		fmt.Fprintf(w, "  quiet now: %s\n", a.QuietWhy)
	}
	for _, p := range a.PassedOver {
		fmt.Fprintf(w, "  passed over %s: %s\n", p.Source, p.Reason)
	}
}

func readingLine(a control.ActivityStatus) string {
	line := "idle " + time.Duration(a.IdleS*float64(time.Second)).Round(time.Second).String()
	if a.Locked {
		line += ", locked"
	}
	if a.Asleep {
		line += ", asleep"
	}
	return line
}

func names(list []string) string {
	if len(list) == 0 {
		return "nothing"
	}
	return strings.Join(list, ", ")
}

// notifyLine says how prompts reach the screen and where to answer them,
// in notify's own words, as the daemon's log says it.
func notifyLine(n control.NotifyStatus) string {
	st := notify.Status{Backend: n.Backend, Actions: n.Buttons, Server: n.Server, Vendor: n.Vendor, Version: n.Version}
	if n.Error != "" {
		st.Err = errors.New(n.Error)
	}
	return st.String()
}
