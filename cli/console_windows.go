package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS ((DWORD)-1) of AttachConsole.
const attachParentProcess = ^uint32(0)

// init attaches to the console of the shell that started microrest. The
// Windows build is a GUI-subsystem program (no console window at login),
// and such a program gets no console, so `microrest status` in cmd.exe
// or PowerShell would print nothing. Started from Explorer or at login
// there is no parent console and nothing changes.
func init() {
	attach := windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = out, out
	}
}
