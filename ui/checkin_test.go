package ui

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// openCheckin builds the check-in window on a fake daemon.
func openCheckin(t *testing.T, d *fakeDaemon) (*checkinView, *bool, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	closed := false
	v := newCheckinView(testEnv(d, &fakeClock{now: start}), func() { closed = true })
	w := test.NewWindow(v.view)
	w.Resize(checkinSize)
	t.Cleanup(w.Close)
	return v, &closed, w
}

// choose taps answer i (from 1) of scale item, as a person does.
func choose(t *testing.T, v *checkinView, item reminders.CheckinItem, answer int) {
	t.Helper()
	for i, s := range checkinScales {
		if s.item == item {
			v.scales[i].SetSelected(v.scales[i].Options[answer-1])
			return
		}
	}
	t.Fatalf("no scale for %s", item)
}

func TestTheCheckinSendsWhatWasChosenAndCloses(t *testing.T) {
	tests := []struct {
		name string
		pick func(t *testing.T, v *checkinView)
		want reminders.Checkin
	}{
		{
			name: "every item and the load",
			pick: func(t *testing.T, v *checkinView) {
				choose(t, v, reminders.Stiffness, 2)
				choose(t, v, reminders.Mood, 4)
				choose(t, v, reminders.Energy, 3)
				choose(t, v, reminders.SleepQuality, 4)
				v.load.SetSelected("Hard")
			},
			want: reminders.Checkin{Stiffness: 2, Mood: 4, Energy: 3, SleepQuality: 4, Load: settings.LoadHard},
		},
		{
			name: "unanswered items stay 0 and the load unset",
			pick: func(t *testing.T, v *checkinView) { choose(t, v, reminders.Energy, 1) },
			want: reminders.Checkin{Energy: 1},
		},
		{
			name: "an answer tapped again is cleared",
			pick: func(t *testing.T, v *checkinView) {
				choose(t, v, reminders.Mood, 5)
				v.scales[1].SetSelected("")
				v.load.SetSelected("Rest")
			},
			want: reminders.Checkin{Load: settings.LoadRest},
		},
		{
			name: "nothing chosen declines the check-in",
			pick: func(*testing.T, *checkinView) {},
			want: reminders.Checkin{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDaemon()
			v, closed, _ := openCheckin(t, d)
			tc.pick(t, v)
			test.Tap(v.send)
			wait(t, v.settled, "the check-in reply")
			if got := d.checkedIn(); !slices.Equal(got, []reminders.Checkin{tc.want}) {
				t.Fatalf("sent %+v, want %+v", got, tc.want)
			}
			if !*closed {
				t.Fatal("the window stayed open after the daemon took the check-in")
			}
		})
	}
}

func TestTheCheckinSaysWhyTheDaemonDidNotTakeIt(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"the daemon refuses", errors.New("mood 6 is outside 1 to 5 (0: not answered)"), "Not sent: mood 6 is outside 1 to 5 (0: not answered)"},
		{"no daemon", control.ErrNotRunning, "Not sent: microrest is not running. Start it (run microrest), then Send again."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newFakeDaemon()
			d.fail(tc.err)
			v, closed, _ := openCheckin(t, d)
			choose(t, v, reminders.Mood, 3)
			test.Tap(v.send)
			wait(t, v.settled, "the refusal")
			if v.message.Text != tc.want || *closed || v.send.Disabled() {
				t.Fatalf("message %q, closed %v, Send disabled %v", v.message.Text, *closed, v.send.Disabled())
			}
			d.fail(nil)
			test.Tap(v.send)
			wait(t, v.settled, "the second try")
			if got := d.checkedIn(); !slices.Equal(got, []reminders.Checkin{{Mood: 3}}) || !*closed {
				t.Fatalf("the second try sent %+v, closed %v", got, *closed)
			}
		})
	}
}

func TestTheCheckinGoesOnTheWireWithoutWhatWasNotAnswered(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    reminders.Checkin
		want string
	}{
		{"every item", reminders.Checkin{Stiffness: 2, Mood: 4, Energy: 3, SleepQuality: 4, Load: settings.LoadHard},
			`{"v":1,"verb":"checkin","stiffness":2,"mood":4,"energy":3,"sleep_quality":4,"load":"hard"}`},
		{"some items", reminders.Checkin{SleepQuality: 1}, `{"v":1,"verb":"checkin","sleep_quality":1}`},
		{"only the load", reminders.Checkin{Load: settings.LoadRest}, `{"v":1,"verb":"checkin","load":"rest"}`},
		{"nothing", reminders.Checkin{}, `{"v":1,"verb":"checkin"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req := checkinRequest(tc.c)
			req.V = control.Version
			line, err := json.Marshal(req)
			if err != nil || string(line) != tc.want {
				t.Fatalf("sent %s (%v), want %s", line, err, tc.want)
			}
			if back, err := control.ParseRequest(line); err != nil || back != req {
				t.Fatalf("the daemon reads %+v (%v), want %+v", back, err, req)
			}
		})
	}
}

func TestTheCheckinWindowRendersAsRecorded(t *testing.T) {
	v, _, w := openCheckin(t, newFakeDaemon())
	choose(t, v, reminders.Stiffness, 2)
	choose(t, v, reminders.Energy, 4)
	v.load.SetSelected("Easy")
	test.AssertRendersToMarkup(t, "checkin.xml", w.Canvas())
}
