package ui

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// settingsSize fits the longest row of the General tab beside the column
// of tabs.
var settingsSize = fyne.NewSize(760, 600)

// settingsEditor is the settings window: the Your plan page, one tab for
// the general options, one for active hours, one for the training days
// and one per anchor. Every
// edit builds a candidate Settings and runs settings.Validate on it, so the
// window and the daemon can never disagree about what is valid.
//
// A tab's fields are built when it is first shown: building every tab up
// front was most of the window's start-up (issue 13). Fields not built yet
// cannot have been edited, so the candidate keeps the file's values there.
type settingsEditor struct {
	path   string
	base   settings.Settings // what the file holds now
	fields []*field          // of the tabs built so far, each tab's in the order shown
	tabOf  map[*field]*container.TabItem
	tabs   *pages
	// unbuilt holds the tabs not shown yet, with what builds their content.
	unbuilt map[*container.TabItem]tabContent
	save    *widget.Button
	note    *widget.Label // what Save will do, or what it did
	// saved is set while the note says what the last Save did, which the
	// daemon's reply adds to.
	saved     bool
	warning   *widget.Label // unknown keys or a broken file that Save replaces
	daemon    Daemon
	autostart Autostart
	// autostartOn is the system's state when last read or set.
	autostartOn bool
	closeButton *widget.Button
	// ask closes the window, first asking over unsaved changes; Escape in
	// any field runs it. Nil until bindKeys.
	ask func()
	// broken is set while the file on disk could not be used: Save then
	// replaces it even without an edit, and only then.
	broken   bool
	banner   *widget.Label
	problems int
	// plan is the Your plan page; firstRun says it starts from the
	// suggested plan and holds a plan to three to five actions from the
	// start. planNote counts the actions chosen, nil until the page is
	// built.
	plan     *container.TabItem
	firstRun bool
	planNote *widget.Label
	// mirroring is set while a field's value is copied to its twins, the
	// fields of other tabs that edit the same key.
	mirroring bool
	view      fyne.CanvasObject
	// settled receives once the daemon's reply to a save is shown, after
	// the last write to the note; tests wait on it before reading.
	settled chan struct{}
}

func showSettings(w fyne.Window, opts Options, e env) {
	loaded, err := e.loaded, e.loadErr
	var fe *settings.FileError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		// No file yet: the defaults, written when Save is pressed.
	case err != nil && !errors.As(err, &fe):
		opts.Log.Warn(i18n.T("ui.log.settings_unread"), "err", err)
	}
	ed := newSettingsEditor(loaded, fe, startOf(opts.Plan, loaded, err), e)
	w.SetContent(ed.view)
	w.Resize(settingsSize)
	ed.bindKeys(w)
}

// editorStart is the page the settings window opens on.
type editorStart int

const (
	// startGeneral opens on General, as the window always has.
	startGeneral editorStart = iota
	// startPlan opens on Your plan, as asked.
	startPlan
	// startFirstRun opens on Your plan with the suggested plan ticked:
	// there is no settings file yet, or the plan was asked for over the
	// defaults the first start just wrote.
	startFirstRun
)

// startOf picks the page from the --plan flag and what loading found.
func startOf(plan bool, loaded settings.Loaded, err error) editorStart {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return startFirstRun
	case !plan:
		return startGeneral
	case err == nil && bytes.Equal(settings.Encode(loaded.Settings), settings.Encode(settings.Defaults())):
		return startFirstRun
	}
	return startPlan
}

// warmFaces starts loading the regular and the bold text face on other
// cores while this one opens the window: each face is tens of
// milliseconds of font parsing, and every window measures text before it
// maps (issue 13). It returns a wait for both. Measure no text before
// waiting: Fyne does not share a face that is still loading, so the
// measuring goroutine would parse it once more, on the core the window
// is opened on.
func warmFaces() (wait func()) {
	var wg sync.WaitGroup
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		wg.Go(func() { fyne.MeasureText("x", theme.TextSize(), style) })
	}
	return wg.Wait
}

