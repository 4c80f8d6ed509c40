package activity

import (
	"context"
	"errors"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/fdnotify"
)

const (
	dconfName   = "ca.desrt.dconf"
	dconfPath   = dbus.ObjectPath("/ca/desrt/dconf/Writer/user")
	dconfIface  = "ca.desrt.dconf.Writer"
	bannersDir  = "/org/gnome/desktop/notifications/"
	bannersKey  = "show-banners"
	schemaGNOME = "org.gnome.desktop.notifications"
)

// watchInhibited follows the Inhibited property that KDE Plasma's
// notification server (and others following it) sets during
// do-not-disturb; servers without it are skipped.
func watchInhibited(ctx context.Context, m *Monitor, conn *dbus.Conn, r *router) error {
	if !hasOwner(ctx, conn, fdnotify.Name) {
		return errors.New(i18n.T("activity.why.no_notification_server"))
	}
	v, err := getProperty(ctx, conn.Object(fdnotify.Name, fdnotify.Path), fdnotify.Interface, "Inhibited")
	if err != nil {
		return err
	}
	on, ok := v.Value().(bool)
	if !ok {
		return errors.New(i18n.T("activity.why.inhibited_type", map[string]any{"Type": v.Signature().String()}))
	}
	err = r.onProperty(ctx, fdnotify.Name, fdnotify.Path, fdnotify.Interface, "Inhibited", func(v dbus.Variant) {
		if on, ok := v.Value().(bool); ok {
			m.setFlag(quietInhibited, on)
		}
	})
	if err != nil {
		return err
	}
	m.setFlag(quietInhibited, on)
	return nil
}

// watchBanners follows GNOME's do-not-disturb, which lives only in
// GSettings (show-banners false) and not on the bus: it is read with
// gsettings, and read again when dconf announces a change under it.
func watchBanners(ctx context.Context, m *Monitor, r *router, gsettings string) error {
	args := []string{"get", schemaGNOME, bannersKey}
	read := func(ctx context.Context) (bool, error) {
		out, err := exec.CommandContext(ctx, gsettings, args...).Output()
		return strings.TrimSpace(string(out)) == "false", err
	}
	on, err := read(ctx)
	if err != nil {
		command := strings.Join(append([]string{filepath.Base(gsettings)}, args...), " ")
		return i18n.Wrap(err, "activity.err.run", map[string]any{"Command": command})
	}
	err = r.on(ctx, dconfName, dconfPath, dconfIface, "Notify", func(sig *dbus.Signal) {
		if !touches(sig, bannersDir+bannersKey) {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), callTimeout)
		defer cancel()
		if on, err := read(ctx); err == nil {
			m.setFlag(quietGNOME, on)
		}
	})
	if err != nil {
		return err
	}
	m.setFlag(quietGNOME, on)
	return nil
}

// touches reports whether a dconf Notify(prefix, keys, tag) covers key:
// dconf sends a common prefix and the keys relative to it, or a bare
// directory when a whole tree changed.
func touches(sig *dbus.Signal, key string) bool {
	if len(sig.Body) < 2 {
		return false
	}
	prefix, _ := sig.Body[0].(string)
	keys, _ := sig.Body[1].([]string)
	if len(keys) == 0 {
		keys = []string{""}
	}
	for _, k := range keys {
		full := prefix + k
		if full == key || (strings.HasSuffix(full, "/") && strings.HasPrefix(key, full)) {
			return true
		}
	}
	return false
}
