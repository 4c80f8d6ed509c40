package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/microrest/microrest/settings"
)

// openEditor loads (or creates) the settings file at path and opens the
// editor on it in a test window.
func openEditor(t *testing.T, path string, d *fakeDaemon) (*settingsEditor, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	loaded, err := settings.Load(path)
	fe, _ := err.(*settings.FileError)
	if err != nil && fe == nil {
		t.Fatal(err)
	}
	return showEditor(t, loaded, fe, startGeneral, d)
}

// showEditor opens the editor over loaded on the start page in a test
// window.
func showEditor(t *testing.T, loaded settings.Loaded, fe *settings.FileError, at editorStart, d *fakeDaemon) (*settingsEditor, fyne.Window) {
	t.Helper()
	ed := newSettingsEditor(loaded, fe, at, testEnv(d, &fakeClock{now: start}))
	w := test.NewWindow(ed.view)
	w.Resize(settingsSize)
	t.Cleanup(w.Close)
	ed.bindKeys(w)
	return ed, w
}

// field finds the field of a key on any tab; the tabs not shown yet are
// built first, as showing them would.
func (ed *settingsEditor) field(t *testing.T, key string) *field {
	t.Helper()
	for _, item := range ed.tabs.Items {
		ed.build(item)
	}
	for _, f := range ed.fields {
		if f.keys[0] == key {
			return f
		}
	}
	t.Fatalf("no field for %s", key)
	return nil
}

// retype replaces an entry's text by typing, as a person would.
func retype(f *field, text string) {
	f.entry.SetText("")
	test.Type(f.entry, text)
}

func settingsPath(t *testing.T) string {
	return filepath.Join(t.TempDir(), "microrest", "settings.toml")
}

func TestEditingFieldsAndSavingWritesTheExpectedSettingsFile(t *testing.T) {
	path := settingsPath(t)
	d := newFakeDaemon()
	ed, _ := openEditor(t, path, d)
	if !ed.save.Disabled() {
		t.Fatal("Save is enabled before any edit")
	}
	retype(ed.field(t, "anchors.movement.every"), "50m")
	retype(ed.field(t, "anchors.rest.at"), "13:30, 16:00")
	retype(ed.field(t, "active_hours.sat"), "09:00-12:00")
	test.Tap(ed.field(t, "sound").check)
	test.Tap(ed.save)
	wait(t, d.reloads, "the reload request")
	wait(t, ed.settled, "the reload reply")

	want := settings.Defaults()
	want.Anchors.Movement.Every = settings.Duration(50 * time.Minute)
	want.Anchors.Rest.At = []settings.ClockTime{settings.Clock(13, 30), settings.Clock(16, 0)}
	want.ActiveHours.Sat = settings.Span{Start: settings.Clock(9, 0), End: settings.Clock(12, 0)}
	want.Sound = false
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != string(settings.Encode(want)) {
		t.Fatalf("settings.toml is\n%s\nwant\n%s", data, settings.Encode(want))
	}
	if !ed.save.Disabled() || ed.note.Text != "Saved "+path+". microrest uses them now." {
		t.Fatalf("after saving: Save disabled %v, note %q", ed.save.Disabled(), ed.note.Text)
	}
}

func TestAnInvalidValueDisablesSaveAndShowsItsMessageAtTheField(t *testing.T) {
	for _, tc := range []struct {
		name, key, text, message string
	}{
		{"unreadable duration", "anchors.movement.every", "0s", `"0s" is zero; write "off" to turn this off`},
		{"out of range", "anchors.movement.every", "20h", `20h is too long; use 1m to 12h, or "off"`},
		{"no unit", "idle_threshold", "5", `"5" has no unit`},
		{"bad clock time", "anchors.rest.at", "25:00", `"25:00" is not a time of day`},
		{"goal too high", "anchors.hydration.daily_goal", "80", "80 is out of range; use 0 to 50"},
		{"span backwards", "active_hours.mon", "18:00-08:00", "ends before it starts"},
		{"too many pauses", "pause_choices", "1m 2m 3m 4m 5m 6m 7m", "Pause choices has 7 lengths; the tray menu offers at most 6"},
		{"a pause item", "pause_choices", "30m, off", `Item 2: cannot be "off"`},
		{"pace too fast", "breathing.sleep.rate", "9", "9.0 is out of range; use 3.0 to 6.0 breaths a minute"},
		{"pace not a number", "breathing.calm.rate", "slow", `"slow" is not a number`},
		{"exhale too short", "breathing.controlled.exhale_ratio", "0.5", "0.5 is out of range; use 1.0 to 2.0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ed, _ := openEditor(t, settingsPath(t), newFakeDaemon())
			f := ed.field(t, tc.key)
			retype(f, tc.text)
			if !ed.save.Disabled() {
				t.Error("Save is enabled with an invalid value")
			}
			if !f.message.Visible() || !strings.Contains(f.message.Text, tc.message) {
				t.Errorf("message %q (visible %v), want it to contain %q", f.message.Text, f.message.Visible(), tc.message)
			}
			if ed.tabOf[f].Icon != theme.ErrorIcon() {
				t.Error("the field's tab is not marked")
			}
		})
	}
}

