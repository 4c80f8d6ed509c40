package ui

import (
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// lightTheme is Fyne's own theme in its light variant, whatever the
// test app asks for: the README's screenshots are light.
type lightTheme struct{ fyne.Theme }

func (t lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, theme.VariantLight)
}

// shotsDir is where TestScreenshots writes, from MICROREST_SCREENSHOTS;
// the test is skipped without it.
func shotsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("MICROREST_SCREENSHOTS")
	if dir == "" {
		t.Skip("MICROREST_SCREENSHOTS names no directory to write the screenshots to")
	}
	return dir
}

// newShotApp is a test app in the light theme, set before any window is
// built, as canvas text takes its colour when it is made.
func newShotApp(t *testing.T) {
	test.NewTempApp(t).Settings().SetTheme(lightTheme{theme.DefaultTheme()})
}

// shoot renders the window and writes it as a PNG.
func shoot(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	img := w.Canvas().Capture()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", path)
}

// screenshotJournal is a month of use that reads like a person's: wins
// most days, a check-in on most mornings, a bedtime and a wake time each
// day with a late night or two, and this morning as todayStatus has it.
func screenshotJournal() []journal.Line {
	var lines []journal.Line
	add := func(at time.Time, k settings.Kind, o reminders.Outcome) {
		lines = append(lines, journal.OutcomeLine(journal.Entry{Time: at, Anchor: k, Outcome: o, Active: 40 * time.Minute}))
	}
	outcomes := []reminders.Outcome{reminders.OutcomeDone, reminders.OutcomeDone, reminders.OutcomeNatural, reminders.OutcomeSnoozed, reminders.OutcomeDone, reminders.OutcomeSkipped, reminders.OutcomeAutoDone}
	for age := 29; age >= 1; age-- {
		for i := range 3 + (age*5)%6 {
			k := settings.Kinds[(age+i*4)%4]
			add(at(age, 8+i, (i*17)%60), k, outcomes[(age+i)%len(outcomes)])
		}
		if age%3 != 0 {
			add(at(age, 14, 30+age%5), settings.Rest, reminders.OutcomeDone)
		}
		bed := [][2]int{{22, 30}, {22, 40}, {22, 15}, {23, 35}, {22, 25}, {22, 50}, {22, 35}}[age%7]
		add(at(age, bed[0], bed[1]), settings.WindDown, reminders.OutcomeDone)
		wake := [][2]int{{6, 55}, {7, 5}, {7, 0}, {7, 10}, {8, 40}, {6, 50}, {7, 0}}[age%7]
		lines = append(lines, journal.WakeLine(at(age, wake[0], wake[1])))
		if age%5 != 4 {
			trend := (29 - age) / 10 // the last ten days feel better
			lines = append(lines, checkin(age, 4-trend+age%2, 2+trend+age%3/2, 2+trend+(age%4)/2, 2+trend+age%2))
		}
	}
	lines = append(lines, journal.WakeLine(at(0, 7, 0)), checkin(0, 2, 4, 4, 4))
	add(clock(8, 0), settings.Movement, reminders.OutcomeDone)
	add(clock(8, 5), settings.Hydration, reminders.OutcomeDone)
	add(clock(9, 10), settings.Hydration, reminders.OutcomeAutoDone)
	add(clock(9, 40), settings.Posture, reminders.OutcomeDone)
	return lines
}

// TestScreenshots renders the README's screenshots of the Your plan page
// (in English and in German), the Today tab and the progress charts into
// MICROREST_SCREENSHOTS, in the light theme at the windows' own sizes:
// scripts/dev screenshots runs it. They are drawn by Fyne's software painter from fixed data, so
// they change only when the windows do.
func TestScreenshots(t *testing.T) {
	dir := shotsDir(t)
	t.Run("plan", func(t *testing.T) {
		newShotApp(t)
		path := filepath.Join(t.TempDir(), "settings.toml")
		loaded, err := settings.Reload(path)
		ed, w := showEditor(t, loaded, nil, startOf(false, loaded, err), newFakeDaemon())
		ed.note.SetText(strings.ReplaceAll(ed.note.Text, path, "~/.config/microrest/settings.toml"))
		shoot(t, w, filepath.Join(dir, "plan-light.png"))
	})
	t.Run("plan in German", func(t *testing.T) {
		i18ntest.Speak(t, "de")
		newShotApp(t)
		path := filepath.Join(t.TempDir(), "settings.toml")
		loaded, err := settings.Reload(path)
		ed, w := showEditor(t, loaded, nil, startOf(false, loaded, err), newFakeDaemon())
		ed.note.SetText(strings.ReplaceAll(ed.note.Text, path, "~/.config/microrest/settings.toml"))
		shoot(t, w, filepath.Join(dir, "settings-de-light.png"))
	})
	progress := func(t *testing.T) (*progressView, fyne.Window) {
		newShotApp(t)
		d := newFakeDaemon()
		st := todayStatus()
		st.TodayActiveMin = 142
		d.setStatus(st)
		v := newProgressView(loadProgress(writeLines(t, screenshotJournal()), now, settings.Clock(4, 0)), settings.Defaults())
		v.connect(testEnv(d, &fakeClock{now: now}))
		w := test.NewWindow(v.view)
		t.Cleanup(w.Close)
		w.Resize(progressSize)
		go v.fetchStatus(d)
		wait(t, v.settled, "the status")
		return v, w
	}
	t.Run("today", func(t *testing.T) {
		v, w := progress(t)
		test.Tap(row(t, v, "Rest").skip)
		wait(t, v.settled, "the status after the skip")
		test.Tap(row(t, v, "Wind-down").move)
		test.Type(v.timeline.editor.moveTo, "21:30")
		shoot(t, w, filepath.Join(dir, "progress-today-light.png"))
	})
	t.Run("charts", func(t *testing.T) {
		v, w := progress(t)
		v.show(v.history)
		v.span.SetSelected(spanMonth.label())
		shoot(t, w, filepath.Join(dir, "progress-charts-light.png"))
	})
	t.Run("bedtime", func(t *testing.T) {
		v, w := progress(t)
		v.show(v.rhythm)
		shoot(t, w, filepath.Join(dir, "progress-bedtime-light.png"))
	})
}
