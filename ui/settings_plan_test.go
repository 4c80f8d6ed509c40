package ui

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/settings"
)

// openFirstRun opens the editor as on the first run: no settings file at
// path yet.
func openFirstRun(t *testing.T, path string, d *fakeDaemon) (*settingsEditor, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	loaded, err := settings.Reload(path)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("reading a missing file: %v", err)
	}
	return showEditor(t, loaded, nil, startOf(false, loaded, err), d)
}

// planBox is the Your plan page's check box of anchor k.
func (ed *settingsEditor) planBox(t *testing.T, k settings.Kind) *field {
	t.Helper()
	ed.build(ed.plan)
	for _, f := range ed.fields {
		if ed.tabOf[f] == ed.plan && f.keys[0] == "anchors."+k.String()+".enabled" {
			return f
		}
	}
	t.Fatalf("Your plan has no box for %s", k)
	return nil
}

// planField is the Your plan page's field of a key.
func (ed *settingsEditor) planField(t *testing.T, key string) *field {
	t.Helper()
	ed.build(ed.plan)
	for _, f := range ed.fields {
		if ed.tabOf[f] == ed.plan && f.keys[0] == key {
			return f
		}
	}
	t.Fatalf("Your plan has no field for %s", key)
	return nil
}

func TestTheFirstRunOpensOnYourPlanWithFiveActionsThatSaveAsIs(t *testing.T) {
	path := settingsPath(t)
	ed, _ := openFirstRun(t, path, newFakeDaemon())
	if ed.tabs.Selected() != ed.plan {
		t.Fatalf("the first run opens on %q, want Your plan", ed.tabs.Selected().Text)
	}
	if ed.save.Disabled() || ed.planNote.Text != "5 actions chosen." {
		t.Fatalf("Save disabled %v, plan note %q; want the suggested plan ready to save", ed.save.Disabled(), ed.planNote.Text)
	}
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	want := settings.Defaults()
	want.Anchors.Rest.Enabled = false
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != string(settings.Encode(want)) {
		t.Fatalf("settings.toml is\n%s\nwant the defaults with rest off:\n%s", data, settings.Encode(want))
	}
}

func TestAPlanOfFewerThanThreeOrMoreThanFiveIsRefused(t *testing.T) {
	for _, tc := range []struct {
		name   string
		toggle []settings.Kind
		want   string
	}{
		{"two", []settings.Kind{settings.Posture, settings.Hydration, settings.Breath}, "Your plan has 2 actions chosen; choose three to five."},
		{"six", []settings.Kind{settings.Rest}, "Your plan has 6 actions chosen; choose three to five."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := settingsPath(t)
			ed, w := openFirstRun(t, path, newFakeDaemon())
			for _, k := range tc.toggle {
				test.Tap(ed.planBox(t, k).check)
			}
			if !ed.save.Disabled() || ed.planNote.Text != tc.want || ed.planNote.Importance != widget.DangerImportance {
				t.Fatalf("Save disabled %v, plan note %q; want Save refused with %q", ed.save.Disabled(), ed.planNote.Text, tc.want)
			}
			if !strings.Contains(ed.note.Text, tc.want) || ed.plan.Icon != theme.ErrorIcon() {
				t.Fatalf("note %q, plan tab icon %v: the refusal must show below and on the tab too", ed.note.Text, ed.plan.Icon)
			}
			// Enter in a field does not save it either.
			f := ed.planField(t, "anchors.wind-down.at")
			w.Canvas().Focus(f.entry)
			f.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
			if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
				t.Fatalf("a refused plan was written: %v", err)
			}
			test.Tap(ed.planBox(t, tc.toggle[0]).check)
			if ed.save.Disabled() || ed.plan.Icon != nil {
				t.Fatalf("back in range: Save disabled %v, note %q", ed.save.Disabled(), ed.note.Text)
			}
		})
	}
}

func TestAFileWithSixOnSavesOtherEditsButNotANewSix(t *testing.T) {
	path := settingsPath(t)
	ed, _ := openEditor(t, path, newFakeDaemon())
	if ed.tabs.Selected() != tabNamed(t, ed, "General") {
		t.Fatalf("with a settings file the window opens on %q, want General", ed.tabs.Selected().Text)
	}
	retype(ed.field(t, "idle_threshold"), "4m")
	if ed.save.Disabled() {
		t.Fatalf("the file's six anchors refuse an edit of General: %q", ed.note.Text)
	}
	ed.build(ed.plan)
	if want := "6 actions are on, as the settings file has them; a plan of three to five is easier to keep."; ed.planNote.Text != want {
		t.Fatalf("plan note %q, want %q", ed.planNote.Text, want)
	}
	test.Tap(ed.planBox(t, settings.Rest).check)
	if ed.save.Disabled() {
		t.Fatalf("five of six is a plan: %q", ed.note.Text)
	}
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	loaded, err := settings.Load(path)
	if err != nil || loaded.Settings.Anchors.Rest.Enabled || loaded.Settings.IdleThreshold != settings.Duration(4*time.Minute) {
		t.Fatalf("saved rest on %v, idle %v, %v", loaded.Settings.Anchors.Rest.Enabled, loaded.Settings.IdleThreshold, err)
	}
	test.Tap(ed.planBox(t, settings.Rest).check)
	if !ed.save.Disabled() || ed.planNote.Text != "Your plan has 6 actions chosen; choose three to five." {
		t.Fatalf("turning the sixth back on: Save disabled %v, plan note %q", ed.save.Disabled(), ed.planNote.Text)
	}
}

