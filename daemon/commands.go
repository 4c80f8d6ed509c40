package daemon

import (
	"errors"
	"fmt"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// errUnknownAnswer is a programming error: an answer word nobody defined.
var errUnknownAnswer = errors.New("unknown answer")

// answer turns "done", "snooze" or "skip" (from the tray or the socket)
// into the engine's command for prompt id (0: the one on screen when the
// engine takes it) and the named anchors (none: all of the prompt).
func answer(word string, id uint64, anchors []settings.Kind, snooze time.Duration) (reminders.Command, error) {
	switch word {
	case "done":
		return reminders.Done{Prompt: id, Anchors: anchors}, nil
	case "snooze":
		return reminders.Snooze{Prompt: id, Anchors: anchors, For: snooze}, nil
	case "skip":
		return reminders.Skip{Prompt: id, Anchors: anchors}, nil
	}
	return nil, fmt.Errorf("%w %q", errUnknownAnswer, word)
}

// pause turns a length ("30m") or "until-tomorrow" into a command.
func pause(arg string, now time.Time) (reminders.Command, error) {
	if arg == untilTomorrow {
		return reminders.PauseUntilTomorrow{}, nil
	}
	d, err := settings.ParseDuration(arg)
	if err != nil {
		return nil, err
	}
	if d == 0 {
		return nil, errors.New(`a pause needs a length like "30m"`)
	}
	return reminders.Pause{Until: now.Add(d.D())}, nil
}

// requestCommand maps a control request to an engine command. Status,
// reload and quit are not engine commands and return nil.
func requestCommand(r control.Request, s settings.Settings, now time.Time) (reminders.Command, error) {
	var anchors []settings.Kind
	if r.Anchor != "" {
		k, err := settings.ParseKind(r.Anchor)
		if err != nil {
			return nil, err
		}
		anchors = []settings.Kind{k}
	}
	switch r.Verb {
	case control.VerbPause:
		return pauseRequest(r, s, now)
	case control.VerbResume:
		return reminders.Resume{}, nil
	case control.VerbNow:
		if len(anchors) == 0 {
			return nil, errors.New("now needs an anchor, like movement")
		}
		return reminders.TakeNow{Anchor: anchors[0]}, nil
	case control.VerbDone, control.VerbSnooze, control.VerbSkip:
		var snooze time.Duration
		if r.For != "" {
			d, err := settings.ParseDuration(r.For)
			if err != nil {
				return nil, err
			}
			snooze = d.D()
		}
		return answer(string(r.Verb), r.Prompt, anchors, snooze)
	}
	return nil, nil
}

func pauseRequest(r control.Request, s settings.Settings, now time.Time) (reminders.Command, error) {
	switch {
	case r.UntilTomorrow:
		return reminders.PauseUntilTomorrow{}, nil
	case r.For != "":
		return pause(r.For, now)
	case len(s.PauseChoices) > 0:
		return reminders.Pause{Until: now.Add(s.PauseChoices[0].D())}, nil
	}
	return reminders.Pause{Until: now.Add(30 * time.Minute)}, nil
}
