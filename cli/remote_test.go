package cli

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
)

func TestTheStatusLeadsWithTheTraysHeadlineAndTodaysWins(t *testing.T) {
	in := 12.1
	rep := running
	rep.Status = &control.Status{Version: "1.0.0", Now: running.Status.Now, Anchors: []control.AnchorStatus{
		{Anchor: "movement", Title: "Movement", Enabled: true, NextInMin: &in, TodayWins: 1},
		{Anchor: "hydration", Title: "Hydration", Enabled: true, TodayWins: 3, Goal: 8},
	}}
	d := startFakeDaemon(t, rep)
	code, stdout, _ := run(d.dir, "status")
	want := "microrest 1.0.0 — Next: Movement in 13 min of active time\nToday: 4 small wins · hydration 3/8\n"
	if code != ExitOK || !strings.HasPrefix(stdout, want) {
		t.Fatalf("exit %d, stdout:\n%s\nwant it to start:\n%s", code, stdout, want)
	}
}

func TestAnAnswerPrintsTheHeadlineAndThePracticeOnScreen(t *testing.T) {
	rep := running
	rep.Status = &control.Status{Now: running.Status.Now, Prompt: &control.PromptStatus{ID: 3, Title: "Posture", Texts: []string{"Roll your shoulders back."}}}
	d := startFakeDaemon(t, rep)
	code, stdout, _ := run(d.dir, "now", "posture")
	if want := "Now: Posture\nPractice: Roll your shoulders back.\n"; code != ExitOK || stdout != want {
		t.Fatalf("exit %d, stdout %q, want %q", code, stdout, want)
	}
}

func TestTheStatusWordsActivityAndNotificationsFromTheirFields(t *testing.T) {
	sample := time.Date(2026, 11, 27, 9, 59, 58, 0, time.UTC)
	tests := []struct {
		name string
		s    control.Status
		want []string
	}{
		{"a source that reads well", control.Status{
			Activity: control.ActivityStatus{
				Source: "gnome-mutter", EventDriven: true, LastSample: &sample, IdleS: 1.4, Locked: true,
				Quiet: true, QuietWhy: "do-not-disturb (GNOME)", LockSources: []string{"logind-session"},
				SleepSources: []string{"logind"}, QuietSources: []string{"do-not-disturb (GNOME)", "fullscreen"},
				PassedOver: []control.PassedOver{{Source: "wayland-idle", Reason: "not offered"}},
			},
			Notifications: control.NotifyStatus{Backend: "freedesktop", Server: "dunst", Vendor: "Dunst", Version: "1.9.0", Buttons: true},
		}, []string{
			"Activity: idle time from gnome-mutter (event-driven)\n",
			"  last reading 09:59:58: idle 1s, locked\n",
			"  lock: logind-session; sleep: logind; quiet: do-not-disturb (GNOME), fullscreen\n",
			"  quiet now: do-not-disturb (GNOME)\n",
			"  passed over wayland-idle: not offered\n",
			"Notifications: notifications by dunst 1.9.0 (Dunst), with buttons\n",
		}},
		{"no source and no server", control.Status{
			Activity:      control.ActivityStatus{Source: "none", Error: "no X server"},
			Notifications: control.NotifyStatus{Backend: "none", Error: "bus gone"},
		}, []string{
			"Activity: no idle source: all time counts as active\n",
			"  error: no X server\n",
			"  lock: nothing; sleep: nothing; quiet: nothing\n",
			"Notifications: no notification server: answer from the tray (bus gone)\n",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rep := running
			tc.s.Now = running.Status.Now
			rep.Status = &tc.s
			d := startFakeDaemon(t, rep)
			code, stdout, _ := run(d.dir, "status")
			for _, want := range tc.want {
				if code != ExitOK || !strings.Contains(stdout, want) {
					t.Errorf("exit %d, status lacks %q:\n%s", code, want, stdout)
				}
			}
		})
	}
}

func TestStatusJSONCarriesTheSchemaAndTheStructuredParts(t *testing.T) {
	rep := running
	rep.Status = &control.Status{Schema: control.StatusSchema, Now: running.Status.Now,
		Activity: control.ActivityStatus{Source: "x11-screensaver"}, Notifications: control.NotifyStatus{Backend: "none"}}
	d := startFakeDaemon(t, rep)
	code, stdout, _ := run(d.dir, "status", "--json")
	var got struct {
		Schema        int `json:"schema"`
		Activity      struct{ Source string }
		Notifications struct{ Backend string }
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil || code != ExitOK {
		t.Fatalf("exit %d, %v:\n%s", code, err, stdout)
	}
	if got.Schema != 1 || got.Activity.Source != "x11-screensaver" || got.Notifications.Backend != "none" {
		t.Fatalf("status --json = %+v", got)
	}
}