func TestFixingTheValueClearsTheMessageAndEnablesSave(t *testing.T) {
	ed, _ := openEditor(t, settingsPath(t), newFakeDaemon())
	f := ed.field(t, "anchors.breath.snooze")
	retype(f, "3h")
	if !ed.save.Disabled() || !strings.Contains(ed.note.Text, "Fix 1 problem") {
		t.Fatalf("Save disabled %v, note %q", ed.save.Disabled(), ed.note.Text)
	}
	retype(f, "15m")
	if ed.save.Disabled() || f.message.Visible() || ed.tabOf[f].Icon != nil {
		t.Fatalf("after the fix: Save disabled %v, message %q, tab icon %v", ed.save.Disabled(), f.message.Text, ed.tabOf[f].Icon)
	}
}

func TestAnAnchorWithNeitherTriggerIsExplainedUnderEnabled(t *testing.T) {
	ed, _ := openEditor(t, settingsPath(t), newFakeDaemon())
	retype(ed.field(t, "anchors.breath.every"), "off")
	msg := ed.field(t, "anchors.breath.enabled").message
	if !ed.save.Disabled() || !strings.HasPrefix(msg.Text, `Breath is enabled but has neither "every" nor "at"`) {
		t.Fatalf("Save disabled %v, message %q", ed.save.Disabled(), msg.Text)
	}
	test.Tap(ed.field(t, "anchors.breath.enabled").check)
	if ed.save.Disabled() || msg.Visible() {
		t.Fatalf("a disabled anchor without triggers is valid; Save disabled %v, message %q", ed.save.Disabled(), msg.Text)
	}
}

func TestPracticesAreEditedOneALineAndBlankLinesDropped(t *testing.T) {
	path := settingsPath(t)
	ed, _ := openEditor(t, path, newFakeDaemon())
	f := ed.field(t, "anchors.hydration.practices")
	f.entry.SetText("Drink a glass of water.\n\n  Eat an apple.  \n")
	long := strings.Repeat("x", settings.MaxPracticeText+1)
	f.entry.SetText(f.entry.Text + long)
	if !strings.Contains(f.message.Text, "Item 3: is 201 characters long") || !ed.save.Disabled() {
		t.Fatalf("message %q, Save disabled %v", f.message.Text, ed.save.Disabled())
	}
	f.entry.SetText("Drink a glass of water.\n\n  Eat an apple.  \n")
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	loaded, err := settings.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	got := loaded.Settings.Anchors.Hydration.Practices
	if strings.Join(got, "|") != "Drink a glass of water.|Eat an apple." {
		t.Fatalf("practices saved as %q", got)
	}
}

func TestEnterSavesAndEscapeAsksBeforeDiscardingChanges(t *testing.T) {
	path := settingsPath(t)
	ed, w := openEditor(t, path, newFakeDaemon())
	f := ed.field(t, "idle_threshold")
	retype(f, "5m")
	w.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("Escape over unsaved changes closed without asking")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	// The same from inside the field, which a real window gives every key.
	w.Canvas().Focus(f.entry)
	test.Type(f.entry, "x")
	if f.entry.Text != "5mx" {
		t.Fatalf("typing into the focused field gave %q", f.entry.Text)
	}
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("Escape in a focused field did not ask before discarding")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	// And from a field on a tab built after the keys were bound.
	late := ed.field(t, "anchors.rest.snooze")
	ed.tabs.Select(ed.tabOf[late])
	w.Canvas().Focus(late.entry)
	late.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("Escape in a field of a tab shown later did not ask before discarding")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	// And from a focused drop-down on the Days tab.
	day := ed.field(t, "days.mon")
	ed.tabs.Select(ed.tabOf[day])
	w.Canvas().Focus(day.choice)
	day.choice.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("Escape in a focused drop-down did not ask before discarding")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	// And from a focused check box, which once swallowed it.
	box := ed.field(t, "sound")
	ed.tabs.Select(ed.tabOf[box])
	w.Canvas().Focus(box.check)
	box.check.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Fatal("Escape in a focused check box did not ask before discarding")
	}
	w.Canvas().Overlays().Top().Hide()
	w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
	retype(f, "5m")
	f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	wait(t, ed.settled, "the reload reply")
	loaded, err := settings.Load(path)
	if err != nil || loaded.Settings.IdleThreshold != settings.Duration(5*time.Minute) {
		t.Fatalf("Enter did not save: %v, %v", loaded.Settings.IdleThreshold, err)
	}
}

