package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/settings"
)

// A plan holds three to five recovery actions: fewer is hardly a plan,
// more is hard to keep in one day.
const (
	planMin = 3
	planMax = 5
)

// planAction is one row of the Your plan page: an anchor, named as the
// action it asks for, and the time fields that say when it comes.
type planAction struct {
	kind  settings.Kind
	label string
	// times builds the fields after the check box, each with the words
	// around it on the row.
	times func(s *settings.Settings) []timeField
}

// timeField is one entry of a plan row with the words before and after.
type timeField struct {
	before, after string
	f             *field
}

// planActions are the rows of the Your plan page, in the order of a day.
var planActions = []planAction{
	{settings.Movement, "Walk after meals", func(s *settings.Settings) []timeField {
		meals := mealFields(s)
		return []timeField{{"meals at", "", meals[0]}, {"walk", "after each", meals[1]}}
	}},
	{settings.Breath, "Breathe slowly", everyField(settings.Breath)},
	{settings.Posture, "Check your posture", everyField(settings.Posture)},
	{settings.Hydration, "Drink water", everyField(settings.Hydration)},
	{settings.Rest, "Rest", atField(settings.Rest, "")},
	{settings.WindDown, "Wind down for bed", atField(settings.WindDown, "your bedtime")},
}

func everyField(k settings.Kind) func(s *settings.Settings) []timeField {
	return func(s *settings.Settings) []timeField {
		f := durationField("anchors."+k.String()+".every", "Every (active time)", settings.EveryLimits, func(s *settings.Settings) *settings.Duration { return &s.Anchors.Of(k).Every }, s)
		return []timeField{{"every", "of time at the desk", f}}
	}
}

func atField(k settings.Kind, after string) func(s *settings.Settings) []timeField {
	return func(s *settings.Settings) []timeField {
		f := clockListField("anchors."+k.String()+".at", func(s *settings.Settings) *[]settings.ClockTime { return &s.Anchors.Of(k).At }, s)
		return []timeField{{"at", after, f}}
	}
}

// suggestedPlan is what the page offers on the first run: every anchor
// but the long afternoon rest, which not every day has room for.
var suggestedPlan = map[settings.Kind]bool{
	settings.Movement: true, settings.Breath: true, settings.Posture: true,
	settings.Hydration: true, settings.WindDown: true,
}

// planContent is the Your plan page: a check box per action and the times
// it comes. Its fields edit the same keys as the anchor tabs, and the
// editor keeps each pair showing the same value. On the first run the
// boxes start at suggestedPlan rather than at the defaults' six.
func (ed *settingsEditor) planContent(s *settings.Settings) ([]*field, fyne.CanvasObject) {
	ed.planNote = wrapped("")
	rows := container.New(layout.NewFormLayout())
	// The first word of every row takes the width of the longest, so the
	// first entries line up.
	words := widget.NewLabel("meals at").MinSize()
	var fields []*field
	for _, a := range planActions {
		box := enabledField(a.kind, a.label, s)
		if ed.firstRun {
			box.check.SetChecked(suggestedPlan[a.kind])
		}
		fields = append(fields, box)
		line := container.NewHBox()
		messages := newVBox()
		for i, t := range a.times(s) {
			switch {
			case i == 0:
				line.Add(container.NewGridWrap(words, widget.NewLabel(t.before)))
			case t.before != "":
				line.Add(widget.NewLabel(t.before))
			}
			line.Add(container.NewGridWrap(fyne.NewSize(120, t.f.entry.MinSize().Height), t.f.entry))
			if t.after != "" {
				line.Add(widget.NewLabel(t.after))
			}
			messages.Add(t.f.message)
			fields = append(fields, t.f)
		}
		rows.Add(newVBox(box.check, box.message))
		rows.Add(newVBox(line, messages))
	}
	intro := wrapped("Choose three to five recovery actions and when they come. " +
		"The ones left unticked are saved off; the tabs on the left hold every detail.")
	return fields, newVBox(heading("Your plan"), intro, rows, ed.planNote)
}

// mealFields are the meal times and how long after each the walk comes,
// on Your plan and on the Movement tab.
func mealFields(s *settings.Settings) []*field {
	meals := listField("meals", "Meals", fmt.Sprintf("Times of day you eat, comma-separated; at most %d", settings.MaxMeals), settings.ParseClock, func(s *settings.Settings) *[]settings.ClockTime { return &s.Meals }, s)
	meals.entry.SetPlaceHolder(`like "12:30, 19:00"`)
	return []*field{
		meals,
		durationField("after_meal", "Walk after a meal", settings.AfterMealLimits, func(s *settings.Settings) *settings.Duration { return &s.AfterMeal }, s),
	}
}

// enabledField is an anchor's Enabled check box; it also shows the
// problems of the anchor as a whole, such as having no time to come at.
func enabledField(k settings.Kind, text string, s *settings.Settings) *field {
	key := "anchors." + k.String()
	f := checkField(key+".enabled", "Enabled", text, func(s *settings.Settings) *bool { return &s.Anchors.Of(k).Enabled }, s)
	f.keys = append(f.keys, key)
	f.prefix = k.Title()
	return f
}

// chosen counts the anchors on.
func chosen(s settings.Settings) int {
	n := 0
	for _, k := range settings.Kinds {
		if s.Anchors.Of(k).Enabled {
			n++
		}
	}
	return n
}

// sameChoice reports whether a and b have the same anchors on.
func sameChoice(a, b settings.Settings) bool {
	for _, k := range settings.Kinds {
		if a.Anchors.Of(k).Enabled != b.Anchors.Of(k).Enabled {
			return false
		}
	}
	return true
}

// planProblem refuses a plan of fewer than three or more than five
// actions. It holds the first time a plan is made and whenever which
// anchors are on changes; a file that already has six on keeps working
// while other settings are edited.
func (ed *settingsEditor) planProblem(s settings.Settings) string {
	n := chosen(s)
	if n >= planMin && n <= planMax || !ed.firstRun && sameChoice(s, ed.base) {
		return ""
	}
	return fmt.Sprintf("Your plan has %s chosen; choose three to five.", plural(n, "action"))
}

// showPlan says how many actions are chosen, or why Save is refused.
func (ed *settingsEditor) showPlan(s settings.Settings, problem string) {
	if ed.planNote == nil {
		return
	}
	text, importance := problem, widget.DangerImportance
	if problem == "" {
		text, importance = plural(chosen(s), "action")+" chosen.", widget.MediumImportance
		if n := chosen(s); n > planMax {
			text = fmt.Sprintf("%d actions are on, as the settings file has them; a plan of three to five is easier to keep.", n)
		}
	}
	if ed.planNote.Text != text || ed.planNote.Importance != importance {
		ed.planNote.Text, ed.planNote.Importance = text, importance
		ed.planNote.Refresh()
	}
}
