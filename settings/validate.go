package settings

import (
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
)

// Problem is one thing wrong with a settings file, said so a person can
// find it and fix it.
type Problem struct {
	// Key is the dotted TOML key, e.g. "anchors.movement.every".
	Key string
	// Line is the 1-based line in the file, or 0 when unknown.
	Line int
	// Message says what is wrong and what is allowed, in the language
	// the process spoke when the file was read.
	Message string
}

// String writes "line 12: anchors.movement.every: ...".
func (p Problem) String() string {
	data := map[string]any{"Line": p.Line, "Key": p.Key, "Message": p.Message}
	switch {
	case p.Line > 0 && p.Key != "":
		return i18n.T("settings_file.problem.line_key", data)
	case p.Line > 0:
		return i18n.T("settings_file.problem.line", data)
	case p.Key != "":
		return i18n.T("settings_file.problem.key", data)
	}
	return p.Message
}

// Limits is the allowed range of a duration setting. The same values drive
// validation, the comments in the file, and the settings window.
type Limits struct {
	Min, Max time.Duration
	// Off allows "off" (zero) besides the range.
	Off bool
}

// The ranges of every duration setting.
var (
	IdleThresholdLimits = Limits{Min: 30 * time.Second, Max: 30 * time.Minute}
	ClockGraceLimits    = Limits{Min: time.Minute, Max: 4 * time.Hour, Off: true}
	CombineLimits       = Limits{Min: 30 * time.Second, Max: 30 * time.Minute, Off: true}
	ReturnQuietLimits   = Limits{Min: 30 * time.Second, Max: 30 * time.Minute, Off: true}
	PauseChoiceLimits   = Limits{Min: time.Minute, Max: 24 * time.Hour}
	EscalationLimits    = Limits{Min: time.Minute, Max: time.Hour}
	EveryLimits         = Limits{Min: time.Minute, Max: 12 * time.Hour, Off: true}
	PracticeLimits      = Limits{Min: 10 * time.Second, Max: 2 * time.Hour}
	SnoozeLimits        = Limits{Min: time.Minute, Max: 2 * time.Hour}
	NaturalBreakLimits  = Limits{Min: 30 * time.Second, Max: 4 * time.Hour, Off: true}
	AfterMealLimits     = Limits{Min: 5 * time.Minute, Max: 3 * time.Hour, Off: true}
)

// Other limits, shared with the settings window.
const (
	MaxRepeats      = 10
	MaxDailyGoal    = 50
	MaxPauseChoices = 6
	MaxClockTimes   = 12
	MaxMeals        = 6
	MaxPractices    = 30
	MaxPracticeText = 200
)

// Describe writes the range for hints and messages, in the process's
// language: "1m to 12h, or "off"".
func (l Limits) Describe() string { return l.describe(i18n.T) }

// describe writes the range with say, a catalog's T: the process's
// language for people, English for the file's comments.
func (l Limits) describe(say func(string, ...map[string]any) string) string {
	data := map[string]any{"Min": Duration(l.Min).String(), "Max": Duration(l.Max).String()}
	if l.Off {
		return say("settings_file.range_off", data)
	}
	return say("settings_file.range", data)
}

// Check returns a message when d is outside the limits, or "".
func (l Limits) Check(d Duration) string {
	data := map[string]any{"Value": d.String(), "Range": l.Describe()}
	switch {
	case d == 0 && l.Off:
		return ""
	case d == 0:
		return i18n.T("settings_file.problem.not_off", data)
	case d.D() < l.Min:
		return i18n.T("settings_file.problem.too_short", data)
	case d.D() > l.Max:
		return i18n.T("settings_file.problem.too_long", data)
	}
	return ""
}

// countRange writes "0 to most" for a count's messages.
func countRange(most int) string {
	return i18n.T("settings_file.range", map[string]any{"Min": 0, "Max": most})
}

