package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/settings"
)

// SettingsView shows the settings in effect, read-only, one tab for the
// general options and one per anchor. A file that could not be used is
// named at the top with its problems, so the person knows why they see
// defaults.
func SettingsView(loaded settings.Loaded, fileErr *settings.FileError) fyne.CanvasObject {
	s := loaded.Settings
	tabs := container.NewAppTabs(
		container.NewTabItem("General", container.NewVScroll(generalForm(s))),
		container.NewTabItem("Active hours", container.NewVScroll(weekForm(&s.ActiveHours))),
	)
	for _, k := range settings.Kinds {
		tabs.Append(container.NewTabItem(k.Title(), container.NewVScroll(anchorForm(s.Anchors.Of(k)))))
	}
	footer := widget.NewLabel("To change these, edit " + loaded.Path + " and restart microrest.")
	footer.Wrapping = fyne.TextWrapWord
	return container.NewBorder(problemBanner(fileErr), footer, nil, nil, tabs)
}

func problemBanner(fileErr *settings.FileError) fyne.CanvasObject {
	if fileErr == nil {
		return nil
	}
	lines := []string{"The settings file is not used; these are the defaults. Fix it:"}
	for _, p := range fileErr.Problems {
		lines = append(lines, "• "+p.String())
	}
	label := widget.NewLabel(strings.Join(lines, "\n"))
	label.Wrapping = fyne.TextWrapWord
	label.Importance = widget.DangerImportance
	return label
}

func row(label, value string) *widget.FormItem {
	v := widget.NewLabel(value)
	v.Wrapping = fyne.TextWrapWord
	return widget.NewFormItem(label, v)
}

func onOff(b bool) string {
	if b {
		return "on"
	}
	return "off"
}

func generalForm(s settings.Settings) *widget.Form {
	pauses := make([]string, len(s.PauseChoices))
	for i, d := range s.PauseChoices {
		pauses[i] = d.String()
	}
	return widget.NewForm(
		row("Idle threshold", s.IdleThreshold.String()),
		row("Day starts at", s.DayStartsAt.String()),
		row("Clock-time grace", s.ClockGrace.String()),
		row("Combine prompts within", s.CombineWithin.String()),
		row("Quiet after a break", s.ReturnQuiet.String()),
		row("Sound", onOff(s.Sound)),
		row("Respect do-not-disturb", onOff(s.RespectDND)),
		row("Start at login", onOff(s.Autostart)),
		row("Pause choices", strings.Join(pauses, ", ")),
		row("Re-show ignored prompt after", s.Escalation.After.String()),
		row("Re-show at most", fmt.Sprintf("%d times", s.Escalation.Repeats)),
		row("Prompt window on last repeat", onOff(s.Escalation.Window)),
	)
}

func weekForm(w *settings.Week) *widget.Form {
	f := widget.NewForm()
	for _, day := range settings.Weekdays {
		f.AppendItem(row(day.String(), w.On(day).String()))
	}
	return f
}

func anchorForm(a *settings.Anchor) *widget.Form {
	times := make([]string, len(a.At))
	for i, c := range a.At {
		times[i] = c.String()
	}
	goal := "none"
	if a.DailyGoal > 0 {
		goal = fmt.Sprintf("%d a day", a.DailyGoal)
	}
	return widget.NewForm(
		row("Enabled", onOff(a.Enabled)),
		row("Every (active time)", a.Every.String()),
		row("At", orNone(strings.Join(times, ", "))),
		row("Practice length", a.Practice.String()),
		row("Snooze", a.Snooze.String()),
		row("Natural break", a.NaturalBreak.String()),
		row("Daily goal", goal),
		row("Appointment", onOff(a.Appointment)),
		row("Practices", "• "+strings.Join(a.Practices, "\n• ")),
	)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
