package reminders

import (
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// readinessToday is the day every readiness case reads.
var readinessToday = day(2026, time.March, 10, 9, 30)

// ck is a check-in daysAgo days before readinessToday, at hour:00.
func ck(daysAgo, hour, stiffness, mood, energy, sleep int) Checkin {
	lt := readinessToday
	return Checkin{
		Time:      time.Date(lt.Year(), lt.Month(), lt.Day()-daysAgo, hour, 0, 0, 0, berlin),
		Stiffness: stiffness, Mood: mood, Energy: energy, SleepQuality: sleep,
	}
}

// steady is a baseline of identical check-ins on the given days ago.
func steady(daysAgo ...int) []Checkin {
	var out []Checkin
	for _, d := range daysAgo {
		out = append(out, ck(d, 8, 2, 3, 3, 3))
	}
	return out
}

// moodOnly is a baseline that answers mood alone on the given days ago.
func moodOnly(daysAgo ...int) []Checkin {
	var out []Checkin
	for _, d := range daysAgo {
		out = append(out, ck(d, 8, 0, 3, 0, 0))
	}
	return out
}

func days(from, to int) []int {
	var out []int
	for d := from; d <= to; d++ {
		out = append(out, d)
	}
	return out
}

func TestReadinessAgainstYourOwnBaseline(t *testing.T) {
	alternating := func() []Checkin {
		var out []Checkin
		for d := 1; d <= 10; d++ {
			v := 3 + d%2 // 4, 3, 4, 3...
			out = append(out, ck(d, 8, 6-v, v, v, v))
		}
		return out
	}
	tests := []struct {
		name     string
		checkins []Checkin
		level    ReadinessLevel
		baseline int
		want     string
	}{
		{"no check-in today", steady(days(1, 10)...), ReadinessUnknown, 0, "no reading: no-checkin"},
		{"fewer than seven", append(steady(days(1, 6)...), ck(0, 8, 2, 3, 3, 3)), ReadinessUnknown, 6, "no reading: few-checkins"},
		{"day 28 is in the window", append(steady(append(days(1, 6), 28)...), ck(0, 8, 2, 3, 3, 3)), ReadinessUsual, 7, "as usual"},
		{"day 29 is out of it", append(steady(append(days(1, 6), 29)...), ck(0, 8, 2, 3, 3, 3)), ReadinessUnknown, 6, "no reading: few-checkins"},
		{"constant answers, one point less energy", append(steady(days(1, 7)...), ck(0, 8, 2, 3, 2, 3)), ReadinessUsual, 7, "as usual: energy worse"},
		{"constant answers, stiffer, lower mood and energy", append(steady(days(1, 7)...), ck(0, 8, 3, 2, 2, 3)), ReadinessLower, 7, "lower than usual: stiffness worse, mood worse, energy worse"},
		{"constant answers, all better", append(steady(days(1, 7)...), ck(0, 8, 1, 4, 4, 4)), ReadinessHigher, 7, "higher than usual: stiffness better, mood better, energy better, sleep quality better"},
		{"spread read in standard deviations: half a point over is 0.95 SD, not named", append(alternating(), ck(0, 8, 2, 4, 4, 4)), ReadinessHigher, 10, "higher than usual"},
		{"a low day against a varied baseline", append(alternating(), ck(0, 8, 4, 2, 2, 3)), ReadinessLower, 10, "lower than usual: stiffness worse, mood worse, energy worse"},
		{"one item missing today", append(steady(days(1, 7)...), Checkin{Time: ck(0, 8, 0, 0, 0, 0).Time, Stiffness: 3, Energy: 2, SleepQuality: 3}), ReadinessLower, 7, "lower than usual: stiffness worse, energy worse"},
		{"a later check-in replaces today's", append(steady(days(1, 7)...), ck(0, 10, 2, 3, 3, 3), ck(0, 8, 5, 1, 1, 1)), ReadinessUsual, 7, "as usual"},
		{"a baseline day with two check-ins counts once", append(steady(1, 1, 2, 3, 4, 5, 6), ck(0, 8, 2, 3, 3, 3)), ReadinessUnknown, 6, "no reading: few-checkins"},
		{"before the day's start belongs to the day before", append(steady(days(1, 7)...), ck(-1, 2, 2, 3, 3, 3)), ReadinessUsual, 7, "as usual"},
		{"no item answered on enough days", append(moodOnly(days(1, 7)...), Checkin{Time: ck(0, 8, 0, 0, 0, 0).Time, Energy: 2}), ReadinessUnknown, 7, "no reading: few-answers"},
		{"a check-in with no answers is no check-in", append(steady(days(1, 7)...), Checkin{Time: ck(0, 8, 0, 0, 0, 0).Time, Load: settings.LoadHard}), ReadinessUnknown, 0, "no reading: no-checkin"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Readiness(tc.checkins, readinessToday, settings.Clock(4, 0), berlin)
			if r.Level != tc.level || r.Baseline != tc.baseline || r.String() != tc.want {
				t.Fatalf("got %s, baseline %d, %q (score %.2f, items %+v)\nwant %s, baseline %d, %q", r.Level, r.Baseline, r, r.Score, r.Items, tc.level, tc.baseline, tc.want)
			}
			if (r.Reason == ReadingRead) != (r.Level != ReadinessUnknown) {
				t.Fatalf("reason %s with level %s", r.Reason, r.Level)
			}
			if r.Low() != (tc.level == ReadinessLower) {
				t.Fatalf("Low() = %v for %s", r.Low(), r.Level)
			}
		})
	}
}

func TestReadinessLeavesOutAnItemWithTooFewAnswers(t *testing.T) {
	base := steady(days(1, 7)...)
	for i := range base[:2] {
		base[i].Mood = 0
	}
	r := Readiness(append(base, ck(0, 8, 2, 1, 3, 3)), readinessToday, settings.Clock(4, 0), berlin)
	for _, it := range r.Items {
		if it.Item == Mood {
			t.Fatalf("mood was read from 5 answers: %+v", r)
		}
	}
	if r.Level != ReadinessUsual || len(r.Items) != 3 {
		t.Fatalf("got %s from %d items", r, len(r.Items))
	}
}

func TestReadinessWordsMakeNoClaims(t *testing.T) {
	for _, l := range []ReadinessLevel{ReadinessUnknown, ReadinessLower, ReadinessUsual, ReadinessHigher} {
		for _, w := range []string{"ill", "injur", "overtrain", "risk", "diagnos"} {
			if strings.Contains(l.String(), w) {
				t.Errorf("%q says %q", l, w)
			}
		}
	}
}
