// Package settings owns what a person can change about microrest: the
// schema, its defaults, the rules a valid file follows, and how the file is
// read and written. It imports no toolkit, so the daemon, the CLI and the
// UI process all share one source of truth.
package settings

import (
	"time"

	"github.com/microrest/microrest/i18n"
)

// Settings is everything in settings.toml.
type Settings struct {
	// IdleThreshold is how long without input still counts as sitting at
	// the desk (reading, thinking); past it the whole stretch is away time.
	IdleThreshold Duration `toml:"idle_threshold"`
	// DayStartsAt is when "today" rolls over for goals and tallies, so a
	// late evening still belongs to the day it started in.
	DayStartsAt ClockTime `toml:"day_starts_at"`
	// ClockGrace is how long after a clock-time anchor a returning person
	// is still offered it; later it is journaled as missed.
	ClockGrace Duration `toml:"clock_grace"`
	// CombineWithin joins anchors that come due this close together into
	// one prompt, so one break serves several.
	CombineWithin Duration `toml:"combine_within"`
	// ReturnQuiet keeps prompts back for a while after a natural break,
	// so nobody is nagged the moment they sit down again.
	ReturnQuiet Duration `toml:"return_quiet"`
	// Sound asks the notification server to play its message sound.
	Sound bool `toml:"sound"`
	// RespectDND defers prompts while the desktop's do-not-disturb is on or
	// a window is fullscreen (presentations, calls, videos).
	RespectDND bool `toml:"respect_dnd"`
	// Autostart starts the daemon when the person logs in.
	Autostart bool `toml:"autostart"`
	// PauseChoices are the lengths offered in the tray's Pause menu.
	PauseChoices []Duration `toml:"pause_choices"`
	// Escalation says what happens to a prompt nobody answers.
	Escalation Escalation `toml:"escalation"`
	// ActiveHours limits prompts to these hours of each weekday.
	ActiveHours Week `toml:"active_hours"`
	// Anchors holds one block per recovery anchor.
	Anchors Anchors `toml:"anchors"`
	// Checkin says when the daily check-in is asked.
	Checkin Checkin `toml:"checkin"`
	// Days plans the training load of each weekday; the check-in's answer
	// replaces it for its day.
	Days Days `toml:"days"`
	// DayTypes says how each kind of day changes the anchors.
	DayTypes DayTypes `toml:"day_types"`
	// Breathing paces the guided breath session's patterns.
	Breathing Breathing `toml:"breathing"`
	// Meals are the times of day the person eats. A short walk after a
	// meal is one of the easiest movement habits to keep, so each meal
	// brings the movement anchor due AfterMeal later.
	Meals []ClockTime `toml:"meals"`
	// AfterMeal is how long after each meal the walk comes; "off" turns
	// the walks after meals off.
	AfterMeal Duration `toml:"after_meal"`
	// WeeklyReview offers last week's review at the first active minute of
	// each week.
	WeeklyReview bool `toml:"weekly_review"`
	// Language is what the tray, the notifications, the windows and the
	// command line speak: i18n.System follows the desktop, or a tag
	// i18n.Languages lists ("de", "pt-BR").
	Language string `toml:"language"`
}

// MealWalksOn reports whether meals bring walks: some meal is set and
// AfterMeal is not off. The movement anchor's own switch still decides.
func (s Settings) MealWalksOn() bool { return s.AfterMeal > 0 && len(s.Meals) > 0 }

// WalkAfter returns the time of day of the walk after a meal at meal,
// wrapping past midnight: a 23:50 dinner walks at 00:05.
func (s Settings) WalkAfter(meal ClockTime) ClockTime {
	day := int(Clock(24, 0))
	return ClockTime((int(meal) + int(s.AfterMeal.D()/time.Minute)) % day)
}

// Escalation re-issues an ignored prompt a few times, then gives up and
// journals it as missed. It never blocks the screen.
type Escalation struct {
	// After is how much active time passes before an unanswered prompt is
	// shown again.
	After Duration `toml:"after"`
	// Repeats is how many times it is shown again before it counts as missed.
	Repeats int `toml:"repeats"`
	// Window opens a small, non-modal prompt window on the last repeat.
	Window bool `toml:"window"`
}

// Week holds one Span per weekday.
type Week struct {
	Mon Span `toml:"mon"`
	Tue Span `toml:"tue"`
	Wed Span `toml:"wed"`
	Thu Span `toml:"thu"`
	Fri Span `toml:"fri"`
	Sat Span `toml:"sat"`
	Sun Span `toml:"sun"`
}

// Weekdays lists the days Monday first, as a working week is read.
var Weekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

// On returns the span for a weekday.
func (w *Week) On(day time.Weekday) *Span {
	return [...]*Span{&w.Sun, &w.Mon, &w.Tue, &w.Wed, &w.Thu, &w.Fri, &w.Sat}[day]
}

