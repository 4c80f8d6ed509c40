package activity

import (
	"context"
	"time"
	"unsafe"

	"golang.org/x/sys/windows"

	"github.com/microrest/microrest/i18n"
)

// Lazy procs: nothing is loaded until the first call, and a missing one
// is reported by Find rather than crashing at start.
var (
	user32                  = windows.NewLazySystemDLL("user32.dll")
	kernel32                = windows.NewLazySystemDLL("kernel32.dll")
	shell32                 = windows.NewLazySystemDLL("shell32.dll")
	procGetLastInputInfo    = user32.NewProc("GetLastInputInfo")
	procOpenInputDesktop    = user32.NewProc("OpenInputDesktop")
	procCloseDesktop        = user32.NewProc("CloseDesktop")
	procGetTickCount        = kernel32.NewProc("GetTickCount")
	procSHQueryNotification = shell32.NewProc("SHQueryUserNotificationState")
)

// desktopSwitch is DESKTOP_SWITCHDESKTOP, the least access that tells
// whether the input desktop is ours.
const desktopSwitch = 0x0100

const winLock = "windows-input-desktop"

// lastInputInfo is LASTINPUTINFO.
type lastInputInfo struct {
	size uint32
	time uint32
}

// winIdle reads GetLastInputInfo, and the lock with it, since Windows
// announces a lock only to a window (WTSRegisterSessionNotification),
// which the daemon does not have.
type winIdle struct{ m *Monitor }

func openPlatform(_ context.Context, m *Monitor, _ Options) {
	if err := procGetLastInputInfo.Find(); err != nil {
		m.skip(SourceWindows, err)
		return
	}
	w := winIdle{m: m}
	if _, err := w.idle(context.Background()); err != nil {
		m.skip(SourceWindows, err)
		return
	}
	m.use(SourceWindows, w, false)
	m.setLocked(winLock, false) // listed in Status before the first sample
	if procSHQueryNotification.Find() == nil {
		m.checks = append(m.checks, notificationState)
	}
}

func (w winIdle) idle(context.Context) (time.Duration, error) {
	info := lastInputInfo{size: uint32(unsafe.Sizeof(lastInputInfo{}))}
	if ok, _, err := procGetLastInputInfo.Call(uintptr(unsafe.Pointer(&info))); ok == 0 {
		return 0, i18n.Wrap(err, "activity.err.call", map[string]any{"Method": "GetLastInputInfo"})
	}
	now, _, _ := procGetTickCount.Call()
	w.m.setLocked(winLock, inputDesktopHidden())
	return ticksSince(uint32(now), info.time), nil
}

// inputDesktopHidden reports whether the input desktop is not ours: the
// lock screen (and a UAC prompt, briefly) runs on the secure desktop,
// which OpenInputDesktop refuses to open.
func inputDesktopHidden() bool {
	h, _, _ := procOpenInputDesktop.Call(0, 0, desktopSwitch)
	if h == 0 {
		return true
	}
	_, _, _ = procCloseDesktop.Call(h)
	return false
}

// notificationState asks the shell whether a fullscreen application or
// presentation mode wants no interruptions.
func notificationState() (bool, string) {
	var state int32
	if hr, _, _ := procSHQueryNotification.Call(uintptr(unsafe.Pointer(&state))); hr != 0 {
		return false, ""
	}
	return quietState(int(state))
}
