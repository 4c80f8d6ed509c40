//go:build !darwin

package notify

import "github.com/microrest/microrest/i18n"

// send hands an answer to the daemon without ever blocking the D-Bus
// loop; an answer past the buffer is logged and dropped, and the prompt
// stays answerable from the tray. macOS builds lack it: their
// notifications carry no buttons.
func (h *hub) send(a Action) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return
	}
	select {
	case h.actions <- a:
	default:
		h.log.Warn(i18n.T("notify.log.answer_dropped"), "action", a.String())
	}
}
