//go:build !windows && !darwin

package notify

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/fdnotify"
	"github.com/microrest/microrest/internal/sessionbus"
	"github.com/microrest/microrest/reminders"
)

// Constants of the Desktop Notifications Specification 1.2 and of
// microrest's use of it.
const (
	// defaultKey is the spec's key for a click on the notification body.
	defaultKey = "default"
	// category and categoryCheckin are vendor categories (the spec's
	// x-vendor.class form), so a user can write server rules for
	// microrest's prompts and for its daily check-in apart.
	category        = "x-microrest.reminder"
	categoryCheckin = "x-microrest.checkin"
	// soundName is from the freedesktop sound naming spec: a gentle
	// message sound, not an alarm.
	soundName = "message-new-instant"
	// urgencyNormal: a break can wait a little; critical would also stay
	// on screen over fullscreen video and ignore do-not-disturb.
	urgencyNormal = byte(1)
)

// Timing of calls and reconnects.
const (
	// callTimeout bounds every call, so a hung server cannot stall the
	// engine goroutine that calls Show and Close.
	callTimeout = 5 * time.Second
	minBackoff  = time.Second
	maxBackoff  = time.Minute
)

// errNoServer is the Status error while no process owns the name.
var errNoServer error = &localError{func() string {
	return i18n.T("notify.err.no_server", map[string]any{"Name": fdnotify.Name})
}}

// localError says its sentence in the language spoken when it is read,
// so an error made at start follows a language chosen later.
type localError struct{ say func() string }

func (e *localError) Error() string { return e.say() }

// caps are the server capabilities notify honours.
type caps struct {
	actions bool
	markup  bool
}

// freedesktop shows prompts through org.freedesktop.Notifications on a
// private bus connection. fyne.io/systray's re-registration goroutine
// shares dbus.SessionBus() and quits on the first signal with fewer than
// three arguments (fyne.io/systray v1.12.2 systray_unix.go stayRegistered),
// and ActionInvoked and NotificationClosed have two: receiving them on the
// shared connection would leave the tray gone after the panel restarts.
type freedesktop struct {
	h      *hub
	ctx    context.Context
	cancel context.CancelFunc
	done   chan struct{}

	// mu guards everything below and serialises calls to the server, so
	// ids always match what the server was last told.
	mu      sync.Mutex
	conn    *dbus.Conn // nil while the bus is unreachable
	owner   string     // unique bus name of the server; "" when none
	caps    caps
	server  serverInfo
	err     error
	ids     map[uint64]uint32           // prompt ID -> notification id
	prompts map[uint32]uint64           // notification id -> prompt ID
	pending map[uint64]reminders.Prompt // shown and unresolved, re-shown to a new server
	noticed uint32                      // id of the last notice, replaced by the next
	// checkinNID is the check-in's notification id, 0 while none is on
	// screen; checkinDay is the check-in asked and not closed, zero when
	// none, and is shown again to a new server.
	checkinNID uint32
	checkinDay time.Time
}

func newFreedesktop(ctx context.Context, h *hub) *freedesktop {
	ctx, cancel := context.WithCancel(ctx)
	f := &freedesktop{
		h: h, ctx: ctx, cancel: cancel, done: make(chan struct{}),
		ids:     map[uint64]uint32{},
		prompts: map[uint32]uint64{},
		pending: map[uint64]reminders.Prompt{},
		err:     errNoServer,
	}
	f.start()
	return f
}

// start connects once before returning, so Status is meaningful right
// after New, then keeps the connection in the background.
func (f *freedesktop) start() {
	conn, sigs, err := f.connect()
	go f.run(conn, sigs, err)
}

// run serves the connection and reconnects with backoff when the bus
// drops, until the context ends.
func (f *freedesktop) run(conn *dbus.Conn, sigs chan *dbus.Signal, err error) {
	defer close(f.done)
	backoff := minBackoff
	for {
		if err == nil {
			backoff = minBackoff
			f.serve(conn, sigs)
		}
		if !f.wait(backoff) {
			return
		}
		backoff = min(2*backoff, maxBackoff)
		conn, sigs, err = f.connect()
	}
}

func (f *freedesktop) wait(d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-f.ctx.Done():
		return false
	case <-t.C:
		return true
	}
}

// connect opens the private connection, subscribes to the server's
// signals and to its comings and goings, and asks the server what it can.
func (f *freedesktop) connect() (*dbus.Conn, chan *dbus.Signal, error) {
	conn, err := dial(f.h.opts.BusAddress)
	if err == nil {
		err = subscribe(f.ctx, conn)
		if err != nil {
			_ = conn.Close()
		}
	}
	if err != nil {
		f.down(i18n.Wrap(err, "notify.err.session_bus"))
		return nil, nil, err
	}
	sigs := make(chan *dbus.Signal, 16)
	conn.Signal(sigs)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.conn = conn
	f.probe()
	f.reshow()
	return conn, sigs, nil
}

