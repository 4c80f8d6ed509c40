package testdesk

import (
	"fmt"
	"strings"
	"time"

	"github.com/godbus/dbus/v5"
)

// MenuItem is one entry of a tray item's dbusmenu, as a panel reads it.
type MenuItem struct {
	ID        int32
	Label     string
	Enabled   bool
	Separator bool
	Children  []MenuItem
}

// String renders the entry and its children one per line, indented, with
// disabled entries in brackets: easy to compare in a test.
func (m MenuItem) String() string {
	var b strings.Builder
	m.write(&b, 0)
	return b.String()
}

func (m MenuItem) write(b *strings.Builder, depth int) {
	if depth > 0 {
		label := m.Label
		switch {
		case m.Separator:
			label = "---"
		case !m.Enabled:
			label = "[" + label + "]"
		}
		fmt.Fprintf(b, "%s%s\n", strings.Repeat("  ", depth-1), label)
	}
	for _, c := range m.Children {
		c.write(b, depth+1)
	}
}

// Find returns the first entry with this label.
func (m MenuItem) Find(label string) (MenuItem, bool) {
	if m.Label == label && !m.Separator {
		return m, true
	}
	for _, c := range m.Children {
		if found, ok := c.Find(label); ok {
			return found, true
		}
	}
	return MenuItem{}, false
}

// TrayMenu reads the whole menu of a registered tray item the way a panel
// does: the item's Menu property, then com.canonical.dbusmenu.GetLayout.
func TrayMenu(conn *dbus.Conn, it Item) (MenuItem, dbus.BusObject, error) {
	item := conn.Object(it.Sender, it.Path)
	v, err := item.GetProperty("org.kde.StatusNotifierItem.Menu")
	if err != nil {
		return MenuItem{}, nil, fmt.Errorf("read Menu property: %w", err)
	}
	path, ok := v.Value().(dbus.ObjectPath)
	if !ok {
		return MenuItem{}, nil, fmt.Errorf("the Menu property is a %T, not an object path", v.Value())
	}
	menu := conn.Object(it.Sender, path)
	var revision uint32
	var layout dbusLayout
	if err := menu.Call("com.canonical.dbusmenu.GetLayout", 0, int32(0), int32(-1), []string{}).Store(&revision, &layout); err != nil {
		return MenuItem{}, nil, fmt.Errorf("GetLayout: %w", err)
	}
	return layout.item(), menu, nil
}

// Click sends the "clicked" event a panel sends when an entry is chosen.
func Click(menu dbus.BusObject, id int32) error {
	return menu.Call("com.canonical.dbusmenu.Event", 0, id, "clicked", dbus.MakeVariant(""), uint32(time.Now().Unix())).Err
}

// dbusLayout is the (ia{sv}av) structure of the dbusmenu spec.
type dbusLayout struct {
	ID       int32
	Props    map[string]dbus.Variant
	Children []dbus.Variant
}

func (l dbusLayout) item() MenuItem {
	m := MenuItem{ID: l.ID, Enabled: true}
	if v, ok := l.Props["label"]; ok {
		m.Label, _ = v.Value().(string)
	}
	if v, ok := l.Props["enabled"]; ok {
		m.Enabled, _ = v.Value().(bool)
	}
	if v, ok := l.Props["type"]; ok {
		m.Separator = v.Value() == "separator"
	}
	if v, ok := l.Props["visible"]; ok && v.Value() == false {
		return MenuItem{}
	}
	for _, c := range l.Children {
		var child dbusLayout
		if err := dbus.Store([]any{c.Value()}, &child); err == nil {
			if ci := child.item(); ci.ID != 0 || ci.Label != "" || ci.Separator {
				m.Children = append(m.Children, ci)
			}
		}
	}
	return m
}