// Validate lists every rule the settings break, keyed like the file.
// An empty list means the settings are safe to run on.
func Validate(s Settings) []Problem {
	v := &validator{}
	v.duration("idle_threshold", s.IdleThreshold, IdleThresholdLimits)
	v.clock("day_starts_at", s.DayStartsAt)
	v.duration("clock_grace", s.ClockGrace, ClockGraceLimits)
	v.duration("combine_within", s.CombineWithin, CombineLimits)
	v.duration("return_quiet", s.ReturnQuiet, ReturnQuietLimits)
	v.pauseChoices(s.PauseChoices)
	v.meals(s)
	v.duration("escalation.after", s.Escalation.After, EscalationLimits)
	v.count("escalation.repeats", s.Escalation.Repeats, MaxRepeats)
	v.week(&s.ActiveHours)
	for _, k := range Kinds {
		v.anchor("anchors."+k.String(), s.Anchors.Of(k), s.walks(k))
	}
	v.checkin(s.Checkin)
	v.days(&s.Days)
	v.dayTypes(&s)
	v.breathing(&s.Breathing)
	v.language(s.Language)
	return v.problems
}

type validator struct{ problems []Problem }

func (v *validator) add(key, msg string) {
	v.problems = append(v.problems, Problem{Key: key, Message: msg})
}

func (v *validator) duration(key string, d Duration, l Limits) {
	if msg := l.Check(d); msg != "" {
		v.add(key, msg)
	}
}

func (v *validator) clock(key string, c ClockTime) {
	if c < 0 || c >= Clock(24, 0) {
		v.add(key, i18n.T("settings_file.problem.not_clock", map[string]any{"Value": c.String()}))
	}
}

func (v *validator) count(key string, n, most int) {
	if n < 0 || n > most {
		v.add(key, i18n.T("settings_file.problem.out_of_range", map[string]any{"Value": n, "Range": countRange(most)}))
	}
}

// many fills a message on a list of n entries that may have at most most.
func many(n, most int) map[string]any { return map[string]any{"Count": n, "Max": most} }

func (v *validator) pauseChoices(choices []Duration) {
	if n := len(choices); n > MaxPauseChoices {
		v.add("pause_choices", i18n.T("settings_file.problem.pause_choices", many(n, MaxPauseChoices)))
	}
	for i, d := range choices {
		v.duration("pause_choices["+strconv.Itoa(i+1)+"]", d, PauseChoiceLimits)
	}
}

func (v *validator) week(w *Week) {
	for _, day := range Weekdays {
		span := w.On(day)
		if span.Off() {
			continue
		}
		if span.Start < 0 || span.End > Clock(24, 0) || span.End <= span.Start {
			v.add("active_hours."+dayKey(day), i18n.T("settings_file.problem.not_span", map[string]any{"Value": span.String()}))
		}
	}
}

func dayKey(day time.Weekday) string { return strings.ToLower(day.String()[:3]) }

// meals checks the meal times and the walk after them. The walk is a
// clock time, so its delay is whole minutes.
func (v *validator) meals(s Settings) {
	if n := len(s.Meals); n > MaxMeals {
		v.add("meals", i18n.T("settings_file.problem.meals", many(n, MaxMeals)))
	}
	v.times("meals", s.Meals)
	v.duration("after_meal", s.AfterMeal, AfterMealLimits)
	if s.AfterMeal.D()%time.Minute != 0 {
		v.add("after_meal", i18n.T("settings_file.problem.whole_minutes", map[string]any{"Value": s.AfterMeal.String()}))
	}
}

// walks reports whether anchor k has walks after meals besides its own
// clock times: only movement does, while meals bring walks.
func (s Settings) walks(k Kind) bool { return k == Movement && s.MealWalksOn() }

