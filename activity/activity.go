// Package activity tells the recovery engine whether someone is at the
// desk: idle time from the desktop's own idle service, lock and sleep from
// the session and system services, and do-not-disturb or a fullscreen
// window, so prompts wait. Sources are chosen at run time along a fallback
// chain, since every desktop answers a different one; with none at all it
// says so once and lets reminders come by clock time.
package activity

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/sessionbus"
	"github.com/microrest/microrest/reminders"
)

// Source names, as Status reports them, so the daemon and tests compare
// constants rather than strings.
const (
	SourceMutter      = "gnome-mutter"
	SourceScreenSaver = "freedesktop-screensaver"
	SourceX11         = "x11-screensaver"
	SourceWayland     = "wayland-idle"
	SourceWindows     = "windows"
	SourceIOReg       = "macos-ioreg"
	SourceNone        = "none"
)

// DefaultIdleThreshold is the idle time at which an event-driven source
// wakes the engine when Options leaves it zero; it matches the settings
// default.
const DefaultIdleThreshold = 3 * time.Minute

// DefaultSleepDelay is how long a sleep waits for SleepReady when Options
// leaves SleepDelay zero: ample to step the engine and write its state,
// and well inside logind's InhibitDelayMaxSec (5 s by default), after
// which logind puts the machine to sleep anyway.
const DefaultSleepDelay = 2 * time.Second

// callTimeout bounds one query to a desktop service, so a hung service
// delays a sample by at most this and never stalls the engine.
const callTimeout = 2 * time.Second

// Options says where the desktop services are. Empty fields mean "not
// there", so a test decides exactly what the monitor sees; Env fills them
// from the environment for the daemon.
type Options struct {
	// SessionBus is the D-Bus address of the session bus.
	SessionBus string
	// SystemBus is the D-Bus address of the system bus (logind); tests
	// pass their private bus here too.
	SystemBus string
	// Display is the X11 display name, like ":0".
	Display string
	// Wayland is the compositor's socket (WAYLAND_DISPLAY, resolved in
	// XDG_RUNTIME_DIR); when set, X11 idle time is not trusted, since it
	// counts only input to XWayland windows.
	Wayland string
	// Desktop is XDG_CURRENT_DESKTOP, for the quirks that differ by desktop.
	Desktop string
	// IdleThreshold is when an event-driven source should wake the engine
	// because the person went away; zero means DefaultIdleThreshold.
	IdleThreshold time.Duration
	// GSettings is the gsettings binary used to read GNOME's
	// do-not-disturb; empty skips that reading.
	GSettings string
	// SleepDelay is the longest a sleep waits for SleepReady; zero means
	// DefaultSleepDelay. Only Linux (logind) lets a program delay sleep.
	SleepDelay time.Duration
	// Log receives the choice of sources and later trouble; nil discards.
	Log *slog.Logger
}

// Env returns the Options of the session this process runs in.
func Env() Options {
	// Without a session bus SessionBus stays empty: the daemon's
	// sessionbus.Guard says so once, and the session sources are skipped.
	session, _ := sessionbus.Address()
	o := Options{
		SessionBus: session,
		SystemBus:  os.Getenv("DBUS_SYSTEM_BUS_ADDRESS"),
		Display:    os.Getenv("DISPLAY"),
		Wayland:    waylandSocket(os.Getenv("WAYLAND_DISPLAY"), os.Getenv("XDG_RUNTIME_DIR")),
		Desktop:    os.Getenv("XDG_CURRENT_DESKTOP"),
	}
	if path, err := exec.LookPath("gsettings"); err == nil {
		o.GSettings = path
	}
	if o.SystemBus == "" && fileExists("/run/dbus/system_bus_socket") {
		o.SystemBus = "unix:path=/run/dbus/system_bus_socket"
	}
	return o
}

