package settings

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/microrest/microrest/i18n"
)

// Encode writes the settings as a commented, human-editable TOML file.
// Every key is written, so the file documents itself; Load reads it back
// to the same Settings.
func Encode(s Settings) []byte {
	e := &encoder{}
	e.header()
	e.globals(s)
	e.day(s)
	e.escalation(s.Escalation)
	e.checkin(s.Checkin)
	e.week(&s.ActiveHours)
	e.days(&s.Days)
	e.breathing(&s.Breathing)
	e.anchorsHeader()
	for _, k := range Kinds {
		e.anchor(k, s.Anchors.Of(k))
	}
	e.dayTypes(&s.DayTypes)
	return e.buf.Bytes()
}

type encoder struct{ buf bytes.Buffer }

// fileRange writes a range in English for the file's comments, which stay
// English as its keys do.
func fileRange(l Limits) string { return l.describe(english().T) }

// languageTags lists the tags the language key takes, with their names:
// "de (Deutsch), en (English), …".
func languageTags() string {
	var parts []string
	for _, l := range i18n.Languages() {
		parts = append(parts, l.Tag+" ("+l.Name+")")
	}
	return strings.Join(parts, ", ")
}

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
		"past it the whole stretch counts as time away. "+fileRange(IdleThresholdLimits)+".")
	e.kv("idle_threshold", quote(s.IdleThreshold.String()))
	e.comment(`When "today" begins for goals and tallies, so late evenings count with their day.`)
	e.kv("day_starts_at", quote(s.DayStartsAt.String()))
	e.comment("A clock-time prompt missed while away is still offered on return within this long. " + fileRange(ClockGraceLimits) + ".")
	e.kv("clock_grace", quote(s.ClockGrace.String()))
	e.comment("Anchors due this close together come as one prompt. " + fileRange(CombineLimits) + ".")
	e.kv("combine_within", quote(s.CombineWithin.String()))
	e.comment("No prompt this soon after you come back from a natural break. " + fileRange(ReturnQuietLimits) + ".")
	e.kv("return_quiet", quote(s.ReturnQuiet.String()))
	e.comment("Ask the notification server to play a sound with each prompt.")
	e.kv("sound", fmt.Sprint(s.Sound))
	e.comment("Hold prompts while do-not-disturb is on or a window is fullscreen; they come after.")
	e.kv("respect_dnd", fmt.Sprint(s.RespectDND))
	e.comment("Start microrest when you log in.")
	e.kv("autostart", fmt.Sprint(s.Autostart))
	e.comment(`The language of the tray, notifications, windows and command line: "system"`,
		"follows your desktop, or one of "+languageTags()+".")
	e.kv("language", quote(s.Language))
	e.comment(fmt.Sprintf("Lengths offered in the tray's Pause menu, at most %d. Each %s.", MaxPauseChoices, fileRange(PauseChoiceLimits)))
	e.kv("pause_choices", durationList(s.PauseChoices))
	e.blank()
}

// day writes the keys that shape the day and the week around the anchors.
// They are top-level keys, so they come before the first table.
func (e *encoder) day(s Settings) {
	e.comment(fmt.Sprintf(`When you eat, like ["08:00", "12:30", "19:00"]; at most %d. A short, easy`, MaxMeals),
		"walk after a meal is one of the simplest movement habits, so each meal brings a",
		"walk prompt (the movement anchor's practice, snooze and clock rules) after_meal later.",
		"A meal, like any clock time, can be moved or skipped for one day without changing this file.")
	e.kv("meals", clockList(s.Meals))
	e.comment("How long after each meal the walk comes, in whole minutes. " + fileRange(AfterMealLimits) + ".")
	e.kv("after_meal", quote(s.AfterMeal.String()))
	e.comment("Offer last week's review (wins, steady days, how each check-in item moved) at",
		"the first minute you are at the desk each week. It waits out pause, do-not-disturb",
		"and hours outside active hours, like the check-in.")
	e.kv("weekly_review", fmt.Sprint(s.WeeklyReview))
	e.blank()
}

func (e *encoder) escalation(x Escalation) {
	e.comment("What happens to a prompt nobody answers while you keep working.")
	e.buf.WriteString("[escalation]\n")
	e.comment("Show it again after this much active time. " + fileRange(EscalationLimits) + ".")
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
		"  every          comes due after this much active time ("+fileRange(EveryLimits)+")",
		`  at             comes due at these times of day, like ["12:45"]`,
		"  practice       how long the practice takes; going away this long after the prompt counts as done ("+fileRange(PracticeLimits)+")",
		"  snooze         how much active time a snooze waits ("+fileRange(SnoozeLimits)+")",
		"  natural_break  time away that counts as the practice by itself ("+fileRange(NaturalBreakLimits)+")",
		fmt.Sprintf("  daily_goal     wins a day to aim for; once met, no more prompts that day (0 = no goal, up to %d)", MaxDailyGoal),
		"  appointment    the clock times are non-negotiable: they come even when paused or",
		"                 outside active hours, and offer no Skip",
		fmt.Sprintf("  practices      concrete suggestions, offered in turn (at most %d, each under %d characters)", MaxPractices, MaxPracticeText),
	)
	e.blank()
}