func (v *validator) anchor(key string, a *Anchor, walks bool) {
	v.duration(key+".every", a.Every, EveryLimits)
	v.clockTimes(key+".at", a.At)
	v.duration(key+".practice", a.Practice, PracticeLimits)
	v.duration(key+".snooze", a.Snooze, SnoozeLimits)
	v.duration(key+".natural_break", a.NaturalBreak, NaturalBreakLimits)
	v.count(key+".daily_goal", a.DailyGoal, MaxDailyGoal)
	v.practices(key+".practices", a.Practices)
	if never(a, walks) {
		v.add(key, i18n.T("settings_file.problem.never_due"))
	}
	if a.Appointment && len(a.At) == 0 && !walks {
		v.add(key+".appointment", i18n.T("settings_file.problem.appointment_no_at"))
	}
}

func (v *validator) clockTimes(key string, times []ClockTime) {
	if n := len(times); n > MaxClockTimes {
		v.add(key, i18n.T("settings_file.problem.times", many(n, MaxClockTimes)))
	}
	v.times(key, times)
}

// times checks each time of a list, and that none comes twice.
func (v *validator) times(key string, times []ClockTime) {
	seen := map[ClockTime]bool{}
	for _, c := range times {
		v.clock(key, c)
		if seen[c] {
			v.add(key, i18n.T("settings_file.problem.twice", map[string]any{"Value": c.String()}))
		}
		seen[c] = true
	}
}

func (v *validator) practices(key string, list []string) {
	if len(list) == 0 {
		v.add(key, i18n.T("settings_file.problem.no_practices"))
	}
	if n := len(list); n > MaxPractices {
		v.add(key, i18n.T("settings_file.problem.practices", many(n, MaxPractices)))
	}
	for i, p := range list {
		item := key + "[" + strconv.Itoa(i+1) + "]"
		switch n := len([]rune(p)); {
		case strings.TrimSpace(p) == "":
			v.add(item, i18n.T("settings_file.problem.blank_practice"))
		case n > MaxPracticeText:
			v.add(item, i18n.T("settings_file.problem.long_practice", many(n, MaxPracticeText)))
		}
	}
}

func (v *validator) checkin(c Checkin) {
	switch c.At.Mode {
	case CheckinFirstActive, CheckinOff:
	case CheckinAtClock:
		v.clock("checkin.at", c.At.Clock)
	default:
		v.add("checkin.at", i18n.T("settings_file.problem.checkin_at"))
	}
}

func (v *validator) days(d *Days) {
	for _, day := range Weekdays {
		if !d.On(day).Valid() {
			v.add("days."+dayKey(day), i18n.T("settings_file.problem.load"))
		}
	}
}

// language accepts System or a language microrest ships.
func (v *validator) language(tag string) {
	if tag == i18n.System {
		return
	}
	for _, l := range i18n.Languages() {
		if l.Tag == tag {
			return
		}
	}
	v.add("language", i18n.T("settings_file.problem.language", map[string]any{"Value": strconv.Quote(tag), "Choices": languageChoices()}))
}

// languageChoices lists the shipped languages as the file takes them,
// each with its name: "de (Deutsch), en (English), …".
func languageChoices() string {
	var parts []string
	for _, l := range i18n.Languages() {
		parts = append(parts, i18n.T("settings_file.language_choice", map[string]any{"Tag": l.Tag, "Name": l.Name}))
	}
	return strings.Join(parts, ", ")
}

// dayTypeKeys names the day types as the file does, in file order.
var dayTypeKeys = []struct {
	key string
	of  func(*DayTypes) *DayType
}{
	{"rest", func(d *DayTypes) *DayType { return &d.Rest }},
	{"easy", func(d *DayTypes) *DayType { return &d.Easy }},
	{"hard", func(d *DayTypes) *DayType { return &d.Hard }},
	{"low_readiness", func(d *DayTypes) *DayType { return &d.LowReadiness }},
}