// waylandSocket resolves WAYLAND_DISPLAY as libwayland does: a name is
// looked up in XDG_RUNTIME_DIR, an absolute path is used as it is.
func waylandSocket(display, runtimeDir string) string {
	if display == "" || filepath.IsAbs(display) || runtimeDir == "" {
		return display
	}
	return filepath.Join(runtimeDir, display)
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// idler is one source of idle time; the platform files provide them.
type idler interface {
	idle(ctx context.Context) (time.Duration, error)
}

// thresholder is a source that wakes the engine at the idle threshold
// and must hear when it changes.
type thresholder interface {
	setThreshold(ctx context.Context, d time.Duration) error
}

// quietCheck is a state read on demand, such as a fullscreen window,
// because the platform offers no cheap change signal for it.
type quietCheck func() (on bool, why string)

// Monitor is the activity monitor the daemon's engine samples. It is safe
// for concurrent use: desktop signals update it from their own goroutines.
type Monitor struct {
	log    *slog.Logger
	source string
	events bool
	src    idler
	wake   chan struct{}
	checks []quietCheck

	mu      sync.Mutex
	tried   []PassedOver
	locks   map[string]bool // reporter -> locked
	asleep  bool
	sleepBy string
	flags   map[string]bool // do-not-disturb reporter -> on
	last    reminders.Sample
	lastErr error
	closers []func() error

	sleep      sleepLock
	sleepDelay time.Duration
}

func newMonitor(o Options) *Monitor {
	log := o.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Monitor{
		log:        log,
		source:     SourceNone,
		wake:       make(chan struct{}, 1),
		locks:      map[string]bool{},
		flags:      map[string]bool{},
		sleepDelay: cmp.Or(o.SleepDelay, DefaultSleepDelay),
	}
}

// Open finds the best idle source along the platform's chain and starts
// listening for lock, sleep and do-not-disturb. A missing source is never
// an error: the monitor falls through to the next, down to clock time.
// ctx bounds the probing only, and its end is the one error, since a cut
// probe would choose wrongly; Close ends the monitor.
func Open(ctx context.Context, o Options) (*Monitor, error) {
	if o.IdleThreshold <= 0 {
		o.IdleThreshold = DefaultIdleThreshold
	}
	m := newMonitor(o)
	openPlatform(ctx, m, o)
	if err := ctx.Err(); err != nil {
		_ = m.Close()
		return nil, i18n.Wrap(err, "activity.err.open")
	}
	m.announce()
	return m, nil
}

// SetIdleThreshold tells an event-driven source the new idle threshold
// after a settings change; zero means DefaultIdleThreshold. Sources read on
// each sample need nothing: the engine compares their idle time itself.
func (m *Monitor) SetIdleThreshold(d time.Duration) error {
	if d <= 0 {
		d = DefaultIdleThreshold
	}
	t, ok := m.src.(thresholder)
	if !ok {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	if err := t.setThreshold(ctx, d); err != nil {
		return i18n.Wrap(err, "activity.err.threshold", map[string]any{"Source": m.source, "Threshold": d.String()})
	}
	return nil
}

// announce logs the choice once: with no source, the person must learn
// why reminders ignore their breaks, and what was tried.
func (m *Monitor) announce() {
	st := m.Status()
	if m.src == nil {
		m.log.Warn(i18n.T("activity.log.none"), "tried", st.triedLine())
		return
	}
	m.log.Info(i18n.T("activity.log.chosen"), "source", st.Source, "events", st.Events,
		"lock", strings.Join(st.Lock, ", "), "sleep", st.Sleep, "tried", st.triedLine())
}

// skip records why a source in the chain was passed over, for Status.
func (m *Monitor) skip(name string, why error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tried = append(m.tried, PassedOver{Source: name, Reason: why.Error()})
}

// Sample reads the idle time now and adds the lock and sleep state the
// desktop reported; it implements reminders.Activity.
func (m *Monitor) Sample(now time.Time) (reminders.Sample, error) {
	var idle time.Duration
	var err error
	if m.src != nil {
		ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
		idle, err = m.src.idle(ctx)
		cancel()
		if err != nil {
			err = i18n.Wrap(err, "activity.err.read", map[string]any{"Source": m.source})
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	s := reminders.Sample{Now: now, Idle: max(idle, 0), Locked: m.lockedLocked(), Asleep: m.asleep}
	m.last, m.lastErr = s, err
	return s, err
}

func (m *Monitor) lockedLocked() bool {
	for _, on := range m.locks {
		if on {
			return true
		}
	}
	return false
}

// Wake delivers a value when something changed that the engine should
// learn at once (lock, sleep, return, do-not-disturb), so its loop can
// sleep long between samples.
func (m *Monitor) Wake() <-chan struct{} { return m.wake }

// EventDriven reports whether the idle source delivers on Wake when the
// person leaves and comes back, so the engine's loop may sleep long while
// they are away; it implements reminders.EventDriven.
func (m *Monitor) EventDriven() bool { return m.events }

// poke wakes the engine without ever blocking a signal handler.
func (m *Monitor) poke() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}

// setLocked records what one lock reporter says, since desktops differ in
// which of them works, and any one saying "locked" is enough.
func (m *Monitor) setLocked(by string, on bool) {
	m.change(func() bool { return set(m.locks, by, on) }, "activity.log.lock_changed", "by", by, "locked", on)
}

// setAsleep records sleep (true) and resume (false).
func (m *Monitor) setAsleep(on bool) {
	m.change(func() bool {
		changed := m.asleep != on
		m.asleep = on
		return changed
	}, "activity.log.sleep_changed", "asleep", on)
}

// setFlag records a do-not-disturb reporter's state; by is one of the
// Quiet constants.
func (m *Monitor) setFlag(by string, on bool) {
	m.change(func() bool { return set(m.flags, by, on) }, "activity.log.dnd_changed", "by", by, "on", on)
}

// change applies one source's new state under the lock, and says so (msg
// is the log line's catalog id) and wakes the engine only when the state
// differs, so a source that repeats itself costs no sample.
func (m *Monitor) change(apply func() (changed bool), msg string, args ...any) {
	m.mu.Lock()
	changed := apply()
	m.mu.Unlock()
	if changed {
		m.log.Debug(i18n.T(msg), args...)
		m.poke()
	}
}

// set sets states[key] and reports whether it changed.
func set(states map[string]bool, key string, on bool) bool {
	changed := states[key] != on
	states[key] = on
	return changed
}

// Quiet reports whether prompts should wait because do-not-disturb is on
// or a window is fullscreen (a presentation, a video, a call), and why, in
// the language the process speaks.
func (m *Monitor) Quiet() (on bool, why string) {
	m.mu.Lock()
	var reasons []string
	for by, on := range m.flags {
		if on {
			reasons = append(reasons, quietWords(by))
		}
	}
	m.mu.Unlock()
	for _, c := range m.checks {
		if on, r := c(); on {
			reasons = append(reasons, r)
		}
	}
	slices.Sort(reasons)
	return len(reasons) > 0, strings.Join(reasons, ", ")
}

// Close stops listening and releases the desktop connections.
func (m *Monitor) Close() error {
	m.mu.Lock()
	closers := m.closers
	m.closers = nil
	m.mu.Unlock()
	var errs []error
	for _, f := range slices.Backward(closers) {
		errs = append(errs, f())
	}
	if err := errors.Join(errs...); err != nil {
		return i18n.Wrap(err, "activity.err.close")
	}
	return nil
}
