// Package daemon is the background process a person runs all day: it
// wires the recovery engine to the tray, the control socket, the settings
// file and the journal. It never starts Fyne's driver; windows run in a
// separate, short-lived process.
package daemon

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"time"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/atomicfile"
	"github.com/microrest/microrest/internal/footprint"
	"github.com/microrest/microrest/internal/sessionbus"
	"github.com/microrest/microrest/journal"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
	"github.com/microrest/microrest/tray"
	"github.com/microrest/microrest/window"
)

// commandTimeout bounds one command to the engine from the tray.
const commandTimeout = 3 * time.Second

// Options are what main hands the daemon; zero Paths are the default ones.
type Options struct {
	Version string
	Paths   Paths
	Log     *slog.Logger
}

// runner is what the daemon asks of the engine's Runner; tests put a
// recorder in its place to see the commands that reach it.
type runner interface {
	Run(ctx context.Context) error
	Subscribe() <-chan reminders.Snapshot
	Snapshot(ctx context.Context) (reminders.Snapshot, error)
	Do(ctx context.Context, cmd reminders.Command) error
}

// daemon is the running process. The engine belongs to the Runner's
// goroutine; everything else here belongs to the daemon's loop goroutine
// (loop), which tray clicks, notification answers, socket requests and
// settings changes all reach as messages.
type daemon struct {
	opts   Options
	runner runner
	tray   *tray.Tray
	mon    Monitor  // nil when no monitor could be opened
	notif  Notifier // never nil
	// reading is today's readiness, as the journal's check-ins say.
	reading reminders.Reading
	// windowFor is the prompt whose escalation window was opened.
	windowFor uint64
	// requests carries socket requests to the loop; reloads asks it to
	// read the settings file again.
	requests chan socketRequest
	reloads  chan struct{}

	// mu guards cfg and settingsErr; only the loop writes them.
	mu          sync.Mutex
	cfg         settings.Settings // the last good settings
	settingsErr string            // why the file is not in use, "" when it is
}

// socketRequest is one control request on its way to the loop.
type socketRequest struct {
	ctx   context.Context
	req   control.Request
	reply chan control.Reply
}

// Run starts the daemon and blocks until Quit (tray or socket), or ctx
// ends (SIGINT, SIGTERM, session end). It returns control.ErrRunning when
// another daemon of this user is already running.
func Run(ctx context.Context, opts Options) error {
	opts = withDefaults(opts)
	ln, err := control.Listen(opts.Paths.ControlDir, opts.Log)
	if err != nil {
		return err
	}
	defer ln.Close()
	d := &daemon{opts: opts, requests: make(chan socketRequest), reloads: make(chan struct{}, 1)}
	removeStale(opts.Log, opts.Paths)
	// Before anything connects: fyne.io/systray dials the session bus
	// itself, and godbus would autolaunch a bus that outlives us.
	if err := sessionbus.Guard(); err != nil {
		opts.Log.Warn(err.Error())
	}
	var firstStart bool
	d.cfg, d.settingsErr, firstStart = loadSettings(opts.Log, opts.Paths.Settings)
	i18n.SetLanguage(d.cfg.Language)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	d.openDesktop(ctx)
	j := openJournal(opts.Log, opts.Paths.Journal)
	st := d.loadState()
	cfg := reminders.Config{
		Journal: journalSink{j}, StatePath: opts.Paths.State,
		Notifier: reviewer{Notifier: d.notif, log: opts.Log, journalPath: opts.Paths.Journal, rollover: func() settings.ClockTime { return d.settings().DayStartsAt }},
		Note:     d.note,
		Pending:  st.Pending, PendingCheckins: st.PendingCheckins, PendingWakes: st.PendingWakes,
	}
	if d.mon != nil {
		cfg.Activity, cfg.Wake, cfg.Quiet = d.mon, d.mon.Wake(), d.quiet()
		cfg.SleepReady = d.mon.SleepReady
	}
	d.runner = reminders.NewRunner(d.engine(st), cfg)
	ran := d.start(ctx, ln)
	if firstStart && window.CanShow() {
		d.offerPlan()
	}
	d.tray.Run()
	cancel()
	<-ran
	// The engine closes its prompt on the way out, so the notifier and
	// the monitor stop after it.
	d.notif.Shutdown()
	if d.mon != nil {
		_ = d.mon.Close()
	}
	closeJournal(opts.Log, j)
	opts.Log.Info(i18n.T("daemon.run.stopped"))
	return nil
}

