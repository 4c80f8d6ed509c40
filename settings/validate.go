package settings

import (
	"fmt"
	"strings"
	"time"
)

// Problem is one thing wrong with a settings file, said so a person can
// find it and fix it.
type Problem struct {
	// Key is the dotted TOML key, e.g. "anchors.movement.every".
	Key string
	// Line is the 1-based line in the file, or 0 when unknown.
	Line int
	// Message says what is wrong and what is allowed.
	Message string
}

// String writes "line 12: anchors.movement.every: ...".
func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", p.Line)
	}
	if p.Key != "" {
		b.WriteString(p.Key + ": ")
	}
	b.WriteString(p.Message)
	return b.String()
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

// Describe writes the range for comments and messages: "1m to 12h, or off".
func (l Limits) Describe() string {
	s := Duration(l.Min).String() + " to " + Duration(l.Max).String()
	if l.Off {
		s += `, or "off"`
	}
	return s
}

// Check returns a message when d is outside the limits, or "".
func (l Limits) Check(d Duration) string {
	switch {
	case d == 0 && l.Off:
		return ""
	case d == 0:
		return fmt.Sprintf(`cannot be "off"; use %s`, l.Describe())
	case d.D() < l.Min:
		return fmt.Sprintf("%s is too short; use %s", d, l.Describe())
	case d.D() > l.Max:
		return fmt.Sprintf("%s is too long; use %s", d, l.Describe())
	}
	return ""
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
	return v.problems
}

type validator struct{ problems []Problem }

func (v *validator) add(key, format string, args ...any) {
	v.problems = append(v.problems, Problem{Key: key, Message: fmt.Sprintf(format, args...)})
}

func (v *validator) duration(key string, d Duration, l Limits) {
	if msg := l.Check(d); msg != "" {
		v.add(key, "%s", msg)
	}
}

func (v *validator) clock(key string, c ClockTime) {
	if c < 0 || c >= Clock(24, 0) {
		v.add(key, "%s is not a time of day; use 00:00 to 23:59", c)
	}
}

func (v *validator) count(key string, n, most int) {
	if n < 0 || n > most {
		v.add(key, "%d is out of range; use 0 to %d", n, most)
	}
}

func (v *validator) pauseChoices(choices []Duration) {
	if len(choices) > MaxPauseChoices {
		v.add("pause_choices", "has %d lengths; the tray menu offers at most %d", len(choices), MaxPauseChoices)
	}
	for i, d := range choices {
		v.duration(fmt.Sprintf("pause_choices[%d]", i+1), d, PauseChoiceLimits)
	}
}

func (v *validator) week(w *Week) {
	for _, day := range Weekdays {
		span := w.On(day)
		if span.Off() {
			continue
		}
		if span.Start < 0 || span.End > Clock(24, 0) || span.End <= span.Start {
			v.add("active_hours."+dayKey(day), "%s is not a span of hours; write it like \"08:00-18:00\", or \"off\"", span)
		}
	}
}

func dayKey(day time.Weekday) string { return strings.ToLower(day.String()[:3]) }

// meals checks the meal times and the walk after them. The walk is a
// clock time, so its delay is whole minutes.
func (v *validator) meals(s Settings) {
	if len(s.Meals) > MaxMeals {
		v.add("meals", "has %d meals; use at most %d", len(s.Meals), MaxMeals)
	}
	seen := map[ClockTime]bool{}
	for _, c := range s.Meals {
		v.clock("meals", c)
		if seen[c] {
			v.add("meals", "lists %s twice", c)
		}
		seen[c] = true
	}
	v.duration("after_meal", s.AfterMeal, AfterMealLimits)
	if s.AfterMeal.D()%time.Minute != 0 {
		v.add("after_meal", "%s is not whole minutes; the walk comes at a time of day, to the minute", s.AfterMeal)
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
		v.add(key, `is enabled but has neither "every" nor "at", so it would never come due; set one, or set enabled = false`)
	}
	if a.Appointment && len(a.At) == 0 && !walks {
		v.add(key+".appointment", `applies to clock times, but "at" is empty; add a time like "22:00"`)
	}
}

func (v *validator) clockTimes(key string, times []ClockTime) {
	if len(times) > MaxClockTimes {
		v.add(key, "has %d times; use at most %d", len(times), MaxClockTimes)
	}
	seen := map[ClockTime]bool{}
	for _, c := range times {
		v.clock(key, c)
		if seen[c] {
			v.add(key, "lists %s twice", c)
		}
		seen[c] = true
	}
}

func (v *validator) practices(key string, list []string) {
	if len(list) == 0 {
		v.add(key, "is empty; give at least one concrete practice to suggest")
	}
	if len(list) > MaxPractices {
		v.add(key, "has %d entries; use at most %d", len(list), MaxPractices)
	}
	for i, p := range list {
		item := fmt.Sprintf("%s[%d]", key, i+1)
		switch {
		case strings.TrimSpace(p) == "":
			v.add(item, "is blank; write the practice, or remove the entry")
		case len([]rune(p)) > MaxPracticeText:
			v.add(item, "is %d characters long; keep it under %d so it fits a notification", len([]rune(p)), MaxPracticeText)
		}
	}
}

func (v *validator) checkin(c Checkin) {
	switch c.At.Mode {
	case CheckinFirstActive, CheckinOff:
	case CheckinAtClock:
		v.clock("checkin.at", c.At.Clock)
	default:
		v.add("checkin.at", `is not a check-in time; write "first-active", a time like "09:00", or "off"`)
	}
}

func (v *validator) days(d *Days) {
	for _, day := range Weekdays {
		if !d.On(day).Valid() {
			v.add("days."+dayKey(day), "is not a training load; use rest, easy or hard")
		}
	}
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
			v.add(key+".breathing", "is not a breathing mode; use calm, sleep or controlled")
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
			v.layer(seen, "day_types."+load.String()+"."+k.String(), load.String()+" days", s.Anchors.Of(k), day.Anchors.Of(k), walks)
			v.layer(seen, "day_types.low_readiness."+k.String(), "low readiness "+load.String()+" days", day.Anchors.Of(k), low.Anchors.Of(k), walks)
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
		v.add(key, `leaves the anchor enabled on %s with neither "every" nor "at", so it would never come due; set one, or set enabled = false`, day)
	}
	if plan.Appointment && len(plan.At) == 0 && len(under.At) > 0 && !walks && !seen[key+".at"] {
		seen[key+".at"] = true
		v.add(key+".at", "is empty on %s, but the anchor is an appointment, which needs clock times", day)
	}
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
			v.add(key+".rate", "%s is out of range; use %s", formatFloat(p.Rate), l.DescribeRate())
		}
		if !(p.ExhaleRatio >= l.MinRatio && p.ExhaleRatio <= l.MaxRatio) {
			v.add(key+".exhale_ratio", "%s is out of range; use %s", formatFloat(p.ExhaleRatio), l.DescribeRatio())
		}
	}
}
