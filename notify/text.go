package notify

import "fmt"

// textKey names one piece of text a person reads; every string shown on
// screen comes from the table below, so a translation replaces one table.
type textKey int

const (
	textDone textKey = iota
	textSnooze
	textSnoozeFor
	textSkip
	textStart
	textOpen
	textRepeat
	textItemLine
	textAnswerInTray
	textStatusServer
	textStatusUnnamed
	textStatusActions
	textStatusNoActions
	textStatusNone
	textStatusToast
	textStatusAppleScript
	textStatusWindow
	textCheckinSummary
	textCheckinBody
	textCheckinAsk
	textCheckinGood
	textCheckinSoSo
	textCheckinRough
	textCheckinDetails
	textCheckinElsewhere
)

// english is the source table. Format verbs are documented per entry.
var english = map[textKey]string{
	textDone:      "Done",
	textSnooze:    "Snooze",
	textSnoozeFor: "Snooze %d min", // minutes
	textSkip:      "Skip",
	textStart:     "Start",
	textOpen:      "Open",
	textRepeat:    "%s (reminder %d)", // title, how many times shown
	textItemLine:  "%s: %s",           // anchor title, practice
	// textAnswerInTray closes the body when the notification cannot carry
	// buttons, so the person knows where the answers are.
	textAnswerInTray:      "Answer from the microrest tray menu.",
	textStatusServer:      "notifications by %s",                                        // server name and version
	textStatusUnnamed:     "an unnamed server",                                          // for textStatusServer
	textStatusActions:     "%s, with buttons",                                           // textStatusServer
	textStatusNoActions:   "%s, without buttons: answer from the tray",                  // textStatusServer
	textStatusNone:        "no notification server: answer from the tray",               //
	textStatusToast:       "Windows notifications, with buttons",                        //
	textStatusAppleScript: "macOS notifications, without buttons: answer from the tray", //
	textStatusWindow:      "no Windows notifications: prompts open the prompt window; answer there or from the tray",
	textCheckinSummary:    "How is your body today?",
	// textCheckinBody goes with the buttons, textCheckinAsk without.
	textCheckinBody:    "Stiffness, mood, energy and sleep: one tap answers all four, Details… each on its own.",
	textCheckinAsk:     "Stiffness, mood, energy and sleep, in a few seconds.",
	textCheckinGood:    "Good",
	textCheckinSoSo:    "So-so",
	textCheckinRough:   "Rough",
	textCheckinDetails: "Details…",
	// textCheckinElsewhere closes the check-in's body when the
	// notification cannot carry buttons.
	textCheckinElsewhere: "Answer from the microrest tray menu or with `microrest checkin`.",
}

// tr returns the text for k, formatted with args when it takes any.
func tr(k textKey, args ...any) string {
	s, ok := english[k]
	if !ok {
		return fmt.Sprintf("text(%d)", int(k))
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}