// openDesktop connects the activity monitor and the notifier.
func (d *daemon) openDesktop(ctx context.Context) {
	d.mon = openMonitor(ctx, d.opts.Log, d.cfg)
	d.notif = openNotifier(ctx, d.opts.Log, d.cfg.Sound)
}

// settings returns the settings in force.
func (d *daemon) settings() settings.Settings {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cfg
}

func withDefaults(opts Options) Options {
	if opts.Paths == (Paths{}) {
		opts.Paths = DefaultPaths()
	}
	return opts
}

// loadState reads the engine's state file; a corrupt one has been set
// aside by LoadState and the engine starts fresh.
func (d *daemon) loadState() reminders.State {
	st, err := reminders.LoadState(d.opts.Paths.State)
	if err != nil {
		d.opts.Log.Error(inWords(err).Error())
	}
	return st
}

// engine restores the engine from its state, with today's wins counted
// from the journal and the outcomes still waiting for it.
func (d *daemon) engine(st reminders.State) *reminders.Engine {
	wins := func(dayStart time.Time) (map[settings.Kind]int, bool) {
		return todayWins(d.opts.Log, d.opts.Paths.Journal, dayStart, st.Pending)
	}
	return reminders.New(d.cfg, st, reminders.Options{TodayWins: wins})
}

// start runs the engine loop, then the tray and the daemon's own loop,
// and only then the socket and the settings watcher, whose messages the
// loop answers; the returned channel closes once the engine has stopped
// and saved its state and the socket has written every reply it owed, so
// the answer to quit reaches its client before the process ends.
func (d *daemon) start(ctx context.Context, ln *control.Listener) <-chan struct{} {
	snaps := d.runner.Subscribe()
	ran, served, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		_ = d.runner.Run(ctx)
		close(ran)
	}()
	go func() {
		<-ran
		<-served
		close(done)
	}()
	first, err := d.runner.Snapshot(ctx)
	if err != nil {
		d.opts.Log.Warn(i18n.T("daemon.run.no_snapshot"), "err", err)
	}
	d.tray = tray.New(d.menu(first))
	d.sayIfNoTrayHost()
	go d.loop(ctx, snaps)
	go func() {
		_ = ln.Serve(ctx, d.handle)
		close(served)
	}()
	go d.watchSettings(ctx)
	go footprint.Keep(ctx, d.opts.Log)
	return done
}

// loop is the one goroutine that turns snapshots into menus and tray
// clicks into commands, until ctx ends.
func (d *daemon) loop(ctx context.Context, snaps <-chan reminders.Snapshot) {
	defer d.tray.Quit()
	d.updateReadiness(ctx)
	for {
		select {
		case <-ctx.Done():
			d.opts.Log.Info(i18n.T("daemon.run.stopping"), "reason", context.Cause(ctx))
			return
		case snap := <-snaps:
			d.tray.Show(d.menu(snap))
			d.escalateToWindow(snap)
		case a := <-d.tray.Actions():
			d.act(ctx, a)
		case a, ok := <-d.notif.Actions():
			if ok {
				d.notificationAnswer(ctx, a)
			}
		case r := <-d.requests:
			r.reply <- d.serve(r.ctx, r.req)
		case <-d.reloads:
			d.reload()
		}
	}
}

// sayIfNoTrayHost tells the person, once, that no tray will show: a bare
// window manager or a GNOME without the AppIndicator extension. systray
// registers by itself when a host appears later.
func (d *daemon) sayIfNoTrayHost() {
	has, err := tray.HostPresent()
	switch {
	case err != nil:
		d.opts.Log.Warn(i18n.T("daemon.run.no_tray_err", map[string]any{"Err": err.Error()}))
	case !has:
		d.opts.Log.Warn(i18n.T("daemon.run.no_tray_host"))
	default:
		return
	}
	d.noticeNoTray()
}

func (d *daemon) menu(snap reminders.Snapshot) tray.Menu {
	d.mu.Lock()
	defer d.mu.Unlock()
	return menuFor(snap, d.cfg, d.settingsErr, d.reading)
}

