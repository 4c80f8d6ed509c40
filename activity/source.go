//go:build linux || windows || darwin

package activity

// use makes s the idle source; events says it wakes the engine itself on
// change, so the loop may sleep long.
func (m *Monitor) use(name string, s idler, events bool) {
	m.source, m.src, m.events = name, s, events
}
