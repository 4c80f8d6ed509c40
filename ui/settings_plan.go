package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/i18n"
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

// planActions are the rows of the Your plan page, in the order of a day,
// in the window's language.
func planActions() []planAction {
	return []planAction{
		{settings.Movement, i18n.T("ui.plan.movement"), func(s *settings.Settings) []timeField {
			meals := mealFields(s)
			return []timeField{{i18n.T("ui.plan.meals_at"), "", meals[0]}, {i18n.T("ui.plan.walk"), i18n.T("ui.plan.after_each"), meals[1]}}
		}},
		{settings.Breath, i18n.T("ui.plan.breath"), everyField(settings.Breath)},
		{settings.Posture, i18n.T("ui.plan.posture"), everyField(settings.Posture)},
		{settings.Hydration, i18n.T("ui.plan.hydration"), everyField(settings.Hydration)},
		{settings.Rest, i18n.T("ui.plan.rest"), atField(settings.Rest, "")},
		{settings.WindDown, i18n.T("ui.plan.wind_down"), atField(settings.WindDown, i18n.T("ui.plan.bedtime"))},
	}
}

func everyField(k settings.Kind) func(s *settings.Settings) []timeField {
	return func(s *settings.Settings) []timeField {
		f := durationField("anchors."+k.String()+".every", i18n.T("ui.settings.every"), settings.EveryLimits, func(s *settings.Settings) *settings.Duration { return &s.Anchors.Of(k).Every }, s)
		return []timeField{{i18n.T("ui.plan.every"), i18n.T("ui.plan.at_the_desk"), f}}
	}
}

func atField(k settings.Kind, after string) func(s *settings.Settings) []timeField {
	return func(s *settings.Settings) []timeField {
		f := clockListField("anchors."+k.String()+".at", func(s *settings.Settings) *[]settings.ClockTime { return &s.Anchors.Of(k).At }, s)
		return []timeField{{i18n.T("ui.plan.at"), after, f}}
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
	actions := planActions()
	times := make([][]timeField, len(actions))
	// The words before every entry take the width of the longest, so the
	// entries line up.
	var words fyne.Size
	for i, a := range actions {
		times[i] = a.times(s)
		for _, t := range times[i] {
			words = words.Max(widget.NewLabel(t.before).MinSize())
		}
	}
	var fields []*field
	// Each container is made with its objects: adding them one by one
	// lays the container out again each time (issue 13).
	var rows []fyne.CanvasObject
	for ai, a := range actions {
		box := enabledField(a.kind, a.label, s)
		if ed.firstRun {
			box.check.SetChecked(suggestedPlan[a.kind])
		}
		fields = append(fields, box)
		// A line per field: two fields side by side do not fit beside
		// the action in longer languages than English.
		var lines, messages []fyne.CanvasObject
		for _, t := range times[ai] {
			line := []fyne.CanvasObject{container.NewGridWrap(words, widget.NewLabel(t.before)),
				container.NewGridWrap(fyne.NewSize(120, t.f.entry.MinSize().Height), t.f.entry)}
			if t.after != "" {
				line = append(line, widget.NewLabel(t.after))
			}
			lines = append(lines, container.NewHBox(line...))
			messages = append(messages, t.f.message)
			fields = append(fields, t.f)
		}
		rows = append(rows, newVBox(box.check, box.message), newVBox(newVBox(lines...), newVBox(messages...)))
	}
	intro := wrapped(i18n.T("ui.plan.intro"))
	return fields, newVBox(heading(i18n.T("ui.settings.tab.plan")), intro, container.New(layout.NewFormLayout(), rows...), ed.planNote)
}

// mealFields are the meal times and how long after each the walk comes,
// on Your plan and on the Movement tab.
func mealFields(s *settings.Settings) []*field {
	meals := listField("meals", i18n.T("ui.settings.meals"), i18n.T("ui.settings.meals_hint", map[string]any{"Max": settings.MaxMeals}), settings.ParseClock, func(s *settings.Settings) *[]settings.ClockTime { return &s.Meals }, s)
	meals.entry.SetPlaceHolder(i18n.T("ui.field.like_meals"))
	return []*field{
		meals,
		durationField("after_meal", i18n.T("ui.settings.after_meal"), settings.AfterMealLimits, func(s *settings.Settings) *settings.Duration { return &s.AfterMeal }, s),
	}
}

// enabledField is an anchor's Enabled check box; it also shows the
// problems of the anchor as a whole, such as having no time to come at.
func enabledField(k settings.Kind, text string, s *settings.Settings) *field {
	key := "anchors." + k.String()
	f := checkField(key+".enabled", i18n.T("ui.settings.enabled"), text, func(s *settings.Settings) *bool { return &s.Anchors.Of(k).Enabled }, s)
	f.keys = append(f.keys, key)
	f.prefix = anchorTitle(k)
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
	return i18n.N("ui.plan.refused", n, nil)
}

// showPlan says how many actions are chosen, or why Save is refused.
func (ed *settingsEditor) showPlan(s settings.Settings, problem string) {
	if ed.planNote == nil {
		return
	}
	text, importance := problem, widget.DangerImportance
	if problem == "" {
		text, importance = i18n.N("ui.plan.chosen", chosen(s), nil), widget.MediumImportance
		if n := chosen(s); n > planMax {
			text = i18n.N("ui.plan.over", n, nil)
		}
	}
	if ed.planNote.Text != text || ed.planNote.Importance != importance {
		ed.planNote.Text, ed.planNote.Importance = text, importance
		ed.planNote.Refresh()
	}
}