var anchorBlurbs = map[Kind]string{
	Movement:  "Movement: a short walk or mobility drill after sitting; the walks after meals (see meals) are movement prompts too.",
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
	e.practices(a.Practices)
	e.blank()
}

func (e *encoder) checkin(c Checkin) {
	e.comment("The daily check-in: four quick questions (stiffness, mood, energy, sleep quality,",
		"each 1 to 5) and today's training load. Answers are compared with your own last",
		"28 days; a lower reading than usual makes the day gentler (see [day_types.low_readiness]).")
	e.buf.WriteString("[checkin]\n")
	e.comment(`When to ask: "first-active" (the first minute you are at the desk each day),`,
		`a time like "09:00" (the first minute you are at the desk from then on), or "off"`,
		"(you can still check in from the tray). Never asked while paused, in do-not-disturb",
		"or outside active hours; it waits until they end.")
	e.kv("at", quote(c.At.String()))
	e.blank()
}

func (e *encoder) days(d *Days) {
	e.comment("Your training load on each weekday: rest, easy or hard. It picks the day type",
		"below; the load you give in the check-in replaces it for that day. Set your",
		`training days to "hard"; "easy" runs the anchors as they are.`)
	e.buf.WriteString("[days]\n")
	for _, day := range Weekdays {
		e.kv(dayKey(day), quote(d.On(day).String()))
	}
	e.blank()
}

var breathBlurbs = map[BreathMode]string{
	BreathCalm:       "Calm: slow breathing with a longer exhale, for the working day.",
	BreathSleep:      "Sleep: slower still, with a long exhale, for the evening.",
	BreathControlled: "Controlled: shorter, even breaths, for training days; it never paces faster than a resting rate.",
}

func (e *encoder) breathing(b *Breathing) {
	e.comment("The guided breath session's patterns: rate is breaths a minute,",
		"exhale_ratio how much longer the exhale is than the inhale (1 = even).")
	for _, m := range BreathModes {
		l, p := LimitsOf(m), b.Of(m)
		e.comment(breathBlurbs[m], "rate "+l.describeRate(english().T)+"; exhale_ratio "+l.describeRatio(english().T)+".")
		e.buf.WriteString("[breathing." + m.String() + "]\n")
		e.kv("rate", formatFloat(p.Rate))
		e.kv("exhale_ratio", formatFloat(p.ExhaleRatio))
		e.blank()
	}
}

func (e *encoder) dayTypes(d *DayTypes) {
	e.comment(
		"Day types change the anchors above for one kind of day: [day_types.rest],",
		"[day_types.easy] and [day_types.hard] by the day's training load, and",
		"[day_types.low_readiness] on top of those when your check-in reads lower than usual.",
		"  breathing      the guided breath pattern that day: calm, sleep or controlled",
		"Under [day_types.<type>.<anchor>] any of these anchor keys may be set, with the",
		"same rules as above: enabled, every, at, practice, practices, daily_goal.",
		"A key left out keeps the anchor's own value.",
	)
	e.blank()
	for _, dt := range dayTypeKeys {
		e.dayType(dt.key, dt.of(d))
	}
}

var dayTypeBlurbs = map[string][]string{
	"rest": {"Rest days: gentler movement, mobility rather than brisk walks."},
	"easy": {"Easy days: the base plan as it is."},
	"hard": {"Hard days: steadier breathing, more often, and a longer power-down."},
	"low_readiness": {
		"Lower readiness than usual: gentle mobility and one more rest. Its times",
		"replace the rest anchor's own, so change the two together.",
	},
}

func (e *encoder) dayType(key string, t *DayType) {
	e.comment(dayTypeBlurbs[key]...)
	e.buf.WriteString("[day_types." + key + "]\n")
	if t.Breathing != nil {
		e.kv("breathing", quote(t.Breathing.String()))
	}
	e.blank()
	for _, k := range Kinds {
		if o := t.Of(k); !o.IsZero() {
			e.buf.WriteString("[day_types." + key + "." + k.String() + "]\n")
			e.override(o)
			e.blank()
		}
	}
}

func (e *encoder) override(o *Override) {
	if o.Enabled != nil {
		e.kv("enabled", fmt.Sprint(*o.Enabled))
	}
	if o.Every != nil {
		e.kv("every", quote(o.Every.String()))
	}
	if o.At != nil {
		e.kv("at", clockList(*o.At))
	}
	if o.Practice != nil {
		e.kv("practice", quote(o.Practice.String()))
	}
	if o.DailyGoal != nil {
		e.kv("daily_goal", fmt.Sprint(*o.DailyGoal))
	}
	if o.Practices != nil {
		e.practices(*o.Practices)
	}
}

func (e *encoder) practices(list []string) {
	e.buf.WriteString("practices = [\n")
	for _, p := range list {
		e.buf.WriteString("  " + quote(p) + ",\n")
	}
	e.buf.WriteString("]\n")
}

// formatFloat writes a number TOML reads back as the same float, with a
// decimal point so it reads as one.
func formatFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
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
