package journal

import (
	"testing"
	"time"
	_ "time/tzdata" // Europe/Berlin must load even on machines without zoneinfo.

	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// berlin is a real zone with DST, because fixed zones hide the bugs that
// matter on the two days a year the clocks change.
func berlin(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatalf("load Europe/Berlin: %v", err)
	}
	return loc
}

var plusOne = time.FixedZone("+01:00", 60*60)

func at(loc *time.Location, y int, m time.Month, d, hour, minute int) time.Time {
	return time.Date(y, m, d, hour, minute, 0, 0, loc)
}

func entry(t time.Time, k settings.Kind, o reminders.Outcome, active time.Duration) Entry {
	return Entry{Time: t, Anchor: k, Outcome: o, Active: active}
}

// sameEntry compares instants and offsets rather than *time.Location, which
// differs between a zone and the fixed offset a line records.
func sameEntry(a, b Entry) bool {
	_, offA := a.Time.Zone()
	_, offB := b.Time.Zone()
	return a.Time.Equal(b.Time) && offA == offB &&
		a.Anchor == b.Anchor && a.Outcome == b.Outcome &&
		a.Practice == b.Practice && a.Active == b.Active
}

// sameCheckin compares as sameEntry does.
func sameCheckin(a, b Checkin) bool {
	_, offA := a.Time.Zone()
	_, offB := b.Time.Zone()
	sameTime := a.Time.Equal(b.Time) && offA == offB
	a.Time, b.Time = time.Time{}, time.Time{}
	return sameTime && a == b
}

// sameLine compares lines of any kind.
func sameLine(a, b Line) bool {
	if a.Kind != b.Kind {
		return false
	}
	switch a.Kind {
	case KindCheckin:
		return sameCheckin(a.Checkin, b.Checkin)
	case KindWake:
		return sameInstant(a.Wake, b.Wake)
	}
	return sameEntry(a.Entry, b.Entry)
}

// sameInstant compares as sameEntry does its time.
func sameInstant(a, b time.Time) bool {
	_, offA := a.Zone()
	_, offB := b.Zone()
	return a.Equal(b) && offA == offB
}

func checkin(t time.Time, stiffness, mood, energy, sleep int, load settings.TrainingLoad) Checkin {
	return Checkin{Time: t, Stiffness: stiffness, Mood: mood, Energy: energy, SleepQuality: sleep, Load: load}
}
