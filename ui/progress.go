package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/window"
)

// progressData is what the progress window shows from the journal: the
// last 7, 30 and 84 days, read in one pass over the file.
type progressData struct {
	week, month, quarter journal.Stats
	report               journal.ReadReport
	err                  error
}

// loadProgress streams the journal once into every span, outcomes and
// check-ins, holding no entries, so a year of history loads in a fraction
// of a second.
func loadProgress(path string, now time.Time, rollover settings.ClockTime) progressData {
	week := journal.NewTally(now, rollover, 7)
	month := journal.NewTally(now, rollover, 30)
	quarter := journal.NewTally(now, rollover, 7*quarterWeeks)
	d := progressData{}
	f, err := os.Open(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		d.err = fmt.Errorf("read journal: %w", err)
	default:
		d.report, d.err = journal.ReadLines(f, func(l journal.Line) error {
			week.AddLine(l)
			month.AddLine(l)
			quarter.AddLine(l)
			return nil
		})
		f.Close()
	}
	d.week, d.month, d.quarter = week.Stats(), month.Stats(), quarter.Stats()
	return d
}

// progressView is the progress window, in tabs: Today (today against
// goals and what comes next), History (wins and the check-in items over
// the last 7 or 30 days or 12 weeks) and Bedtime & wake (the last 14
// days). A tab other than Today is built when it is first shown, so the
// window opens as fast as it did with one page.
type progressView struct {
	data     progressData
	settings settings.Settings
	next     *widget.Label
	active   *widget.Label
	timeline *timelineView
	// today holds the Today tab's lines.
	today *fyne.Container
	tabs  *container.AppTabs
	// unbuilt holds the tabs not shown yet, with what builds their content.
	unbuilt map[*container.TabItem]func() fyne.CanvasObject
	history *container.TabItem
	rhythm  *container.TabItem
	// bedtimes is the Bedtime & wake tab once built.
	bedtimes *rhythmView
	span     *widget.RadioGroup
	chart    *winsChart
	items    *itemCharts
	summary  *widget.Label
	outcomes *widget.Label
	note     *widget.Label
	export   *widget.Button
	// pause and openSettings stand in for the tray menu on desktops
	// without a tray; paused is what the daemon said last.
	pause        *widget.Button
	openSettings *widget.Button
	paused       bool
	view         fyne.CanvasObject
	// settled receives once the daemon's status is shown; tests wait on it.
	settled chan struct{}
}

// progressSize shows today and a week's chart without scrolling.
var progressSize = fyne.NewSize(640, 680)

const (
	spanWeek    = "Last 7 days"
	spanMonth   = "Last 30 days"
	spanQuarter = "Last 12 weeks"
	// quarterWeeks is the longest view: a season of training, in weeks,
	// long enough to see a habit form.
	quarterWeeks = 12
)

func showProgress(w fyne.Window, opts Options, e env) {
	loaded, _ := settings.Reload(opts.SettingsPath)
	data := loadProgress(opts.JournalPath, e.clock(), loaded.Settings.DayStartsAt)
	v := newProgressView(data, loaded.Settings)
	v.export.OnTapped = func() { v.askExport(w, opts.JournalPath) }
	v.connect(e)
	w.SetContent(v.view)
	w.Resize(progressSize)
	go v.fetchStatus(e.daemon)
}

