package control

import (
	"testing"
	"time"
)

func TestTheHeadlineSaysWhatHoldsPromptsBackOrWhatComesNext(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	later, tomorrow := now.Add(90*time.Minute), now.Add(15*time.Hour)
	in := func(m float64) *float64 { return &m }
	movement := AnchorStatus{Anchor: "movement", Title: "Movement", Enabled: true, NextInMin: in(12.1)}
	posture := AnchorStatus{Anchor: "posture", Title: "Posture", Enabled: true, NextInMin: in(30)}
	windDown := AnchorStatus{Anchor: "wind-down", Title: "Wind-down", Enabled: true, NextAt: &later}
	tests := []struct {
		name string
		s    Status
		want string
	}{
		{"a prompt on screen comes first", Status{Prompt: &PromptStatus{Title: "Posture"}, Paused: true}, "Now: Posture"},
		{"a pause that ends today", Status{Paused: true, PausedUntil: &later}, "Paused until 11:00"},
		{"a pause until tomorrow names the day", Status{Paused: true, PausedUntil: &tomorrow}, "Paused until Wed 00:30"},
		{"a pause with no end", Status{Paused: true}, "Paused"},
		{"do-not-disturb", Status{DND: true, Quiet: true}, "Do not disturb: prompts wait until it ends"},
		{"outside active hours", Status{Quiet: true}, "Outside active hours: only appointments come"},
		{"the soonest interval anchor, rounded up, and today's clock time",
			Status{Anchors: []AnchorStatus{posture, movement, windDown}}, "Next: Movement in 13 min of active time · Wind-down at 11:00"},
		{"an off anchor is not next",
			Status{Anchors: []AnchorStatus{posture, {Anchor: "breath", Title: "Breath", NextInMin: in(1)}}}, "Next: Posture in 30 min of active time"},
		{"a clock time tomorrow is not next",
			Status{Anchors: []AnchorStatus{{Anchor: "wind-down", Title: "Wind-down", Enabled: true, NextAt: &tomorrow}}}, "Nothing scheduled"},
		{"nothing on", Status{}, "Nothing scheduled"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.s.Now = now
			if got := tc.s.Headline(); got != tc.want {
				t.Errorf("Headline() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestTodayCountsTheWinsAndTheGoalsOfAnchorsThatAreOn(t *testing.T) {
	tests := []struct {
		name    string
		anchors []AnchorStatus
		want    string
	}{
		{"no anchors", nil, "Today: 0 small wins"},
		{"wins without goals", []AnchorStatus{{Title: "Movement", Enabled: true, TodayWins: 2}}, "Today: 2 small wins"},
		{"goals of the anchors that are on", []AnchorStatus{
			{Title: "Movement", Enabled: true, TodayWins: 2},
			{Title: "Hydration", Enabled: true, TodayWins: 3, Goal: 8},
			{Title: "Wind-down", TodayWins: 1, Goal: 1},
		}, "Today: 6 small wins · hydration 3/8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := Status{Anchors: tc.anchors}
			if got := s.WinsLine(); got != tc.want {
				t.Errorf("Today() = %q, want %q", got, tc.want)
			}
		})
	}
}
