// Package tray shows microrest in the desktop's notification area with
// fyne.io/systray used directly, so the all-day daemon never starts a GUI
// toolkit. The daemon hands it whole Menu snapshots; it hands back typed
// Actions. Nothing else touches systray.
package tray

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"fyne.io/systray"

	"github.com/microrest/microrest/assets"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/window"
)

// Action is what a click asks for: an engine command, carried as the
// engine's own value with the prompt id an answer is for, so a click on a
// menu drawn for an earlier prompt never answers a later one; a window to
// open; or to quit. The zero Action does nothing.
type Action struct {
	Command reminders.Command
	Window  window.Verb
	Quit    bool
}

// none reports whether the action asks for nothing. Commands holding
// slices cannot be compared with ==, so Action never is.
func (a Action) none() bool { return a.Command == nil && a.Window == 0 && !a.Quit }

// String describes the action for logs and tells actions apart in shape:
// a command prints with every field, its prompt id included.
func (a Action) String() string {
	switch {
	case a.Command != nil:
		return fmt.Sprintf("%T%+v", a.Command, a.Command)
	case a.Window != 0:
		return "open " + a.Window.String()
	case a.Quit:
		return "quit"
	}
	return "none"
}

// Item is one menu entry. An Item whose Action asks for nothing is a
// disabled line of text; a Separator draws a rule.
type Item struct {
	Title     string
	Action    Action
	Separator bool
	Children  []Item
}

// Menu is everything the tray shows at one moment.
type Menu struct {
	Icon    assets.TrayState
	Tooltip string
	Items   []Item
}

// Tray owns the systray event loop.
type Tray struct {
	actions chan Action
	menus   chan Menu

	// mu is held through each render and by Quit: systray closes its bus
	// connection once Quit returns, and a render on a closed connection
	// panics inside systray (prop.SetMust), so none may run after Quit.
	mu       sync.Mutex
	quitting bool
}

// New prepares a tray showing the first menu; Run shows it.
func New(first Menu) *Tray {
	t := &Tray{actions: make(chan Action, 8), menus: make(chan Menu, 1)}
	t.menus <- first
	// Set before systray exports its properties: an icon set while it is
	// exporting them can be lost, and the item would show blank.
	systray.SetIcon(assets.TrayIcon(first.Icon))
	systray.SetTooltip(first.Tooltip)
	return t
}

// Actions delivers clicks. A slow reader loses no clicks up to the buffer;
// past it, clicks are dropped rather than blocking the tray.
func (t *Tray) Actions() <-chan Action { return t.actions }

// Show replaces what the tray shows. Only the newest menu matters, so an
// older one still waiting is dropped.
func (t *Tray) Show(m Menu) {
	for {
		select {
		case t.menus <- m:
			return
		default:
			select {
			case <-t.menus:
			default:
			}
		}
	}
}

// Run shows the tray and blocks until Quit. Call it from the main
// goroutine: macOS needs its event loop there.
func (t *Tray) Run() {
	systray.Run(func() { go t.loop() }, nil)
}

// Quit removes the tray item and makes Run return. It is safe to call
// more than once and from any goroutine.
func (t *Tray) Quit() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.quitting {
		t.quitting = true
		systray.Quit()
	}
}

// loop is the one goroutine that changes systray after start-up.
func (t *Tray) loop() {
	var r rendered
	for m := range t.menus {
		t.apply(&r, m)
	}
}

// rendered is what systray shows now.
type rendered struct {
	menu  *Menu
	items []*systray.MenuItem // every entry but separators, in walk order
	stop  chan struct{}       // ends the click forwarders of these items
}

// apply shows m. An unchanged menu costs nothing; one that differs only in
// text (the status line, every minute) is patched in place, since a
// rebuild makes the panel re-read every entry (about 80 D-Bus signals and
// as many wakeups); a new shape is rebuilt whole.
func (t *Tray) apply(r *rendered, m Menu) {
	t.mu.Lock()
	defer t.mu.Unlock()
	switch {
	case t.quitting:
		return
	case r.menu == nil || shape(r.menu.Items) != shape(m.Items):
		t.rebuild(r, m)
	case !reflect.DeepEqual(*r.menu, m):
		patch(r, m)
	}
	r.menu = &m
}

func (t *Tray) rebuild(r *rendered, m Menu) {
	if r.stop != nil {
		close(r.stop)
	}
	r.stop, r.items = make(chan struct{}), nil
	systray.ResetMenu()
	systray.SetIcon(assets.TrayIcon(m.Icon))
	systray.SetTitle("microrest")
	systray.SetTooltip(m.Tooltip)
	for _, it := range m.Items {
		t.add(r, it, nil)
	}
}

func patch(r *rendered, m Menu) {
	if m.Icon != r.menu.Icon {
		systray.SetIcon(assets.TrayIcon(m.Icon))
	}
	if m.Tooltip != r.menu.Tooltip {
		systray.SetTooltip(m.Tooltip)
	}
	old, now := titles(r.menu.Items, nil), titles(m.Items, nil)
	for i, title := range now {
		if title != old[i] {
			r.items[i].SetTitle(title)
		}
	}
}

// shape describes a menu without its titles: two menus of one shape have
// the same entries, actions and submenus, so titles can change in place.
// An answer for another prompt is another action, so a patched menu never
// keeps a forwarder that answers an old prompt.
func shape(items []Item) string {
	var b strings.Builder
	for _, it := range items {
		if it.Separator {
			b.WriteString("|")
			continue
		}
		fmt.Fprintf(&b, "(%s%s)", it.Action, shape(it.Children))
	}
	return b.String()
}

// titles lists the entries' titles in the order add creates them.
func titles(items []Item, into []string) []string {
	for _, it := range items {
		if !it.Separator {
			into = append(into, it.Title)
			into = titles(it.Children, into)
		}
	}
	return into
}

func (t *Tray) add(r *rendered, it Item, parent *systray.MenuItem) {
	if it.Separator {
		if parent == nil {
			systray.AddSeparator()
		}
		return
	}
	var mi *systray.MenuItem
	if parent == nil {
		mi = systray.AddMenuItem(it.Title, "")
	} else {
		mi = parent.AddSubMenuItem(it.Title, "")
	}
	r.items = append(r.items, mi)
	for _, child := range it.Children {
		t.add(r, child, mi)
	}
	if it.Action.none() && len(it.Children) == 0 {
		mi.Disable()
		return
	}
	go t.forward(mi.ClickedCh, it.Action, r.stop)
}

// forward hands the clicks of one item to Actions until the item goes.
// systray.ResetMenu closes every old item's ClickedCh, and a closed
// channel is always ready: read as a click, a rebuild would answer the
// prompt, or quit, for nobody. A closed channel ends the item.
func (t *Tray) forward(clicks <-chan struct{}, a Action, stop <-chan struct{}) {
	for {
		select {
		case _, ok := <-clicks:
			if !ok {
				return
			}
			select {
			case t.actions <- a:
			default:
			}
		case <-stop:
			return
		}
	}
}