func newProgressView(data progressData, s settings.Settings) *progressView {
	v := &progressView{data: data, settings: s, settled: make(chan struct{}, 1), unbuilt: map[*container.TabItem]func() fyne.CanvasObject{}}
	v.next = wrapped("Asking microrest what comes next…")
	v.note = wrapped(readNote(data))
	v.note.Importance = widget.WarningImportance
	v.note.Hidden = v.note.Text == ""
	v.export = widget.NewButtonWithIcon("Export CSV…", theme.DocumentSaveIcon(), nil)
	v.pause = widget.NewButtonWithIcon(v.pauseLabel(), theme.MediaPauseIcon(), nil)
	v.pause.Disable()
	v.openSettings = widget.NewButtonWithIcon("Settings…", theme.SettingsIcon(), nil)
	v.active = wrapped("")
	v.active.Hide()
	v.timeline = newTimelineView(s)
	v.today = newVBox(v.todayGrid(), v.active, v.next, widget.NewSeparator(), heading("Your day"), v.timeline.view)
	today := container.NewVScroll(container.NewPadded(v.today))
	v.timeline.relayout = today.Refresh
	v.history = v.lazyTab("History", v.historyContent)
	v.rhythm = v.lazyTab("Bedtime & wake", v.rhythmContent)
	v.tabs = container.NewAppTabs(container.NewTabItem("Today", today), v.history, v.rhythm)
	v.tabs.OnSelected = v.build
	footer := container.NewHBox(v.pause, v.openSettings, layout.NewSpacer(), v.export)
	v.view = container.NewBorder(nil, container.NewPadded(newVBox(v.note, footer)), nil, nil, v.tabs)
	return v
}

// lazyTab is a tab whose content is built when it is first shown.
func (v *progressView) lazyTab(title string, content func() fyne.CanvasObject) *container.TabItem {
	item := container.NewTabItem(title, container.NewVScroll(container.NewStack()))
	v.unbuilt[item] = content
	return item
}

// build fills a tab the first time it is shown.
func (v *progressView) build(item *container.TabItem) {
	content, ok := v.unbuilt[item]
	if !ok {
		return
	}
	delete(v.unbuilt, item)
	scroll := item.Content.(*container.Scroll)
	scroll.Content = content()
	scroll.Refresh()
}

// show selects a tab, building it first if need be.
func (v *progressView) show(item *container.TabItem) {
	v.build(item)
	v.tabs.Select(item)
}

// rhythmContent is the Bedtime & wake tab over the last 14 days.
func (v *progressView) rhythmContent() fyne.CanvasObject {
	v.bedtimes = newRhythmView(v.data.month.Days)
	return container.NewPadded(v.bedtimes.view)
}

// historyContent is the History tab: the span, the wins chart and its
// legend, the check-in items over the same span, and the totals.
func (v *progressView) historyContent() fyne.CanvasObject {
	v.chart = newWinsChart(v.data.week.Days)
	v.items = newItemCharts()
	v.summary = wrapped("")
	v.outcomes = wrapped("")
	v.span = widget.NewRadioGroup([]string{spanWeek, spanMonth, spanQuarter}, v.showSpan)
	v.span.Horizontal = true
	v.span.Required = true
	v.span.SetSelected(spanWeek)
	return newVBox(v.span, v.chart, legend(), v.summary, v.outcomes, heading("How the check-ins went"), v.items.view)
}

// todayGrid lists each anchor that is on or has wins today, two to a row
// so the chart still fits below without scrolling.
func (v *progressView) todayGrid() fyne.CanvasObject {
	grid := container.NewGridWithColumns(4)
	goals := journal.Goals(&v.settings.Anchors)
	for _, p := range v.data.week.Progress(goals) {
		if !v.settings.Anchors.Of(p.Anchor).Enabled && p.Wins == 0 {
			continue
		}
		grid.Add(widget.NewLabel(p.Anchor.Title()))
		count := widget.NewLabel(winsText(p))
		if p.Met() {
			count.Importance = widget.SuccessImportance
		}
		grid.Add(count)
	}
	return grid
}

func winsText(p journal.Progress) string {
	switch {
	case p.Met():
		return fmt.Sprintf("%d of %d, goal met", p.Wins, p.Goal)
	case p.Goal > 0:
		return fmt.Sprintf("%d of %d", p.Wins, p.Goal)
	}
	return plural(p.Wins, "win")
}

// activeText says how long the person has been at the desk today, as the
// daemon counts it; the journal cannot: each anchor keeps its own count.
func activeText(st *control.Status, err error) string {
	if err != nil || st == nil {
		return ""
	}
	return "At the desk today: " + hm(time.Duration(st.TodayActiveMin*float64(time.Minute))) + " of active time."
}

func hm(d time.Duration) string {
	d = d.Round(time.Minute)
	if d < time.Hour {
		return fmt.Sprintf("%d min", int(d/time.Minute))
	}
	return fmt.Sprintf("%dh %02dmin", int(d/time.Hour), int(d%time.Hour/time.Minute))
}

