package reminders

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

// wokes lists each Woke event as "Mon 15:04 (day of Mon 15:04)": the
// first active minute and the start of the day the engine was in.
func wokes(s *sim) *[]string {
	var out []string
	step := s.onStep
	s.onStep = func(smp Sample, evs []Event) {
		for _, ev := range evs {
			if w, ok := ev.(Woke); ok {
				out = append(out, w.At.In(berlin).Format("Mon 15:04")+" (day of "+s.e.dayStart.In(berlin).Format("Mon 15:04")+")")
			}
		}
		if step != nil {
			step(smp, evs)
		}
	}
	return &out
}

// reviews lists each ReviewDue event as "Mon 15:04 for Mon 02 Jan 15:04":
// when it came, and the week it names.
func reviews(s *sim) *[]string {
	var out []string
	step := s.onStep
	s.onStep = func(smp Sample, evs []Event) {
		for _, ev := range evs {
			if r, ok := ev.(ReviewDue); ok {
				out = append(out, s.now.In(berlin).Format("Mon 15:04")+" for "+r.Week.In(berlin).Format("Mon 02 Jan 15:04"))
			}
		}
		if step != nil {
			step(smp, evs)
		}
	}
	return &out
}

func TestWokeMarksTheFirstActiveMinuteOfEachDay(t *testing.T) {
	tests := []struct {
		name  string
		start time.Time
		act   func(s *sim)
		want  []string
	}{
		{"working past midnight belongs to the day before", day(2026, time.March, 9, 20, 0), func(s *sim) {
			s.workUntil(23, 0)
			s.lock(time.Hour)
			s.workUntil(2, 30) // Tuesday 00:00 to 02:30: still Monday's day
			s.lock(5 * time.Hour)
			s.work(10 * minute)
		}, []string{"Tue 07:30 (day of Tue 04:00)"}},
		{"activity at 02:00 is the first of a day that had none before", day(2026, time.March, 9, 2, 0), func(s *sim) {
			s.lock(24 * time.Hour) // Monday 04:00 passes while locked
			s.work(10 * minute)    // Tuesday 02:00: Monday's day
			s.lock(6 * time.Hour)
			s.work(10 * minute)
		}, []string{"Tue 02:00 (day of Mon 04:00)", "Tue 08:10 (day of Tue 04:00)"}},
		{"a day start passed while locked is no wake; the return is", day(2026, time.March, 9, 20, 0), func(s *sim) {
			s.lock(8*time.Hour + 30*minute) // across Tuesday 04:00
			s.work(time.Minute)
		}, []string{"Tue 04:30 (day of Tue 04:00)"}},
		{"spring forward: a 23-hour night", day(2026, time.March, 28, 20, 0), func(s *sim) {
			s.workUntil(23, 30)
			s.lock(3 * time.Hour) // 02:30 CET does not exist; it is 03:30 CEST
			s.work(10 * minute)
			s.lock(4 * time.Hour)
			s.work(10 * minute)
		}, []string{"Sun 07:40 (day of Sun 04:00)"}},
		{"fall back: a 25-hour night", day(2026, time.October, 24, 20, 0), func(s *sim) {
			s.workUntil(23, 30)
			s.lock(4 * time.Hour) // to the second 02:30
			s.work(10 * minute)
			s.lock(5 * time.Hour)
			s.work(10 * minute)
		}, []string{"Sun 07:40 (day of Sun 04:00)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, only(settings.Posture), tt.start) // the start's own wake comes at the first sample
			got := wokes(s)
			tt.act(s)
			equal(t, "woke", *got, tt.want)
		})
	}
}

func TestWokeComesOnceADayEvenAcrossARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	s := newSim(t, only(settings.Posture), tuesday(8, 0))
	if n := count[Woke](s.events); n != 1 {
		t.Fatalf("%d wakes at the first sample, want 1", n)
	}
	got := wokes(s)
	s.work(time.Hour)
	if err := SaveState(path, s.e.State()); err != nil {
		t.Fatal(err)
	}
	st, err := LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	if !st.WokeAt.Equal(tuesday(8, 0)) {
		t.Fatalf("state keeps woke_at %v, want 08:00", st.WokeAt)
	}
	s.e = New(s.e.base, st, Options{Location: berlin})
	s.workUntil(12, 0)
	s.lock(20 * time.Hour)
	s.work(time.Minute)
	equal(t, "woke after the first", *got, []string{"Wed 08:00 (day of Wed 04:00)"})
}

// mondayReady is a state saved on the Friday before Monday 9 March 2026,
// by an engine that has run before: not a first start.
func mondayReady() State {
	friday := day(2026, time.March, 6, 18, 0)
	return State{Version: stateVersion, Saved: friday, DayStart: day(2026, time.March, 6, 4, 0), ReviewedWeek: day(2026, time.March, 2, 4, 0)}
}

