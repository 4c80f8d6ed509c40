package cli

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/internal/i18ntest"
)

// at is a time of running's day.
func at(hour, minute int) time.Time {
	return time.Date(2026, 11, 27, hour, minute, 0, 0, time.UTC)
}

// withToday is running's reply carrying a day with each kind of entry:
// a walk after a meal done, interval wins, a clock time missed, an
// interval anchor's projection, a moved meal, a clock time moved and
// then skipped, and one still to come after midnight.
func withToday() control.Reply {
	rep := running
	rep.Status = &control.Status{Now: running.Status.Now, Today: &control.TodayStatus{Timeline: []control.TimelineEntry{
		{Anchor: "movement", Time: at(8, 15), At: "08:00", Meal: true, State: "done"},
		{Anchor: "posture", Time: at(9, 10), State: "done"},
		{Anchor: "rest", Time: at(9, 30), At: "09:30", State: "missed"},
		{Anchor: "posture", Time: at(9, 40), State: "done"},
		{Anchor: "breath", Time: at(10, 25), State: "upcoming"},
		{Anchor: "movement", Time: at(13, 15), At: "12:30", Meal: true, Moved: true, State: "upcoming"},
		{Anchor: "rest", Time: at(15, 0), At: "14:30", Moved: true, State: "skipped"},
		{Anchor: "wind-down", Time: at(22, 30), At: "22:30", State: "upcoming"},
	}}}
	return rep
}

func TestTodayPrintsTheTimelineFromTheDaemon(t *testing.T) {
	d := startFakeDaemon(t, withToday())
	code, stdout, stderr := run(d.dir, "today")
	want := "" +
		"  08:15        Walk after the 08:00 meal ✓\n" +
		"  09:30        Rest: missed\n" +
		"  09:40        Posture ✓ (2 today)\n" +
		"  about 10:25  Breath\n" +
		"  13:15        Walk after the 12:30 meal (the meal moved from 12:30)\n" +
		"  15:00        Rest: skipped today (moved from 14:30)\n" +
		"  22:30        Wind-down\n" +
		"Skip or move a clock time still to come, today only: microrest today skip ANCHOR HH:MM, or microrest today move ANCHOR HH:MM TO; with --meal, HH:MM is the meal's time.\n"
	if code != ExitOK || stdout != want {
		t.Fatalf("exit %d (%s), stdout:\n%s\nwant:\n%s", code, stderr, stdout, want)
	}
	if got := d.requests(); !slices.Equal(got, []control.Request{{V: control.Version, Verb: control.VerbStatus}}) {
		t.Fatalf("requests %+v, want one status", got)
	}
}

func TestTodayWithNothingToComeSaysSoAndOffersNoChange(t *testing.T) {
	rep := running
	rep.Status = &control.Status{Now: running.Status.Now, Today: &control.TodayStatus{}}
	d := startFakeDaemon(t, rep)
	if code, stdout, _ := run(d.dir, "today"); code != ExitOK || stdout != "Nothing is planned for today.\n" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	rep.Status.Today.Timeline = []control.TimelineEntry{{Anchor: "rest", Time: at(9, 30), At: "09:30", State: "done"}}
	d = startFakeDaemon(t, rep)
	if code, stdout, _ := run(d.dir, "today"); code != ExitOK || stdout != "  09:30  Rest ✓\n" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
}

func TestTodaySkipAndMoveSendTheClockTimeAndPrintTheNewTimeline(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want control.Request
	}{
		{"skip a clock time", []string{"today", "skip", "rest", "14:30"},
			control.Request{Verb: control.VerbSkipToday, Anchor: "rest", At: "14:30"}},
		{"skip a walk after a meal, the hour in one digit", []string{"today", "skip", "movement", "8:00", "--meal"},
			control.Request{Verb: control.VerbSkipToday, Anchor: "movement", At: "08:00", Meal: true}},
		{"move a clock time", []string{"today", "move", "wind-down", "22:30", "23:00"},
			control.Request{Verb: control.VerbMoveToday, Anchor: "wind-down", At: "22:30", To: "23:00"}},
		{"move a meal, --meal first", []string{"today", "--meal", "move", "Movement", "12:30", "13:00"},
			control.Request{Verb: control.VerbMoveToday, Anchor: "movement", At: "12:30", Meal: true, To: "13:00"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := startFakeDaemon(t, withToday())
			code, stdout, stderr := run(d.dir, tc.args...)
			tc.want.V = control.Version
			if got := d.requests(); code != ExitOK || !slices.Equal(got, []control.Request{tc.want}) {
				t.Fatalf("exit %d (%s), requests %+v, want %+v", code, stderr, got, tc.want)
			}
			if !strings.Contains(stdout, "  13:15        Walk after the 12:30 meal (the meal moved from 12:30)\n") {
				t.Fatalf("the timeline after the change is not printed:\n%s", stdout)
			}
		})
	}
}

