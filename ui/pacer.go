package ui

import (
	"math"
	"time"
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
		return "Breathe in"
	}
	return "Breathe out"
}

// Pacer times slow breathing. Its state is a pure function of the elapsed
// time, so the animation can skip frames (or stop while the window is
// hidden) and never drift, and tests need no clock at all.
type Pacer struct {
	Inhale, Exhale time.Duration
}

// DefaultPacer breathes in for 4 s and out for 7 s: about 5.5 breaths a
// minute, the resonance rate most adults settle near, with the longer
// exhale that slows the heart. settings has no key for it on purpose: one
// good default serves better than a knob few would know how to set.
var DefaultPacer = Pacer{Inhale: 4 * time.Second, Exhale: 7 * time.Second}

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
