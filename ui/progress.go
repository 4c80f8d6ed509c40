package ui

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
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
	"github.com/microrest/microrest/i18n"
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
		d.err = i18n.Wrap(err, "ui.progress.err_read_journal")
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

// quarterWeeks is the longest view: a season of training, in weeks, long
// enough to see a habit form.
const quarterWeeks = 12

// span is a stretch of days the History tab shows.
type span int

// The spans, in the order the tab offers them.
const (
	spanWeek span = iota
	spanMonth
	spanQuarter
)

var spans = []span{spanWeek, spanMonth, spanQuarter}

// label is the span's choice on the History tab.
func (s span) label() string {
	switch s {
	case spanMonth:
		return i18n.T("ui.progress.span_month")
	case spanQuarter:
		return i18n.T("ui.progress.span_quarter", map[string]any{"Weeks": quarterWeeks})
	}
	return i18n.T("ui.progress.span_week")
}

// spanOf is the span a choice of the History tab names.
func spanOf(label string) span {
	for _, s := range spans {
		if s.label() == label {
			return s
		}
	}
	return spanWeek
}

func showProgress(w fyne.Window, opts Options, e env) {
	data := loadProgress(opts.JournalPath, e.clock(), e.loaded.Settings.DayStartsAt)
	v := newProgressView(data, e.loaded.Settings)
	v.export.OnTapped = func() { v.askExport(w, opts.JournalPath) }
	v.connect(e)
	w.SetContent(v.view)
	w.Resize(progressSize)
	go v.fetchStatus(e.daemon)
}

func newProgressView(data progressData, s settings.Settings) *progressView {
	v := &progressView{data: data, settings: s, settled: make(chan struct{}, 1), unbuilt: map[*container.TabItem]func() fyne.CanvasObject{}}
	v.next = wrapped(i18n.T("ui.progress.asking"))
	v.note = wrapped(readNote(data))
	v.note.Importance = widget.WarningImportance
	v.note.Hidden = v.note.Text == ""
	v.export = widget.NewButtonWithIcon(i18n.T("ui.progress.export"), theme.DocumentSaveIcon(), nil)
	v.pause = widget.NewButtonWithIcon(v.pauseLabel(), theme.MediaPauseIcon(), nil)
	v.pause.Disable()
	v.openSettings = widget.NewButtonWithIcon(i18n.T("tray.settings"), theme.SettingsIcon(), nil)
	v.active = wrapped("")
	v.active.Hide()
	v.timeline = newTimelineView(s)
	v.today = newVBox(v.todayGrid(), v.active, v.next, widget.NewSeparator(), heading(i18n.T("ui.today.heading")), v.timeline.view)
	today := container.NewVScroll(container.NewPadded(v.today))
	v.timeline.relayout = today.Refresh
	v.history = v.lazyTab(i18n.T("ui.progress.tab.history"), v.historyContent)
	v.rhythm = v.lazyTab(i18n.T("ui.progress.tab.rhythm"), v.rhythmContent)
	v.tabs = container.NewAppTabs(container.NewTabItem(i18n.T("ui.progress.tab.today"), today), v.history, v.rhythm)
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
	labels := make([]string, len(spans))
	for i, s := range spans {
		labels[i] = s.label()
	}
	v.span = widget.NewRadioGroup(labels, func(label string) { v.showSpan(spanOf(label)) })
	v.span.Horizontal = true
	v.span.Required = true
	v.span.SetSelected(spanWeek.label())
	return newVBox(v.span, v.chart, legend(), v.summary, v.outcomes, heading(i18n.T("ui.progress.checkins")), v.items.view)
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
		grid.Add(widget.NewLabel(anchorTitle(p.Anchor)))
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
		return i18n.T("ui.progress.goal_met", map[string]any{"Wins": p.Wins, "Goal": p.Goal})
	case p.Goal > 0:
		return i18n.T("ui.progress.of_goal", map[string]any{"Wins": p.Wins, "Goal": p.Goal})
	}
	return i18n.N("count.wins", p.Wins, nil)
}

// activeText says how long the person has been at the desk today, as the
// daemon counts it; the journal cannot: each anchor keeps its own count.
func activeText(st *control.Status, err error) string {
	if err != nil || st == nil {
		return ""
	}
	return i18n.T("ui.progress.active", map[string]any{"Time": hm(time.Duration(st.TodayActiveMin * float64(time.Minute)))})
}

// hm writes a length of time in hours and minutes: "45 min", "5h 12min".
func hm(d time.Duration) string {
	d = d.Round(time.Minute)
	if d < time.Hour {
		return i18n.T("ui.progress.min", map[string]any{"Min": int(d / time.Minute)})
	}
	return i18n.T("ui.progress.h_min", map[string]any{"H": int(d / time.Hour), "Min": fmt.Sprintf("%02d", int(d%time.Hour/time.Minute))})
}

