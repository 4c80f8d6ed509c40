package reminders

import (
	"errors"
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

func TestAPauseForALengthCountsFromWhenTheEngineTakesIt(t *testing.T) {
	s := newSim(t, only(settings.Posture), tuesday(9, 0))
	s.work(20 * minute)
	s.do(PauseFor{For: 30 * minute})
	if got, want := s.snap().PausedUntil, s.now.Add(30*minute); !got.Equal(want) {
		t.Fatalf("paused until %v, want %v", got, want)
	}
}

func TestAPauseForALengthIsRefusedWithoutOneOrPastADay(t *testing.T) {
	tests := []struct {
		name string
		d    time.Duration
		want error
	}{
		{"no length", 0, errNoLength},
		{"a negative length", -time.Minute, errNoLength},
		{"longer than a day", MaxPause + time.Minute, errLongPause},
		{"exactly a day", MaxPause, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newSim(t, only(settings.Posture), tuesday(9, 0))
			if err := s.try(PauseFor{For: tc.d}); !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
		})
	}
}

func TestEveryPromptItemCarriesTheSnoozeTheEngineApplies(t *testing.T) {
	cfg := only(settings.Posture, settings.Hydration)
	cfg.Anchors.Posture.Snooze = settings.Duration(5 * minute)
	cfg.Anchors.Hydration.Snooze = 0 // off: the engine's fallback applies
	s := newSim(t, cfg, tuesday(9, 0))
	s.do(TakeNow{Anchor: settings.Posture})
	if got := s.prompt.Items[0].Snooze; got != 5*minute {
		t.Fatalf("posture snooze %v, want 5m", got)
	}
	if got := s.prompt.Snooze(); got != 5*minute {
		t.Fatalf("the prompt's one snooze %v, want 5m", got)
	}
	cfg.Anchors.Posture.Snooze = settings.Duration(15 * minute)
	s.do(Reconfigure{Settings: cfg})
	if got := s.snap().Prompt.Items[0].Snooze; got != 15*minute {
		t.Fatalf("after new settings the snooze is %v, want 15m", got)
	}
}

func TestAPromptNamesOneSnoozeOnlyWhenItsAnchorsShareIt(t *testing.T) {
	item := func(d time.Duration) Item { return Item{Snooze: d} }
	tests := []struct {
		name string
		p    Prompt
		want time.Duration
	}{
		{"one anchor", Prompt{Items: []Item{item(10 * minute)}}, 10 * minute},
		{"two sharing one length", Prompt{Items: []Item{item(10 * minute), item(10 * minute)}}, 10 * minute},
		{"two lengths", Prompt{Items: []Item{item(10 * minute), item(20 * minute)}}, 0},
		{"no anchors", Prompt{}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.p.Snooze(); got != tc.want {
				t.Fatalf("Snooze() = %v, want %v", got, tc.want)
			}
		})
	}
}
