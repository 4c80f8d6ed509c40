// Package tray shows microrest in the desktop's notification area with
// fyne.io/systray used directly, so the all-day daemon never starts a GUI
// toolkit. The daemon hands it whole Menu snapshots; it hands back typed
// Actions. Nothing else touches systray.
package tray

import (
	"fmt"
	"reflect"
	"sync"

	"fyne.io/systray"

	"github.com/microrest/microrest/assets"
)

// ActionKind says what a menu item does.
type ActionKind int

// The things a tray click can ask for. Arg carries the detail.
const (
	// Answer answers the prompt on screen; Arg is "done", "snooze" or "skip".
	Answer ActionKind = iota + 1
	// TakeNow starts a break at once; Arg is the anchor key.
	TakeNow
	// Pause holds prompts; Arg is a length like "30m" or "until-tomorrow".
	Pause
	// Resume ends a pause.
	Resume
	// OpenWindow starts the UI process; Arg is its verb, e.g. "settings".
	OpenWindow
	// Quit stops the daemon.
	Quit
)

var actionNames = [...]string{"", "answer", "take-now", "pause", "resume", "open-window", "quit"}

func (k ActionKind) String() string {
	if k <= 0 || int(k) >= len(actionNames) {
		return fmt.Sprintf("action(%d)", int(k))
	}
	return actionNames[k]
}

// Action is one click, with the argument its item carries (an anchor key,
// a pause length) where one is needed.
type Action struct {
	Kind ActionKind
	Arg  string
}

// Item is one menu entry. An Item without an Action is a disabled line of
// text; a Separator draws a rule.
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

// loop is the one goroutine that changes systray after start-up. An
// unchanged menu is not rebuilt: every rebuild makes the panel re-read it.
func (t *Tray) loop() {
	var stop chan struct{}
	var last *Menu
	for m := range t.menus {
		if last != nil && reflect.DeepEqual(*last, m) {
			continue
		}
		last = &m
		if stop != nil {
			close(stop)
		}
		stop = make(chan struct{})
		t.render(m, stop)
	}
}

// render rebuilds the whole menu: simpler and safer than patching items,
// and menus here are small.
func (t *Tray) render(m Menu, stop <-chan struct{}) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.quitting {
		return
	}
	systray.ResetMenu()
	systray.SetIcon(assets.TrayIcon(m.Icon))
	systray.SetTitle("microrest")
	systray.SetTooltip(m.Tooltip)
	for _, it := range m.Items {
		t.add(it, nil, stop)
	}
}

func (t *Tray) add(it Item, parent *systray.MenuItem, stop <-chan struct{}) {
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
	for _, child := range it.Children {
		t.add(child, mi, stop)
	}
	if it.Action.Kind == 0 && len(it.Children) == 0 {
		mi.Disable()
		return
	}
	go t.forward(mi.ClickedCh, it.Action, stop)
}

func (t *Tray) forward(clicks <-chan struct{}, a Action, stop <-chan struct{}) {
	for {
		select {
		case <-clicks:
			select {
			case t.actions <- a:
			default:
			}
		case <-stop:
			return
		}
	}
}
