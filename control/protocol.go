// Package control is the daemon's command socket: one JSON object per line
// in each direction, versioned, so the CLI, the UI process and scripts can
// steer the running daemon. It owns the wire format, the listener (with
// single-instance locking and stale-socket recovery) and the client; what
// a request does is the daemon's business, behind a Handler.
package control

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Version is the protocol version this build speaks. A request with a
// newer version gets an error reply naming both.
const Version = 1

// MaxLine bounds one request or reply line. Requests are tiny; a client
// that sends more is broken or hostile and gets an error.
const MaxLine = 64 << 10

// Verb is what a request asks for.
type Verb string

// The verbs the daemon answers.
const (
	VerbStatus Verb = "status"
	VerbPause  Verb = "pause"
	VerbResume Verb = "resume"
	VerbNow    Verb = "now"
	VerbDone   Verb = "done"
	VerbSnooze Verb = "snooze"
	VerbSkip   Verb = "skip"
	VerbReload Verb = "reload"
	VerbQuit   Verb = "quit"
)

var verbs = map[Verb]bool{
	VerbStatus: true, VerbPause: true, VerbResume: true, VerbNow: true, VerbDone: true,
	VerbSnooze: true, VerbSkip: true, VerbReload: true, VerbQuit: true,
}

// Request is one command to the daemon.
type Request struct {
	V    int  `json:"v"`
	Verb Verb `json:"verb"`
	// Anchor names the anchor for now, done, snooze and skip ("" = the prompt on screen).
	Anchor string `json:"anchor,omitempty"`
	// For is a length: the pause or the snooze ("" = the default).
	For string `json:"for,omitempty"`
	// UntilTomorrow pauses until the day rolls over.
	UntilTomorrow bool `json:"until_tomorrow,omitempty"`
}

// Reply answers one request.
type Reply struct {
	V      int     `json:"v"`
	OK     bool    `json:"ok"`
	Error  string  `json:"error,omitempty"`
	Status *Status `json:"status,omitempty"`
}

// Status is the daemon's state as the CLI and UI show it: plain data, so
// `microrest status --json` is a stable interface for scripts.
type Status struct {
	Version     string     `json:"version"`
	Now         time.Time  `json:"now"`
	Paused      bool       `json:"paused"`
	PausedUntil *time.Time `json:"paused_until,omitempty"`
	Quiet       bool       `json:"quiet"`
	DND         bool       `json:"dnd"`
	// TodayActiveMin is the time at the desk since the day started: idle
	// stretches and breaks do not count.
	TodayActiveMin float64        `json:"today_active_min"`
	Prompt         *PromptStatus  `json:"prompt,omitempty"`
	Anchors        []AnchorStatus `json:"anchors"`
	Activity       string         `json:"activity,omitempty"`
	Notifications  string         `json:"notifications,omitempty"`
	SettingsError  string         `json:"settings_error,omitempty"`
	// Memory is what the daemon holds, where the system says.
	Memory *MemoryStatus `json:"memory,omitempty"`
}

// MemoryStatus is the daemon's resident memory, in KiB.
type MemoryStatus struct {
	ResidentKB int64 `json:"resident_kb"`
	// ProgramKB is the part that is microrest's own program file, read
	// back from disk when paged out.
	ProgramKB int64 `json:"program_kb"`
	// AnonKB is the heap and stacks.
	AnonKB int64 `json:"anon_kb"`
}

// AnchorStatus is one anchor's line in the status.
type AnchorStatus struct {
	Anchor    string  `json:"anchor"`
	Enabled   bool    `json:"enabled"`
	Due       bool    `json:"due"`
	ActiveMin float64 `json:"active_min"`
	// NextInMin is the active time left until it comes due (interval anchors).
	NextInMin *float64 `json:"next_in_min,omitempty"`
	// NextAt is the next clock time it comes due (clock anchors).
	NextAt    *time.Time `json:"next_at,omitempty"`
	TodayWins int        `json:"today_wins"`
	Goal      int        `json:"goal,omitempty"`
}

// PromptStatus is the prompt on screen, if any.
type PromptStatus struct {
	ID      uint64    `json:"id"`
	Title   string    `json:"title"`
	Anchors []string  `json:"anchors"`
	Texts   []string  `json:"practices"`
	Repeat  int       `json:"repeat"`
	CanSkip bool      `json:"can_skip"`
	Shown   time.Time `json:"shown"`
}

// ParseRequest reads one request line. It rejects what the daemon cannot
// act on with an error that says what is wrong, in a sentence.
func ParseRequest(line []byte) (Request, error) {
	var r Request
	if len(line) > MaxLine {
		return r, fmt.Errorf("request is %d bytes; the limit is %d", len(line), MaxLine)
	}
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		return r, fmt.Errorf("request is not valid JSON for this protocol: %v", err)
	}
	if dec.More() {
		return r, errors.New("request has more than one JSON value on its line")
	}
	switch {
	case r.V == 0:
		return r, errors.New(`request has no protocol version; send "v": 1`)
	case r.V > Version:
		return r, fmt.Errorf("request speaks protocol %d; this daemon speaks %d (update microrest)", r.V, Version)
	case !verbs[r.Verb]:
		return r, fmt.Errorf("%q is not a command the daemon knows", r.Verb)
	}
	return r, nil
}

// Fail builds an error reply.
func Fail(err error) Reply { return Reply{V: Version, Error: err.Error()} }

// marshalLine encodes one protocol line.
func marshalLine(v any) ([]byte, error) {
	data, err := json.Marshal(v)
	return append(data, '\n'), err
}
