package activity

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/reminders"
)

func TestSuggestedIntervalSleepsUntilTheThresholdCouldBeCrossed(t *testing.T) {
	const threshold, most = 3 * time.Minute, 15 * time.Second
	cases := []struct {
		name       string
		idle, want time.Duration
	}{
		{"typing now sleeps the longest allowed", 0, most},
		{"far from the threshold sleeps the longest allowed", time.Minute, most},
		{"close to the threshold sleeps until it", threshold - 4*time.Second, 4 * time.Second},
		{"right at the threshold never spins", threshold - time.Millisecond, MinInterval},
		{"away waits for the return at the longest allowed", 10 * time.Minute, most},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := SuggestedInterval(c.idle, threshold, most); got != c.want {
				t.Errorf("SuggestedInterval(%v) = %v, want %v", c.idle, got, c.want)
			}
		})
	}
}

// An idle user with nothing due must cost under one wakeup a second; this
// walks an hour of a person typing, then drifting away, then gone.
func TestAnHourOfSamplingCostsFarUnderOneWakeupPerSecond(t *testing.T) {
	const threshold, most = 3 * time.Minute, 15 * time.Second
	var clock, lastInput time.Duration
	wakeups := 0
	for clock < time.Hour {
		if clock < 20*time.Minute {
			lastInput = clock // typing
		}
		clock += SuggestedInterval(clock-lastInput, threshold, most)
		wakeups++
	}
	rate := float64(wakeups) / time.Hour.Seconds()
	t.Logf("%d samples in an hour: %.3f wakeups/s", wakeups, rate)
	if rate >= 0.1 {
		t.Errorf("sampling costs %.3f wakeups/s, want well under 1", rate)
	}
}

func TestStatusStringSaysWhatIsUsedAndWhy(t *testing.T) {
	now := time.Date(2025, 3, 4, 10, 30, 0, 0, time.UTC)
	st := Status{
		Source: SourceNone, Tried: []PassedOver{{"gnome-mutter", "not on the session bus"}},
		LastSample: reminders.Sample{Now: now, Idle: 1500 * time.Millisecond, Locked: true},
		LastErr:    errors.New("boom"), Lock: []string{"logind-session"}, Sleep: "logind",
	}
	got := st.String()
	for _, want := range []string{
		"idle source: none (all time counts as active)", "10:30:00", "idle 2s", "locked yes",
		"error: boom", "lock: logind-session", "sleep: logind", "quiet: nothing",
		"passed over: gnome-mutter: not on the session bus",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("status %q lacks %q", got, want)
		}
	}
}

func TestWakeNeverBlocksAndHoldsOneSignal(t *testing.T) {
	m := newMonitor(Options{})
	m.setLocked("a", true)
	m.setAsleep(true)
	m.setFlag("dnd", true)
	select {
	case <-m.Wake():
	default:
		t.Fatal("no wake after three changes")
	}
	select {
	case <-m.Wake():
		t.Fatal("a second wake is pending; sends should coalesce")
	default:
	}
}

func TestAnyLockReporterSayingLockedIsEnough(t *testing.T) {
	m := newMonitor(Options{})
	m.setLocked("logind-session", false)
	m.setLocked("gnome-screensaver", true)
	s, err := m.Sample(time.Now())
	if err != nil || !s.Locked {
		t.Fatalf("Sample = %+v, %v; want locked", s, err)
	}
	m.setLocked("gnome-screensaver", false)
	if s, _ := m.Sample(time.Now()); s.Locked {
		t.Fatal("still locked after every reporter unlocked")
	}
}

func TestWithoutASourceEveryMomentIsActive(t *testing.T) {
	m := newMonitor(Options{})
	now := time.Now()
	s, err := m.Sample(now)
	if err != nil || s.Idle != 0 || !s.Now.Equal(now) {
		t.Fatalf("Sample = %+v, %v; want idle 0 at now", s, err)
	}
}