// newSettingsEditor builds the editor over what Load returned; fe is the
// reason the file was not used, if it was not.
func newSettingsEditor(loaded settings.Loaded, fe *settings.FileError, start editorStart, e env) *settingsEditor {
	ed := &settingsEditor{path: loaded.Path, base: loaded.Settings, daemon: e.daemon, autostart: e.autostart, tabOf: map[*field]*container.TabItem{}, unbuilt: map[*container.TabItem]tabContent{}, settled: make(chan struct{}, 1)}
	ed.firstRun = start == startFirstRun
	ed.readAutostart(&ed.base)
	ed.plan = ed.tab(i18n.T("ui.settings.tab.plan"), ed.planContent)
	general := ed.tab(i18n.T("ui.settings.tab.general"), formContent(ed.generalFields))
	items := []*container.TabItem{
		ed.plan,
		general,
		ed.tab(i18n.T("ui.settings.tab.active_hours"), formContent(weekFields)),
		ed.tab(i18n.T("ui.settings.tab.days"), daysContent),
	}
	for _, k := range settings.Kinds {
		items = append(items, ed.tab(anchorTitle(k), formContent(func(s *settings.Settings) []*field { return anchorFields(k, s) })))
	}
	ed.tabs = newPages(items)
	if start == startGeneral {
		ed.tabs.Select(general)
	}
	ed.tabs.OnSelected = ed.build
	ed.save = widget.NewButtonWithIcon(i18n.T("ui.save"), theme.DocumentSaveIcon(), ed.trySave)
	ed.save.Importance = widget.HighImportance
	ed.note = wrapped("")
	ed.warning = wrapped(warningText(loaded.Unknown, fe))
	ed.warning.Importance = widget.WarningImportance
	ed.warning.Hidden = ed.warning.Text == ""
	ed.broken = fe != nil
	ed.banner = problemBanner(fe)
	var top fyne.CanvasObject
	if ed.banner != nil {
		top = ed.banner
	}
	ed.view = container.NewBorder(top, ed.footer(), nil, nil, ed.tabs.view)
	ed.build(ed.tabs.Selected())
	return ed
}

// readAutostart shows the system's start-at-login state, not the file's:
// the entry may have been removed by hand since.
func (ed *settingsEditor) readAutostart(s *settings.Settings) {
	on, err := ed.autostart.Enabled()
	if err != nil {
		return
	}
	ed.autostartOn = on
	s.Autostart = on
}

// tabContent builds a tab's content from the settings shown, and returns
// its fields in the order shown.
type tabContent func(s *settings.Settings) ([]*field, fyne.CanvasObject)

// formContent is a tab that is one form of fields.
func formContent(fields func(s *settings.Settings) []*field) tabContent {
	return func(s *settings.Settings) ([]*field, fyne.CanvasObject) {
		list := fields(s)
		return list, formOf(list)
	}
}

// formOf lays out fields in one form. The form is made with its items:
// each AppendItem lays the whole form out again, which made a tab of
// fourteen fields cost tens of milliseconds before the window could map
// (issue 13).
func formOf(fields []*field) *widget.Form {
	items := make([]*widget.FormItem, len(fields))
	for i, f := range fields {
		items[i] = f.formItem()
	}
	return widget.NewForm(items...)
}

// tab adds a tab whose content is built when it is first shown; until
// then it scrolls over nothing.
func (ed *settingsEditor) tab(title string, content tabContent) *container.TabItem {
	item := container.NewTabItem(title, container.NewVScroll(container.NewStack()))
	ed.unbuilt[item] = content
	return item
}

// build fills a tab the first time it is shown, with the values of the
// file as last read or saved.
func (ed *settingsEditor) build(item *container.TabItem) {
	content, ok := ed.unbuilt[item]
	if !ok {
		return
	}
	delete(ed.unbuilt, item)
	fields, obj := content(&ed.base)
	for _, f := range fields {
		if twins := ed.twins(f); len(twins) > 0 {
			copyValue(twins[0], f)
		}
		ed.tabOf[f] = item
		ed.watch(f)
	}
	ed.fields = append(ed.fields, fields...)
	scroll := item.Content.(*container.Scroll)
	scroll.Content = container.NewPadded(obj)
	scroll.Refresh()
	ed.check()
}

func (ed *settingsEditor) footer() fyne.CanvasObject {
	closeBtn := widget.NewButton(i18n.T("ui.close"), nil)
	ed.closeButton = closeBtn
	buttons := container.NewHBox(layout.NewSpacer(), closeBtn, ed.save)
	return container.NewPadded(newVBox(ed.warning, ed.note, buttons))
}

// watch re-validates on every edit, saves on Enter in a one-line entry,
// and closes on Escape.
func (ed *settingsEditor) watch(f *field) {
	switch {
	case f.check != nil:
		f.check.OnChanged = func(bool) { ed.edited(f) }
		f.check.onEscape = ed.escape
	case f.choice != nil:
		f.choice.OnChanged = func(string) { ed.edited(f) }
		f.choice.onEscape = ed.escape
	case f.entry != nil:
		f.entry.OnChanged = func(string) { ed.edited(f) }
		f.entry.onEscape = ed.escape
		if !f.entry.MultiLine {
			f.entry.OnSubmitted = func(string) { ed.trySave() }
		}
	}
}

