package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// timelineView is the Today tab's timeline from the daemon's status: each
// clock time of today's plan at its time, ticked when done; each interval
// anchor at about the time it will come due at today's pace; the wins at
// other times, one row an anchor. An upcoming clock time offers Skip today
// and Move…, which change today only.
type timelineView struct {
	settings settings.Settings
	// message stands in for the rows when there are none to show.
	message *widget.Label
	list    *fyne.Container
	rows    []*timelineRow
	// editor is the row whose Move… is open, nil while none is.
	editor *timelineRow
	// now and loc are the daemon's, from the status shown.
	now time.Time
	// send runs a skip or a move off Fyne's goroutine and shows the
	// status after it, or what failed says; set by the progress view.
	send func(failed func(error) string, call func(Daemon) error)
	// relayout lays the window out again after a row grew or shrank;
	// set by the progress view.
	relayout func()
	view     *fyne.Container
}

// timelineRow is one row of the timeline.
type timelineRow struct {
	entry control.TimelineEntry
	// slot names the entry's clock time for skip and move; nil for a win
	// at another time or an interval anchor.
	slot        *reminders.Slot
	when, what  *widget.Label
	skip, move  *widget.Button
	moveTo      *widget.Entry
	moveButton  *widget.Button
	moveMessage *widget.Label
	moveCancel  *widget.Button
	editor      *fyne.Container
	view        fyne.CanvasObject
}

func newTimelineView(s settings.Settings) *timelineView {
	// Rows sit close, as lines of one list.
	list := container.New(layout.NewCustomPaddedVBoxLayout(0))
	v := &timelineView{settings: s, message: wrapped(i18n.T("ui.today.asking")), list: list}
	v.send = func(func(error) string, func(Daemon) error) {}
	v.relayout = func() { v.view.Refresh() }
	v.view = newVBox(v.message, v.list)
	return v
}

// show lays out the status's timeline, or says why there is none.
func (v *timelineView) show(st *control.Status, err error) {
	v.list.RemoveAll()
	v.rows, v.editor = nil, nil
	switch {
	case errors.Is(err, control.ErrNotRunning):
		v.say(i18n.T("ui.today.not_running"))
		return
	case err != nil:
		v.say(i18n.T("ui.today.unknown", map[string]any{"Error": err.Error()}))
		return
	case st.Today == nil:
		v.say(i18n.T("ui.today.old_daemon"))
		return
	}
	v.now = st.Now
	for _, e := range st.Today.Folded() {
		row := v.newRow(e)
		v.rows = append(v.rows, row)
		v.list.Add(row.view)
	}
	if len(v.rows) == 0 {
		v.say(i18n.T("ui.today.nothing"))
		return
	}
	v.message.Hide()
	v.relayout()
}

func (v *timelineView) say(text string) {
	v.message.SetText(text)
	v.message.Show()
	v.relayout()
}

// newRow builds a row: its time, what it is and how it stands, and for
// an upcoming clock time the buttons that change today.
func (v *timelineView) newRow(e control.FoldedEntry) *timelineRow {
	row := &timelineRow{entry: e.TimelineEntry, slot: slotOf(e.TimelineEntry)}
	row.when = widget.NewLabel(whenText(e.TimelineEntry))
	row.what = widget.NewLabel(whatText(e))
	switch e.State {
	case reminders.TimelineMissed.String(), reminders.TimelineDue.String():
		row.what.Importance = widget.WarningImportance
	case reminders.TimelineSkipped.String():
		row.what.Importance = widget.LowImportance
	}
	when := container.NewGridWrap(fyne.NewSize(whenWidth(), row.when.MinSize().Height), row.when)
	line := container.NewHBox(when, row.what, layout.NewSpacer())
	if row.slot != nil && e.State == reminders.TimelineUpcoming.String() {
		slot := *row.slot
		row.skip = widget.NewButton(i18n.T("ui.today.skip"), func() {
			failed := func(err error) string {
				return i18n.T("ui.today.skip_failed", map[string]any{"Slot": slotName(slot), "Error": err.Error()})
			}
			v.send(failed, func(d Daemon) error { return d.SkipToday(context.Background(), slot) })
		})
		row.skip.Importance = widget.LowImportance
		row.move = widget.NewButtonWithIcon(i18n.T("ui.today.move"), theme.HistoryIcon(), func() { v.openMove(row) })
		row.move.Importance = widget.LowImportance
		line.Add(row.skip)
		line.Add(row.move)
	}
	row.editor = newVBox()
	row.view = newVBox(line, row.editor)
	return row
}

// whenWidth fits "about 00:00" ("about 12:00 AM" on a 12-hour clock),
// so every row's words line up.
func whenWidth() float32 {
	return widget.NewLabel(about(clockTimeText(0))).MinSize().Width
}

