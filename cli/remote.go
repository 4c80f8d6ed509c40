package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/activity"
	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
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
		e.fail(err)
		return rep, ExitNoDaemon
	case err != nil:
		e.fail(err)
		return rep, ExitError
	case !rep.OK:
		e.fail(rep.Error)
		return rep, ExitError
	}
	return rep, ExitOK
}

// usageErr says msg, a sentence from the catalog, and gives the exit
// code of a command line microrest cannot read.
func usageErr(e *env, msg string) int {
	e.fail(msg)
	return ExitUsage
}

func runStatus(e *env, args []string) int {
	fs := flag.NewFlagSet("status", flag.ContinueOnError)
	fs.SetOutput(io.Discard) // the flag package's words are English: say it here
	asJSON := fs.Bool("json", false, "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return usageErr(e, i18n.T("cli.usage.status"))
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
		return usageErr(e, i18n.T("cli.usage.pause"))
	case len(args) == 1 && args[0] == "until-tomorrow":
		req.UntilTomorrow = true
	case len(args) == 1:
		if _, err := settings.ParseDuration(args[0]); err != nil {
			return usageErr(e, verbError("pause", err))
		}
		req.For = args[0]
	}
	return e.say(req)
}

func runResume(e *env, args []string) int {
	if len(args) > 0 {
		return usageErr(e, noArgsBut("resume", ""))
	}
	return e.say(control.Request{Verb: control.VerbResume})
}

func runNow(e *env, args []string) int {
	if len(args) != 1 {
		return usageErr(e, i18n.T("cli.usage.now", map[string]any{"Anchors": anchorList()}))
	}
	if _, err := settings.ParseKind(args[0]); err != nil {
		return usageErr(e, verbError("now", err))
	}
	return e.say(control.Request{Verb: control.VerbNow, Anchor: args[0]})
}

// answerVerb builds done, snooze and skip: [ANCHOR] [DURATION] [--prompt
// ID], the duration only for snooze.
func answerVerb(v control.Verb) func(e *env, args []string) int {
	return func(e *env, args []string) int {
		id, args, err := promptFlag(args)
		if err != nil {
			return usageErr(e, verbError(string(v), err))
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
			return usageErr(e, notAnAnswer(v, a))
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
				return 0, nil, errors.New(i18n.T("cli.usage.prompt_id"))
			}
			value = args[i]
		}
		if id != 0 {
			return 0, nil, errors.New(i18n.T("cli.usage.prompt_twice"))
		}
		if id, err = strconv.ParseUint(value, 10, 64); err != nil || id == 0 {
			return 0, nil, errors.New(i18n.T("cli.usage.prompt_id"))
		}
	}
	return id, rest, nil
}

// verbError is a usage error about one verb: its name, then err's
// sentence.
func verbError(verb string, err error) string {
	return i18n.T("cli.usage.verb_error", map[string]any{"Verb": verb, "Error": err.Error()})
}

// notAnAnswer refuses an argument of done, snooze or skip that is no
// anchor (nor, for snooze, a length).
func notAnAnswer(v control.Verb, arg string) string {
	data := map[string]any{"Verb": string(v), "Arg": strconv.Quote(arg), "Anchors": anchorList()}
	if v == control.VerbSnooze {
		return i18n.T("cli.usage.not_anchor_nor_length", data)
	}
	return i18n.T("cli.usage.not_anchor", data)
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
		fmt.Fprintln(w, i18n.T("cli.status.practice", map[string]any{"Practice": strings.Join(p.Texts, " / ")}))
	}
}

// writeStatus says the status in lines, each in the process's language;
// the daemon's own words (sources, reasons, errors) are put in as sent.
func writeStatus(w io.Writer, s *control.Status) {
	fmt.Fprintln(w, i18n.T("cli.status.head", map[string]any{"Version": s.Version, "Headline": s.Headline()}))
	writePractice(w, s.Prompt)
	if s.Prompt != nil {
		fmt.Fprintln(w, i18n.T("cli.status.prompt_id", map[string]any{"ID": s.Prompt.ID}))
	}
	fmt.Fprintln(w, s.WinsLine())
	if line := s.DayLine(); line != "" {
		fmt.Fprintln(w, line)
	}
	fmt.Fprintln(w, i18n.N("cli.status.at_desk", int(math.Round(s.TodayActiveMin)), nil))
	if s.JournalError != "" {
		fmt.Fprintln(w, i18n.N("cli.status.journal_error", s.Unjournaled, map[string]any{"Error": s.JournalError}))
	}
	if s.SettingsError != "" {
		fmt.Fprintln(w, i18n.T("cli.status.settings_error", map[string]any{"Error": s.SettingsError}))
	}
	names := make([]string, len(s.Anchors))
	width := 0
	for i, a := range s.Anchors {
		names[i] = anchorName(a)
		width = max(width, len([]rune(names[i])))
	}
	for i, a := range s.Anchors {
		fmt.Fprintf(w, "  %-*s %s\n", width, names[i], anchorLine(a, s))
	}
	writeActivity(w, s.Activity)
	fmt.Fprintln(w, i18n.T("cli.status.notifications", map[string]any{"How": notifyLine(s.Notifications)}))
	if m := s.Memory; m != nil {
		fmt.Fprintln(w, i18n.T("cli.status.memory", map[string]any{
			"Resident": footprint.MB(m.ResidentKB << 10), "Program": footprint.MB(m.ProgramKB << 10), "Heap": footprint.MB(m.AnonKB << 10),
		}))
	}
}