// showSpan switches the chart and totals between 7 and 30 days, a bar a
// day, and 12 weeks, a bar a week.
func (v *progressView) showSpan(choice span) {
	s, bars := v.data.week, v.data.week.Days
	var wins string
	switch choice {
	case spanMonth:
		s, bars = v.data.month, v.data.month.Days
		wins = i18n.N("ui.progress.wins_month", s.Window.Wins, nil)
	case spanQuarter:
		s, bars = v.data.quarter, journal.Weeks(v.data.quarter.Days)
		wins = i18n.N("ui.progress.wins_quarter", s.Window.Wins, map[string]any{"Weeks": quarterWeeks})
	default:
		wins = i18n.N("ui.progress.wins_week", s.Window.Wins, nil)
	}
	v.chart.setDays(bars)
	v.items.setDays(s.Days, choice == spanQuarter)
	v.summary.SetText(wins + " " + i18n.N("ui.progress.consistency", len(s.Days), map[string]any{"WinDays": s.WinDays}))
	v.outcomes.SetText(outcomeLine(s.Window))
}

// outcomeLine counts every way a prompt ended, wins and not.
func outcomeLine(t journal.Totals) string {
	parts := make([]string, len(reminders.Outcomes))
	for i, o := range reminders.Outcomes {
		parts[i] = i18n.T("ui.progress.outcome", map[string]any{"Outcome": outcomeName(o), "Count": t.Outcomes[o]})
	}
	return i18n.T("ui.progress.by_outcome", map[string]any{"Outcomes": strings.Join(parts, " · ")})
}

// readNote says what went wrong reading the journal, if anything did.
func readNote(d progressData) string {
	switch {
	case d.err != nil:
		return i18n.T("ui.progress.unreadable", map[string]any{"Error": d.err.Error()})
	case d.report.Skipped > 0:
		return i18n.N("ui.progress.skipped_lines", d.report.Skipped, map[string]any{"First": d.report.Problems[0]})
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
		return i18n.T("ui.progress.not_running")
	case err != nil:
		return i18n.T("ui.progress.next_unknown", map[string]any{"Error": err.Error()})
	}
	var lines []string
	if st.Paused {
		lines = append(lines, pausedText(st))
	}
	lines = append(lines, upcoming(st)...)
	if len(lines) == 0 {
		return i18n.T("ui.progress.none_today")
	}
	return i18n.T("ui.progress.next", map[string]any{"Plan": strings.Join(lines, "; ")})
}

func pausedText(st *control.Status) string {
	if st.PausedUntil != nil {
		return i18n.T("ui.progress.paused_until", map[string]any{"Time": clockText(*st.PausedUntil)})
	}
	return i18n.T("ui.progress.paused")
}

// upcoming writes one phrase per enabled anchor, ordered by how soon.
func upcoming(st *control.Status) []string {
	type item struct {
		soon float64
		text string
	}
	var items []item
	for _, a := range st.Anchors {
		title := control.AnchorTitle(a.Anchor)
		if title == "" {
			title = a.Anchor
		}
		switch {
		case !a.Enabled:
		case a.Due:
			items = append(items, item{-1, i18n.T("ui.progress.due_now", map[string]any{"Anchor": title})})
		case a.NextInMin != nil:
			items = append(items, item{*a.NextInMin, i18n.N("status.next_in", int(math.RoundToEven(*a.NextInMin)), map[string]any{"Anchor": title})})
		case a.NextAt != nil:
			items = append(items, item{a.NextAt.Sub(st.Now).Minutes(), i18n.T("status.next_at", map[string]any{"Anchor": title, "Time": clockText(*a.NextAt)})})
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
		v.showNote(i18n.T("ui.progress.export_failed", map[string]any{"Error": err.Error()}))
		return
	}
	v.showNote(i18n.N("ui.progress.exported", n, map[string]any{"Path": path}))
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
	v.timeline.send = func(failed func(error) string, call func(Daemon) error) { v.changeToday(e.daemon, failed, call) }
	v.openSettings.OnTapped = func() { v.showSettings(e.launch) }
}

// changeToday skips or moves a clock time of today off Fyne's goroutine,
// then shows the timeline as the daemon has it now; failed says what did
// not happen.
func (v *progressView) changeToday(d Daemon, failed func(error) string, call func(Daemon) error) {
	go func() {
		if err := call(d); err != nil {
			fyne.Do(func() { v.showNote(failed(err)) })
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
	return i18n.T("ui.progress.pause_for", map[string]any{"Duration": settings.Duration(v.pauseFor()).String()})
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
		v.pause.SetText(i18n.T("tray.resume"))
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
			fyne.Do(func() { v.showNote(err.Error()) })
		}
		v.fetchStatus(d)
	}()
}

// hold sends the pause or the resume; its error says which failed.
func hold(d Daemon, resume bool, cmd reminders.Command) error {
	if resume {
		if err := d.Resume(context.Background()); err != nil {
			return i18n.Wrap(err, "ui.progress.resume_failed")
		}
		return nil
	}
	if err := d.Pause(context.Background(), cmd); err != nil {
		return i18n.Wrap(err, "ui.progress.pause_failed")
	}
	return nil
}

// showSettings opens the settings window in a process of its own, as the
// tray's Settings… does.
func (v *progressView) showSettings(launch func(window.Verb, uint64) error) {
	if err := launch(window.Settings, 0); err != nil {
		v.showNote(i18n.T("ui.progress.settings_failed", map[string]any{"Error": err.Error()}))
	}
}

func (v *progressView) showNote(text string) {
	v.note.SetText(text)
	v.note.Show()
}
