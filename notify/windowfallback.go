package notify

import (
	"sync"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/window"
)

// promptWindows puts a prompt on screen in microrest's own prompt window
// where no notification can be shown at all: on Windows without WinRT
// toasts (Wine; some Server and LTSC installs) go-toast fails, and a
// prompt nobody sees is a prompt missed. The window carries the answers,
// and so does the tray menu. It opens once per prompt and once per
// check-in day, not again for each re-issue, so an ignored prompt does not
// stack windows.
type promptWindows struct {
	// launch starts the UI process; window.Launch but in tests.
	launch func(v window.Verb, prompt uint64) error

	mu sync.Mutex
	// prompt is the prompt a window was last opened for, checkin the
	// check-in day (checkinDate); 0 for none.
	prompt, checkin uint64
}

func newPromptWindows(launch func(window.Verb, uint64) error) *promptWindows {
	if launch == nil {
		launch = window.Launch
	}
	return &promptWindows{launch: launch}
}

// show opens the prompt window for prompt id, unless one was opened for
// it already.
func (w *promptWindows) show(id uint64) error {
	return w.open(&w.prompt, id, window.Prompt)
}

// showCheckin opens the check-in window for the day, once.
func (w *promptWindows) showCheckin(date uint64) error {
	return w.open(&w.checkin, date, window.Checkin)
}

// open launches v unless *last is already key; a launch that failed is
// tried again at the next show.
func (w *promptWindows) open(last *uint64, key uint64, v window.Verb) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if *last == key {
		return nil
	}
	if err := w.launch(v, 0); err != nil {
		return i18n.Wrap(err, "notify.err.window_instead", map[string]any{"Window": v.String()})
	}
	*last = key
	return nil
}