// edited shows an edit in the field's twins, then re-validates.
func (ed *settingsEditor) edited(f *field) {
	if ed.mirroring {
		return
	}
	ed.mirroring = true
	for _, twin := range ed.twins(f) {
		copyValue(f, twin)
	}
	ed.mirroring = false
	ed.check()
}

// twins are the other fields built so far that edit f's key: Your plan
// shares its keys with the anchor tabs.
func (ed *settingsEditor) twins(f *field) []*field {
	var out []*field
	for _, g := range ed.fields {
		if g != f && g.keys[0] == f.keys[0] {
			out = append(out, g)
		}
	}
	return out
}

// copyValue shows from's input in to's, as typed; both are built the same
// way for the same key.
func copyValue(from, to *field) {
	switch {
	case from.check != nil && to.check != nil:
		to.check.SetChecked(from.check.Checked)
	case from.choice != nil && to.choice != nil:
		to.choice.SetSelected(from.choice.Selected)
	case from.entry != nil && to.entry != nil:
		to.entry.SetText(from.entry.Text)
	}
}

// escape hands Escape in a field to the window once bindKeys has run.
func (ed *settingsEditor) escape() {
	if ed.ask != nil {
		ed.ask()
	}
}

// candidate reads every field into a copy of the saved settings. ok is
// false when a field cannot be read; its message is already shown.
func (ed *settingsEditor) candidate() (s settings.Settings, unread map[*field]string) {
	s = ed.base
	unread = map[*field]string{}
	for _, f := range ed.fields {
		if msg := f.apply(&s); msg != "" {
			unread[f] = msg
		}
	}
	return s, unread
}

// check validates the candidate and shows each problem at its field. Save
// is enabled only when there is none.
func (ed *settingsEditor) check() {
	s, unread := ed.candidate()
	problems := settings.Validate(s)
	shown := map[*container.TabItem]bool{}
	owned := make([]bool, len(problems))
	for _, f := range ed.fields {
		msg, ok := unread[f]
		if !ok {
			msg = messageFor(f, problems, owned)
		}
		f.show(msg)
		shown[ed.tabOf[f]] = shown[ed.tabOf[f]] || msg != ""
	}
	others := unowned(problems, owned)
	ed.problems = len(unread) + len(problems)
	plan := ed.planProblem(s)
	ed.showPlan(s, plan)
	if plan != "" {
		shown[ed.plan] = true
		others = append(others, plan)
		ed.problems++
	}
	ed.markTabs(shown)
	ed.updateNote(s, others)
}

// messageFor joins the problems a field owns and marks them owned.
func messageFor(f *field, problems []settings.Problem, owned []bool) string {
	var msgs []string
	for i, p := range problems {
		if msg, ok := f.owns(p); ok {
			msgs = append(msgs, capital(msg))
			owned[i] = true
		}
	}
	return strings.Join(msgs, "\n")
}

// unowned lists the problems no field shows, so none can keep Save
// disabled without a word.
func unowned(problems []settings.Problem, owned []bool) []string {
	var out []string
	for i, p := range problems {
		if !owned[i] {
			out = append(out, p.String())
		}
	}
	return out
}

// markTabs puts a warning icon on every tab with a problem, so a disabled
// Save always points to where the fix is.
func (ed *settingsEditor) markTabs(bad map[*container.TabItem]bool) {
	changed := false
	for _, item := range ed.tabs.Items {
		var icon fyne.Resource
		if bad[item] {
			icon = theme.ErrorIcon()
		}
		if item.Icon != icon {
			item.Icon = icon
			changed = true
		}
	}
	if changed {
		ed.tabs.Refresh()
	}
}

func (ed *settingsEditor) updateNote(s settings.Settings, unowned []string) {
	switch {
	case ed.problems > 0:
		ed.save.Disable()
		ed.saved = false
		msg := i18n.N("ui.settings.fix_problems", ed.problems, nil)
		ed.note.SetText(strings.Join(append([]string{msg}, unowned...), "\n"))
	case !ed.changed(s):
		ed.save.Disable()
		if !ed.saved {
			ed.note.SetText("")
		}
	default:
		ed.save.Enable()
		ed.saved = false
		ed.note.SetText(i18n.T("ui.settings.unsaved", map[string]any{"Path": ed.path}))
	}
}

// changed compares the files the settings would write, which is what
// saving would change.
func (ed *settingsEditor) changed(s settings.Settings) bool {
	return ed.broken || !bytes.Equal(settings.Encode(s), settings.Encode(ed.base))
}

