package notify

import (
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/window"
)

// The keys the check-in notification's buttons send back. They differ
// from every prompt key, so neither notification's answers can be read as
// the other's, even by a backend that cannot tell them apart by id.
const (
	keyCheckinGood    = "checkin-good"
	keyCheckinSoSo    = "checkin-soso"
	keyCheckinRough   = "checkin-rough"
	keyCheckinDetails = "checkin-details"
)

// preset is a one-tap answer to the whole check-in; checkinLabel names it.
type preset struct {
	key     string
	checkin reminders.Checkin
}

// presets are the quick answers, in the order servers show them. They
// stop one step short of the scales' ends: a tap says "a good day", not
// "the best day", and readiness compares each item with the person's own
// last 28 days, so the extremes are left for answers given item by item.
// No preset says a training load: the day's plan gives it unless the
// person says otherwise in the details.
var presets = []preset{
	{keyCheckinGood, reminders.Checkin{Stiffness: 2, Mood: 4, Energy: 4, SleepQuality: 4}},
	{keyCheckinSoSo, reminders.Checkin{Stiffness: 3, Mood: 3, Energy: 3, SleepQuality: 3}},
	{keyCheckinRough, reminders.Checkin{Stiffness: 4, Mood: 2, Energy: 2, SleepQuality: 2}},
}

// checkinButtons lists the check-in's answers: the presets, then Details….
// GNOME Shell shows only three buttons (MAX_NOTIFICATION_BUTTONS), so
// Details… comes last; a click on the notification opens the same window.
func checkinButtons() []button {
	bs := make([]button, 0, len(presets)+1)
	for _, p := range presets {
		bs = append(bs, button{p.key, checkinLabel(p.key)})
	}
	return append(bs, button{keyCheckinDetails, checkinLabel(keyCheckinDetails)})
}

// checkinAction reads a key sent back from the check-in notification;
// ok is false for any other key, a prompt's included.
func checkinAction(key string) (a Action, ok bool) {
	if key == keyCheckinDetails {
		return Action{Window: window.Checkin}, true
	}
	for _, p := range presets {
		if p.key == key {
			return Action{Command: reminders.AnswerCheckin{Checkin: p.checkin}}, true
		}
	}
	return Action{}, false
}

// checkinBody is the check-in notification's text. Without buttons it
// says where to answer instead.
func checkinBody(markup, buttons bool) string {
	if buttons {
		return escapeIf(markup, i18n.T("notify.checkin.body"))
	}
	return escapeIf(markup, i18n.T("notify.checkin.ask")+"\n"+i18n.T("notify.checkin.elsewhere"))
}

// checkinDate writes the check-in's day as a number, e.g. 20261201, for
// an answer that must name the day it was asked for.
func checkinDate(day time.Time) uint64 {
	y, m, d := day.Date()
	return uint64(y)*10000 + uint64(m)*100 + uint64(d)
}