// act carries out one tray click: the item's own command goes to the
// engine as it is.
func (d *daemon) act(ctx context.Context, a tray.Action) {
	d.opts.Log.Debug("tray click", "action", a.String())
	switch {
	case a.Quit:
		d.opts.Log.Info(i18n.T("daemon.run.stopping"), "reason", i18n.T("daemon.run.quit_tray"))
		d.tray.Quit()
	case a.Window != 0:
		d.launch(a.Window, 0)
	case a.Command != nil:
		if err := d.do(ctx, a.Command); err != nil {
			d.opts.Log.Error(i18n.T("daemon.run.tray_failed"), "action", a.String(), "err", err)
		}
	}
}

// do sends a command to the engine and shows the result in the tray at
// once, rather than at the next sample.
func (d *daemon) do(ctx context.Context, cmd reminders.Command) error {
	ctx, cancel := context.WithTimeout(ctx, commandTimeout)
	defer cancel()
	if err := d.runner.Do(ctx, cmd); err != nil {
		return err
	}
	snap, err := d.runner.Snapshot(ctx)
	if err == nil {
		d.tray.Show(d.menu(snap))
	}
	return err
}

// handle hands one control request to the loop and waits for its reply.
// A request the loop has not taken when ctx ends was not carried out; one
// it has taken is always answered.
func (d *daemon) handle(ctx context.Context, r control.Request) control.Reply {
	req := socketRequest{ctx: ctx, req: r, reply: make(chan control.Reply, 1)}
	select {
	case d.requests <- req:
		return <-req.reply
	case <-ctx.Done():
		return control.Fail(errors.New(i18n.T("daemon.run.busy")))
	}
}

// serve answers one control request in the loop; every reply carries the
// status the request left behind.
func (d *daemon) serve(ctx context.Context, r control.Request) control.Reply {
	switch r.Verb {
	case control.VerbQuit:
		d.opts.Log.Info(i18n.T("daemon.run.stopping"), "reason", i18n.T("daemon.run.quit_socket"))
		defer d.tray.Quit()
	case control.VerbReload:
		d.reload()
	default:
		cmd, err := requestCommand(r, d.settings())
		if err == nil && cmd != nil {
			err = d.do(ctx, cmd)
		}
		d.afterCheckin(ctx, cmd)
		if err != nil {
			return control.Fail(inWords(err))
		}
	}
	return d.statusReply(ctx)
}

func (d *daemon) statusReply(ctx context.Context) control.Reply {
	snap, err := d.runner.Snapshot(ctx)
	if err != nil {
		return control.Fail(i18n.Wrap(err, "daemon.run.engine_silent"))
	}
	d.mu.Lock()
	st := statusFor(d.opts.Version, snap, d.settingsErr)
	st.Day = dayStatus(snap, d.reading)
	d.mu.Unlock()
	st.Today = todayStatus(snap)
	st.Notifications = notifyStatus(d.notif.Status())
	st.Tray = trayStatus()
	st.Activity = activityStatus(d.mon)
	if u, err := footprint.Read(); err == nil {
		st.Memory = &control.MemoryStatus{ResidentKB: u.Resident >> 10, ProgramKB: u.Program >> 10, AnonKB: u.Anon >> 10}
	}
	return control.Reply{OK: true, Status: st}
}

// loadSettings reads the settings file at start and says what it found.
// A broken file is reported in full and the daemon goes on with defaults.
func loadSettings(log *slog.Logger, path string) (s settings.Settings, problem string, created bool) {
	loaded, err := settings.Load(path)
	var fe *settings.FileError
	switch {
	case errors.As(err, &fe):
		log.Error(err.Error())
	case err != nil:
		log.Warn(i18n.T("daemon.run.settings_unwritten"), "err", err)
	case loaded.Created:
		log.Info(i18n.T("daemon.run.settings_created"), "path", path)
	default:
		log.Info(i18n.T("daemon.run.settings_loaded"), "path", path)
	}
	reportUnknown(log, loaded)
	logAnchors(log, loaded.Settings)
	return loaded.Settings, summary(fe), loaded.Created
}

