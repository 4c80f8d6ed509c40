package daemon

import (
	"context"
	"log/slog"
	"reflect"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/notify"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/tray"
)

func TestTheEscalationWindowOpensOnceOnTheLastReissue(t *testing.T) {
	on := settings.Escalation{Window: true, Repeats: 2}
	tests := []struct {
		name   string
		x      settings.Escalation
		p      *reminders.Prompt
		opened uint64
		want   bool
	}{
		{"the last re-issue opens it", on, &reminders.Prompt{ID: 4, Repeat: 2}, 0, true},
		{"not before the last re-issue", on, &reminders.Prompt{ID: 4, Repeat: 1}, 0, false},
		{"only once per prompt", on, &reminders.Prompt{ID: 4, Repeat: 2}, 4, false},
		{"a new prompt gets its own", on, &reminders.Prompt{ID: 5, Repeat: 2}, 4, true},
		{"not when the setting is off", settings.Escalation{Repeats: 2}, &reminders.Prompt{ID: 4, Repeat: 2}, 0, false},
		{"not without re-issues at all", settings.Escalation{Window: true}, &reminders.Prompt{ID: 4}, 0, false},
		{"not without a prompt", on, nil, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := wantsWindow(tc.x, tc.p, tc.opened); got != tc.want {
				t.Fatalf("wantsWindow = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestClipKeepsShortTextAndEndsLongTextWithAnEllipsis(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Posture: chin tuck", "Posture: chin tuck"},
		{"Movement: Walk for two minutes: down the hall, up a flight of stairs, and back.", "Movement: Walk for two minutes: down the hall, up a flight…"},
		{"Hydration: ünïcode ünïcode ünïcode ünïcode ünïcode ünïcode ünïcode", "Hydration: ünïcode ünïcode ünïcode ünïcode ünïcode ünïcode…"},
	}
	for _, tc := range tests {
		got := clip(tc.in, menuTextMax)
		if got != tc.want || len([]rune(got)) > menuTextMax {
			t.Errorf("clip(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// posturePrompt is prompt 7 as the engine shows it: one skippable
// anchor with the engine's own snooze.
var posturePrompt = &reminders.Prompt{ID: 7, CanSkip: true, Items: []reminders.Item{{Anchor: settings.Posture, Practice: "chin tuck", Snooze: 10 * time.Minute}}}

func TestEveryAnswerInTheMenuIsTheEnginesCommandForItsPrompt(t *testing.T) {
	m := menuFor(reminders.Snapshot{Prompt: posturePrompt}, settings.Defaults(), "", reminders.Reading{})
	want := map[string]reminders.Command{
		"Done":          reminders.Done{Prompt: 7},
		"Snooze 10 min": reminders.Snooze{Prompt: 7},
		"Skip":          reminders.Skip{Prompt: 7},
	}
	for title, cmd := range want {
		it, ok := item(m.Items, title)
		if !ok || !reflect.DeepEqual(it.Action, tray.Action{Command: cmd}) {
			t.Errorf("%q carries %v, want %#v", title, it.Action, cmd)
		}
	}
}

func TestThePauseItemsPauseFromTheClick(t *testing.T) {
	s := settings.Defaults()
	s.PauseChoices = []settings.Duration{settings.Duration(30 * time.Minute)}
	m := menuFor(reminders.Snapshot{}, s, "", reminders.Reading{})
	for title, cmd := range map[string]reminders.Command{
		"For 30m":        reminders.PauseFor{For: 30 * time.Minute},
		"Until tomorrow": reminders.PauseUntilTomorrow{},
	} {
		if it, ok := item(m.Items, title); !ok || !reflect.DeepEqual(it.Action.Command, cmd) {
			t.Errorf("%q carries %v, want %#v", title, it.Action, cmd)
		}
	}
}

// item finds the entry with title at any depth.
func item(items []tray.Item, title string) (tray.Item, bool) {
	for _, it := range items {
		if it.Title == title {
			return it, true
		}
		if found, ok := item(it.Children, title); ok {
			return found, true
		}
	}
	return tray.Item{}, false
}

// recorder stands in for the engine's Runner and keeps the commands that
// reach it.
type recorder struct {
	runner
	got []reminders.Command
}

func (r *recorder) Do(_ context.Context, cmd reminders.Command) error {
	r.got = append(r.got, cmd)
	return nil
}

func (r *recorder) Snapshot(context.Context) (reminders.Snapshot, error) {
	return reminders.Snapshot{}, nil
}

func testDaemon(t *testing.T) (*daemon, *recorder) {
	t.Helper()
	r := &recorder{}
	d := &daemon{opts: Options{Log: slog.New(slog.DiscardHandler)}, runner: r, cfg: settings.Defaults()}
	d.tray = tray.New(d.menu(reminders.Snapshot{}))
	return d, r
}

func TestATrayClickHandsTheItemsCommandToTheEngineUnchanged(t *testing.T) {
	d, r := testDaemon(t)
	m := menuFor(reminders.Snapshot{Prompt: posturePrompt}, d.cfg, "", reminders.Reading{})
	for _, title := range []string{"Done", "Snooze 10 min", "Skip"} {
		it, _ := item(m.Items, title)
		d.act(t.Context(), it.Action)
	}
	want := []reminders.Command{reminders.Done{Prompt: 7}, reminders.Snooze{Prompt: 7}, reminders.Skip{Prompt: 7}}
	if !reflect.DeepEqual(r.got, want) {
		t.Fatalf("the engine got %#v, want %#v", r.got, want)
	}
}

func TestANotificationAnswerHandsItsCommandToTheEngineUnchanged(t *testing.T) {
	d, r := testDaemon(t)
	d.notificationAnswer(t.Context(), notify.Action{Prompt: 7, Command: reminders.Snooze{Prompt: 7}})
	if want := []reminders.Command{reminders.Snooze{Prompt: 7}}; !reflect.DeepEqual(r.got, want) {
		t.Fatalf("the engine got %#v, want %#v", r.got, want)
	}
}

func TestASocketAnswerReachesTheEngineWithItsPromptID(t *testing.T) {
	tests := []struct {
		name string
		req  control.Request
		want reminders.Command
	}{
		{"done for a prompt", control.Request{V: 1, Verb: control.VerbDone, Prompt: 9}, reminders.Done{Prompt: 9}},
		{"done for the prompt on screen", control.Request{V: 1, Verb: control.VerbDone}, reminders.Done{}},
		{"snooze for a prompt", control.Request{V: 1, Verb: control.VerbSnooze, Prompt: 3, For: "15m"}, reminders.Snooze{Prompt: 3, For: 15 * time.Minute}},
		{"skip of one anchor of a prompt", control.Request{V: 1, Verb: control.VerbSkip, Prompt: 4, Anchor: "rest"}, reminders.Skip{Prompt: 4, Anchors: []settings.Kind{settings.Rest}}},
		{"a pause for a length", control.Request{V: 1, Verb: control.VerbPause, For: "45m"}, reminders.PauseFor{For: 45 * time.Minute}},
		{"a pause until tomorrow", control.Request{V: 1, Verb: control.VerbPause, UntilTomorrow: true}, reminders.PauseUntilTomorrow{}},
		{"a pause of the first choice", control.Request{V: 1, Verb: control.VerbPause}, reminders.PauseFor{For: settings.Defaults().PauseChoices[0].D()}},
		{"a break now", control.Request{V: 1, Verb: control.VerbNow, Anchor: "breath"}, reminders.TakeNow{Anchor: settings.Breath}},
		{"resume", control.Request{V: 1, Verb: control.VerbResume}, reminders.Resume{}},
		{"status is no command", control.Request{V: 1, Verb: control.VerbStatus}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := requestCommand(tc.req, settings.Defaults())
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("requestCommand = %#v, %v; want %#v", got, err, tc.want)
			}
		})
	}
}

func FuzzRequestCommand(f *testing.F) {
	f.Add("done", "", "", uint64(9), false)
	f.Add("snooze", "rest", "15m", uint64(3), false)
	f.Add("pause", "", "", uint64(0), true)
	f.Add("now", "breath", "", uint64(0), false)
	f.Fuzz(func(t *testing.T, verb, anchor, length string, prompt uint64, tomorrow bool) {
		r := control.Request{V: 1, Verb: control.Verb(verb), Anchor: anchor, For: length, Prompt: prompt, UntilTomorrow: tomorrow}
		cmd, err := requestCommand(r, settings.Defaults())
		if err != nil {
			return
		}
		switch c := cmd.(type) {
		case reminders.Done:
			if c.Prompt != prompt {
				t.Errorf("%+v answers prompt %d", r, c.Prompt)
			}
		case reminders.Snooze:
			if c.Prompt != prompt {
				t.Errorf("%+v answers prompt %d", r, c.Prompt)
			}
		case reminders.Skip:
			if c.Prompt != prompt {
				t.Errorf("%+v answers prompt %d", r, c.Prompt)
			}
		}
	})
}