// dial opens a private connection: never dbus.SessionBus(), which is
// shared with fyne.io/systray (see freedesktop), nor godbus's own lookup,
// which runs dbus-launch when no address is set and leaves a bus behind.
func dial(addr string) (*dbus.Conn, error) {
	if addr == "" {
		return sessionbus.Connect()
	}
	return dbus.Connect(addr)
}

// subscribe asks the bus for the server's signals and for changes of the
// server name's owner.
func subscribe(ctx context.Context, conn *dbus.Conn) error {
	ctx, cancel := context.WithTimeout(ctx, callTimeout)
	defer cancel()
	err := conn.AddMatchSignalContext(ctx,
		dbus.WithMatchSender("org.freedesktop.DBus"),
		dbus.WithMatchInterface("org.freedesktop.DBus"),
		dbus.WithMatchMember("NameOwnerChanged"),
		dbus.WithMatchArg(0, fdnotify.Name))
	if err != nil {
		return err
	}
	return conn.AddMatchSignalContext(ctx,
		dbus.WithMatchSender(fdnotify.Name),
		dbus.WithMatchObjectPath(fdnotify.Path),
		dbus.WithMatchInterface(fdnotify.Interface))
}

// serve handles signals until the connection closes or the context ends.
// It leaves the connection open, so the engine can still take its prompt
// off screen while it stops; shutdown closes it.
func (f *freedesktop) serve(conn *dbus.Conn, sigs chan *dbus.Signal) {
	for {
		select {
		case <-f.ctx.Done():
			return
		case sig, ok := <-sigs:
			if !ok {
				f.down(errors.New(i18n.T("notify.err.bus_dropped")))
				return
			}
			f.signal(sig)
		}
	}
}

func (f *freedesktop) signal(sig *dbus.Signal) {
	switch sig.Name {
	case "org.freedesktop.DBus.NameOwnerChanged":
		f.ownerChanged(sig.Body)
	case fdnotify.Interface + ".ActionInvoked":
		f.actionInvoked(sig)
	case fdnotify.Interface + ".NotificationClosed":
		f.notificationClosed(sig)
	}
}

// ownerChanged handles the server leaving, arriving or being replaced.
// A new server knows none of the old ids, so they are forgotten and every
// unresolved prompt is shown again.
func (f *freedesktop) ownerChanged(body []any) {
	var name, newOwner string
	if len(body) != 3 || dbus.Store(body[:1], &name) != nil || dbus.Store(body[2:], &newOwner) != nil || name != fdnotify.Name {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if newOwner == f.owner {
		return
	}
	f.forgetAll()
	if newOwner == "" {
		f.owner, f.caps, f.server, f.err = "", caps{}, serverInfo{}, errNoServer
		f.h.log.Info(i18n.T("notify.log.server_left"))
		return
	}
	f.probe()
	f.reshow()
}

// actionInvoked reports a button press on a notification this notifier
// owns; other applications' notifications share the signal.
func (f *freedesktop) actionInvoked(sig *dbus.Signal) {
	var nid uint32
	var key string
	if dbus.Store(sig.Body, &nid, &key) != nil {
		return
	}
	o, ok := f.owned(sig, nid)
	if !ok {
		return
	}
	a, ok := o.action(key)
	if !ok {
		f.h.log.Warn(i18n.T("notify.log.unknown_key"), "key", key)
		return
	}
	f.h.send(a)
}

// notificationClosed forgets the notification id. It is never an answer,
// whatever the reason: a notification dismissed by the person (reason 2)
// or expired leaves the prompt pending, the engine re-issues it later, and
// the tray still offers the answers.
func (f *freedesktop) notificationClosed(sig *dbus.Signal) {
	var nid, reason uint32
	if dbus.Store(sig.Body, &nid, &reason) != nil {
		return
	}
	o, ok := f.owned(sig, nid)
	if !ok {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case o.checkin && f.checkinNID == nid:
		f.checkinNID = 0
	case !o.checkin && f.ids[o.prompt] == nid:
		f.forget(o.prompt)
	}
}

// ours is what one of this notifier's notifications shows: a prompt, or
// the daily check-in.
type ours struct {
	prompt  uint64
	checkin bool
}

// action reads a key sent back from the notification. A click on it
// opens the prompt window, or the check-in's.
func (o ours) action(key string) (Action, bool) {
	if o.checkin {
		if key == defaultKey {
			key = keyCheckinDetails
		}
		return checkinAction(key)
	}
	if key == defaultKey {
		key = keyOpen
	}
	return actionFor(key, o.prompt)
}

// owned maps a signal from the current server to the notification it
// concerns.
func (f *freedesktop) owned(sig *dbus.Signal, nid uint32) (ours, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if sig.Sender != f.owner || f.owner == "" {
		return ours{}, false
	}
	if nid != 0 && nid == f.checkinNID {
		return ours{checkin: true}, true
	}
	id, ok := f.prompts[nid]
	return ours{prompt: id}, ok
}

// show notifies, replacing the prompt's earlier notification.
func (f *freedesktop) show(p reminders.Prompt) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.pending[p.ID] = p
	if f.owner == "" && f.conn != nil {
		// A call to the name starts a bus-activated server (dunst, mako),
		// as on many desktops the server runs only on demand.
		f.probe()
	}
	if f.owner == "" {
		return nil
	}
	return f.notify(p)
}