// dayTypes checks each override with the rules of the key it replaces,
// then each day's plan as a whole, so no kind of day leaves an enabled
// anchor without a trigger.
func (v *validator) dayTypes(s *Settings) {
	for _, dt := range dayTypeKeys {
		t := dt.of(&s.DayTypes)
		key := "day_types." + dt.key
		if t.Breathing != nil && !t.Breathing.Valid() {
			v.add(key+".breathing", i18n.T("settings_file.problem.breathing"))
		}
		for _, k := range Kinds {
			v.override(key+"."+k.String(), t.Of(k))
		}
	}
	seen := map[string]bool{}
	for _, load := range Loads {
		day, _ := s.ForDay(load, false)
		low, _ := s.ForDay(load, true)
		for _, k := range Kinds {
			walks := s.walks(k)
			v.layer(seen, "day_types."+load.String()+"."+k.String(), daysName(load, false), s.Anchors.Of(k), day.Anchors.Of(k), walks)
			v.layer(seen, "day_types.low_readiness."+k.String(), daysName(load, true), day.Anchors.Of(k), low.Anchors.Of(k), walks)
		}
	}
}

func (v *validator) override(key string, o *Override) {
	if o.Every != nil {
		v.duration(key+".every", *o.Every, EveryLimits)
	}
	if o.At != nil {
		v.clockTimes(key+".at", *o.At)
	}
	if o.Practice != nil {
		v.duration(key+".practice", *o.Practice, PracticeLimits)
	}
	if o.Practices != nil {
		v.practices(key+".practices", *o.Practices)
	}
	if o.DailyGoal != nil {
		v.count(key+".daily_goal", *o.DailyGoal, MaxDailyGoal)
	}
}

// layer reports an anchor that a day type leaves enabled with no trigger,
// or an appointment with no time, unless the plan it was laid on already
// did (that is reported where it came from). Each key is said once. Walks
// after meals are clock times the anchor keeps whatever the day.
func (v *validator) layer(seen map[string]bool, key, day string, under, plan *Anchor, walks bool) {
	if never(plan, walks) && !never(under, walks) && !seen[key] {
		seen[key] = true
		v.add(key, i18n.T("settings_file.problem.day_never_due", map[string]any{"Days": day}))
	}
	if plan.Appointment && len(plan.At) == 0 && len(under.At) > 0 && !walks && !seen[key+".at"] {
		seen[key+".at"] = true
		v.add(key+".at", i18n.T("settings_file.problem.day_no_at", map[string]any{"Days": day}))
	}
}

// daysName names the days a day type's plan runs on, "hard days", or
// with lower readiness, "low-readiness hard days".
func daysName(load TrainingLoad, low bool) string {
	switch {
	case load == LoadRest && low:
		return i18n.T("settings_file.days.low_rest")
	case load == LoadRest:
		return i18n.T("settings_file.days.rest")
	case load == LoadHard && low:
		return i18n.T("settings_file.days.low_hard")
	case load == LoadHard:
		return i18n.T("settings_file.days.hard")
	case low:
		return i18n.T("settings_file.days.low_easy")
	}
	return i18n.T("settings_file.days.easy")
}

// never reports whether an enabled anchor has no trigger at all.
func never(a *Anchor, walks bool) bool {
	return a.Enabled && a.Every == 0 && len(a.At) == 0 && !walks
}

func (v *validator) breathing(b *Breathing) {
	for _, m := range BreathModes {
		l, p := LimitsOf(m), b.Of(m)
		key := "breathing." + m.String()
		if !(p.Rate >= l.MinRate && p.Rate <= l.MaxRate) {
			v.add(key+".rate", i18n.T("settings_file.problem.out_of_range", map[string]any{"Value": formatFloat(p.Rate), "Range": l.DescribeRate()}))
		}
		if !(p.ExhaleRatio >= l.MinRatio && p.ExhaleRatio <= l.MaxRatio) {
			v.add(key+".exhale_ratio", i18n.T("settings_file.problem.out_of_range", map[string]any{"Value": formatFloat(p.ExhaleRatio), "Range": l.DescribeRatio()}))
		}
	}
}
