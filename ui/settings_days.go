package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// daysContent is the Days tab: the training load planned for each weekday,
// what each kind of day changes, and the pace of each breathing pattern.
// The day types are shown, not edited: they are optional keys and lists
// per anchor, which read better in the file than as a wall of empty
// fields.
func daysContent(s *settings.Settings) ([]*field, fyne.CanvasObject) {
	days, paces := loadFields(s), paceFields(s)
	obj := container.NewVBox(
		heading(i18n.T("ui.days.training_load")),
		formOf(days),
		heading(i18n.T("ui.days.day_types")),
		dayTypesForm(&s.DayTypes),
		heading(i18n.T("ui.days.paces")),
		wrapped(i18n.T("ui.days.paces_intro")),
		formOf(paces),
	)
	return append(days, paces...), obj
}

func heading(text string) *widget.Label {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func loadFields(s *settings.Settings) []*field {
	var fields []*field
	for _, day := range settings.Weekdays {
		key := "days." + strings.ToLower(day.String()[:3])
		fields = append(fields, loadField(key, weekdayName(day), func(s *settings.Settings) *settings.TrainingLoad { return s.Days.On(day) }, s))
	}
	return fields
}

func paceFields(s *settings.Settings) []*field {
	var fields []*field
	for _, m := range settings.BreathModes {
		key, limits := "breathing."+m.String(), settings.LimitsOf(m)
		rate, exhale := paceLabels(m)
		fields = append(fields,
			numberField(key+".rate", rate, capital(limits.DescribeRate()), func(s *settings.Settings) *float64 { return &s.Breathing.Of(m).Rate }, s),
			numberField(key+".exhale_ratio", exhale, i18n.T("ui.days.exhale_hint", map[string]any{"Range": limits.DescribeRatio()}), func(s *settings.Settings) *float64 { return &s.Breathing.Of(m).ExhaleRatio }, s),
		)
	}
	return fields
}

// paceLabels are the labels of a breathing pattern's rate and exhale.
func paceLabels(m settings.BreathMode) (rate, exhale string) {
	switch m {
	case settings.BreathSleep:
		return i18n.T("ui.days.rate.sleep"), i18n.T("ui.days.exhale.sleep")
	case settings.BreathControlled:
		return i18n.T("ui.days.rate.controlled"), i18n.T("ui.days.exhale.controlled")
	}
	return i18n.T("ui.days.rate.calm"), i18n.T("ui.days.exhale.calm")
}

// dayTypeRow is a kind of day: its label, a hint, and its table.
type dayTypeRow struct {
	label, hint string
	of          func(*settings.DayTypes) *settings.DayType
}

// dayTypeRows are the kinds of day in the order the file lists them, in
// the window's language.
func dayTypeRows() []dayTypeRow {
	return []dayTypeRow{
		{i18n.T("ui.days.rest_days"), "", func(d *settings.DayTypes) *settings.DayType { return &d.Rest }},
		{i18n.T("ui.days.easy_days"), "", func(d *settings.DayTypes) *settings.DayType { return &d.Easy }},
		{i18n.T("ui.days.hard_days"), "", func(d *settings.DayTypes) *settings.DayType { return &d.Hard }},
		{i18n.T("ui.days.low_readiness"), i18n.T("ui.days.low_readiness_hint"), func(d *settings.DayTypes) *settings.DayType { return &d.LowReadiness }},
	}
}

// dayTypesForm shows what each kind of day changes, and where to change it.
func dayTypesForm(d *settings.DayTypes) *widget.Form {
	var items []*widget.FormItem
	for _, row := range dayTypeRows() {
		item := widget.NewFormItem(row.label, wrapped(dayTypeSummary(row.of(d))))
		item.HintText = row.hint
		items = append(items, item)
	}
	// All at once, as formOf does.
	return widget.NewForm(append(items, widget.NewFormItem("", wrapped(i18n.T("ui.days.file_detail"))))...)
}

// dayTypeSummary says in a line per anchor what a day type changes.
func dayTypeSummary(dt *settings.DayType) string {
	var lines []string
	if dt.Breathing != nil {
		lines = append(lines, i18n.T("ui.days.breathing", map[string]any{"Pattern": control.BreathingName(dt.Breathing.String())}))
	}
	for _, k := range settings.Kinds {
		if o := dt.Of(k); !o.IsZero() {
			lines = append(lines, i18n.T("ui.days.override", map[string]any{"Anchor": anchorTitle(k), "Changes": overrideSummary(o)}))
		}
	}
	if len(lines) == 0 {
		return i18n.T("ui.days.nothing")
	}
	return strings.Join(lines, "\n")
}

// overrideSummary names the keys an override sets, with their values; a
// list of practices is counted rather than quoted.
func overrideSummary(o *settings.Override) string {
	var parts []string
	if o.Enabled != nil {
		parts = append(parts, onOff(*o.Enabled))
	}
	if o.Every != nil {
		parts = append(parts, everyText(*o.Every))
	}
	if o.At != nil {
		parts = append(parts, clockList(*o.At))
	}
	if o.Practice != nil {
		parts = append(parts, i18n.T("ui.days.practice_length", map[string]any{"Length": o.Practice.String()}))
	}
	if o.Practices != nil {
		parts = append(parts, i18n.N("ui.days.own_practices", len(*o.Practices), nil))
	}
	if o.DailyGoal != nil {
		parts = append(parts, i18n.T("ui.days.daily_goal", map[string]any{"Goal": *o.DailyGoal}))
	}
	return strings.Join(parts, ", ")
}

func onOff(on bool) string {
	if on {
		return i18n.T("ui.days.on")
	}
	return i18n.T("ui.days.off")
}

func everyText(every settings.Duration) string {
	if every == 0 {
		return i18n.T("ui.days.no_interval")
	}
	return i18n.T("ui.days.every", map[string]any{"Every": every.String()})
}

func clockList(times []settings.ClockTime) string {
	if len(times) == 0 {
		return i18n.T("ui.days.no_clock_times")
	}
	parts := make([]string, len(times))
	for i, c := range times {
		parts[i] = c.String()
	}
	return i18n.T("ui.days.at", map[string]any{"Times": strings.Join(parts, ", ")})
}
