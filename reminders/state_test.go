package reminders

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

func TestStateSurvivesARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "microrest", "state.json")
	cfg := only(settings.Posture, settings.Hydration)
	s := newSim(t, cfg, tuesday(9, 0))
	s.work(30 * minute) // posture on screen
	s.do(Snooze{})
	s.work(5 * minute)
	if err := SaveState(path, s.e.State()); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("state file: %v, mode %v", err, info.Mode())
	}
	st, err := LoadState(path)
	if err != nil {
		t.Fatal(err)
	}
	before := s.snap()
	s.e = New(cfg, st, Options{Location: berlin})
	s.work(10 * time.Second) // a quick restart is no gap
	after := s.snap()
	for _, k := range []settings.Kind{settings.Posture, settings.Hydration} {
		b, a := before.Anchors[k], after.Anchors[k]
		if a.Accrued != b.Accrued+10*time.Second || a.Snoozed != b.Snoozed || a.TimeToNext != b.TimeToNext-10*time.Second {
			t.Errorf("%s: before %+v, after %+v", k, b, a)
		}
	}
	s.work(6 * minute)
	equal(t, "shown", s.shows(), []string{"09:30 Posture", "09:40 Posture + Hydration"})
	if s.prompt.ID != 2 {
		t.Errorf("prompt ID %d after a restart, want 2", s.prompt.ID)
	}
}

func TestLoadState(t *testing.T) {
	tests := []struct {
		name    string
		content string // "" writes no file
		wantErr string
		aside   bool
	}{
		{"a missing file is a first start", "", "", false},
		{"a valid file", `{"version":1,"next_prompt_id":7,"today_active":0}`, "", false},
		{"garbage is set aside", `{"version":1,`, "moved to", true},
		{"a newer version is set aside", `{"version":2}`, "version 2", true},
		{"a bad kind is set aside", `{"version":1,"anchors":[{"kind":"juggling"}]}`, "juggling", true},
		{"negative counts are set aside", `{"version":1,"anchors":[{"kind":"rest","wins":-1}]}`, "wins -1 is out of range", true},
		{"a huge practice index is set aside", `{"version":1,"anchors":[{"kind":"rest","practice":9223372036854775807}]}`, "practice 9223372036854775807 is out of range", true},
		{"a day of active time beyond two is set aside", `{"version":1,"today_active":180000000000000}`, "today_active", true},
		{"an accrued time beyond two days is set aside", `{"version":1,"anchors":[{"kind":"movement","accrued":9223372036854775807}]}`, "accrued", true},
		{"a snooze beyond a day is set aside", `{"version":1,"anchors":[{"kind":"movement","snooze_left":90000000000000}]}`, "snooze_left", true},
		{"a prompt id beyond 2^53 is set aside", `{"version":1,"next_prompt_id":18446744073709551615}`, "next_prompt_id", true},
		{"a time in year 9999 is set aside", `{"version":1,"anchors":[{"kind":"movement","deadline":"9999-01-01T00:00:00Z"}]}`, "deadline", true},
		{"a pause of a year is set aside", `{"version":1,"saved":"2026-03-10T09:00:00Z","paused_until":"2027-03-10T09:00:00Z"}`, "paused_until", true},
		{"a pending outcome kept as a journal line loads", `{"version":1,"pending":[{"time":"2026-03-10T10:00:00+01:00","anchor":"rest","outcome":"done","practice":"Lie down","active_min":58.5}]}`, "", false},
		{"a pending outcome without an anchor is set aside", `{"version":1,"pending":[{"time":"2026-03-10T09:00:00Z","outcome":"done"}]}`, "no anchor", true},
		{"a pending outcome with negative active time is set aside", `{"version":1,"pending":[{"time":"2026-03-10T09:00:00Z","anchor":"rest","outcome":"done","active_min":-1}]}`, "active_min", true},
		{"a pending check-in with a mood of 9 is set aside", `{"version":1,"pending_checkins":[{"time":"2026-03-10T09:00:00Z","mood":9}]}`, "mood 9", true},
		{"a pending check-in without a time is set aside", `{"version":1,"pending_checkins":[{"mood":3}]}`, "no time", true},
		{"a pending outcome with a bad kind is set aside", `{"version":1,"pending":[{"time":"2026-03-10T09:00:00Z","anchor":"juggling","outcome":"done"}]}`, "juggling", true},
		{"trailing data is set aside", `{"version":1} {}`, "after the state", true},
		{"today's plan, ticks and wake load", `{"version":1,"day_start":"2026-03-10T04:00:00+01:00","woke_at":"2026-03-10T08:00:00+01:00","reviewed_week":"2026-03-09T04:00:00+01:00",` +
			`"plan":[{"anchor":"movement","at":"12:30","meal":true,"to":"13:00"},{"anchor":"rest","at":"14:30","skip":true}],` +
			`"ticks":[{"anchor":"movement","clock":"2026-03-10T12:45:00+01:00","time":"2026-03-10T12:47:00+01:00","outcome":"done"}],` +
			`"anchors":[{"kind":"movement","accrued":0,"practice":0,"wins":0,"round":["2026-03-10T12:45:00+01:00"],"meal":true}],` +
			`"pending_wakes":["2026-03-09T07:58:00+01:00"]}`, "", false},
		{"a plan without a day is set aside", `{"version":1,"plan":[{"anchor":"rest","at":"14:30","skip":true}]}`, "no day_start", true},
		{"a wake without a day is set aside", `{"version":1,"woke_at":"2026-03-10T08:00:00+01:00"}`, "no day_start", true},
		{"a plan change that changes nothing is set aside", `{"version":1,"day_start":"2026-03-10T04:00:00+01:00","plan":[{"anchor":"rest","at":"14:30"}]}`, "neither skipped nor moved", true},
		{"a meal walk of rest is set aside", `{"version":1,"day_start":"2026-03-10T04:00:00+01:00","plan":[{"anchor":"rest","at":"12:30","meal":true,"skip":true}]}`, "only movement", true},
		{"a slot changed twice is set aside", `{"version":1,"day_start":"2026-03-10T04:00:00+01:00","plan":[{"anchor":"rest","at":"14:30","skip":true},{"anchor":"rest","at":"14:30","to":"15:00"}]}`, "twice", true},
		{"a plan moved to 25:00 is set aside", `{"version":1,"day_start":"2026-03-10T04:00:00+01:00","plan":[{"anchor":"rest","at":"14:30","to":"25:00"}]}`, "not a time of day", true},
		{"a tick without an outcome is set aside", `{"version":1,"day_start":"2026-03-10T04:00:00+01:00","ticks":[{"anchor":"rest","time":"2026-03-10T12:47:00+01:00"}]}`, "unknown outcome", true},
		{"a tick in year 9999 is set aside", `{"version":1,"day_start":"2026-03-10T04:00:00+01:00","ticks":[{"anchor":"rest","time":"9999-03-10T12:47:00Z","outcome":"done"}]}`, "not a time a clock could read", true},
		{"a pending wake without a time is set aside", `{"version":1,"pending_wakes":["0001-01-01T00:00:00Z"]}`, "pending wake", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "state.json")
			if tt.content != "" {
				if err := os.WriteFile(path, []byte(tt.content), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			_, err := LoadState(path)
			if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("error %v, want one containing %q", err, tt.wantErr)
			}
			aside, _ := filepath.Glob(path + ".corrupt-*")
			if (len(aside) == 1) != tt.aside {
				t.Errorf("set aside: %v", aside)
			}
		})
	}
}