func TestUnknownKeysAreNamedBeforeSaveDropsThem(t *testing.T) {
	path := settingsPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("colour = \"blue\"\nidle_threshold = \"4m\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ed, _ := openEditor(t, path, newFakeDaemon())
	if !ed.warning.Visible() || !strings.Contains(ed.warning.Text, "drops the keys microrest does not know: colour") {
		t.Fatalf("warning %q (visible %v)", ed.warning.Text, ed.warning.Visible())
	}
	if ed.field(t, "idle_threshold").entry.Text != "4m" {
		t.Fatal("the file's own values are not shown")
	}
}

func TestABrokenFileIsReplacedOnlyOnAnExplicitSave(t *testing.T) {
	path := settingsPath(t)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	broken := []byte("idle_threshold = \"0s\"\n")
	if err := os.WriteFile(path, broken, 0o600); err != nil {
		t.Fatal(err)
	}
	ed, _ := openEditor(t, path, newFakeDaemon())
	if data, _ := os.ReadFile(path); string(data) != string(broken) {
		t.Fatal("opening the window changed the broken file")
	}
	if ed.banner == nil || !strings.Contains(ed.banner.Text, "line 1: idle_threshold") || !strings.Contains(ed.banner.Text, "Save here to replace it") {
		t.Fatal("no banner naming the broken file's problem")
	}
	if ed.save.Disabled() {
		t.Fatal("Save must be offered to replace a broken file")
	}
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	if _, err := settings.Load(path); err != nil {
		t.Fatalf("after Save the file still does not load: %v", err)
	}
	if ed.banner.Visible() {
		t.Fatal("the banner stays after the file was replaced")
	}
}

func TestTheAutostartBoxShowsAndSetsTheSystemEntry(t *testing.T) {
	path := settingsPath(t)
	test.NewTempApp(t)
	loaded, err := settings.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	sys := &fakeAutostart{on: true}
	e := testEnv(newFakeDaemon(), &fakeClock{now: start})
	e.autostart = sys
	ed := newSettingsEditor(loaded, nil, startGeneral, e)
	box := ed.field(t, "autostart").check
	if !box.Checked {
		t.Fatal("the box shows the file's autostart = false, not the system's entry")
	}
	test.Tap(box)
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	if len(sys.sets) != 1 || sys.on {
		t.Fatalf("autostart set %v", sys.sets)
	}
}

func TestTheSettingsWindowRendersAsRecorded(t *testing.T) {
	ed, w := openEditor(t, settingsPath(t), newFakeDaemon())
	test.AssertRendersToMarkup(t, "settings_general.xml", w.Canvas())
	f := ed.field(t, "anchors.movement.every")
	retype(f, "20h")
	ed.tabs.Select(ed.tabOf[f])
	test.AssertRendersToMarkup(t, "settings_movement_invalid.xml", w.Canvas())
}

func TestTheDaysTabRendersAsRecorded(t *testing.T) {
	ed, w := openEditor(t, settingsPath(t), newFakeDaemon())
	ed.tabs.Select(tabNamed(t, ed, "Days"))
	test.AssertRendersToMarkup(t, "settings_days.xml", w.Canvas())
}

func tabNamed(t *testing.T, ed *settingsEditor, title string) *container.TabItem {
	t.Helper()
	for _, item := range ed.tabs.Items {
		if item.Text == title {
			return item
		}
	}
	t.Fatalf("no tab %q", title)
	return nil
}

// A tab's fields are built when it is first shown, so the window opens
// with only the first tab's widgets (issue 13).
func TestOnlyTheShownTabIsBuiltUntilAnotherIsSelected(t *testing.T) {
	ed, _ := openEditor(t, settingsPath(t), newFakeDaemon())
	days := tabNamed(t, ed, "Days")
	for _, f := range ed.fields {
		if ed.tabOf[f] != tabNamed(t, ed, "General") {
			t.Fatalf("field %s of tab %q is built before its tab is shown", f.keys[0], ed.tabOf[f].Text)
		}
	}
	ed.tabs.Select(days)
	built := 0
	for _, f := range ed.fields {
		if ed.tabOf[f] == days {
			built++
		}
	}
	if want := len(settings.Weekdays) + 2*len(settings.BreathModes); built != want {
		t.Fatalf("showing Days built %d fields, want %d", built, want)
	}
}

func TestChangingTuesdayToHardAndSavingWritesIt(t *testing.T) {
	path := settingsPath(t)
	ed, _ := openEditor(t, path, newFakeDaemon())
	ed.tabs.Select(tabNamed(t, ed, "Days"))
	ed.field(t, "days.tue").choice.SetSelected(loadName(settings.LoadHard))
	retype(ed.field(t, "breathing.calm.rate"), "5.5")
	if ed.save.Disabled() {
		t.Fatalf("Save is disabled after a valid edit: %q", ed.note.Text)
	}
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := settings.Defaults()
	want.Days.Tue = settings.LoadHard
	want.Breathing.Calm.Rate = 5.5
	if string(data) != string(settings.Encode(want)) || !strings.Contains(string(data), "\ntue = \"hard\"\n") {
		t.Fatalf("settings.toml is\n%s\nwant\n%s", data, settings.Encode(want))
	}
}

func TestTheDaysTabSaysWhatEachKindOfDayChanges(t *testing.T) {
	for _, tc := range []struct {
		name string
		dt   settings.DayType
		want string
	}{
		{"nothing", settings.DayType{}, "Nothing: the plan as set on the anchor tabs."},
		{"defaults of a hard day", settings.Defaults().DayTypes.Hard, "Breathing: controlled\nBreath: every 1h, 2 practices of its own\nRest: practice 20m"},
		{"every key", settings.DayType{Posture: settings.Override{
			Enabled: ptr(false), Every: ptr(settings.Duration(0)), At: &[]settings.ClockTime{}, DailyGoal: ptr(1),
		}}, "Posture: off, no interval, no clock times, daily goal 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := dayTypeSummary(&tc.dt); got != tc.want {
				t.Fatalf("summary %q, want %q", got, tc.want)
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

// Tab walks the pages, then the open page's fields top to bottom, then the
// buttons, and wraps around: the window can be used without a mouse.
func TestTabWalksThePagesThenTheFieldsInTheOrderTheyAreShownThenTheButtons(t *testing.T) {
	for _, title := range []string{"General", "Days"} {
		t.Run(title, func(t *testing.T) {
			ed, w := openEditor(t, settingsPath(t), newFakeDaemon())
			ed.tabs.Select(tabNamed(t, ed, title))
			assertTabOrder(t, ed, w)
		})
	}
}

func assertTabOrder(t *testing.T, ed *settingsEditor, w fyne.Window) {
	t.Helper()
	var want []fyne.Focusable
	for _, b := range ed.tabs.buttons {
		want = append(want, b)
	}
	for _, f := range ed.fields {
		if ed.tabOf[f] == ed.tabs.Selected() {
			want = append(want, focusable(t, f.input))
		}
	}
	want = append(want, ed.closeButton) // Save is disabled until an edit
	c := w.Canvas()
	var got []fyne.Focusable
	for range len(want) + 1 {
		c.FocusNext()
		got = append(got, c.Focused())
	}
	if got[len(want)] != got[0] {
		t.Errorf("Tab after the last control went to %T, not back to the first field", got[len(want)])
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("Tab stop %d is %T %p, want %T %p", i+1, got[i], got[i], want[i], want[i])
		}
	}
}

func focusable(t *testing.T, o fyne.CanvasObject) fyne.Focusable {
	t.Helper()
	f, ok := o.(fyne.Focusable)
	if !ok {
		t.Fatalf("%T cannot take the focus", o)
	}
	return f
}

// A page is chosen from the keyboard as with the mouse: Tab to its name,
// Space, and its fields are built and shown.
func TestAPageIsChosenWithTabAndSpace(t *testing.T) {
	ed, w := openEditor(t, settingsPath(t), newFakeDaemon())
	days := tabNamed(t, ed, "Days")
	c := w.Canvas()
	for range ed.tabs.Items {
		c.FocusNext()
		if c.Focused() == ed.tabs.buttons[3] {
			break
		}
	}
	if c.Focused() != ed.tabs.buttons[3] || ed.tabs.Items[3] != days {
		t.Fatalf("Tab reached %T %p, want the Days page's name", c.Focused(), c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if ed.tabs.Selected() != days {
		t.Fatalf("Space on Days shows %q", ed.tabs.Selected().Text)
	}
	if _, unbuilt := ed.unbuilt[days]; unbuilt || len(ed.tabs.shown.Objects) != 1 || ed.tabs.shown.Objects[0] != days.Content {
		t.Fatalf("Days is chosen but not built and shown (unbuilt %v)", unbuilt)
	}
}
