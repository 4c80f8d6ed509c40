package notify

import (
	"errors"
	"slices"
	"testing"

	"github.com/microrest/microrest/window"
)

// launches records the windows a promptWindows opened, failing while fail
// is set.
type launches struct {
	opened []window.Verb
	fail   error
}

func (l *launches) launch(v window.Verb, prompt uint64) error {
	if prompt != 0 {
		return errors.New("the prompt window finds its prompt itself; no id expected")
	}
	if l.fail != nil {
		return l.fail
	}
	l.opened = append(l.opened, v)
	return nil
}

func TestTheFallbackOpensOneWindowPerPromptNotPerReissue(t *testing.T) {
	tests := []struct {
		name  string
		shows []uint64
		want  []window.Verb
	}{
		{"a new prompt opens the prompt window", []uint64{1}, []window.Verb{window.Prompt}},
		{"a re-issue of the same prompt opens nothing more", []uint64{1, 1, 1}, []window.Verb{window.Prompt}},
		{"each new prompt opens its own", []uint64{1, 2, 2, 3}, []window.Verb{window.Prompt, window.Prompt, window.Prompt}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := &launches{}
			w := newPromptWindows(l.launch)
			for _, id := range tt.shows {
				if err := w.show(id); err != nil {
					t.Fatal(err)
				}
			}
			if !slices.Equal(l.opened, tt.want) {
				t.Fatalf("opened %v, want %v", l.opened, tt.want)
			}
		})
	}
}

func TestTheFallbackOpensTheCheckinWindowOncePerDay(t *testing.T) {
	l := &launches{}
	w := newPromptWindows(l.launch)
	for _, date := range []uint64{20261201, 20261201, 20261202} {
		if err := w.showCheckin(date); err != nil {
			t.Fatal(err)
		}
	}
	want := []window.Verb{window.Checkin, window.Checkin}
	if !slices.Equal(l.opened, want) {
		t.Fatalf("opened %v, want %v", l.opened, want)
	}
}

func TestAWindowThatFailedToOpenIsTriedAgainAtTheReissue(t *testing.T) {
	l := &launches{fail: errors.New("no such file")}
	w := newPromptWindows(l.launch)
	if err := w.show(7); err == nil {
		t.Fatal("a failed launch must be reported")
	}
	l.fail = nil
	if err := w.show(7); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(l.opened, []window.Verb{window.Prompt}) {
		t.Fatalf("opened %v, want the prompt window once", l.opened)
	}
}