func FuzzParseState(f *testing.F) {
	s := newSim(f, settings.Defaults(), tuesday(9, 0))
	s.work(time.Hour)
	f.Add([]byte(`{"version":1}`))
	f.Add([]byte(`{"version":1,"anchors":[{"kind":"movement","accrued":60000000000,"snoozed":true}]}`))
	f.Add([]byte(`{"version":1,"day_start":"2026-03-10T04:00:00+01:00","woke_at":"2026-03-10T08:00:00+01:00",` +
		`"plan":[{"anchor":"movement","at":"12:30","meal":true,"to":"13:00"},{"anchor":"rest","at":"14:30","skip":true}],` +
		`"ticks":[{"anchor":"movement","clock":"2026-03-10T12:45:00+01:00","time":"2026-03-10T12:47:00+01:00","outcome":"done"}],` +
		`"anchors":[{"kind":"movement","accrued":0,"practice":0,"wins":0,"round":["2026-03-10T12:45:00+01:00"],"meal":true}]}`))
	path := filepath.Join(f.TempDir(), "state.json")
	if err := SaveState(path, s.e.State()); err != nil {
		f.Fatal(err)
	}
	full, _ := os.ReadFile(path)
	f.Add(full)
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := parseState(data)
		if err != nil {
			return
		}
		e := New(settings.Defaults(), st, Options{Location: berlin})
		now := tuesday(10, 0)
		e.Step(Sample{Now: now})
		e.Snapshot(now)
		e.Do(now, MoveToday{Slot: lunch, To: settings.Clock(15, 0)})
		// Two prompts of every anchor walk the practice lists, where an
		// unchecked index once crashed the daemon at every start.
		for range 2 {
			for _, k := range settings.Kinds {
				now = now.Add(time.Minute)
				e.Do(now, TakeNow{Anchor: k})
				e.Do(now, Done{})
			}
		}
		if err := st.check(); err != nil {
			t.Fatalf("accepted a state that fails its check: %v", err)
		}
	})
}

func TestPendingOutcomesReadBackAsTheyWereKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	want := []Record{
		{Time: tuesday(9, 30), Anchor: settings.Rest, Outcome: OutcomeDone, Practice: "Lie down", Active: 58*time.Minute + 31*time.Second},
		{Time: tuesday(9, 31), Anchor: settings.Breath, Outcome: OutcomeSnoozed},
	}
	if err := SaveState(path, State{Pending: want}); err != nil {
		t.Fatal(err)
	}
	st, err := LoadState(path)
	if err != nil || len(st.Pending) != len(want) {
		t.Fatalf("read back %+v (%v)", st.Pending, err)
	}
	for i, got := range st.Pending {
		if w := want[i]; !got.Time.Equal(w.Time) || got.Anchor != w.Anchor || got.Outcome != w.Outcome || got.Practice != w.Practice || got.Active != w.Active {
			t.Errorf("pending %d read back as %+v, want %+v", i, got, w)
		}
	}
}