// offerPlan opens the settings window on its Your plan page at the first
// start, when the defaults were just written: a person decides up front
// which three to five recovery moments the day holds.
func (d *daemon) offerPlan() {
	if err := window.LaunchWith(window.Settings, window.Opts{Plan: true}); err != nil {
		d.opts.Log.Warn(i18n.T("daemon.run.plan_failed"), "err", err)
		return
	}
	d.opts.Log.Info(i18n.T("daemon.run.plan_opened"))
}

func reportUnknown(log *slog.Logger, loaded settings.Loaded) {
	for _, u := range loaded.Unknown {
		log.Warn(i18n.T("daemon.run.unknown_key"), "path", loaded.Path, "problem", u.String())
	}
}

// summary is the short form of a settings problem for the tray and status.
func summary(fe *settings.FileError) string {
	if fe == nil || len(fe.Problems) == 0 {
		return ""
	}
	s := fe.Problems[0].String()
	if n := len(fe.Problems) - 1; n > 0 {
		s += i18n.N("daemon.run.more_problems", n, nil)
	}
	return i18n.T("daemon.run.last_good", map[string]any{"Problem": s})
}

func logAnchors(log *slog.Logger, s settings.Settings) {
	for _, k := range settings.Kinds {
		a := s.Anchors.Of(k)
		log.Info(i18n.T("daemon.run.anchor"), "name", k, "enabled", a.Enabled, "every", a.Every, "at", a.At, "natural_break", a.NaturalBreak)
	}
}

// openJournal opens the journal. One that cannot be opened yet (a
// read-only disk at login) is said loudly and tried again at every
// outcome; the outcomes wait in the engine's queue meanwhile.
func openJournal(log *slog.Logger, path string) *journal.Journal {
	j, err := journal.Open(path)
	if err != nil {
		log.Error(i18n.T("daemon.run.journal_unopened", map[string]any{"Err": err.Error()}))
	}
	return j
}

// journalSink hands the engine's records to the journal, which keeps
// each as a line of its own format.
type journalSink struct{ j *journal.Journal }

// Append writes one record to the journal.
func (s journalSink) Append(r reminders.Record) error { return s.j.Append(journal.Entry(r)) }

// AppendCheckin writes one check-in to the journal.
func (s journalSink) AppendCheckin(c reminders.Checkin) error {
	return s.j.AppendCheckin(journal.Checkin(c))
}

func closeJournal(log *slog.Logger, j *journal.Journal) {
	if err := j.Close(); err != nil {
		log.Error(i18n.T("daemon.run.close_journal"), "err", err)
	}
}

// legacyTemps are the temporary files older versions named otherwise.
var legacyTemps = []string{".state-[0-9]*.tmp", ".settings-[0-9]*.toml"}

// removeStale deletes the temporary files a crash in the middle of an
// atomic write left beside the settings and the state.
func removeStale(log *slog.Logger, p Paths) {
	for _, path := range []string{p.Settings, p.State} {
		removed, err := atomicfile.RemoveStale(path, legacyTemps...)
		for _, f := range removed {
			log.Info(i18n.T("daemon.run.temp_removed"), "path", f)
		}
		if err != nil {
			log.Warn(i18n.T("daemon.run.temp_failed"), "err", err)
		}
	}
}

// todayWins counts each anchor's wins since dayStart in the journal and
// in the outcomes still waiting to be written to it. A journal that
// cannot be read leaves the state file's count in force.
func todayWins(log *slog.Logger, path string, dayStart time.Time, pending []reminders.Record) (map[settings.Kind]int, bool) {
	entries, report, err := journal.ReadFile(path, dayStart)
	if err != nil {
		log.Warn(i18n.T("daemon.run.wins_from_state"), "path", path, "err", err)
		return nil, false
	}
	if n := len(report.Problems); n > 0 {
		log.Warn(i18n.T("daemon.run.skipped_lines"), "path", path, "lines", n, "first", report.Problems[0].String())
	}
	for _, rec := range pending {
		entries = append(entries, journal.Entry(rec))
	}
	wins := map[settings.Kind]int{}
	for _, en := range entries {
		if en.Outcome.Win() && !en.Time.Before(dayStart) {
			wins[en.Anchor]++
		}
	}
	return wins, true
}