// notice shows a message without buttons, replacing the previous notice.
// It expires as the server decides: it asks for nothing.
func (f *freedesktop) notice(summary, body string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.owner == "" && f.conn != nil {
		f.probe()
	}
	if f.owner == "" {
		return errNoServer
	}
	var nid uint32
	err := f.call("Notify", f.h.opts.AppName, f.noticed, f.h.opts.Icon, summary,
		escapeIf(f.caps.markup, body), []string{}, f.hints(category), expireDefault).Store(&nid)
	if err != nil {
		return i18n.Wrap(err, "notify.err.show_notice")
	}
	f.noticed = nid
	return nil
}

// expireDefault lets the server choose when a notice goes.
const expireDefault = int32(-1)

// close takes a resolved prompt off screen.
func (f *freedesktop) close(id uint64) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.pending, id)
	nid, ok := f.ids[id]
	if !ok {
		return nil
	}
	f.forget(id)
	if err := f.call("CloseNotification", nid).Err; err != nil {
		return i18n.Wrap(err, "notify.err.close_prompt", map[string]any{"ID": id})
	}
	return nil
}

// notify sends one Notify call and records the id the server gave.
func (f *freedesktop) notify(p reminders.Prompt) error {
	c := compose(p)
	var actions []string
	if f.caps.actions {
		actions = actionList(c.Buttons)
	}
	var nid uint32
	err := f.call("Notify", f.h.opts.AppName, f.ids[p.ID], f.h.opts.Icon, c.Summary,
		c.Body(f.caps.markup, !f.caps.actions), actions, f.hints(category), expireNever).Store(&nid)
	if err != nil {
		return i18n.Wrap(err, "notify.err.show_prompt", map[string]any{"ID": p.ID})
	}
	f.forget(p.ID)
	f.ids[p.ID], f.prompts[nid] = nid, p.ID
	return nil
}

// showCheckin asks the check-in, replacing its earlier notification.
func (f *freedesktop) showCheckin(day time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.checkinDay = day
	if f.owner == "" && f.conn != nil {
		f.probe() // as in show: this may start a bus-activated server
	}
	if f.owner == "" {
		return nil
	}
	return f.notifyCheckin()
}

// closeCheckin takes the answered check-in off screen.
func (f *freedesktop) closeCheckin() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.checkinDay = time.Time{}
	nid := f.checkinNID
	if nid == 0 {
		return nil
	}
	f.checkinNID = 0
	if err := f.call("CloseNotification", nid).Err; err != nil {
		return i18n.Wrap(err, "notify.err.close_checkin")
	}
	return nil
}

// notifyCheckin sends the check-in's Notify call and records its id. It
// stays until answered or dismissed: the tray offers it all day anyway.
func (f *freedesktop) notifyCheckin() error {
	var actions []string
	if f.caps.actions {
		actions = actionList(checkinButtons())
	}
	var nid uint32
	err := f.call("Notify", f.h.opts.AppName, f.checkinNID, f.h.opts.Icon, i18n.T("notify.checkin.summary"),
		checkinBody(f.caps.markup, f.caps.actions), actions, f.hints(categoryCheckin), expireNever).Store(&nid)
	if err != nil {
		return i18n.Wrap(err, "notify.err.show_checkin")
	}
	f.checkinNID = nid
	return nil
}

// actionList pairs action keys with labels as the spec wants; "default"
// is a click on the notification, which most servers show as no button.
func actionList(bs []button) []string {
	list := []string{defaultKey, i18n.T("notify.open")}
	for _, b := range bs {
		list = append(list, b.Key, b.Label)
	}
	return list
}

