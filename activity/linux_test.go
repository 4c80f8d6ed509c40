//go:build linux

package activity

import (
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"log"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/jezek/xgb"
	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// init silences xgb's own logger, which reports every missing
// ~/.Xauthority and every server a test stops.
func init() {
	xgb.Logger = log.New(io.Discard, "", 0)
}

// within bounds every wait on the private bus or display.
const within = 5 * time.Second

func open(t *testing.T, o Options) *Monitor {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	m, err := Open(ctx, o)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := m.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return m
}

func sample(t *testing.T, m *Monitor) reminders.Sample {
	t.Helper()
	s, err := m.Sample(time.Now())
	if err != nil {
		t.Fatalf("Sample: %v", err)
	}
	return s
}

// drain forgets an earlier wake, so the next wait sees only a new one.
func drain(m *Monitor) {
	select {
	case <-m.Wake():
	default:
	}
}

func waitWake(t *testing.T, m *Monitor, what string) {
	t.Helper()
	select {
	case <-m.Wake():
	case <-time.After(within):
		t.Fatalf("no wake within %v for %s", within, what)
	}
}

func wantSource(t *testing.T, m *Monitor, want string) {
	t.Helper()
	if st := m.Status(); st.Source != want {
		t.Fatalf("source %q, want %q; status: %s", st.Source, want, st)
	}
}

func TestMutterIsChosenBeforeTheScreenSaverAndX11(t *testing.T) {
	addr := testdesk.Bus(t)
	mutter := testdesk.StartMutterIdle(t, addr)
	testdesk.StartScreenSaver(t, addr, testdesk.ScreenSaverOptions{})
	m := open(t, Options{SessionBus: addr, Display: testdesk.Display(t)})
	wantSource(t, m, SourceMutter)
	mutter.SetIdle(42 * time.Second)
	if s := sample(t, m); s.Idle != 42*time.Second {
		t.Fatalf("idle %v, want 42s", s.Idle)
	}
	if !m.Status().Events {
		t.Fatal("Mutter is event-driven, but Status says it is polled")
	}
}

func TestGoingAwayAndComingBackWakeTheEngineThroughMutterWatches(t *testing.T) {
	addr := testdesk.Bus(t)
	mutter := testdesk.StartMutterIdle(t, addr)
	m := open(t, Options{SessionBus: addr, IdleThreshold: time.Minute})
	if idle, active := mutter.Watches(); idle != 1 || active != 0 {
		t.Fatalf("watches idle %d, active %d; want one idle watch and no active one while typing", idle, active)
	}
	drain(m)
	mutter.SetIdle(61 * time.Second)
	waitWake(t, m, "the idle watch")
	if _, active := mutter.Watches(); active != 1 {
		t.Fatalf("%d user-active watches after going idle, want 1", active)
	}
	if s := sample(t, m); s.Idle < time.Minute {
		t.Fatalf("idle %v after the idle watch fired", s.Idle)
	}
	mutter.Input()
	waitWake(t, m, "the user-active watch")
	if s := sample(t, m); s.Idle != 0 {
		t.Fatalf("idle %v after input, want 0", s.Idle)
	}
}

func TestANewIdleThresholdMovesMuttersWatch(t *testing.T) {
	addr := testdesk.Bus(t)
	mutter := testdesk.StartMutterIdle(t, addr)
	m := open(t, Options{SessionBus: addr, IdleThreshold: time.Minute})
	if err := m.SetIdleThreshold(2 * time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := mutter.IdleWatches(); !slices.Equal(got, []time.Duration{2 * time.Minute}) {
		t.Fatalf("idle watches after the change: %v, want only 2m0s", got)
	}
	drain(m)
	mutter.SetIdle(121 * time.Second)
	waitWake(t, m, "the moved idle watch")
	if err := m.SetIdleThreshold(0); err != nil {
		t.Fatal(err)
	}
	if got := mutter.IdleWatches(); !slices.Equal(got, []time.Duration{DefaultIdleThreshold}) {
		t.Fatalf("idle watches after a zero threshold: %v, want the default", got)
	}
}

func TestWatchesAreArmedAgainWhenGNOMEShellRestarts(t *testing.T) {
	addr := testdesk.Bus(t)
	old := testdesk.StartMutterIdle(t, addr)
	m := open(t, Options{SessionBus: addr, IdleThreshold: time.Minute})
	old.Stop()
	mutter := testdesk.StartMutterIdle(t, addr)
	testdesk.WaitFor(t, within, "an idle watch on the new Mutter", func() bool {
		idle, _ := mutter.Watches()
		return idle == 1
	})
	drain(m)
	mutter.SetIdle(2 * time.Minute)
	waitWake(t, m, "the new idle watch")
}

func TestAnAwayPersonAtStartIsWatchedForTheirReturn(t *testing.T) {
	addr := testdesk.Bus(t)
	mutter := testdesk.StartMutterIdle(t, addr)
	mutter.SetIdle(10 * time.Minute)
	m := open(t, Options{SessionBus: addr, IdleThreshold: time.Minute})
	drain(m)
	mutter.Input()
	waitWake(t, m, "the return")
}

func TestTheScreenSaverIsChosenWithoutMutter(t *testing.T) {
	cases := []struct {
		name    string
		desktop string
		millis  bool
	}{
		{"Xfce counts seconds", "XFCE", false},
		{"KDE counts milliseconds", "KDE", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			addr := testdesk.Bus(t)
			saver := testdesk.StartScreenSaver(t, addr, testdesk.ScreenSaverOptions{Millis: c.millis})
			saver.SetIdle(90 * time.Second)
			m := open(t, Options{SessionBus: addr, Desktop: c.desktop})
			wantSource(t, m, SourceScreenSaver)
			if s := sample(t, m); s.Idle != 90*time.Second {
				t.Fatalf("idle %v, want 90s", s.Idle)
			}
		})
	}
}

func TestAScreenSaverThatIsNotSupportedFallsThroughToX11(t *testing.T) {
	addr := testdesk.Bus(t)
	testdesk.StartScreenSaver(t, addr, testdesk.ScreenSaverOptions{NotSupported: true})
	m := open(t, Options{SessionBus: addr, Display: testdesk.Display(t), Desktop: "KDE"})
	wantSource(t, m, SourceX11)
	if tried := m.Status().triedLine(); !strings.Contains(tried, "not supported") {
		t.Fatalf("passed over %q, want the NotSupported reason", tried)
	}
}

func TestX11IsNotTrustedOnAWaylandSession(t *testing.T) {
	m := open(t, Options{Display: testdesk.Display(t), Wayland: "wayland-0"})
	wantSource(t, m, SourceNone)
	if tried := m.Status().triedLine(); !strings.Contains(tried, "XWayland") {
		t.Fatalf("passed over %q, want the XWayland reason", tried)
	}
}

func TestNoSourceFallsBackToClockTimeAndSaysSoOnce(t *testing.T) {
	var logs bytes.Buffer
	m := open(t, Options{SessionBus: testdesk.Bus(t), Log: slog.New(slog.NewTextHandler(&logs, nil))})
	wantSource(t, m, SourceNone)
	for range 3 {
		if s := sample(t, m); s.Idle != 0 || s.Locked || s.Asleep {
			t.Fatalf("sample %+v, want always active", s)
		}
	}
	if n := strings.Count(logs.String(), "no idle source"); n != 1 {
		t.Fatalf("said %d times that there is no idle source, want once:\n%s", n, logs.String())
	}
}

func TestInputResetsX11IdleTimeAndSilenceGrowsIt(t *testing.T) {
	display := testdesk.Display(t)
	person := testdesk.DialX(t, display)
	m := open(t, Options{Display: display})
	wantSource(t, m, SourceX11)
	testdesk.WaitFor(t, within, "X11 idle time to grow past 300ms", func() bool {
		return sample(t, m).Idle >= 300*time.Millisecond
	})
	person.Input(t)
	if s := sample(t, m); s.Idle >= 300*time.Millisecond {
		t.Fatalf("idle %v right after input, want under 300ms", s.Idle)
	}
}

func TestAFullscreenActiveWindowMakesItQuiet(t *testing.T) {
	display := testdesk.Display(t)
	wm := testdesk.DialX(t, display)
	m := open(t, Options{Display: display})
	if on, why := m.Quiet(); on {
		t.Fatalf("quiet (%s) with no window", why)
	}
	win := wm.FullscreenWindow(t)
	if on, why := m.Quiet(); !on || !strings.Contains(why, "fullscreen") {
		t.Fatalf("Quiet() = %t, %q with a fullscreen active window", on, why)
	}
	wm.SetActive(t, 0)
	if on, _ := m.Quiet(); on {
		t.Fatalf("still quiet after window %d lost focus", win)
	}
}

func TestSleepAndResumeReachTheEngineAsAwayAndReturn(t *testing.T) {
	addr := testdesk.Bus(t)
	logind := testdesk.StartLogind(t, addr)
	m := open(t, Options{SessionBus: addr, SystemBus: addr})
	if st := m.Status(); st.Sleep != "logind" || !slices.Equal(st.Lock, []string{"logind-session"}) {
		t.Fatalf("status %s: want logind to report sleep and the session lock", st)
	}
	e := reminders.New(settings.Defaults(), reminders.State{}, reminders.Options{})
	step := func(want bool, what string) {
		t.Helper()
		s := sample(t, m)
		e.Step(s)
		if away := e.Snapshot(s.Now).Away; away != want {
			t.Fatalf("%s: engine away %t, want %t (sample %+v)", what, away, want, s)
		}
	}
	step(false, "at start")
	drain(m)
	logind.PrepareForSleep(true)
	waitWake(t, m, "going to sleep")
	step(true, "going to sleep")
	logind.PrepareForSleep(false)
	waitWake(t, m, "resume")
	step(false, "after resume")
}

func TestTheSessionLockIsFollowedThroughSignalsAndLockedHint(t *testing.T) {
	addr := testdesk.Bus(t)
	logind := testdesk.StartLogind(t, addr)
	m := open(t, Options{SystemBus: addr})
	steps := []struct {
		name   string
		act    func()
		locked bool
	}{
		{"Lock", logind.Lock, true},
		{"Unlock", logind.Unlock, false},
		{"LockedHint true", func() { logind.SetLockedHint(true) }, true},
		{"LockedHint false", func() { logind.SetLockedHint(false) }, false},
	}
	for _, s := range steps {
		drain(m)
		s.act()
		waitWake(t, m, s.name)
		if got := sample(t, m).Locked; got != s.locked {
			t.Fatalf("after %s locked %t, want %t", s.name, got, s.locked)
		}
	}
}

func TestScreenSaverActiveChangedLocks(t *testing.T) {
	for _, gnome := range []bool{false, true} {
		name := map[bool]string{false: "freedesktop", true: "GNOME"}[gnome]
		t.Run(name, func(t *testing.T) {
			addr := testdesk.Bus(t)
			saver := testdesk.StartScreenSaver(t, addr, testdesk.ScreenSaverOptions{GNOME: gnome})
			m := open(t, Options{SessionBus: addr})
			drain(m)
			saver.Activate(true)
			waitWake(t, m, "ActiveChanged(true)")
			if !sample(t, m).Locked {
				t.Fatal("not locked after ActiveChanged(true)")
			}
			saver.Activate(false)
			waitWake(t, m, "ActiveChanged(false)")
			if sample(t, m).Locked {
				t.Fatal("locked after ActiveChanged(false)")
			}
		})
	}
}

func TestNotificationsInhibitedIsDoNotDisturb(t *testing.T) {
	addr := testdesk.Bus(t)
	server := testdesk.StartInhibitedNotifications(t, addr, false)
	m := open(t, Options{SessionBus: addr})
	if on, why := m.Quiet(); on {
		t.Fatalf("quiet (%s) before do-not-disturb", why)
	}
	drain(m)
	server.SetInhibited(true)
	waitWake(t, m, "Inhibited")
	if on, why := m.Quiet(); !on || !strings.Contains(why, "do-not-disturb") {
		t.Fatalf("Quiet() = %t, %q during do-not-disturb", on, why)
	}
}

func TestGNOMEDoNotDisturbIsReadAgainWhenDconfSaysItChanged(t *testing.T) {
	addr := testdesk.Bus(t)
	dconf := testdesk.StartDconf(t, addr)
	dir := t.TempDir()
	value := filepath.Join(dir, "show-banners")
	write(t, value, "true")
	gsettings := filepath.Join(dir, "gsettings")
	write(t, gsettings, "#!/bin/sh\ntest \"$*\" = 'get org.gnome.desktop.notifications show-banners' && exec cat '"+value+"'\n")
	if err := os.Chmod(gsettings, 0o755); err != nil {
		t.Fatal(err)
	}
	m := open(t, Options{SessionBus: addr, Desktop: "ubuntu:GNOME", GSettings: gsettings})
	if on, why := m.Quiet(); on {
		t.Fatalf("quiet (%s) with banners shown", why)
	}
	drain(m)
	write(t, value, "false")
	dconf.Changed("/org/gnome/desktop/notifications/", "show-banners")
	waitWake(t, m, "the dconf change")
	if on, why := m.Quiet(); !on || !strings.Contains(why, "GNOME") {
		t.Fatalf("Quiet() = %t, %q with banners hidden", on, why)
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestDconfChangesAreMatchedToTheKey(t *testing.T) {
	const key = "/org/gnome/desktop/notifications/show-banners"
	cases := []struct {
		name   string
		prefix string
		keys   []string
		want   bool
	}{
		{"the key itself", "/org/gnome/desktop/notifications/", []string{"show-banners"}, true},
		{"a full path", key, nil, true},
		{"a parent directory reset", "/org/gnome/desktop/", []string{""}, true},
		{"a sibling key", "/org/gnome/desktop/notifications/", []string{"show-in-lock-screen"}, false},
		{"another tree", "/org/gnome/shell/", []string{"favorite-apps"}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sig := &dbus.Signal{Body: []any{c.prefix, c.keys, "tag"}}
			if got := touches(sig, key); got != c.want {
				t.Errorf("touches = %t, want %t", got, c.want)
			}
		})
	}
}

func BenchmarkSampleX11(b *testing.B) {
	m := openBench(b, Options{Display: testdesk.Display(b)}, SourceX11)
	for b.Loop() {
		if _, err := m.Sample(time.Now()); err != nil {
			b.Fatal(err)
		}
	}
	reportInterval(b)
}

func BenchmarkSampleMutter(b *testing.B) {
	addr := testdesk.Bus(b)
	testdesk.StartMutterIdle(b, addr)
	m := openBench(b, Options{SessionBus: addr}, SourceMutter)
	for b.Loop() {
		if _, err := m.Sample(time.Now()); err != nil {
			b.Fatal(err)
		}
	}
	reportInterval(b)
}

func openBench(b *testing.B, o Options, want string) *Monitor {
	b.Helper()
	m, err := Open(context.Background(), o)
	if err != nil || m.Status().Source != want {
		b.Fatalf("Open: %v, source %s", err, m.Status().Source)
	}
	b.Cleanup(func() { _ = m.Close() })
	return m
}

// reportInterval shows the interval the daemon samples at while a person
// types with the default threshold, beside the cost of each sample.
func reportInterval(b *testing.B) {
	b.ReportMetric(SuggestedInterval(0, DefaultIdleThreshold, reminders.DefaultSampleEvery).Seconds(), "s-between-samples")
}

func TestWaylandIdleComesFromTheCompositorsIdleProtocol(t *testing.T) {
	sway := testdesk.StartSway(t)
	old := waylandResolution
	waylandResolution = time.Second
	t.Cleanup(func() { waylandResolution = old })
	m := open(t, Options{Wayland: sway.Socket, IdleThreshold: 2 * time.Second})
	wantSource(t, m, SourceWayland)
	sway.Type()
	drain(m)
	waitWake(t, m, "the idle watch at the threshold")
	// Idle time is counted from the 1 s notification's event, which may
	// arrive a little after the compositor's timer: allow for that.
	if s := sample(t, m); s.Idle < 1500*time.Millisecond {
		t.Fatalf("idle %v once the 2 s watch fired", s.Idle)
	}
	sway.Type()
	waitWake(t, m, "the return")
	if s := sample(t, m); s.Idle != 0 {
		t.Fatalf("idle %v after a key press", s.Idle)
	}
	if err := m.SetIdleThreshold(3 * time.Second); err != nil {
		t.Fatal(err)
	}
	drain(m)
	waitWake(t, m, "the moved idle watch")
	if s := sample(t, m); s.Idle < 2500*time.Millisecond {
		t.Fatalf("idle %v when the moved 3 s watch fired", s.Idle)
	}
	sway.Stop()
	waitWake(t, m, "the compositor's end")
	if _, err := m.Sample(time.Now()); err == nil || !strings.Contains(err.Error(), "connection ended") {
		t.Fatalf("after the compositor ended, Sample says %v", err)
	}
}

func TestExtIdleNotifyDrivesTheEngine(t *testing.T) {
	wl := testdesk.StartWaylandIdle(t, 1)
	m := open(t, Options{Wayland: wl.Socket, IdleThreshold: time.Minute})
	wantSource(t, m, SourceWayland)
	waitTimeouts(t, wl, "two idle notifications", waylandResolution, time.Minute)
	drain(m)
	wl.SetIdle(time.Minute)
	waitWake(t, m, "the notification at the threshold")
	if s := sample(t, m); s.Idle < waylandResolution {
		t.Fatalf("idle %v after the compositor said idle", s.Idle)
	}
	wl.Input()
	waitWake(t, m, "resumed")
	if s := sample(t, m); s.Idle != 0 {
		t.Fatalf("idle %v after input", s.Idle)
	}
	if err := m.SetIdleThreshold(2 * time.Minute); err != nil {
		t.Fatal(err)
	}
	waitTimeouts(t, wl, "the watch replaced at 2m", waylandResolution, 2*time.Minute)
}

// Version 2 lets an input-only notification ignore idle inhibitors: a
// film left playing does not keep an absent person at the desk.
func TestExtIdleNotifyVersion2CountsOnlyInput(t *testing.T) {
	for _, tc := range []struct {
		version uint32
		input   bool
	}{{1, false}, {2, true}, {3, true}} {
		wl := testdesk.StartWaylandIdle(t, tc.version)
		m := open(t, Options{Wayland: wl.Socket})
		wantSource(t, m, SourceWayland)
		waitTimeouts(t, wl, "two idle notifications", waylandResolution, DefaultIdleThreshold)
		if input := wl.InputOnly(); input != tc.input {
			t.Errorf("version %d: input-only notifications %v, want %v", tc.version, input, tc.input)
		}
	}
}

// waitTimeouts waits until the compositor holds notifications with exactly
// these timeouts, shortest first.
func waitTimeouts(t *testing.T, wl *testdesk.WaylandIdle, what string, want ...time.Duration) {
	t.Helper()
	testdesk.WaitFor(t, within, what, func() bool {
		got := wl.Timeouts()
		slices.Sort(got)
		return slices.Equal(got, want)
	})
}

func TestACompositorWithoutAnIdleProtocolIsPassedOverWithTheReason(t *testing.T) {
	wl := testdesk.StartWaylandIdle(t, 0)
	m := open(t, Options{Wayland: wl.Socket})
	wantSource(t, m, SourceNone)
	if tried := m.Status().triedLine(); !strings.Contains(tried, "wayland-idle: the compositor offers neither ext_idle_notifier_v1 nor org_kde_kwin_idle") {
		t.Fatalf("passed over: %s", tried)
	}
}

// The compositor is another process: whatever it sends must not crash the
// daemon.
func FuzzWaylandEvents(f *testing.F) {
	var seed []byte
	seed = binary.NativeEndian.AppendUint32(seed, 2)
	seed = binary.NativeEndian.AppendUint32(seed, 28<<16)
	seed = append(seed, wlArgs{}.uint(1).string("wl_seat").uint(7)...)
	f.Add(seed)
	f.Add([]byte{1, 0, 0, 0, 0, 0, 8, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		r := bytes.NewReader(data)
		for {
			_, _, body, err := readMessage(r)
			if err != nil {
				return
			}
			b := wlBody(body)
			_, _ = b.uint(), b.string()
			_ = displayError(body)
		}
	})
}

func TestWaylandDisplayIsResolvedAsLibwaylandDoes(t *testing.T) {
	for _, tc := range []struct{ display, runtime, want string }{
		{"wayland-0", "/run/user/1000", "/run/user/1000/wayland-0"},
		{"/tmp/compositor.sock", "/run/user/1000", "/tmp/compositor.sock"},
		{"", "/run/user/1000", ""},
		{"wayland-0", "", "wayland-0"},
	} {
		if got := waylandSocket(tc.display, tc.runtime); got != tc.want {
			t.Errorf("waylandSocket(%q, %q) = %q, want %q", tc.display, tc.runtime, got, tc.want)
		}
	}
}