// trySave saves when the candidate is valid and differs from the file.
func (ed *settingsEditor) trySave() {
	s, unread := ed.candidate()
	if len(unread) > 0 || len(settings.Validate(s)) > 0 || ed.planProblem(s) != "" || !ed.changed(s) {
		return
	}
	if err := settings.Save(ed.path, s); err != nil {
		ed.note.SetText(i18n.T("ui.settings.not_saved", map[string]any{"Error": err.Error()}))
		return
	}
	ed.base = s
	ed.broken = false
	ed.firstRun = false
	if ed.banner != nil {
		ed.banner.Hide()
	}
	ed.warning.SetText("")
	ed.warning.Hide()
	ed.note.SetText(i18n.T("ui.settings.saved", map[string]any{"Path": ed.path}))
	ed.saved = true
	ed.applyAutostart(s.Autostart)
	ed.check()
	go ed.reload()
}

// applyAutostart writes the login entry when the checkbox changed it.
func (ed *settingsEditor) applyAutostart(on bool) {
	if on == ed.autostartOn {
		return
	}
	if err := ed.autostart.Set(on); err != nil {
		ed.note.SetText(ed.note.Text + " " + i18n.T("ui.settings.autostart_failed", map[string]any{"Error": err.Error()}))
		return
	}
	ed.autostartOn = on
}

// reload tells a running daemon at once. It watches the file anyway, so a
// daemon that is not running is only worth a note.
func (ed *settingsEditor) reload() {
	err := ed.daemon.Reload(context.Background())
	var note string
	switch {
	case err == nil:
		note = i18n.T("ui.settings.applied")
	case errors.Is(err, control.ErrNotRunning):
		note = i18n.T("ui.settings.applied_later")
	default:
		note = i18n.T("ui.settings.applied_on_notice")
	}
	fyne.Do(func() {
		if ed.saved {
			ed.note.SetText(ed.note.Text + " " + note)
		}
		select {
		case ed.settled <- struct{}{}:
		default:
		}
	})
}

// bindKeys makes Escape close the window, from a focused field too, and
// asks before closing over unsaved changes.
func (ed *settingsEditor) bindKeys(w fyne.Window) {
	ask := func() {
		if s, unread := ed.candidate(); len(unread) == 0 && !ed.changed(s) {
			w.Close()
			return
		}
		// The buttons name what they do, in the catalog's language:
		// Fyne's Yes and No speak only the languages it ships.
		d := dialog.NewConfirm(i18n.T("ui.settings.discard_title"), i18n.T("ui.settings.discard_body"), func(discard bool) {
			if discard {
				w.Close()
			}
		}, w)
		d.SetConfirmText(i18n.T("ui.settings.discard"))
		d.SetDismissText(i18n.T("ui.settings.keep_editing"))
		d.Show()
	}
	ed.ask = ask
	w.SetCloseIntercept(ask)
	ed.closeButton.OnTapped = ask
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyEscape {
			ask()
		}
	})
}

// generalFields are the options that are not about one anchor.
func (ed *settingsEditor) generalFields(s *settings.Settings) []*field {
	return []*field{
		languageField(s),
		durationField("idle_threshold", i18n.T("ui.settings.idle_threshold"), settings.IdleThresholdLimits, func(s *settings.Settings) *settings.Duration { return &s.IdleThreshold }, s),
		clockField("day_starts_at", i18n.T("ui.settings.day_starts_at"), i18n.T("ui.settings.day_starts_at_hint"), func(s *settings.Settings) *settings.ClockTime { return &s.DayStartsAt }, s),
		durationField("clock_grace", i18n.T("ui.settings.clock_grace"), settings.ClockGraceLimits, func(s *settings.Settings) *settings.Duration { return &s.ClockGrace }, s),
		durationField("combine_within", i18n.T("ui.settings.combine_within"), settings.CombineLimits, func(s *settings.Settings) *settings.Duration { return &s.CombineWithin }, s),
		durationField("return_quiet", i18n.T("ui.settings.return_quiet"), settings.ReturnQuietLimits, func(s *settings.Settings) *settings.Duration { return &s.ReturnQuiet }, s),
		checkField("sound", i18n.T("ui.settings.sound"), i18n.T("ui.settings.sound_box"), func(s *settings.Settings) *bool { return &s.Sound }, s),
		checkField("respect_dnd", i18n.T("ui.settings.respect_dnd"), i18n.T("ui.settings.respect_dnd_box"), func(s *settings.Settings) *bool { return &s.RespectDND }, s),
		checkField("autostart", i18n.T("ui.settings.autostart"), i18n.T("ui.settings.autostart_box"), func(s *settings.Settings) *bool { return &s.Autostart }, s),
		checkField("weekly_review", i18n.T("ui.settings.weekly_review"), i18n.T("ui.settings.weekly_review_box"), func(s *settings.Settings) *bool { return &s.WeeklyReview }, s),
		durationListField("pause_choices", i18n.T("ui.settings.pause_choices"), i18n.T("ui.settings.pause_choices_hint"), func(s *settings.Settings) *[]settings.Duration { return &s.PauseChoices }, s),
		durationField("escalation.after", i18n.T("ui.settings.escalation_after"), settings.EscalationLimits, func(s *settings.Settings) *settings.Duration { return &s.Escalation.After }, s),
		countField("escalation.repeats", i18n.T("ui.settings.escalation_repeats"), i18n.T("ui.settings.escalation_repeats_hint", map[string]any{"Max": settings.MaxRepeats}), func(s *settings.Settings) *int { return &s.Escalation.Repeats }, s),
		checkField("escalation.window", i18n.T("ui.settings.escalation_window"), i18n.T("ui.settings.escalation_window_box"), func(s *settings.Settings) *bool { return &s.Escalation.Window }, s),
	}
}