// hints asks for normal urgency, names microrest and the category for
// server rules, and asks for a sound only when sound is on; otherwise a
// server's default sound is suppressed too.
func (f *freedesktop) hints(cat string) map[string]dbus.Variant {
	h := map[string]dbus.Variant{
		"urgency":  dbus.MakeVariant(urgencyNormal),
		"category": dbus.MakeVariant(cat),
	}
	if f.h.opts.DesktopEntry != "" {
		h["desktop-entry"] = dbus.MakeVariant(f.h.opts.DesktopEntry)
	}
	if f.h.soundOn() {
		h["sound-name"] = dbus.MakeVariant(soundName)
	} else {
		h["suppress-sound"] = dbus.MakeVariant(true)
	}
	return h
}

// expireNever: a prompt stays until it is answered, dismissed or resolved
// elsewhere; the engine takes it down on auto-done.
const expireNever = int32(0)

// call calls a server method with the call timeout. It does not end with
// the notifier's context: the engine closes its prompt while it stops.
func (f *freedesktop) call(method string, args ...any) *dbus.Call {
	if f.conn == nil {
		return &dbus.Call{Err: errNoServer}
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	return f.conn.Object(fdnotify.Name, fdnotify.Path).CallWithContext(ctx, fdnotify.Interface+"."+method, 0, args...)
}

// probe asks the server for its capabilities and name; with mu held.
func (f *freedesktop) probe() {
	var list []string
	if err := f.call("GetCapabilities").Store(&list); err != nil {
		f.owner, f.caps, f.server, f.err = "", caps{}, serverInfo{}, fmt.Errorf("%w: %v", errNoServer, err)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
	defer cancel()
	var owner string
	if err := f.conn.BusObject().CallWithContext(ctx, "org.freedesktop.DBus.GetNameOwner", 0, fdnotify.Name).Store(&owner); err != nil {
		f.owner, f.err = "", fmt.Errorf("%w: %v", errNoServer, err)
		return
	}
	f.owner, f.err = owner, nil
	f.caps = caps{actions: slices.Contains(list, "actions"), markup: slices.Contains(list, "body-markup")}
	f.server = f.askServer()
	f.h.log.Info(i18n.T("notify.log.server_found"), "status", f.statusLocked().String())
}

// serverInfo is what the server says of itself, for Status.
type serverInfo struct{ name, vendor, version string }

// askServer asks the server who it is; a server that will not say stays
// unnamed.
func (f *freedesktop) askServer() serverInfo {
	var si serverInfo
	var spec string
	if err := f.call("GetServerInformation").Store(&si.name, &si.vendor, &si.version, &spec); err != nil {
		return serverInfo{}
	}
	return si
}

// reshow shows every unresolved prompt to a newly found server; with mu held.
func (f *freedesktop) reshow() {
	if f.owner == "" {
		return
	}
	for _, p := range f.pending {
		if err := f.notify(p); err != nil {
			f.h.log.Warn(i18n.T("notify.log.reshow_failed"), "err", err)
		}
	}
	if !f.checkinDay.IsZero() {
		if err := f.notifyCheckin(); err != nil {
			f.h.log.Warn(i18n.T("notify.log.reshow_checkin_failed"), "err", err)
		}
	}
}

// down records that nothing can be shown, e.g. while the bus is gone.
func (f *freedesktop) down(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.conn, f.owner, f.caps, f.server, f.err = nil, "", caps{}, serverInfo{}, err
	f.forgetAll()
	f.h.log.Warn(i18n.T("notify.log.unavailable"), "err", err)
}

func (f *freedesktop) forget(id uint64) {
	if nid, ok := f.ids[id]; ok {
		delete(f.prompts, nid)
		delete(f.ids, id)
	}
}

func (f *freedesktop) forgetAll() {
	clear(f.ids)
	clear(f.prompts)
	f.checkinNID = 0
}

func (f *freedesktop) status() Status {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.statusLocked()
}

func (f *freedesktop) statusLocked() Status {
	if f.owner == "" {
		return Status{Backend: BackendNone, Err: f.err}
	}
	return Status{Backend: BackendFreedesktop, Actions: f.caps.actions, Server: f.server.name, Vendor: f.server.vendor, Version: f.server.version}
}

// shutdown stops the loop and closes the connection. Prompts on screen
// stay: the engine closes its own prompt when it stops, so stop the
// engine first.
func (f *freedesktop) shutdown() {
	f.cancel()
	<-f.done
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.conn != nil {
		_ = f.conn.Close()
		f.conn, f.owner = nil, ""
	}
}
