package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/adrg/xdg"

	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

var cet = time.FixedZone("CET", 60*60)

// withReviewHome points the XDG data and config directories at empty
// temporary ones and fixes the review's clock at Wednesday 2 December
// 2026, so the last complete week is 2026-W48. It returns the journal's
// path.
func withReviewHome(t *testing.T) string {
	home := t.TempDir()
	t.Setenv("XDG_DATA_HOME", filepath.Join(home, "data"))
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, "config"))
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	reviewNow = func() time.Time { return time.Date(2026, 12, 2, 10, 0, 0, 0, cet) }
	t.Cleanup(func() { reviewNow = time.Now })
	return filepath.Join(xdg.DataHome, "microrest", "journal.jsonl")
}

// writeWeeks writes weeks 47 and 48 of 2026: 2 wins a day in week 47, and
// in week 48 a win on five days, check-ins, wake lines and bedtimes; the
// last win is at 01:00 on Monday 30 November, which is Sunday's when the
// day starts at 04:00.
func writeWeeks(t *testing.T, path string) {
	j, err := journal.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	day := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, cet) }
	win := func(at time.Time, k settings.Kind) {
		if err := j.Append(journal.Entry{Time: at, Anchor: k, Outcome: reminders.OutcomeDone}); err != nil {
			t.Fatal(err)
		}
	}
	for d := 16; d <= 22; d++ {
		win(day(d, 10, 0), settings.Movement)
		win(day(d, 15, 0), settings.Breath)
	}
	for d := 23; d <= 27; d++ {
		if err := j.AppendWake(day(d, 7, 0)); err != nil {
			t.Fatal(err)
		}
		if err := j.AppendCheckin(journal.Checkin{Time: day(d, 7, 15), Energy: 3 + d%2, Mood: 4}); err != nil {
			t.Fatal(err)
		}
		win(day(d, 10, 0), settings.Movement)
		win(day(d, 22, 30+d-23), settings.WindDown)
	}
	win(day(30, 1, 0), settings.Hydration)
}

func TestReviewPrintsLastCompleteWeekByDefault(t *testing.T) {
	writeWeeks(t, withReviewHome(t))
	want := strings.Join([]string{
		"Week 48: 11 wins, 6 of 7 days",
		"2026-W48, 23–29 Nov 2026",
		"Wins: 11, down from 14 the week before",
		"  movement 5, hydration 1, wind-down 5",
		"Consistency: a win on 6 of 7 days",
		"Check-in, mean answer the week before → this week:",
		"  mood 4.0 (5 answers; none the week before)",
		"  energy 3.6 (5 answers; none the week before)",
		"Bedtime: typically 22:32, within ±25 min on 5 of 5 days",
		"Wake time: typically 07:00, within ±25 min on 5 of 5 days",
	}, "\n") + "\n"
	for _, args := range [][]string{{"review"}, {"review", "--week", "2026-W48"}, {"review", "--week=2026-W48"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := run("", args...)
			if code != ExitOK || stdout != want || stderr != "" {
				t.Errorf("exit %d, stdout\n%s\nwant\n%s\nstderr %q", code, stdout, want, stderr)
			}
		})
	}
}

func TestReviewOfAnEarlierWeekComparesItWithTheOneBeforeIt(t *testing.T) {
	writeWeeks(t, withReviewHome(t))
	code, stdout, _ := run("", "review", "--week", "2026-W47")
	if code != ExitOK || !strings.HasPrefix(stdout, "Week 47: 14 wins, 7 of 7 days\n") || !strings.Contains(stdout, "Wins: 14 (none the week before)\n") {
		t.Errorf("exit %d, stdout\n%s", code, stdout)
	}
}

func TestReviewCountsDaysFromTheSettingsDayStart(t *testing.T) {
	path := withReviewHome(t)
	writeWeeks(t, path)
	s := settings.Defaults()
	s.DayStartsAt = settings.Clock(0, 0)
	if err := settings.Save(settings.Path(), s); err != nil {
		t.Fatal(err)
	}
	// With days starting at midnight, 01:00 on Monday 30 November is
	// week 49's, and week 48 has a win on 5 days.
	code, stdout, stderr := run("", "review")
	if code != ExitOK || !strings.HasPrefix(stdout, "Week 48: 10 wins, 5 of 7 days\n") || stderr != "" {
		t.Errorf("exit %d, stdout\n%s\nstderr %q", code, stdout, stderr)
	}
}