func weekFields(s *settings.Settings) []*field {
	var fields []*field
	for _, day := range settings.Weekdays {
		key := "active_hours." + strings.ToLower(day.String()[:3])
		fields = append(fields, spanField(key, weekdayName(day), func(s *settings.Settings) *settings.Span { return s.ActiveHours.On(day) }, s))
	}
	return fields
}

func anchorFields(k settings.Kind, s *settings.Settings) []*field {
	key := "anchors." + k.String()
	of := func(s *settings.Settings) *settings.Anchor { return s.Anchors.Of(k) }
	fields := []*field{
		enabledField(k, remindMeOf(k), s),
		durationField(key+".every", i18n.T("ui.settings.every"), settings.EveryLimits, func(s *settings.Settings) *settings.Duration { return &of(s).Every }, s),
		clockListField(key+".at", func(s *settings.Settings) *[]settings.ClockTime { return &of(s).At }, s),
	}
	if k == settings.Movement {
		fields = append(fields, mealFields(s)...)
	}
	return append(fields,
		durationField(key+".practice", i18n.T("ui.settings.practice"), settings.PracticeLimits, func(s *settings.Settings) *settings.Duration { return &of(s).Practice }, s),
		durationField(key+".snooze", i18n.T("ui.settings.snooze"), settings.SnoozeLimits, func(s *settings.Settings) *settings.Duration { return &of(s).Snooze }, s),
		durationField(key+".natural_break", i18n.T("ui.settings.natural_break"), settings.NaturalBreakLimits, func(s *settings.Settings) *settings.Duration { return &of(s).NaturalBreak }, s),
		countField(key+".daily_goal", i18n.T("ui.settings.daily_goal"), i18n.T("ui.settings.daily_goal_hint", map[string]any{"Max": settings.MaxDailyGoal}), func(s *settings.Settings) *int { return &of(s).DailyGoal }, s),
		checkField(key+".appointment", i18n.T("ui.settings.appointment"), i18n.T("ui.settings.appointment_box"), func(s *settings.Settings) *bool { return &of(s).Appointment }, s),
		practicesField(key+".practices", func(s *settings.Settings) *[]string { return &of(s).Practices }, s),
	)
}

// problemBanner names a file that could not be used, so the person knows
// why they see defaults and what Save will do to it.
func problemBanner(fe *settings.FileError) *widget.Label {
	if fe == nil {
		return nil
	}
	lines := []string{i18n.T("ui.settings.file_unused", map[string]any{"Path": fe.Path})}
	for _, p := range fe.Problems {
		lines = append(lines, "• "+p.String())
	}
	label := wrapped(strings.Join(lines, "\n"))
	label.Importance = widget.DangerImportance
	return label
}

// warningText says what Save loses: keys the schema does not know are not
// written back, and a broken file is replaced.
func warningText(unknown []settings.Problem, fe *settings.FileError) string {
	if len(unknown) == 0 || fe != nil {
		return ""
	}
	keys := make([]string, len(unknown))
	for i, p := range unknown {
		keys[i] = p.Key
	}
	return i18n.T("ui.settings.unknown_keys", map[string]any{"Keys": strings.Join(keys, ", ")})
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func newVBox(objs ...fyne.CanvasObject) *fyne.Container { return container.NewVBox(objs...) }