func TestYourPlanAndTheAnchorTabsShowTheSameValues(t *testing.T) {
	path := settingsPath(t)
	ed, _ := openFirstRun(t, path, newFakeDaemon())
	retype(ed.planField(t, "anchors.breath.every"), "1h")
	retype(ed.planField(t, "meals"), "08:00, 12:30, 19:00")
	retype(ed.planField(t, "after_meal"), "20m")
	// The Breath and Movement tabs are built after the edits and show them.
	if got := ed.field(t, "anchors.breath.every").entry.Text; got != "1h" {
		t.Fatalf("the Breath tab shows every %q, want 1h", got)
	}
	if got := ed.field(t, "meals").entry.Text; got != "08:00, 12:30, 19:00" {
		t.Fatalf("the Movement tab shows meals %q", got)
	}
	if ed.field(t, "anchors.rest.enabled").check.Checked {
		t.Fatal("the Rest tab shows rest on while Your plan has it off")
	}
	// An edit on an anchor tab shows on Your plan.
	test.Tap(ed.field(t, "anchors.rest.enabled").check)
	test.Tap(ed.field(t, "anchors.posture.enabled").check)
	if !ed.planBox(t, settings.Rest).check.Checked || ed.planBox(t, settings.Posture).check.Checked {
		t.Fatal("Your plan does not follow the anchor tabs' Enabled boxes")
	}
	// A problem shows at both fields.
	retype(ed.field(t, "meals"), "12:30, 25:00")
	if msg := ed.planField(t, "meals").message; !msg.Visible() || !strings.Contains(msg.Text, `"25:00" is not a time of day`) {
		t.Fatalf("Your plan's meals message %q (shown %v)", msg.Text, msg.Visible())
	}
	retype(ed.planField(t, "meals"), "08:00, 12:30, 19:00")
	test.Tap(ed.save)
	wait(t, ed.settled, "the reload reply")
	loaded, err := settings.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	s := loaded.Settings
	if s.Anchors.Breath.Every != settings.Duration(time.Hour) || len(s.Meals) != 3 || s.AfterMeal != settings.Duration(20*time.Minute) ||
		!s.Anchors.Rest.Enabled || s.Anchors.Posture.Enabled {
		t.Fatalf("saved breath every %v, meals %v, after %v, rest %v, posture %v", s.Anchors.Breath.Every, s.Meals, s.AfterMeal, s.Anchors.Rest.Enabled, s.Anchors.Posture.Enabled)
	}
}

func TestTheWindowOpensOnYourPlanWhenAskedOrOnTheFirstRun(t *testing.T) {
	custom := settings.Defaults()
	custom.Sound = false
	for _, tc := range []struct {
		name   string
		plan   bool
		loaded settings.Loaded
		err    error
		want   editorStart
	}{
		{"no file", false, settings.Loaded{Settings: settings.Defaults()}, fs.ErrNotExist, startFirstRun},
		{"asked over the defaults the first start wrote", true, settings.Loaded{Settings: settings.Defaults()}, nil, startFirstRun},
		{"asked over the person's own", true, settings.Loaded{Settings: custom}, nil, startPlan},
		{"asked over a broken file", true, settings.Loaded{Settings: settings.Defaults()}, &settings.FileError{}, startPlan},
		{"not asked", false, settings.Loaded{Settings: settings.Defaults()}, nil, startGeneral},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := startOf(tc.plan, tc.loaded, tc.err); got != tc.want {
				t.Fatalf("start %d, want %d", got, tc.want)
			}
		})
	}
}

func TestYourPlanRendersAsRecorded(t *testing.T) {
	ed, w := openFirstRun(t, settingsPath(t), newFakeDaemon())
	// The note names the file, whose temporary directory differs per run.
	ed.note.SetText(strings.ReplaceAll(ed.note.Text, ed.path, "settings.toml"))
	test.AssertRendersToMarkup(t, "settings_plan.xml", w.Canvas())
	test.Tap(ed.planBox(t, settings.Rest).check)
	test.AssertRendersToMarkup(t, "settings_plan_refused.xml", w.Canvas())
}

// The plan page walks its boxes and entries row by row, after the pages.
func TestTabWalksYourPlanRowByRow(t *testing.T) {
	ed, w := openFirstRun(t, settingsPath(t), newFakeDaemon())
	var want []fyne.Focusable
	for _, b := range ed.tabs.buttons {
		want = append(want, b)
	}
	for _, f := range ed.fields {
		if ed.tabOf[f] == ed.plan {
			want = append(want, focusable(t, f.input))
		}
	}
	want = append(want, ed.closeButton, ed.save)
	c := w.Canvas()
	for i := range want {
		c.FocusNext()
		if c.Focused() != want[i] {
			t.Fatalf("Tab stop %d is %T, want %T", i+1, c.Focused(), want[i])
		}
	}
}