func TestReviewOfAWeekWithNothingRecordedSaysSo(t *testing.T) {
	for _, tt := range []struct {
		name    string
		journal bool
	}{{"a week before the journal began", true}, {"no journal at all", false}} {
		t.Run(tt.name, func(t *testing.T) {
			path := withReviewHome(t)
			if tt.journal {
				writeWeeks(t, path)
			}
			code, stdout, stderr := run("", "review", "--week", "2026-W10")
			want := "Week 10: nothing recorded\n2026-W10, 2–8 Mar 2026\nNothing was recorded that week: no wins, check-ins or wake times.\n"
			if code != ExitOK || stdout != want || stderr != "" {
				t.Errorf("exit %d, stdout\n%s\nwant\n%s\nstderr %q", code, stdout, want, stderr)
			}
			if _, err := os.Stat(settings.Path()); err == nil {
				t.Error("the review wrote a settings file")
			}
		})
	}
}

func TestReviewOfTheCurrentOrAFutureWeekSaysItIsNotOver(t *testing.T) {
	writeWeeks(t, withReviewHome(t))
	code, stdout, _ := run("", "review", "--week", "2026-W49")
	if code != ExitOK || !strings.Contains(stdout, "\nThe week is not over yet: these are its numbers so far.\n") {
		t.Errorf("this week: exit %d, stdout\n%s", code, stdout)
	}
	code, stdout, _ = run("", "review", "--week", "2027-W10")
	if code != ExitOK || stdout != "2027-W10 has not begun yet; the last complete week is 2026-W48.\n" {
		t.Errorf("a future week: exit %d, stdout\n%s", code, stdout)
	}
}

func TestAMalformedWeekIsAUsageErrorNamingTheForm(t *testing.T) {
	withReviewHome(t)
	for _, args := range [][]string{
		{"--week", "2026-W60"},
		{"--week", "2025-W53"},
		{"--week", "2026-48"},
		{"--week", "W48"},
		{"--week"},
		{"2026-W48"},
		{"--since", "7d"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, stdout, stderr := run("", append([]string{"review"}, args...)...)
			if code != ExitUsage || stdout != "" || !strings.Contains(stderr, "YYYY-Www") || strings.Count(stderr, "\n") != 1 {
				t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
		})
	}
	_, _, stderr := run("", "review", "--week", "2026-W60")
	if want := "microrest: review: --week \"2026-W60\" is not an ISO week YYYY-Www: 2026 has weeks 01 to 53.\n"; stderr != want {
		t.Errorf("stderr %q, want %q", stderr, want)
	}
}

func TestReviewReportsDamagedLinesAndABrokenSettingsFileOnStderr(t *testing.T) {
	path := withReviewHome(t)
	writeWeeks(t, path)
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(`{"time":"2026-11-29T12:00:00+01:00","kind":"checkin","mood":9}` + "\n"); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.MkdirAll(filepath.Dir(settings.Path()), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(settings.Path(), []byte("day_starts_at = \"25:00\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run("", "review")
	if code != ExitOK || !strings.HasPrefix(stdout, "Week 48: 11 wins") {
		t.Errorf("exit %d, stdout\n%s", code, stdout)
	}
	for _, want := range []string{"settings file " + settings.Path() + " is not used", "skipped 1 damaged line of " + path, "field \"mood\": 9 is outside 1 to 5"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not say %q:\n%s", want, stderr)
		}
	}
}

func TestTheHelpListsReview(t *testing.T) {
	code, stdout, _ := run("", "--help")
	if code != ExitOK || !strings.Contains(stdout, "microrest review [--week YYYY-Www]") {
		t.Errorf("exit %d, help\n%s", code, stdout)
	}
}