// anchorName is an anchor's name inside a sentence, in the process's
// language ("posture"; "Haltung" in German), from its key; a key this
// version does not know is said as the daemon sent it.
func anchorName(a control.AnchorStatus) string {
	if k, err := settings.ParseKind(a.Anchor); err == nil && k.String() == a.Anchor {
		return k.InText()
	}
	return a.Anchor
}

func anchorLine(a control.AnchorStatus, s *control.Status) string {
	if !a.Enabled {
		return i18n.T("cli.status.off")
	}
	var parts []string
	switch {
	case a.Due:
		parts = append(parts, i18n.T("cli.status.due"))
	case a.NextInMin != nil:
		parts = append(parts, i18n.N("cli.status.next_in", int(math.Round(*a.NextInMin)), nil))
	}
	if a.NextAt != nil && !a.Due {
		parts = append(parts, i18n.T("cli.status.at", map[string]any{"Time": s.Clock(*a.NextAt)}))
	}
	if a.Goal > 0 {
		parts = append(parts, i18n.T("cli.status.today_goal", map[string]any{"Wins": a.TodayWins, "Goal": a.Goal}))
	} else {
		parts = append(parts, i18n.T("cli.status.today", map[string]any{"Wins": a.TodayWins}))
	}
	return strings.Join(parts, ", ")
}

// writeActivity says which source tells time at the desk from time away,
// what it read last, who reports lock, sleep and do-not-disturb, and why
// the sources before it were passed over.
func writeActivity(w io.Writer, a control.ActivityStatus) {
	source := map[string]any{"Source": a.Source}
	switch {
	case a.Source == activity.SourceNone:
		fmt.Fprintln(w, i18n.T("cli.status.activity", map[string]any{"Source": i18n.T("cli.status.no_source")}))
	case a.EventDriven:
		fmt.Fprintln(w, i18n.T("cli.status.activity", map[string]any{"Source": i18n.T("cli.status.source_events", source)}))
	default:
		fmt.Fprintln(w, i18n.T("cli.status.activity", map[string]any{"Source": i18n.T("cli.status.source", source)}))
	}
	if a.LastSample != nil {
		fmt.Fprintln(w, "  "+i18n.T("cli.status.last_reading", map[string]any{"Time": a.LastSample.Format(time.TimeOnly), "Reading": readingLine(a)}))
	}
	if a.Error != "" {
		fmt.Fprintln(w, "  "+i18n.T("cli.status.activity_error", map[string]any{"Error": a.Error}))
	}
	fmt.Fprintln(w, "  "+i18n.T("cli.status.sources", map[string]any{"Lock": names(a.LockSources), "Sleep": names(a.SleepSources), "Quiet": names(a.QuietSources)}))
	if a.Quiet {
		fmt.Fprintln(w, "  "+i18n.T("cli.status.quiet_now", map[string]any{"Why": a.QuietWhy}))
	}
	for _, p := range a.PassedOver {
		fmt.Fprintln(w, "  "+i18n.T("cli.status.passed_over", map[string]any{"Source": p.Source, "Reason": p.Reason}))
	}
}

func readingLine(a control.ActivityStatus) string {
	idle := time.Duration(a.IdleS * float64(time.Second)).Round(time.Second).String()
	parts := []string{i18n.T("cli.status.idle", map[string]any{"Idle": idle})}
	if a.Locked {
		parts = append(parts, i18n.T("cli.status.locked"))
	}
	if a.Asleep {
		parts = append(parts, i18n.T("cli.status.asleep"))
	}
	return strings.Join(parts, ", ")
}

func names(list []string) string {
	if len(list) == 0 {
		return i18n.T("cli.status.no_sources")
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