// Anchors holds the settings of every recovery anchor.
type Anchors struct {
	Movement  Anchor `toml:"movement"`
	Breath    Anchor `toml:"breath"`
	Posture   Anchor `toml:"posture"`
	Hydration Anchor `toml:"hydration"`
	Rest      Anchor `toml:"rest"`
	WindDown  Anchor `toml:"wind-down"`
}

// Of returns the settings of one anchor.
func (a *Anchors) Of(k Kind) *Anchor {
	return [...]*Anchor{&a.Movement, &a.Breath, &a.Posture, &a.Hydration, &a.Rest, &a.WindDown}[k]
}

// Anchor is one recovery anchor: when it comes due and what it asks for.
type Anchor struct {
	// Enabled turns the anchor on.
	Enabled bool `toml:"enabled"`
	// Every brings the anchor due after this much active time; "off" for
	// clock times only.
	Every Duration `toml:"every"`
	// At brings the anchor due at these local times of day.
	At []ClockTime `toml:"at"`
	// Practice is how long the practice takes; going away this long after
	// the prompt counts as done.
	Practice Duration `toml:"practice"`
	// Snooze is how much active time a snoozed prompt waits.
	Snooze Duration `toml:"snooze"`
	// NaturalBreak is how long away from the desk satisfies the anchor by
	// itself; "off" when being away does not do the practice.
	NaturalBreak Duration `toml:"natural_break"`
	// DailyGoal is how many wins a day the anchor aims for; once met it stops
	// prompting that day. 0 means no goal.
	DailyGoal int `toml:"daily_goal"`
	// Appointment makes the clock times non-negotiable: they come even when
	// paused or outside active hours, and the prompt offers no Skip.
	Appointment bool `toml:"appointment"`
	// Practices are concrete suggestions, offered in turn.
	Practices []string `toml:"practices"`
}

// Defaults returns the settings microrest starts with: conservative
// intervals that add up over a day without nagging.
func Defaults() Settings {
	workday := Span{Start: Clock(8, 0), End: Clock(19, 0)}
	return Settings{
		IdleThreshold: Duration(3 * time.Minute),
		DayStartsAt:   Clock(4, 0),
		ClockGrace:    Duration(60 * time.Minute),
		CombineWithin: Duration(5 * time.Minute),
		ReturnQuiet:   Duration(2 * time.Minute),
		Sound:         true,
		RespectDND:    true,
		Autostart:     false,
		PauseChoices:  []Duration{Duration(30 * time.Minute), Duration(time.Hour), Duration(2 * time.Hour)},
		Escalation:    Escalation{After: Duration(5 * time.Minute), Repeats: 2},
		ActiveHours: Week{
			Mon: workday, Tue: workday, Wed: workday, Thu: workday, Fri: workday,
		},
		Anchors: Anchors{
			Movement:  defaultMovement(),
			Breath:    defaultBreath(),
			Posture:   defaultPosture(),
			Hydration: defaultHydration(),
			Rest:      defaultRest(),
			WindDown:  defaultWindDown(),
		},
		Days:         defaultDays(),
		DayTypes:     defaultDayTypes(),
		Breathing:    defaultBreathing(),
		Meals:        []ClockTime{Clock(12, 30)},
		AfterMeal:    minutes(15),
		WeeklyReview: true,
		Language:     i18n.System,
	}
}

func minutes(n int) Duration { return Duration(time.Duration(n) * time.Minute) }

// defaultMovement has no clock time of its own: the after-lunch walk
// comes from the 12:30 meal (Settings.Meals), so moving lunch moves it.
func defaultMovement() Anchor {
	return Anchor{
		Enabled:      true,
		Every:        minutes(60),
		Practice:     minutes(2),
		Snooze:       minutes(10),
		NaturalBreak: minutes(3),
		Practices:    practices(movementPractices),
	}
}

func defaultBreath() Anchor {
	return Anchor{
		Enabled:   true,
		Every:     minutes(90),
		Practice:  minutes(1),
		Snooze:    minutes(10),
		Practices: practices(breathPractices),
	}
}

func defaultPosture() Anchor {
	return Anchor{
		Enabled:   true,
		Every:     minutes(30),
		Practice:  Duration(30 * time.Second),
		Snooze:    minutes(10),
		Practices: practices(posturePractices),
	}
}

func defaultHydration() Anchor {
	return Anchor{
		Enabled:   true,
		Every:     minutes(45),
		Practice:  Duration(30 * time.Second),
		Snooze:    minutes(10),
		DailyGoal: 8,
		Practices: practices(hydrationPractices),
	}
}

func defaultRest() Anchor {
	return Anchor{
		Enabled:      true,
		At:           []ClockTime{Clock(14, 30)},
		Practice:     minutes(15),
		Snooze:       minutes(20),
		NaturalBreak: minutes(10),
		Practices:    practices(restPractices),
	}
}

func defaultWindDown() Anchor {
	return Anchor{
		Enabled:     true,
		At:          []ClockTime{Clock(22, 0)},
		Practice:    minutes(10),
		Snooze:      minutes(10),
		Appointment: true,
		Practices:   practices(windDownPractices),
	}
}
