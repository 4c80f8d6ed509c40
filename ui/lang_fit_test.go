package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/settings"
)

// page is one view of a window: a tab, or the window as it opens.
type page struct {
	name string
	show func()
}

// shownWindow is a window at the size it opens at, with its pages.
type shownWindow struct {
	name  string
	w     fyne.Window
	pages []page
}

// everyWindow opens every window in the current language, on sample
// data that fills them as a day of use does.
func everyWindow(t *testing.T) []shownWindow {
	t.Helper()
	open := func(name string, view fyne.CanvasObject, size fyne.Size, pages ...page) shownWindow {
		w := test.NewWindow(view)
		w.Resize(size)
		t.Cleanup(w.Close)
		if len(pages) == 0 {
			pages = []page{{"", func() {}}}
		}
		return shownWindow{name, w, pages}
	}
	test.NewTempApp(t)
	var out []shownWindow

	ed, w := openEditor(t, settingsPath(t), newFakeDaemon())
	var tabs []page
	for _, item := range ed.tabs.Items {
		tabs = append(tabs, page{item.Text, func() { ed.tabs.Select(item) }})
	}
	out = append(out, shownWindow{"settings", w, tabs})
	plan, w := openFirstRun(t, filepath.Join(t.TempDir(), "none", "settings.toml"), newFakeDaemon())
	out = append(out, shownWindow{"settings, first run", w, []page{{plan.plan.Text, func() {}}}})

	d := newFakeDaemon()
	st := todayStatus()
	st.TodayActiveMin = 142
	d.setStatus(st)
	v := newProgressView(loadProgress(writeLines(t, sampleLines()), now, settings.Clock(4, 0)), settings.Defaults())
	v.connect(testEnv(d, &fakeClock{now: now}))
	pw := open("progress", v.view, progressSize,
		page{"today", func() {}},
		page{"moving lunch", func() {
			for _, r := range v.timeline.rows {
				if r.slot != nil && r.slot.Meal && r.move != nil {
					test.Tap(r.move)
					test.Type(v.timeline.editor.moveTo, "10:10")
					return
				}
			}
			t.Fatal("no walk after a meal to move")
		}},
		page{"history", func() { v.show(v.history) }},
		page{"history, 12 weeks", func() { v.span.SetSelected(spanQuarter.label()) }},
		page{"rhythm", func() { v.show(v.rhythm) }},
	)
	go v.fetchStatus(d)
	wait(t, v.settled, "the status")
	out = append(out, pw)

	e := testEnv(newFakeDaemon(), &fakeClock{now: start})
	for _, m := range settings.BreathModes {
		b := newBreatheView(e, breathFor(m, time.Minute), func() {})
		out = append(out, open("breathe "+m.String(), b.view, breatheSize))
	}
	mv := newMoveView(e, 2*time.Minute, func() {})
	out = append(out, open("move", mv.view, moveSize, page{"", func() {}}, page{"recorded", func() {
		mv.timer.end()
		wait(t, mv.rec.settled, "the win to be recorded")
	}}))
	out = append(out, open("posture", newPostureView(e, func() {}).view, postureSize))
	c := newCheckinView(e, func() {})
	out = append(out, open("checkin", c.view, checkinSize))

	pd := newFakeDaemon()
	pd.setStatus(walkAndWater(true))
	p := newPromptView(testEnv(pd, &fakeClock{now: start}), func() {})
	pv := open("prompt", p.view, promptSize, page{"a prompt", func() {}}, page{"not running", func() {
		p.showStatus(nil, control.ErrNotRunning)
	}})
	p.load()
	wait(t, p.settled, "the prompt window to load")
	return append(out, pv)
}

// TestEveryWindowFitsItsSizeInEveryLanguage opens every window and every
// tab in each shipped language at the size the window opens at: a word
// too long for a button, a tab or a label that does not wrap makes the
// window's content need more room than it has, and the window would
// open cut off. With MICROREST_LANG_SHOTS set it also writes each page
// as a PNG there, to look at.
func TestEveryWindowFitsItsSizeInEveryLanguage(t *testing.T) {
	shots := os.Getenv("MICROREST_LANG_SHOTS")
	for _, l := range i18n.Languages() {
		t.Run(l.Tag, func(t *testing.T) {
			i18ntest.Speak(t, l.Tag)
			for _, sw := range everyWindow(t) {
				for _, p := range sw.pages {
					p.show()
					relayout(sw.w)
					if shots != "" {
						shoot(t, sw.w, filepath.Join(shots, fmt.Sprintf("%s-%s-%s.png", l.Tag, sw.name, p.name)))
					}
					if need, room := sw.w.Content().MinSize(), roomIn(sw.w); need.Width > room.Width || need.Height > room.Height {
						t.Errorf("%s %s: needs %v, has %v", sw.name, p.name, need, room)
					}
				}
			}
		})
	}
}

// relayout lays a window out again after a page showed what was hidden,
// as a desktop's window does on its next frame; the test window does not.
func relayout(w fyne.Window) {
	size := w.Canvas().Size()
	w.Resize(size.AddWidthHeight(1, 0))
	w.Resize(size)
}

// roomIn is the size a window's content has inside the canvas's padding.
func roomIn(w fyne.Window) fyne.Size {
	pad := 2 * theme.Padding()
	return w.Canvas().Size().SubtractWidthHeight(pad, pad)
}

// TestTheSettingsAndProgressWindowsRenderAsRecordedInGermanAndFrench
// records the settings window's General tab and Your plan page and the
// progress window's Today and History tabs in two languages whose words
// run longer than English, so a change that makes them overflow, wrap
// or cut off shows in review. The tab titles are in the markup too.
func TestTheSettingsAndProgressWindowsRenderAsRecordedInGermanAndFrench(t *testing.T) {
	for _, tag := range []string{"de", "fr"} {
		t.Run(tag, func(t *testing.T) {
			i18ntest.Speak(t, tag)
			_, w := openEditor(t, settingsPath(t), newFakeDaemon())
			test.AssertRendersToMarkup(t, "settings_general_"+tag+".xml", w.Canvas())

			ed, w := openFirstRun(t, settingsPath(t), newFakeDaemon())
			// The note names the file, whose temporary directory differs per run.
			ed.note.SetText(strings.ReplaceAll(ed.note.Text, ed.path, "settings.toml"))
			test.AssertRendersToMarkup(t, "settings_plan_"+tag+".xml", w.Canvas())

			d := newFakeDaemon()
			d.setStatus(todayStatus())
			_, w = openToday(t, d)
			test.AssertRendersToMarkup(t, "progress_today_"+tag+".xml", w.Canvas())

			v := newProgressView(loadProgress(writeLines(t, sampleLines()), now, settings.Clock(4, 0)), settings.Defaults())
			v.next.SetText(nextText(nil, control.ErrNotRunning))
			w = test.NewWindow(v.view)
			t.Cleanup(w.Close)
			w.Resize(progressSize)
			v.show(v.history)
			test.AssertRendersToMarkup(t, "progress_history_"+tag+".xml", w.Canvas())
		})
	}
}