func TestARefusedChangePrintsTheDaemonsReasonAndExitsOne(t *testing.T) {
	d := startFakeDaemon(t, control.Fail(errors.New("rest has no clock time 14:00 today; its times are 14:30")))
	code, stdout, stderr := run(d.dir, "today", "move", "rest", "14:00", "15:00")
	if code != ExitError || stdout != "" || stderr != "microrest: rest has no clock time 14:00 today; its times are 14:30\n" {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestAMalformedTodayIsAUsageErrorNamingWhatItTakes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"a word other than skip or move", []string{"today", "jump"},
			"today takes nothing, skip ANCHOR HH:MM or move ANCHOR HH:MM TO, each with --meal for a walk after a meal."},
		{"a flag other than --meal", []string{"today", "--json"},
			"today takes nothing, skip ANCHOR HH:MM or move ANCHOR HH:MM TO"},
		{"--meal without a change", []string{"today", "--meal"},
			"today takes nothing, skip ANCHOR HH:MM or move ANCHOR HH:MM TO"},
		{"skip without a time", []string{"today", "skip", "rest"},
			"today skip takes an anchor and its clock time today: skip ANCHOR HH:MM [--meal], such as skip rest 14:30."},
		{"move without the time to move it to", []string{"today", "move", "rest", "14:30"},
			"today move takes an anchor, its clock time today and the time to move it to: move ANCHOR HH:MM TO [--meal], such as move rest 14:30 15:00."},
		{"an unknown anchor", []string{"today", "skip", "nap", "14:30"},
			`today skip: "nap" is not an anchor (movement, breath, posture, hydration, rest, wind-down).`},
		{"a time that is not HH:MM", []string{"today", "skip", "rest", "2pm"},
			`today skip: "2pm" is not a time of day; write it like "12:45" (24-hour clock).`},
		{"a time to move to that is not HH:MM", []string{"today", "move", "rest", "14:30", "25:00"},
			`today move: "25:00" is not a time of day`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := startFakeDaemon(t, withToday())
			code, stdout, stderr := run(d.dir, tc.args...)
			if code != ExitUsage || !strings.HasPrefix(stderr, "microrest: "+tc.want) || stdout != "" || len(d.requests()) != 0 {
				t.Fatalf("exit %d, stdout %q, stderr %q, requests %+v", code, stdout, stderr, d.requests())
			}
		})
	}
}

func TestTodayWithoutADaemonExitsThree(t *testing.T) {
	for _, args := range [][]string{{"today"}, {"today", "skip", "rest", "14:30"}} {
		code, stdout, stderr := run(filepath.Join(t.TempDir(), "none"), args...)
		if code != ExitNoDaemon || stdout != "" || !strings.Contains(stderr, "microrest is not running") {
			t.Fatalf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

func TestTodayFromADaemonWithoutATimelineSaysToRestartIt(t *testing.T) {
	d := startFakeDaemon(t, running)
	code, stdout, stderr := run(d.dir, "today")
	if code != ExitError || stdout != "" || !strings.Contains(stderr, "sends no plan for today; quit it (microrest quit) and start it again") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestTheHelpListsToday(t *testing.T) {
	code, stdout, _ := run("", "--help")
	if want := "microrest today [skip ANCHOR HH:MM | move ANCHOR HH:MM TO] [--meal] today's plan and wins; skip or move a clock time, today only (--meal: HH:MM is a meal's)"; code != ExitOK || !strings.Contains(stdout, want) {
		t.Fatalf("exit %d, the help lacks %q:\n%s", code, want, stdout)
	}
}

func TestTodaySpeaksTheChosenLanguage(t *testing.T) {
	i18ntest.Speak(t, "de")
	d := startFakeDaemon(t, withToday())
	code, stdout, _ := run(d.dir, "today")
	for _, want := range []string{
		"  08:15      Spaziergang nach dem Essen um 08:00 ✓\n",
		"  09:30      Ruhepause: verpasst\n",
		"  09:40      Haltung ✓ (2× heute)\n",
		"  ca. 10:25  Atmung\n",
		"  13:15      Spaziergang nach dem Essen um 12:30 (Essen verschoben von 12:30)\n",
		"  15:00      Ruhepause: heute ausgelassen (verschoben von 14:30)\n",
		"microrest today move ANKER HH:MM NEU",
	} {
		if code != ExitOK || !strings.Contains(stdout, want) {
			t.Errorf("exit %d, the German timeline lacks %q:\n%s", code, want, stdout)
		}
	}
	code, _, stderr := run(d.dir, "today", "move", "rest", "14:30")
	if want := "microrest: today move nimmt einen Anker, seine heutige Uhrzeit und die Zeit, auf die er rückt: move ANKER HH:MM NEU [--meal]"; code != ExitUsage || !strings.HasPrefix(stderr, want) {
		t.Errorf("exit %d, stderr %q, want it to start %q", code, stderr, want)
	}
	code, stdout, _ = run("", "--help")
	if want := "microrest today [skip ANKER HH:MM | move ANKER HH:MM NEU] [--meal]"; code != ExitOK || !strings.Contains(stdout, want) {
		t.Errorf("exit %d, the German help lacks %q:\n%s", code, want, stdout)
	}
}
