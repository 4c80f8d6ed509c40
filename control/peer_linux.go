package control

import (
	"errors"
	"net"
	"os"

	"golang.org/x/sys/unix"

	"github.com/microrest/microrest/i18n"
)

// checkPeer refuses a client of another user. The socket's 0600 mode
// already keeps them out; this holds even if the mode is changed.
func checkPeer(conn net.Conn) error {
	uc, ok := conn.(*net.UnixConn)
	if !ok {
		return nil
	}
	raw, err := uc.SyscallConn()
	if err != nil {
		return i18n.Wrap(err, "control.err_peer")
	}
	var cred *unix.Ucred
	var credErr error
	if err := raw.Control(func(fd uintptr) {
		cred, credErr = unix.GetsockoptUcred(int(fd), unix.SOL_SOCKET, unix.SO_PEERCRED)
	}); err != nil {
		return i18n.Wrap(err, "control.err_peer")
	}
	if credErr != nil {
		return i18n.Wrap(credErr, "control.err_peer")
	}
	if int(cred.Uid) != os.Getuid() {
		return errors.New(i18n.T("control.other_uid", map[string]any{"Peer": cred.Uid, "Own": os.Getuid()}))
	}
	return nil
}
