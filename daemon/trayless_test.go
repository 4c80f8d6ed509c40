package daemon

import (
	"errors"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
)

// noticeRecorder is a notifier that records notices; nothing else of the
// notifier is used on the way to one.
type noticeRecorder struct {
	Notifier
	err     error
	notices []string
}

func (n *noticeRecorder) Notice(summary, body string) error {
	if n.err != nil {
		return n.err
	}
	n.notices = append(n.notices, summary+": "+body)
	return nil
}

func TestTheNoticeOnAMissingTrayNamesTheWaysInAndTheExtensionOnlyOnGNOME(t *testing.T) {
	tests := []struct {
		name, desktop string
		extension     bool
	}{
		{"GNOME", "GNOME", true},
		{"Ubuntu's GNOME", "ubuntu:GNOME", true},
		{"GNOME Flashback", "GNOME-Flashback:GNOME", true},
		{"KDE", "KDE", false},
		{"no desktop named", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body := noTrayBody(tc.desktop)
			if !strings.Contains(body, "app menu") || !strings.Contains(body, "`microrest status`") {
				t.Errorf("the notice does not say how to reach microrest: %q", body)
			}
			if got := strings.Contains(body, "AppIndicator extension"); got != tc.extension {
				t.Errorf("names the AppIndicator extension: %v, want %v: %q", got, tc.extension, body)
			}
		})
	}
}

func TestTheNoticeOnAMissingTrayComesOnceAcrossRestartsOnceItWasShown(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state", "microrest", "state.json")
	start := func(n *noticeRecorder) {
		d := &daemon{opts: Options{Log: slog.New(slog.DiscardHandler), Paths: Paths{State: state}}, notif: n}
		d.noticeNoTray()
	}
	unshown := &noticeRecorder{err: errors.New("no notification server")}
	start(unshown)
	first, again := &noticeRecorder{}, &noticeRecorder{}
	start(first)
	start(again)
	if len(first.notices) != 1 || !strings.HasPrefix(first.notices[0], noTraySummary()) {
		t.Fatalf("after a start whose notice could not be shown, the next start showed %q, want the notice once", first.notices)
	}
	if len(again.notices) != 0 {
		t.Fatalf("a restart told again: %q", again.notices)
	}
}
