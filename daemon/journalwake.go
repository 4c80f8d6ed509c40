package daemon

import "time"

// AppendWake writes a day's first active minute to the journal, where
// wake times are read from.
func (s journalSink) AppendWake(t time.Time) error { return s.j.AppendWake(t) }
