package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

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
		heading("Training load"),
		formOf(days),
		heading("What each kind of day changes"),
		dayTypesForm(&s.DayTypes),
		heading("Breathing paces"),
		wrapped("The guided breath session follows one of these patterns; the kind of day picks which."),
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
		fields = append(fields, loadField(key, day.String(), func(s *settings.Settings) *settings.TrainingLoad { return s.Days.On(day) }, s))
	}
	return fields
}

func paceFields(s *settings.Settings) []*field {
	var fields []*field
	for _, m := range settings.BreathModes {
		key, title, limits := "breathing."+m.String(), capital(m.String()), settings.LimitsOf(m)
		fields = append(fields,
			numberField(key+".rate", title+" rate", capital(limits.DescribeRate()), func(s *settings.Settings) *float64 { return &s.Breathing.Of(m).Rate }, s),
			numberField(key+".exhale_ratio", title+" exhale", "Times as long as the inhale, "+limits.DescribeRatio(), func(s *settings.Settings) *float64 { return &s.Breathing.Of(m).ExhaleRatio }, s),
		)
	}
	return fields
}

// dayTypeRows are the kinds of day in the order the file lists them.
var dayTypeRows = []struct {
	label, hint string
	of          func(*settings.DayTypes) *settings.DayType
}{
	{"Rest days", "", func(d *settings.DayTypes) *settings.DayType { return &d.Rest }},
	{"Easy days", "", func(d *settings.DayTypes) *settings.DayType { return &d.Easy }},
	{"Hard days", "", func(d *settings.DayTypes) *settings.DayType { return &d.Hard }},
	{"Low readiness", "On top of the day's own, when the check-in reads lower than usual", func(d *settings.DayTypes) *settings.DayType { return &d.LowReadiness }},
}

// dayTypesForm shows what each kind of day changes, and where to change it.
func dayTypesForm(d *settings.DayTypes) *widget.Form {
	form := widget.NewForm()
	for _, row := range dayTypeRows {
		item := widget.NewFormItem(row.label, wrapped(dayTypeSummary(row.of(d))))
		item.HintText = row.hint
		form.AppendItem(item)
	}
	form.AppendItem(widget.NewFormItem("", wrapped("settings.toml holds the detail: edit its [day_types] tables to change them.")))
	return form
}

// dayTypeSummary says in a line per anchor what a day type changes.
func dayTypeSummary(dt *settings.DayType) string {
	var lines []string
	if dt.Breathing != nil {
		lines = append(lines, "Breathing: "+dt.Breathing.String())
	}
	for _, k := range settings.Kinds {
		if o := dt.Of(k); !o.IsZero() {
			lines = append(lines, k.Title()+": "+overrideSummary(o))
		}
	}
	if len(lines) == 0 {
		return "Nothing: the plan as set on the anchor tabs."
	}
	return strings.Join(lines, "\n")
}

// overrideSummary names the keys an override sets, with their values; a
// list of practices is counted rather than quoted.
func overrideSummary(o *settings.Override) string {
	var parts []string
	if o.Enabled != nil {
		parts = append(parts, map[bool]string{true: "on", false: "off"}[*o.Enabled])
	}
	if o.Every != nil {
		parts = append(parts, map[bool]string{true: "no interval", false: "every " + o.Every.String()}[*o.Every == 0])
	}
	if o.At != nil {
		parts = append(parts, clockList(*o.At))
	}
	if o.Practice != nil {
		parts = append(parts, "practice "+o.Practice.String())
	}
	if o.Practices != nil {
		parts = append(parts, plural(len(*o.Practices), "practice")+" of its own")
	}
	if o.DailyGoal != nil {
		parts = append(parts, "daily goal "+strconv.Itoa(*o.DailyGoal))
	}
	return strings.Join(parts, ", ")
}

func clockList(times []settings.ClockTime) string {
	if len(times) == 0 {
		return "no clock times"
	}
	parts := make([]string, len(times))
	for i, c := range times {
		parts[i] = c.String()
	}
	return "at " + strings.Join(parts, ", ")
}
