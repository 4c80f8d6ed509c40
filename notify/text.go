package notify

import (
	"strings"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// Every word a notification shows comes from the catalog (i18n), in the
// language the process speaks when it is shown. The engine hands over
// typed fields only; the words for them are made here.

// Title is the prompt's heading in the process's language, as its
// notification shows it: its anchors' names ("Movement + Hydration"), a
// walk after a meal named so. The tray and the status say the same.
func Title(p reminders.Prompt) string {
	names := make([]string, len(p.Items))
	for i, it := range p.Items {
		names[i] = itemTitle(it)
	}
	return strings.Join(names, " + ")
}

// itemTitle names one anchor of a prompt.
func itemTitle(it reminders.Item) string {
	if it.Meal && it.Anchor == settings.Movement {
		return i18n.T("notify.meal_walk")
	}
	return it.Anchor.Title()
}

// checkinLabel is the label of a check-in button.
func checkinLabel(key string) string {
	switch key {
	case keyCheckinGood:
		return i18n.T("notify.checkin.good")
	case keyCheckinSoSo:
		return i18n.T("notify.checkin.so_so")
	case keyCheckinRough:
		return i18n.T("notify.checkin.rough")
	}
	return i18n.T("notify.checkin.details")
}
