package daemon

import (
	"errors"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// requestCommand maps a control request to an engine command: the one
// place the wire's verb, anchor and lengths are read. Status, reload and
// quit are not engine commands and return nil.
func requestCommand(r control.Request, s settings.Settings) (reminders.Command, error) {
	if r.Verb == control.VerbSkipToday || r.Verb == control.VerbMoveToday {
		return planRequest(r)
	}
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
		return pauseRequest(r, s)
	case control.VerbResume:
		return reminders.Resume{}, nil
	case control.VerbNow:
		if len(anchors) == 0 {
			return nil, errors.New(i18n.T("daemon.run.now_anchor"))
		}
		return reminders.TakeNow{Anchor: anchors[0]}, nil
	case control.VerbDone:
		return reminders.Done{Prompt: r.Prompt, Anchors: anchors}, nil
	case control.VerbSnooze:
		d, err := length(r.For)
		return reminders.Snooze{Prompt: r.Prompt, Anchors: anchors, For: d}, err
	case control.VerbSkip:
		return reminders.Skip{Prompt: r.Prompt, Anchors: anchors}, nil
	case control.VerbCheckin:
		return checkinRequest(r)
	}
	return nil, nil
}

// checkinRequest reads a check-in's answers; the engine stamps its time
// and checks the scales.
func checkinRequest(r control.Request) (reminders.Command, error) {
	c := reminders.Checkin{Stiffness: r.Stiffness, Mood: r.Mood, Energy: r.Energy, SleepQuality: r.SleepQuality}
	if r.Load != "" {
		load, err := settings.ParseLoad(r.Load)
		if err != nil {
			return nil, err
		}
		c.Load = load
	}
	if err := c.Check(); err != nil {
		return nil, err
	}
	return reminders.AnswerCheckin{Checkin: c}, nil
}

// pauseRequest pauses until tomorrow, for the length asked, or for the
// first of the settings' pause choices.
func pauseRequest(r control.Request, s settings.Settings) (reminders.Command, error) {
	switch {
	case r.UntilTomorrow:
		return reminders.PauseUntilTomorrow{}, nil
	case r.For != "":
		d, err := length(r.For)
		return reminders.PauseFor{For: d}, err
	case len(s.PauseChoices) > 0:
		return reminders.PauseFor{For: s.PauseChoices[0].D()}, nil
	}
	return reminders.PauseFor{For: 30 * time.Minute}, nil
}

// length reads a request's length, "" being none.
func length(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	d, err := settings.ParseDuration(s)
	return d.D(), err
}