// showSpan switches the chart and totals between 7 and 30 days, a bar a
// day, and 12 weeks, a bar a week.
func (v *progressView) showSpan(choice string) {
	s, bars, span := v.data.week, v.data.week.Days, "7 days"
	switch choice {
	case spanMonth:
		s, bars, span = v.data.month, v.data.month.Days, "30 days"
	case spanQuarter:
		s, bars, span = v.data.quarter, journal.Weeks(v.data.quarter.Days), fmt.Sprintf("%d weeks", quarterWeeks)
	}
	v.chart.setDays(bars)
	v.items.setDays(s.Days, choice == spanQuarter)
	v.summary.SetText(fmt.Sprintf("%s in %s. Consistency: %d of %d days with at least one win.",
		plural(s.Window.Wins, "win"), span, s.WinDays, len(s.Days)))
	v.outcomes.SetText(outcomeLine(s.Window))
}

// outcomeLine counts every way a prompt ended, wins and not.
func outcomeLine(t journal.Totals) string {
	parts := make([]string, len(reminders.Outcomes))
	for i, o := range reminders.Outcomes {
		parts[i] = fmt.Sprintf("%s %d", o, t.Outcomes[o])
	}
	return "By outcome: " + strings.Join(parts, " · ")
}

// readNote says what went wrong reading the journal, if anything did.
func readNote(d progressData) string {
	switch {
	case d.err != nil:
		return "The journal could not be read: " + d.err.Error()
	case d.report.Skipped > 0:
		return fmt.Sprintf("%s of the journal could not be read and %s skipped (the first: %s).",
			plural(d.report.Skipped, "line"), map[bool]string{true: "was", false: "were"}[d.report.Skipped == 1], d.report.Problems[0])
	}
	return ""
}

// fetchStatus asks the daemon what comes next; it runs off Fyne's
// goroutine, so a slow daemon never holds up the first paint.
func (v *progressView) fetchStatus(d Daemon) {
	st, err := d.Status(context.Background())
	fyne.Do(func() {
		v.next.SetText(nextText(st, err))
		v.timeline.show(st, err)
		// The timeline shows what comes next, or why it cannot; the line
		// stays for a pause and for a daemon that sends no timeline.
		v.next.Hidden = err != nil || len(v.timeline.rows) > 0 && !st.Paused
		v.next.Refresh()
		v.showPause(st, err)
		if text := activeText(st, err); text != "" {
			v.active.SetText(text)
			v.active.Show()
		}
		v.timeline.relayout()
		select {
		case v.settled <- struct{}{}:
		default:
		}
	})
}

// nextText lists the coming prompts, soonest first.
func nextText(st *control.Status, err error) string {
	switch {
	case errors.Is(err, control.ErrNotRunning):
		return "microrest is not running, so no prompts are coming. Start it by running microrest."
	case err != nil:
		return "What comes next is unknown: " + err.Error()
	}
	var lines []string
	if st.Paused {
		lines = append(lines, pausedText(st))
	}
	lines = append(lines, upcoming(st)...)
	if len(lines) == 0 {
		return "No prompts are coming today."
	}
	return "Next: " + strings.Join(lines, "; ")
}

func pausedText(st *control.Status) string {
	if st.PausedUntil != nil {
		return "paused until " + st.PausedUntil.Format("15:04")
	}
	return "paused"
}

// upcoming writes one phrase per enabled anchor, ordered by how soon.
func upcoming(st *control.Status) []string {
	type item struct {
		soon float64
		text string
	}
	var items []item
	for _, a := range st.Anchors {
		title := a.Anchor
		if k, err := settings.ParseKind(a.Anchor); err == nil {
			title = k.Title()
		}
		switch {
		case !a.Enabled:
		case a.Due:
			items = append(items, item{-1, title + " now"})
		case a.NextInMin != nil:
			items = append(items, item{*a.NextInMin, fmt.Sprintf("%s in %.0f min of active time", title, *a.NextInMin)})
		case a.NextAt != nil:
			items = append(items, item{a.NextAt.Sub(st.Now).Minutes(), title + " at " + a.NextAt.Format("15:04")})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].soon < items[j].soon })
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.text
	}
	return out
}