// about is a projected time of day: "about 10:55".
func about(clock string) string { return i18n.T("ui.today.about", map[string]any{"Time": clock}) }

// slotOf names an entry's clock time as skip-today and move-today take it;
// nil for an entry that is not one.
func slotOf(e control.TimelineEntry) *reminders.Slot {
	if e.At == "" {
		return nil
	}
	k, err := settings.ParseKind(e.Anchor)
	if err != nil {
		return nil
	}
	at, err := settings.ParseClock(e.At)
	if err != nil {
		return nil
	}
	return &reminders.Slot{Anchor: k, At: at, Meal: e.Meal}
}

// whenText is the row's time; an interval anchor's is a projection.
func whenText(e control.TimelineEntry) string {
	clock := clockText(e.Time)
	if e.At == "" && e.State == reminders.TimelineUpcoming.String() {
		return about(clock)
	}
	return clock
}

// whatText names the row and says how it stands.
func whatText(e control.FoldedEntry) string {
	title := titleOf(e.TimelineEntry)
	var text string
	switch e.State {
	case reminders.TimelineDone.String():
		text = i18n.T("ui.today.done", map[string]any{"Title": title})
		if e.Count > 1 {
			text = i18n.N("ui.today.done_times", e.Count, map[string]any{"Title": title})
		}
	case reminders.TimelineDue.String():
		text = i18n.T("ui.today.due", map[string]any{"Title": title})
	case reminders.TimelineMissed.String():
		text = i18n.T("ui.today.missed", map[string]any{"Title": title})
	case reminders.TimelineSkipped.String():
		text = i18n.T("ui.today.skipped", map[string]any{"Title": title})
	default:
		text = title
	}
	if e.Moved {
		text += " (" + movedText(e.TimelineEntry) + ")"
	}
	return text
}

// titleOf is what the row is: the anchor, or the walk after a meal.
func titleOf(e control.TimelineEntry) string {
	if e.Meal {
		return mealOfText(e.At).walkTitle()
	}
	if t := control.AnchorTitle(e.Anchor); t != "" {
		return t
	}
	return e.Anchor
}

// movedText says where a moved clock time was planned.
func movedText(e control.TimelineEntry) string {
	if e.Meal {
		return mealOfText(e.At).moved(e.At)
	}
	return i18n.T("ui.today.moved", map[string]any{"At": clockStringText(e.At)})
}

// meal is a meal named by its time of day, as people speak of them.
type meal int

const (
	mealUnknown meal = iota
	breakfast
	lunch
	dinner
)

func mealOf(at settings.ClockTime) meal {
	switch {
	case at < settings.Clock(11, 0):
		return breakfast
	case at < settings.Clock(16, 0):
		return lunch
	}
	return dinner
}

// mealOfText is the meal at a "HH:MM"; mealUnknown if it does not read.
func mealOfText(at string) meal {
	c, err := settings.ParseClock(at)
	if err != nil {
		return mealUnknown
	}
	return mealOf(c)
}

// walkTitle names the walk after the meal as a row: "Walk after lunch".
func (m meal) walkTitle() string {
	switch m {
	case breakfast:
		return i18n.T("ui.today.meal.breakfast.title")
	case lunch:
		return i18n.T("ui.today.meal.lunch.title")
	case dinner:
		return i18n.T("ui.today.meal.dinner.title")
	}
	return i18n.T("ui.today.meal.any.title")
}

// walk names the walk after the meal in a sentence: "the walk after
// lunch".
func (m meal) walk() string {
	switch m {
	case breakfast:
		return i18n.T("ui.today.meal.breakfast.walk")
	case lunch:
		return i18n.T("ui.today.meal.lunch.walk")
	case dinner:
		return i18n.T("ui.today.meal.dinner.walk")
	}
	return i18n.T("ui.today.meal.any.walk")
}

// moved says that the meal was moved from at ("HH:MM"): "lunch moved
// from 12:30".
func (m meal) moved(at string) string {
	data := map[string]any{"At": clockStringText(at)}
	switch m {
	case breakfast:
		return i18n.T("ui.today.meal.breakfast.moved", data)
	case lunch:
		return i18n.T("ui.today.meal.lunch.moved", data)
	case dinner:
		return i18n.T("ui.today.meal.dinner.moved", data)
	}
	return i18n.T("ui.today.meal.any.moved", data)
}

// at labels the meal's new time in the Move… editor: "Lunch at".
func (m meal) at() string {
	switch m {
	case breakfast:
		return i18n.T("ui.today.meal.breakfast.at")
	case lunch:
		return i18n.T("ui.today.meal.lunch.at")
	case dinner:
		return i18n.T("ui.today.meal.dinner.at")
	}
	return i18n.T("ui.today.meal.any.at")
}

