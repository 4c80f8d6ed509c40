package settings

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Encode writes the settings as a commented, human-editable TOML file.
// Every key is written, so the file documents itself; Load reads it back
// to the same Settings.
func Encode(s Settings) []byte {
	e := &encoder{}
	e.header()
	e.globals(s)
	e.escalation(s.Escalation)
	e.week(&s.ActiveHours)
	e.anchorsHeader()
	for _, k := range Kinds {
		e.anchor(k, s.Anchors.Of(k))
	}
	return e.buf.Bytes()
}

type encoder struct{ buf bytes.Buffer }

func (e *encoder) comment(lines ...string) {
	for _, l := range lines {
		e.buf.WriteString("# " + l + "\n")
	}
}

func (e *encoder) kv(key, value string) { fmt.Fprintf(&e.buf, "%s = %s\n", key, value) }

func (e *encoder) blank() { e.buf.WriteString("\n") }

func (e *encoder) header() {
	e.comment(
		"microrest settings.",
		`Durations are written like "45m", "90s" or "1h30m"; "off" turns a trigger off.`,
		`Times of day use the 24-hour clock, like "12:45".`,
		"microrest reads this file again when it changes; a mistake is reported",
		"and the last good settings stay in use.",
	)
	e.blank()
}

func (e *encoder) globals(s Settings) {
	e.comment("Idle shorter than this still counts as sitting (reading, thinking);",
		"past it the whole stretch counts as time away. "+IdleThresholdLimits.Describe()+".")
	e.kv("idle_threshold", quote(s.IdleThreshold.String()))
	e.comment(`When "today" begins for goals and tallies, so late evenings count with their day.`)
	e.kv("day_starts_at", quote(s.DayStartsAt.String()))
	e.comment("A clock-time prompt missed while away is still offered on return within this long. " + ClockGraceLimits.Describe() + ".")
	e.kv("clock_grace", quote(s.ClockGrace.String()))
	e.comment("Anchors due this close together come as one prompt. " + CombineLimits.Describe() + ".")
	e.kv("combine_within", quote(s.CombineWithin.String()))
	e.comment("No prompt this soon after you come back from a natural break. " + ReturnQuietLimits.Describe() + ".")
	e.kv("return_quiet", quote(s.ReturnQuiet.String()))
	e.comment("Ask the notification server to play a sound with each prompt.")
	e.kv("sound", fmt.Sprint(s.Sound))
	e.comment("Hold prompts while do-not-disturb is on or a window is fullscreen; they come after.")
	e.kv("respect_dnd", fmt.Sprint(s.RespectDND))
	e.comment("Start microrest when you log in.")
	e.kv("autostart", fmt.Sprint(s.Autostart))
	e.comment(fmt.Sprintf("Lengths offered in the tray's Pause menu, at most %d. Each %s.", MaxPauseChoices, PauseChoiceLimits.Describe()))
	e.kv("pause_choices", durationList(s.PauseChoices))
	e.blank()
}

func (e *encoder) escalation(x Escalation) {
	e.comment("What happens to a prompt nobody answers while you keep working.")
	e.buf.WriteString("[escalation]\n")
	e.comment("Show it again after this much active time. " + EscalationLimits.Describe() + ".")
	e.kv("after", quote(x.After.String()))
	e.comment(fmt.Sprintf("How many times to show it again before it counts as missed. 0 to %d.", MaxRepeats))
	e.kv("repeats", fmt.Sprint(x.Repeats))
	e.comment("On the last repeat, also open a small prompt window (never a full-screen block).")
	e.kv("window", fmt.Sprint(x.Window))
	e.blank()
}

func (e *encoder) week(w *Week) {
	e.comment(`Prompts come only inside these hours, like "08:00-18:00"; "off" for a day without prompts.`,
		"Appointments (see below) come at their times all the same.")
	e.buf.WriteString("[active_hours]\n")
	for _, day := range Weekdays {
		e.kv(dayKey(day), quote(w.On(day).String()))
	}
	e.blank()
}

func (e *encoder) anchorsHeader() {
	e.comment(
		"The recovery anchors. Each has:",
		"  enabled        true or false",
		"  every          comes due after this much active time ("+EveryLimits.Describe()+")",
		`  at             comes due at these times of day, like ["12:45"]`,
		"  practice       how long the practice takes; going away this long after the prompt counts as done ("+PracticeLimits.Describe()+")",
		"  snooze         how much active time a snooze waits ("+SnoozeLimits.Describe()+")",
		"  natural_break  time away that counts as the practice by itself ("+NaturalBreakLimits.Describe()+")",
		fmt.Sprintf("  daily_goal     wins a day to aim for; once met, no more prompts that day (0 = no goal, up to %d)", MaxDailyGoal),
		"  appointment    the clock times are non-negotiable: they come even when paused or",
		"                 outside active hours, and offer no Skip",
		fmt.Sprintf("  practices      concrete suggestions, offered in turn (at most %d, each under %d characters)", MaxPractices, MaxPracticeText),
	)
	e.blank()
}

var anchorBlurbs = map[Kind]string{
	Movement:  "Movement: a short walk or mobility drill after sitting.",
	Breath:    "Breath: a minute of slow diaphragmatic breathing, 4-6 breaths a minute.",
	Posture:   "Posture: a desk, monitor and body check.",
	Hydration: "Hydration: water, and small balanced snacks (protein with a light carbohydrate).",
	Rest:      "Rest: a 10-20 minute power-down.",
	WindDown:  "Wind-down: the evening reset before a steady bedtime.",
}

func (e *encoder) anchor(k Kind, a *Anchor) {
	e.comment(anchorBlurbs[k])
	e.buf.WriteString("[anchors." + k.String() + "]\n")
	e.kv("enabled", fmt.Sprint(a.Enabled))
	e.kv("every", quote(a.Every.String()))
	e.kv("at", clockList(a.At))
	e.kv("practice", quote(a.Practice.String()))
	e.kv("snooze", quote(a.Snooze.String()))
	e.kv("natural_break", quote(a.NaturalBreak.String()))
	e.kv("daily_goal", fmt.Sprint(a.DailyGoal))
	e.kv("appointment", fmt.Sprint(a.Appointment))
	e.buf.WriteString("practices = [\n")
	for _, p := range a.Practices {
		e.buf.WriteString("  " + quote(p) + ",\n")
	}
	e.buf.WriteString("]\n")
	e.blank()
}

// quote writes a TOML basic string. JSON string escapes are a subset of
// TOML's, so the JSON encoder (without HTML escaping) gives a valid one.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(s); err != nil {
		return `""`
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func durationList(list []Duration) string {
	parts := make([]string, len(list))
	for i, d := range list {
		parts[i] = quote(d.String())
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func clockList(list []ClockTime) string {
	parts := make([]string, len(list))
	for i, c := range list {
		parts[i] = quote(c.String())
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
