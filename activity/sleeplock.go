package activity

// SleepReady lets a pending sleep go ahead. The daemon calls it once its
// engine has stepped an asleep sample and saved its state; until then, or
// until Options.SleepDelay passes, logind keeps the machine awake. It lets
// go only while a sleep is announced and not yet let go, so calling it
// after every asleep step, while awake, or where the system offers no such
// lock (Windows, macOS, logind refusing) is harmless.
func (m *Monitor) SleepReady() { m.sleep.ready() }
