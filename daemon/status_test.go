package daemon

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/activity"
	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

func TestTheTrayAndTheCLIWordTheStatusAlike(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.Local)
	anchors := []reminders.AnchorStatus{
		{Kind: settings.Movement, Enabled: true, TimeToNext: 12*time.Minute + 20*time.Second, TodayWins: 1},
		{Kind: settings.Hydration, Enabled: true, TimeToNext: 40 * time.Minute, TodayWins: 3, Goal: 8},
		{Kind: settings.WindDown, Enabled: true, NextClock: time.Date(2026, 12, 1, 22, 0, 0, 0, time.Local)},
	}
	p := &reminders.Prompt{ID: 2, Items: []reminders.Item{{Anchor: settings.Posture, Practice: "chin tuck"}}}
	tests := []struct {
		name string
		snap reminders.Snapshot
		want string
	}{
		{"what comes next", reminders.Snapshot{Anchors: anchors}, "Next: Movement in 13 min of active time · Wind-down at 22:00"},
		{"the prompt on screen", reminders.Snapshot{Anchors: anchors, Prompt: p}, "Now: Posture"},
		{"a pause", reminders.Snapshot{Anchors: anchors, Paused: true, PausedUntil: now.Add(time.Hour)}, "Paused until 10:30"},
		{"do-not-disturb", reminders.Snapshot{Anchors: anchors, DND: true}, "Do not disturb: prompts wait until it ends"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.snap.Now = now
			if got := statusLine(tc.snap); got != tc.want {
				t.Errorf("statusLine = %q, want %q", got, tc.want)
			}
			if got := statusFor("1.0", tc.snap, "").Headline(); got != tc.want {
				t.Errorf("the CLI's headline = %q, want %q", got, tc.want)
			}
			if got, want := todayLine(tc.snap), "Today: 4 small wins · hydration 3/8"; got != want {
				t.Errorf("todayLine = %q, want %q", got, want)
			}
		})
	}
}

func TestAJournalOrSettingsProblemTakesTheTraysFirstLine(t *testing.T) {
	snap := reminders.Snapshot{Now: time.Now(), JournalError: "disk full"}
	if got := menuFor(snap, settings.Defaults(), "", reminders.Reading{}).Items[0].Title; got != "Journal not writable: disk full" {
		t.Errorf("first line %q", got)
	}
	snap.JournalError = ""
	if got := menuFor(snap, settings.Defaults(), "line 3: bad", reminders.Reading{}).Items[0].Title; !strings.HasPrefix(got, "Settings file has a mistake: line 3") {
		t.Errorf("first line %q", got)
	}
}

// fakeMonitor reports a fixed activity status.
type fakeMonitor struct {
	st       activity.Status
	quietWhy string
}

func (m fakeMonitor) Sample(time.Time) (reminders.Sample, error) { return m.st.LastSample, nil }
func (m fakeMonitor) Wake() <-chan struct{}                      { return nil }
func (m fakeMonitor) Quiet() (bool, string)                      { return m.quietWhy != "", m.quietWhy }
func (m fakeMonitor) Close() error                               { return nil }
func (m fakeMonitor) Status() activity.Status                    { return m.st }
func (m fakeMonitor) SetIdleThreshold(time.Duration) error       { return nil }
func (m fakeMonitor) SleepReady()                                {}

func TestTheStatusCarriesTheMonitorsReadingAsFields(t *testing.T) {
	at := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	m := fakeMonitor{st: activity.Status{
		Source: activity.SourceMutter, Events: true,
		Tried:      []activity.PassedOver{{Source: activity.SourceWayland, Reason: "not offered"}},
		LastSample: reminders.Sample{Now: at, Idle: 1234 * time.Millisecond, Locked: true},
		LastErr:    errors.New("slow"), Lock: []string{"logind-session"}, Sleep: "logind", Quiet: []string{"fullscreen"},
	}, quietWhy: "fullscreen"}
	got := activityStatus(m)
	want := control.ActivityStatus{
		Source: activity.SourceMutter, EventDriven: true, LastSample: &at, IdleS: 1.2, Locked: true,
		Quiet: true, QuietWhy: "fullscreen", Error: "slow",
		LockSources: []string{"logind-session"}, SleepSources: []string{"logind"}, QuietSources: []string{"fullscreen"},
		PassedOver: []control.PassedOver{{Source: activity.SourceWayland, Reason: "not offered"}},
	}
	if a, b := mustJSON(t, got), mustJSON(t, want); a != b {
		t.Errorf("activity status\n got %s\nwant %s", a, b)
	}
}

func TestWithoutAMonitorTheStatusSaysNoneWithEmptyLists(t *testing.T) {
	got := mustJSON(t, activityStatus(nil))
	want := `{"source":"none","event_driven":false,"idle_s":0,"locked":false,"asleep":false,"quiet":false,"lock_sources":[],"sleep_sources":[],"quiet_sources":[],"passed_over":[]}`
	if got != want {
		t.Errorf("activity without a monitor\n got %s\nwant %s", got, want)
	}
}

func TestTheStatusCarriesTheNotifiersStateAsFields(t *testing.T) {
	got := notifyStatus(notify.Status{Backend: notify.BackendFreedesktop, Server: "dunst", Vendor: "Dunst", Version: "1.9.0", Err: errors.New("slow")})
	want := control.NotifyStatus{Backend: "freedesktop", Server: "dunst", Vendor: "Dunst", Version: "1.9.0", Error: "slow"}
	if got != want {
		t.Errorf("notifications %+v, want %+v", got, want)
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
