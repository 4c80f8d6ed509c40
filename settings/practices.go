package settings

import (
	"sync"

	"github.com/microrest/microrest/i18n"
)

// The default practices are catalog messages (practice.*). The settings
// file holds their English text, the canonical one, so a file reads the
// same whatever the language; the windows, the notifications and the
// tray show them in the person's language through PracticeText. A
// practice the person wrote or edited is theirs, and is shown as written.

// The catalog ids of the default practices, in the order they are
// offered, one list per place the defaults offer them.
var (
	movementPractices = []string{
		"practice.movement.walk",
		"practice.movement.ankle_circles",
		"practice.movement.leg_swings",
		"practice.movement.hip_openers",
		"practice.movement.neck",
	}
	breathPractices = []string{
		"practice.breath.belly",
		"practice.breath.long_exhale",
		"practice.breath.sigh",
	}
	posturePractices = []string{
		"practice.posture.monitor",
		"practice.posture.spine",
		"practice.posture.chin_tuck",
		"practice.posture.shoulders",
	}
	hydrationPractices = []string{
		"practice.hydration.water",
		"practice.hydration.refill",
		"practice.hydration.nuts",
		"practice.hydration.yoghurt",
	}
	restPractices = []string{
		"practice.rest.power_down",
		"practice.rest.legs_up",
		"practice.rest.outside",
	}
	windDownPractices = []string{
		"practice.wind_down.screens_off",
		"practice.wind_down.posture_reset",
		"practice.wind_down.first_task",
	}
	restDayMovementPractices = []string{
		"practice.rest_day.cat_cow",
		"practice.rest_day.hip_circles",
		"practice.rest_day.rotations",
		"practice.rest_day.stroll",
	}
	hardDayBreathPractices = []string{
		"practice.hard_day.controlled",
		"practice.hard_day.even",
	}
	lowReadinessMovementPractices = []string{
		"practice.low_readiness.neck",
		"practice.low_readiness.ankles",
		"practice.low_readiness.slow_walk",
	}
)

// PracticeKeys lists the catalog id of every default practice, once each.
func PracticeKeys() []string {
	var keys []string
	for _, list := range [][]string{
		movementPractices, breathPractices, posturePractices, hydrationPractices, restPractices,
		windDownPractices, restDayMovementPractices, hardDayBreathPractices, lowReadinessMovementPractices,
	} {
		keys = append(keys, list...)
	}
	return keys
}

// english speaks the canonical language of the settings file.
var english = sync.OnceValue(func() *i18n.Translator { return i18n.For(i18n.English) })

// practices returns the English text of each id, as the defaults hold it.
func practices(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = english().T(id)
	}
	return out
}

// practiceIDs maps every shipped language's text of a default practice to
// its id, read once from the catalogs.
var practiceIDs = sync.OnceValue(func() map[string]string { return i18n.IDsByText(PracticeKeys()...) })

// PracticeText is a practice as the person reads it: in the process's
// language when s is a default practice in any shipped language, so a
// change of language changes the defaults; s as it is otherwise, so a
// practice the person wrote or edited stays as written. Call it where a
// practice is shown, never where it is stored or journaled.
func PracticeText(s string) string {
	if id, ok := practiceIDs()[s]; ok {
		return i18n.T(id)
	}
	return s
}