func TestHIDIdleTimeIsReadFromIoreg(t *testing.T) {
	cases := []struct {
		name string
		out  string
		want time.Duration
		ok   bool
	}{
		{"a typical line", `    | |   "HIDIdleTime" = 1520838125` + "\n", 1520838125, true},
		{"the first of several", `"HIDIdleTime" = 5` + "\n" + `"HIDIdleTime" = 9`, 5, true},
		{"missing", `"HIDKeyboardModifierMappingPairs" = ()`, 0, false},
		{"not a number", `"HIDIdleTime" = <abc>`, 0, false},
		{"too large", `"HIDIdleTime" = 99999999999999999999`, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := parseHIDIdle([]byte(c.out))
			if (err == nil) != c.ok || got != c.want {
				t.Errorf("parseHIDIdle = %v, %v; want %v, ok %t", got, err, c.want, c.ok)
			}
		})
	}
}

func FuzzParseHIDIdle(f *testing.F) {
	f.Add([]byte(`"HIDIdleTime" = 1520838125`))
	f.Add([]byte(`"HIDIdleTime" = `))
	f.Add([]byte(`"HIDIdleTime" = 99999999999999999999`))
	f.Fuzz(func(t *testing.T, out []byte) {
		if d, err := parseHIDIdle(out); err == nil && d < 0 {
			t.Fatalf("negative idle %v", d)
		}
	})
}

func TestTheMacLockScreenIsReadFromTheConsoleUsers(t *testing.T) {
	locked := `"IOConsoleUsers" = ({"kCGSSessionOnConsoleKey"=Yes,"CGSSessionScreenIsLocked"=Yes,"kCGSSessionUserIDKey"=501})`
	unlocked := `"IOConsoleUsers" = ({"kCGSSessionOnConsoleKey"=Yes,"kCGSSessionUserIDKey"=501})`
	if !parseScreenLocked([]byte(locked)) || parseScreenLocked([]byte(unlocked)) {
		t.Fatal("lock flag misread")
	}
}

func TestWindowsTickCountsSurviveTheWrap(t *testing.T) {
	if got := ticksSince(5, ^uint32(0)-4); got != 10*time.Millisecond {
		t.Fatalf("ticksSince across the wrap = %v, want 10ms", got)
	}
}

func TestWindowsFullscreenAndPresentationStatesAreQuiet(t *testing.T) {
	for state, want := range map[int]bool{1: false, qunsBusy: true, qunsD3DFull: true, qunsPresentation: true, 5: false, qunsApp: true} {
		if on, _ := quietState(state); on != want {
			t.Errorf("quietState(%d) = %t, want %t", state, on, want)
		}
	}
}

func TestEnvFindsTheSessionBusInTheRuntimeDirWhenTheAddressIsUnset(t *testing.T) {
	// A short directory: a Unix socket path has room for about 107 bytes.
	dir, err := os.MkdirTemp("", "mr-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	ln, err := net.Listen("unix", filepath.Join(dir, "bus"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "")
	t.Setenv("XDG_RUNTIME_DIR", dir)
	t.Setenv("DISPLAY", ":7")
	t.Setenv("XDG_CURRENT_DESKTOP", "ubuntu:GNOME")
	o := Env()
	if want := "unix:path=" + filepath.Join(dir, "bus"); o.SessionBus != want {
		t.Errorf("SessionBus %q, want %q", o.SessionBus, want)
	}
	if o.Display != ":7" || o.Desktop != "ubuntu:GNOME" {
		t.Errorf("Env() = %+v", o)
	}
}

// An address that would make godbus autolaunch a bus is no bus at all.
func TestEnvLeavesTheSessionBusEmptyWhenThereIsNone(t *testing.T) {
	for _, addr := range []string{"", "autolaunch:"} {
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
		t.Setenv("XDG_RUNTIME_DIR", t.TempDir())
		if o := Env(); o.SessionBus != "" {
			t.Errorf("with DBUS_SESSION_BUS_ADDRESS=%q, SessionBus %q, want none", addr, o.SessionBus)
		}
	}
}