func TestWeeklyReviewComesAtTheFirstActiveMinuteOfTheWeekOnce(t *testing.T) {
	tests := []struct {
		name string
		cfg  settings.Settings
		act  func(s *sim)
		want []string
	}{
		{"at the first active minute of Monday's working hours", withHours(only(settings.Posture)), func(s *sim) {
			s.suspend(s.until(7, 30)) // Monday 07:30: before active hours
			s.workUntil(9, 0)
			s.lock(23 * time.Hour)
			s.workUntil(12, 0)
		}, []string{"Mon 08:00 for Mon 09 Mar 04:00"}},
		{"the week turns at Monday's day start, not at midnight", only(settings.Posture), func(s *sim) {
			s.workUntil(5, 0) // working through the night since 03:00, still Sunday's day
		}, []string{"Mon 04:00 for Mon 09 Mar 04:00"}},
		{"deferred by a pause", only(settings.Posture), func(s *sim) {
			s.suspend(s.until(7, 0))
			s.do(Pause{Until: day(2026, time.March, 9, 9, 30)})
			s.workUntil(10, 0)
		}, []string{"Mon 09:30 for Mon 09 Mar 04:00"}},
		{"deferred while away", only(settings.Posture), func(s *sim) {
			s.suspend(s.until(8, 0))
			s.lock(2 * time.Hour)
			s.workUntil(11, 0)
		}, []string{"Mon 10:00 for Mon 09 Mar 04:00"}},
		{"deferred by do-not-disturb", only(settings.Posture), func(s *sim) {
			s.do(SetDND{On: true})
			s.suspend(s.until(8, 0))
			s.workUntil(9, 15)
			s.do(SetDND{On: false})
			s.work(time.Minute)
		}, []string{"Mon 09:15 for Mon 09 Mar 04:00"}},
		{"once a week, every week", only(settings.Posture), func(s *sim) {
			for range 14 {
				s.suspend(s.until(9, 0))
				s.workUntil(10, 0)
			}
		}, []string{"Mon 09:00 for Mon 09 Mar 04:00", "Mon 09:00 for Mon 16 Mar 04:00"}},
		{"off with weekly_review = false", func() settings.Settings {
			cfg := only(settings.Posture)
			cfg.WeeklyReview = false
			return cfg
		}(), func(s *sim) {
			s.suspend(s.until(9, 0))
			s.workUntil(10, 0)
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Monday 03:00 still belongs to Sunday, in last week.
			s := &sim{t: t, e: New(tt.cfg, mondayReady(), Options{Location: berlin}), now: day(2026, time.March, 9, 3, 0), step: 10 * time.Second}
			got := reviews(s)
			s.sample(false)
			tt.act(s)
			equal(t, "reviews", *got, tt.want)
		})
	}
}

func TestWeeklyReviewIsNotOfferedAgainAfterARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	cfg := only(settings.Posture)
	s := &sim{t: t, e: New(cfg, mondayReady(), Options{Location: berlin}), now: day(2026, time.March, 9, 9, 0), step: 10 * time.Second}
	got := reviews(s)
	s.work(time.Minute)
	if err := SaveState(path, s.e.State()); err != nil {
		t.Fatal(err)
	}
	st, err := LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	s.e = New(cfg, st, Options{Location: berlin})
	s.work(time.Hour)
	s.suspend(s.until(9, 0)) // Tuesday
	s.workUntil(10, 0)
	equal(t, "reviews", *got, []string{"Mon 09:00 for Mon 09 Mar 04:00"})
}

func TestAFirstStartHasNoLastWeekToReview(t *testing.T) {
	s := newSim(t, only(settings.Posture), day(2026, time.March, 11, 9, 0)) // a Wednesday
	got := reviews(s)
	s.workUntil(10, 0)
	s.suspend(s.until(9, 0)) // Thursday
	for range 5 {
		s.workUntil(10, 0)
		s.suspend(s.until(9, 0))
	}
	equal(t, "reviews", *got, []string{"Mon 09:00 for Mon 16 Mar 04:00"})
	if n := count[ReviewDue](s.events); n != 1 {
		t.Fatalf("%d reviews, want only next Monday's", n)
	}
}

func TestAnEngineThatRanBeforeOffersThisWeeksReviewAtOnce(t *testing.T) {
	st := State{Version: stateVersion, Saved: day(2026, time.March, 11, 8, 0), DayStart: day(2026, time.March, 11, 4, 0)}
	s := &sim{t: t, e: New(only(settings.Posture), st, Options{Location: berlin}), now: day(2026, time.March, 11, 9, 0), step: 10 * time.Second}
	got := reviews(s)
	s.work(time.Minute)
	equal(t, "reviews", *got, []string{"Wed 09:00 for Mon 09 Mar 04:00"})
}
