// Package journal keeps the record of small wins, daily check-ins and wake
// times: one JSON line per prompt outcome, check-in or first active minute
// of a day, appended durably, read tolerantly, and summarised into the
// statistics people see over days and weeks and the weekly review.
package journal

import "github.com/microrest/microrest/reminders"

// Entry is one journal line: an engine record with the journal line as
// its JSON. It is its own type so that the line format stays in this
// package; a reminders.Record converts to it and back as it is.
type Entry reminders.Record
