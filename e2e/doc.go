// Package e2e runs the real microrest binary on a real desktop stack:
// Xvfb, a private session bus, dunst as the notification server and
// xfce4-panel's systray plugin as the StatusNotifierItem host, with input
// sent through XTEST. The engine counts real time, so the desktop run
// takes about four minutes and the socket soak two and a half more; they
// run when MICROREST_E2E=1 (make e2e, scripts/dev test).
package e2e