// slotName names a clock time in a sentence: "Rest at 14:30", "the walk
// after lunch".
func slotName(s reminders.Slot) string {
	if s.Meal {
		return mealOf(s.At).walk()
	}
	return i18n.T("status.next_at", map[string]any{"Anchor": anchorTitle(s.Anchor), "Time": clockTimeText(s.At)})
}

// openMove shows the row's Move… editor: a time of day, checked as it is
// typed, and Move. One row's editor is open at a time.
func (v *timelineView) openMove(row *timelineRow) {
	v.closeMove()
	v.editor = row
	label := i18n.T("ui.today.move_to")
	if row.slot.Meal {
		label = mealOf(row.slot.At).at()
	}
	row.moveTo = widget.NewEntry()
	row.moveTo.SetPlaceHolder(i18n.T("ui.today.hh_mm"))
	row.moveMessage = wrapped("")
	row.moveMessage.Importance = widget.DangerImportance
	row.moveMessage.Hide()
	row.moveButton = widget.NewButton(i18n.T("ui.today.move_button"), func() { v.sendMove(row) })
	row.moveButton.Importance = widget.HighImportance
	row.moveButton.Disable()
	row.moveTo.OnChanged = func(string) { v.checkMove(row) }
	row.moveTo.OnSubmitted = func(string) { v.sendMove(row) }
	field := container.NewGridWrap(fyne.NewSize(100, row.moveTo.MinSize().Height), row.moveTo)
	row.moveCancel = widget.NewButton(i18n.T("ui.cancel"), v.closeMove)
	// Under the row's words, past its time.
	indent := func() fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(whenWidth(), 1), layout.NewSpacer())
	}
	row.editor.Objects = []fyne.CanvasObject{
		container.NewHBox(indent(), widget.NewLabel(label), field, row.moveButton, row.moveCancel),
		container.NewBorder(nil, nil, indent(), nil, row.moveMessage),
	}
	row.editor.Refresh()
	v.relayout()
	if c := fyne.CurrentApp().Driver().CanvasForObject(row.moveTo); c != nil {
		c.Focus(row.moveTo)
	}
}

// closeMove closes the open Move… editor, if one is open.
func (v *timelineView) closeMove() {
	if v.editor == nil {
		return
	}
	v.editor.editor.RemoveAll()
	v.relayout()
	v.editor.moveTo, v.editor.moveButton, v.editor.moveMessage, v.editor.moveCancel = nil, nil, nil, nil
	v.editor = nil
}

// checkMove reads the typed time and says what is wrong with it; Move is
// enabled only when nothing is.
func (v *timelineView) checkMove(row *timelineRow) (settings.ClockTime, bool) {
	to, problem := v.readMove(row)
	if row.moveMessage.Text != problem {
		row.moveMessage.SetText(problem)
		row.moveMessage.Hidden = problem == ""
		v.relayout()
	}
	if problem == "" {
		row.moveButton.Enable()
	} else {
		row.moveButton.Disable()
	}
	return to, problem == ""
}

// readMove parses the typed time: a time of day whose prompt is still to
// come today. A meal may be moved to a time passed as long as the walk
// after it is still ahead.
func (v *timelineView) readMove(row *timelineRow) (settings.ClockTime, string) {
	to, err := settings.ParseClock(row.moveTo.Text)
	if err != nil {
		return 0, capital(err.Error())
	}
	comes := v.todayAt(to)
	if row.slot.Meal {
		walk := comes.Add(v.settings.AfterMeal.D())
		if !walk.After(v.now) {
			return 0, i18n.T("ui.today.walk_passed", map[string]any{"Walk": capitalize(mealOf(row.slot.At).walk()), "Meal": to.String(), "Time": clockText(walk)})
		}
		return to, ""
	}
	if !comes.After(v.now) {
		return 0, i18n.T("ui.today.passed", map[string]any{"Time": to.String()})
	}
	return to, ""
}

// todayAt is the time c falls at in the journal day of the daemon's now:
// a time before the day's start is after midnight, the night that ends it.
func (v *timelineView) todayAt(c settings.ClockTime) time.Time {
	date := journal.DayOf(v.now, v.settings.DayStartsAt)
	if c < v.settings.DayStartsAt {
		date = date.AddDays(1)
	}
	return date.Start(c, v.now.Location())
}

// sendMove moves the row's clock time when the typed time reads.
func (v *timelineView) sendMove(row *timelineRow) {
	to, ok := v.checkMove(row)
	if !ok {
		return
	}
	slot := *row.slot
	v.closeMove()
	failed := func(err error) string {
		return i18n.T("ui.today.move_failed", map[string]any{"Slot": slotName(slot), "To": to.String(), "Error": err.Error()})
	}
	v.send(failed, func(d Daemon) error { return d.MoveToday(context.Background(), slot, to) })
}
