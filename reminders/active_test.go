package reminders

import (
	"testing"
	"time"

	"github.com/microrest/microrest/settings"
)

func TestActiveTimeCountsOnlyTimeAtTheDesk(t *testing.T) {
	tests := []struct {
		name string
		act  func(s *sim)
		want time.Duration
	}{
		{"steady typing counts", func(s *sim) { s.work(10 * minute) }, 10 * minute},
		{"reading without input under the threshold counts", func(s *sim) {
			s.work(5 * minute)
			s.read(2*minute + 50*time.Second)
			s.work(minute)
		}, 8*minute + 50*time.Second},
		{"idle past the threshold is away from the last input", func(s *sim) {
			s.work(5 * minute)
			s.away(10 * minute)
		}, 5 * minute},
		{"a lock is away at once", func(s *sim) {
			s.work(5 * minute)
			s.lock(2 * minute)
			s.work(minute)
		}, 6*minute - s10},
		{"asleep is away", func(s *sim) {
			s.work(5 * minute)
			s.now = s.now.Add(s.step)
			s.e.Step(Sample{Now: s.now, Asleep: true})
			s.work(minute)
		}, 6*minute - s10},
		{"a suspend is away", func(s *sim) {
			s.work(5 * minute)
			s.suspend(time.Hour)
			s.work(5 * minute)
		}, 10*minute - s10},
		{"a clock jumped forward is away", func(s *sim) {
			s.work(5 * minute)
			s.jump(2 * time.Hour)
			s.work(5 * minute)
		}, 10*minute - s10},
		{"a clock set back adds nothing", func(s *sim) {
			s.work(5 * minute)
			s.jump(-time.Hour)
			s.work(5 * minute)
		}, 10*minute - s10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newSim(t, only(), tuesday(9, 0))
			tt.act(s)
			if got := s.snap().TodayActive; got != tt.want {
				t.Errorf("active %s, want %s", got, tt.want)
			}
		})
	}
}

// s10 is one sample step: the first sample after being away, or after the
// clock jumped, credits nothing itself.
const s10 = 10 * time.Second

func TestIntervalAnchorsComeDueOnActiveTimeNotWallTime(t *testing.T) {
	tests := []struct {
		name string
		act  func(s *sim)
		want []string
	}{
		{"after its interval of work", func(s *sim) { s.work(31 * time.Minute) }, []string{"09:30 Posture"}},
		{"away time does not count", func(s *sim) {
			s.work(20 * time.Minute)
			s.away(20 * time.Minute)
			s.work(11 * time.Minute)
		}, []string{"09:50 Posture"}},
		{"the idle stretch before going away is taken back", func(s *sim) {
			s.work(27 * time.Minute)
			s.read(170 * time.Second) // 29:50 active so far
			s.away(5 * time.Minute)   // taken back to 27:00
			s.work(4 * time.Minute)
		}, []string{"09:38 Posture"}},
		{"a suspend does not count", func(s *sim) {
			s.work(20 * time.Minute)
			s.suspend(2 * time.Hour)
			s.work(11 * time.Minute)
		}, []string{"11:30 Posture"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := only(settings.Posture)
			s := newSim(t, cfg, tuesday(9, 0))
			tt.act(s)
			equal(t, "shown", s.shows(), tt.want)
		})
	}
}
