package activity

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/i18n"
)

const (
	mutterName  = "org.gnome.Mutter.IdleMonitor"
	mutterPath  = dbus.ObjectPath("/org/gnome/Mutter/IdleMonitor/Core")
	mutterIface = "org.gnome.Mutter.IdleMonitor"
)

// mutter reads idle time from GNOME Shell's compositor, the one source
// that sees all input on GNOME Wayland: there X11 sees only XWayland
// clients (the bug behind Stretchly #1261 and Safe Eyes #286).
type mutter struct {
	m   *Monitor
	obj dbus.BusObject

	mu        sync.Mutex
	threshold time.Duration
	idleID    uint32 // fires each time idle reaches threshold
	activeID  uint32 // fires once, at the next input; 0 when not armed
}

// openMutter makes Mutter the source if it answers, and arms its watches so
// going away and coming back wake the engine without polling.
func openMutter(ctx context.Context, m *Monitor, conn *dbus.Conn, r *router, threshold time.Duration) error {
	if !hasOwner(ctx, conn, mutterName) {
		return errors.New(i18n.T("activity.why.not_on_session_bus"))
	}
	mu := &mutter{m: m, obj: conn.Object(mutterName, mutterPath), threshold: threshold}
	idle, err := mu.idle(ctx)
	if err != nil {
		return err
	}
	if err := r.on(ctx, mutterName, mutterPath, mutterIface, "WatchFired", mu.fired); err != nil {
		return err
	}
	if err := r.onOwner(ctx, mutterName, mu.restarted); err != nil {
		return err
	}
	if err := mu.armIdle(ctx); err != nil {
		return err
	}
	if idle >= threshold {
		mu.armActive(ctx)
	}
	m.use(SourceMutter, mu, true)
	return nil
}

func (mu *mutter) idle(ctx context.Context) (time.Duration, error) {
	var ms uint64
	if err := mu.obj.CallWithContext(ctx, mutterIface+".GetIdletime", 0).Store(&ms); err != nil {
		return 0, i18n.Wrap(err, "activity.err.call", map[string]any{"Method": "GetIdletime"})
	}
	return time.Duration(ms) * time.Millisecond, nil
}

// armIdle adds the watch that fires whenever idle time reaches the
// threshold; Mutter keeps it until our connection closes.
func (mu *mutter) armIdle(ctx context.Context) error {
	var id uint32
	mu.mu.Lock()
	ms := uint64(mu.threshold / time.Millisecond)
	mu.mu.Unlock()
	if err := mu.obj.CallWithContext(ctx, mutterIface+".AddIdleWatch", 0, ms).Store(&id); err != nil {
		return i18n.Wrap(err, "activity.err.call", map[string]any{"Method": "AddIdleWatch"})
	}
	mu.mu.Lock()
	mu.idleID = id
	mu.mu.Unlock()
	return nil
}

// setThreshold moves the idle watch to a new threshold: Mutter has no
// call to change a watch, so the old one is removed and a new one added.
func (mu *mutter) setThreshold(ctx context.Context, d time.Duration) error {
	mu.mu.Lock()
	old := mu.idleID
	mu.threshold, mu.idleID = d, 0
	mu.mu.Unlock()
	if old != 0 {
		if err := mu.obj.CallWithContext(ctx, mutterIface+".RemoveWatch", 0, old).Err; err != nil {
			mu.m.log.Warn(i18n.T("activity.log.mutter_old_watch"), "err", err)
		}
	}
	return mu.armIdle(ctx)
}

// armActive adds a watch for the next input. Mutter removes a user-active
// watch once it fires (meta-idle-monitor.c), and one armed while the person
// types would fire at once, so it is armed only after going idle.
func (mu *mutter) armActive(ctx context.Context) {
	mu.mu.Lock()
	armed := mu.activeID != 0
	mu.mu.Unlock()
	if armed {
		return
	}
	var id uint32
	if err := mu.obj.CallWithContext(ctx, mutterIface+".AddUserActiveWatch", 0).Store(&id); err != nil {
		mu.m.log.Warn(i18n.T("activity.log.mutter_no_return"), "err", err)
		return
	}
	mu.mu.Lock()
	mu.activeID = id
	mu.mu.Unlock()
}

// fired handles WatchFired, sent to every listener for every client's
// watches: only ours count.
func (mu *mutter) fired(sig *dbus.Signal) {
	if len(sig.Body) < 1 {
		return
	}
	id, _ := sig.Body[0].(uint32)
	mu.mu.Lock()
	idleFired := id == mu.idleID
	activeFired := id != 0 && id == mu.activeID
	if activeFired {
		mu.activeID = 0
	}
	mu.mu.Unlock()
	switch {
	case idleFired:
		ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
		mu.armActive(ctx)
		cancel()
		mu.m.poke()
	case activeFired:
		mu.m.poke()
	}
}

// restarted arms the watches again when gnome-shell comes back (Alt+F2 r
// on X11, or after a crash): the new Mutter knows none of the old ones.
func (mu *mutter) restarted(owner string) {
	mu.mu.Lock()
	mu.idleID, mu.activeID = 0, 0
	mu.mu.Unlock()
	if owner == "" {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	if err := mu.armIdle(ctx); err != nil {
		mu.m.log.Warn(i18n.T("activity.log.mutter_no_watch"), "err", err)
	}
	mu.m.poke()
}
