package ui

import (
	"math"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// BreathPhase is the half of a breath the pacer is in.
type BreathPhase int

// The two phases; the pacer has no holds, since slow breathing works on
// the rate and a long exhale, not on pauses.
const (
	Inhale BreathPhase = iota + 1
	Exhale
)

func (p BreathPhase) String() string {
	switch p {
	case Inhale:
		return "inhale"
	case Exhale:
		return "exhale"
	}
	return "phase(?)"
}

// Cue is what the pacer says to do in the phase.
func (p BreathPhase) Cue() string {
	if p == Inhale {
		return i18n.T("ui.breathe.in")
	}
	return i18n.T("ui.breathe.out")
}

// Pacer times slow breathing. Its state is a pure function of the elapsed
// time, so the animation can skip frames (or stop while the window is
// hidden) and never drift, and tests need no clock at all.
type Pacer struct {
	Inhale, Exhale time.Duration
}

// PacerFor times a breathing pattern's pace, to the millisecond: finer
// than anyone breathes, and whole enough that the countdowns read well.
func PacerFor(p settings.Pace) Pacer {
	ms := func(s float64) time.Duration { return time.Duration(math.Round(s*1000)) * time.Millisecond }
	return Pacer{Inhale: ms(p.Inhale()), Exhale: ms(p.Exhale())}
}

// minScale is the pacer shape's size at the end of an exhale, relative to
// its size at the top of an inhale; never zero, so it stays visible.
const minScale = 0.35

// Period is one full breath.
func (p Pacer) Period() time.Duration { return p.Inhale + p.Exhale }

// PerMinute is the breathing rate.
func (p Pacer) PerMinute() float64 { return float64(time.Minute) / float64(p.Period()) }

// Breath is the pacer's state at one moment.
type Breath struct {
	Phase BreathPhase
	// Progress runs from 0 to 1 through the phase.
	Progress float64
	// Scale is the shape's size, minScale at empty lungs to 1 at full.
	Scale float64
	// Left is the time until the phase changes.
	Left time.Duration
}

// At returns the state elapsed into the session.
func (p Pacer) At(elapsed time.Duration) Breath {
	if elapsed < 0 || p.Period() <= 0 {
		elapsed = 0
	}
	var in time.Duration
	if p.Period() > 0 {
		in = elapsed % p.Period()
	}
	if in < p.Inhale {
		progress := float64(in) / float64(p.Inhale)
		return Breath{Phase: Inhale, Progress: progress, Scale: scale(ease(progress)), Left: p.Inhale - in}
	}
	progress := float64(in-p.Inhale) / float64(p.Exhale)
	return Breath{Phase: Exhale, Progress: progress, Scale: scale(1 - ease(progress)), Left: p.Period() - in}
}

// ease is a sine ease in and out: lungs fill slowly at first and at the
// end, and a shape that follows them is easier to breathe with than a
// linear one.
func ease(x float64) float64 { return (1 - math.Cos(math.Pi*x)) / 2 }

func scale(fill float64) float64 { return minScale + (1-minScale)*fill }

// Breathing is a pattern as the session shows it: its pace, its name and
// how to breathe it.
type Breathing struct {
	Mode  settings.BreathMode
	Pacer Pacer
}

// BreathingFor is mode m at the pace the settings give it.
func BreathingFor(b settings.Breathing, m settings.BreathMode) Breathing {
	return Breathing{Mode: m, Pacer: PacerFor(*b.Of(m))}
}

// Title names the pattern.
func (b Breathing) Title() string {
	switch b.Mode {
	case settings.BreathSleep:
		return i18n.T("ui.breathe.sleep.title")
	case settings.BreathControlled:
		return i18n.T("ui.breathe.controlled.title")
	}
	return i18n.T("ui.breathe.calm.title")
}

// Words say how to breathe the pattern and what it is for.
func (b Breathing) Words() string {
	switch b.Mode {
	case settings.BreathSleep:
		return i18n.T("ui.breathe.sleep.words")
	case settings.BreathControlled:
		return i18n.T("ui.breathe.controlled.words")
	}
	return i18n.T("ui.breathe.calm.words")
}

// Rate says the pace in numbers.
func (b Breathing) Rate() string {
	return i18n.T("ui.breathe.rate", map[string]any{"Rate": decimal(b.Pacer.PerMinute()), "In": seconds(b.Pacer.Inhale), "Out": seconds(b.Pacer.Exhale)})
}
