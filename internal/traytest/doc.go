// Package traytest holds integration tests of the tray and the notifier in
// one process, as the daemon runs them. It is its own package because
// fyne.io/systray keeps its state in globals and can run once per process.
package traytest