// askExport offers a file to save the whole journal to as CSV.
func (v *progressView) askExport(w fyne.Window, journalPath string) {
	d := dialog.NewFileSave(func(out fyne.URIWriteCloser, err error) {
		if err != nil || out == nil {
			return
		}
		n, err := exportCSV(out, journalPath)
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		v.showExport(out.URI().Path(), n, err)
	}, w)
	d.SetFileName("microrest-journal.csv")
	d.Show()
}

func (v *progressView) showExport(path string, n int, err error) {
	if err != nil {
		v.showNote("Export failed: " + err.Error())
		return
	}
	v.showNote(fmt.Sprintf("Exported %s to %s.", plural(n, "entry"), path))
}

// exportCSV writes every entry of the journal, as `microrest journal
// --format csv` does, and returns how many.
func exportCSV(w io.Writer, journalPath string) (int, error) {
	entries, _, err := journal.ReadFile(journalPath, time.Time{})
	if err != nil {
		return 0, err
	}
	return len(entries), journal.WriteCSV(w, entries)
}

// connect wires the buttons that reach the daemon and the other windows.
func (v *progressView) connect(e env) {
	v.pause.OnTapped = func() { v.togglePause(e.daemon) }
	v.timeline.send = func(what string, call func(Daemon) error) { v.changeToday(e.daemon, what, call) }
	v.openSettings.OnTapped = func() { v.showSettings(e.launch) }
}

// changeToday skips or moves a clock time of today off Fyne's goroutine,
// then shows the timeline as the daemon has it now.
func (v *progressView) changeToday(d Daemon, what string, call func(Daemon) error) {
	go func() {
		if err := call(d); err != nil {
			fyne.Do(func() { v.showNote("microrest did not " + what + " today: " + err.Error()) })
		}
		v.fetchStatus(d)
	}()
}

// pauseFor is the tray's first pause choice, which Pause takes.
func (v *progressView) pauseFor() time.Duration {
	if len(v.settings.PauseChoices) > 0 {
		return v.settings.PauseChoices[0].D()
	}
	return 30 * time.Minute
}

func (v *progressView) pauseLabel() string {
	return "Pause for " + settings.Duration(v.pauseFor()).String()
}

// showPause offers Resume during a pause and Pause otherwise; without a
// daemon there is nothing to pause.
func (v *progressView) showPause(st *control.Status, err error) {
	if err != nil || st == nil {
		v.pause.Disable()
		return
	}
	v.paused = st.Paused
	if v.paused {
		v.pause.SetText("Resume")
		v.pause.SetIcon(theme.MediaPlayIcon())
	} else {
		v.pause.SetText(v.pauseLabel())
		v.pause.SetIcon(theme.MediaPauseIcon())
	}
	v.pause.Enable()
}

// togglePause pauses or resumes off Fyne's goroutine, then shows what
// the daemon says now.
func (v *progressView) togglePause(d Daemon) {
	resume, cmd := v.paused, reminders.PauseFor{For: v.pauseFor()}
	v.pause.Disable()
	go func() {
		if err := hold(d, resume, cmd); err != nil {
			fyne.Do(func() { v.showNote("microrest did not " + err.Error()) })
		}
		v.fetchStatus(d)
	}()
}

// hold sends the pause or the resume; its error says which failed.
func hold(d Daemon, resume bool, cmd reminders.Command) error {
	if resume {
		if err := d.Resume(context.Background()); err != nil {
			return fmt.Errorf("resume: %w", err)
		}
		return nil
	}
	if err := d.Pause(context.Background(), cmd); err != nil {
		return fmt.Errorf("pause: %w", err)
	}
	return nil
}

// showSettings opens the settings window in a process of its own, as the
// tray's Settings… does.
func (v *progressView) showSettings(launch func(window.Verb, uint64) error) {
	if err := launch(window.Settings, 0); err != nil {
		v.showNote("The settings window did not open: " + err.Error())
	}
}

func (v *progressView) showNote(text string) {
	v.note.SetText(text)
	v.note.Show()
}
