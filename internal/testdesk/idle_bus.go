package testdesk

import (
	"testing"

	"github.com/godbus/dbus/v5"
)

// exportService exports obj as iface at each path on conn and claims name, so a
// desktop-service double answers like the real service.
func exportService(t testing.TB, conn *dbus.Conn, name, iface string, obj any, paths ...dbus.ObjectPath) {
	t.Helper()
	for _, p := range paths {
		if err := conn.Export(obj, p, iface); err != nil {
			t.Fatalf("export %s at %s: %v", iface, p, err)
		}
	}
	claimName(t, conn, name)
}

// claimName takes a well-known name, failing the test if another owner has it.
func claimName(t testing.TB, conn *dbus.Conn, name string) {
	t.Helper()
	reply, err := conn.RequestName(name, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("claim %s: reply %v, err %v", name, reply, err)
	}
}

// emitTo sends a signal to one connection only, as services do for
// per-client events such as Mutter's WatchFired.
func emitTo(conn *dbus.Conn, dest string, path dbus.ObjectPath, iface, member string, body ...any) error {
	msg := &dbus.Message{
		Type: dbus.TypeSignal,
		Headers: map[dbus.HeaderField]dbus.Variant{
			dbus.FieldPath:        dbus.MakeVariant(path),
			dbus.FieldInterface:   dbus.MakeVariant(iface),
			dbus.FieldMember:      dbus.MakeVariant(member),
			dbus.FieldDestination: dbus.MakeVariant(dest),
		},
		Body: body,
	}
	if len(body) > 0 {
		msg.Headers[dbus.FieldSignature] = dbus.MakeVariant(dbus.SignatureOf(body...))
	}
	call := conn.Send(msg, nil)
	<-call.Done
	return call.Err
}
