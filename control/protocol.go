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
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/microrest/microrest/i18n"
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
	// VerbCheckin gives today's check-in (Stiffness … Load).
	VerbCheckin Verb = "checkin"
	// VerbSkipToday and VerbMoveToday change one clock time of today's
	// plan (Anchor, At, Meal; To for a move); tomorrow keeps the settings.
	VerbSkipToday Verb = "skip-today"
	VerbMoveToday Verb = "move-today"
)

// allVerbs is every verb, in the order error messages list them.
var allVerbs = []Verb{VerbStatus, VerbPause, VerbResume, VerbNow, VerbDone, VerbSnooze, VerbSkip, VerbReload, VerbQuit, VerbCheckin, VerbSkipToday, VerbMoveToday}

var verbs = func() map[Verb]bool {
	known := make(map[Verb]bool, len(allVerbs))
	for _, v := range allVerbs {
		known[v] = true
	}
	return known
}()

// Request is one command to the daemon. Each field is allowed only with
// the verbs that use it (see fieldVerbs), so a misspelt or misplaced
// field is refused instead of silently ignored.
type Request struct {
	// V is the protocol version; it must be Version.
	V    int  `json:"v"`
	Verb Verb `json:"verb"`
	// Anchor names the anchor for now, done, snooze and skip ("" = the prompt on screen).
	Anchor string `json:"anchor,omitempty"`
	// For is a length: the pause or the snooze ("" = the default).
	For string `json:"for,omitempty"`
	// UntilTomorrow pauses until the day rolls over.
	UntilTomorrow bool `json:"until_tomorrow,omitempty"`
	// Prompt is the id (PromptStatus.ID) of the prompt that done, snooze
	// or skip answers, so an answer given to a prompt the person saw
	// cannot land on a newer one. 0 means the prompt on screen when the
	// daemon's engine takes the answer.
	Prompt uint64 `json:"prompt,omitempty"`
	// Stiffness, Mood, Energy and SleepQuality answer the check-in, 1 to
	// 5; left out (0) when not answered.
	Stiffness    int `json:"stiffness,omitempty"`
	Mood         int `json:"mood,omitempty"`
	Energy       int `json:"energy,omitempty"`
	SleepQuality int `json:"sleep_quality,omitempty"`
	// Load is the check-in's training load: rest, easy or hard ("" = not said).
	Load string `json:"load,omitempty"`
	// At names a clock time of today's plan as the settings have it
	// ("12:45"); for a walk after a meal, with Meal set, the meal's time.
	At   string `json:"at,omitempty"`
	Meal bool   `json:"meal,omitempty"`
	// To is the time a move-today puts the clock time (or the meal) at.
	To string `json:"to,omitempty"`
}

// Reply answers one request.
type Reply struct {
	V      int     `json:"v"`
	OK     bool    `json:"ok"`
	Error  string  `json:"error,omitempty"`
	Status *Status `json:"status,omitempty"`
}

// StatusSchema is the version of Status's shape. It grows when a field is
// renamed, removed or changes its meaning; added fields keep it, so a
// script checks it and ignores what it does not know.
// control/testdata/status.schema.json describes the shape.
const StatusSchema = 1

// Status is the daemon's state as the CLI and UI show it: plain data, so
// `microrest status --json` is a stable interface for scripts.
type Status struct {
	// Schema is StatusSchema of the daemon that answered.
	Schema      int        `json:"schema"`
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
	Activity       ActivityStatus `json:"activity"`
	Notifications  NotifyStatus   `json:"notifications"`
	// Tray says whether the tray icon can show; absent from daemons that
	// predate it.
	Tray          *TrayStatus `json:"tray,omitempty"`
	SettingsError string      `json:"settings_error,omitempty"`
	// JournalError says why the journal refuses outcomes ("" while it
	// takes them); Unjournaled counts the outcomes kept until it does.
	JournalError string `json:"journal_error,omitempty"`
	Unjournaled  int    `json:"unjournaled,omitempty"`
	// Day is today's plan: its type and why, the breathing pattern, the
	// check-in and the readiness reading.
	Day *DayStatus `json:"day,omitempty"`
	// Memory is what the daemon holds, where the system says.
	Memory *MemoryStatus `json:"memory,omitempty"`
	// Today is today's timeline: clock times, wins and what comes next.
	Today *TodayStatus `json:"today,omitempty"`
}

// TodayStatus is the day laid out in time, for the progress window's
// Today card.
type TodayStatus struct {
	Timeline []TimelineEntry `json:"timeline"`
}

// TimelineEntry is one moment of today: a clock time of the plan, a win,
// or when an interval anchor will come due at today's pace.
type TimelineEntry struct {
	Anchor string `json:"anchor"`
	// Time is when it came or comes; for an interval anchor (no At) a
	// projection that moves with the time spent at the desk.
	Time time.Time `json:"time"`
	// At is the planned clock time as the settings have it ("12:45"; for
	// a walk after a meal, with Meal set, the meal's time), absent for
	// wins and interval anchors. It names the entry in skip-today and
	// move-today.
	At   string `json:"at,omitempty"`
	Meal bool   `json:"meal,omitempty"`
	// Moved is set when Time was moved for today.
	Moved bool `json:"moved,omitempty"`
	// State is upcoming, due, done, missed or skipped.
	State string `json:"state"`
}

// ActivityStatus says how the daemon tells time at the desk from time
// away, so a person whose breaks go unnoticed can see which source is
// used, what it last read, and why better ones were passed over.
type ActivityStatus struct {
	// Source is the idle source in use; "none" counts all time as active.
	Source string `json:"source"`
	// EventDriven is set when the source wakes the daemon on a change
	// instead of being read on a timer.
	EventDriven bool `json:"event_driven"`
	// LastSample is when the idle time was last read; absent before the
	// first reading. IdleS, Locked and Asleep are what it read.
	LastSample *time.Time `json:"last_sample,omitempty"`
	IdleS      float64    `json:"idle_s"`
	Locked     bool       `json:"locked"`
	Asleep     bool       `json:"asleep"`
	// Quiet is the desktop's do-not-disturb or a fullscreen window, which
	// QuietWhy names.
	Quiet    bool   `json:"quiet"`
	QuietWhy string `json:"quiet_why,omitempty"`
	// Error is why the last reading failed.
	Error string `json:"error,omitempty"`
	// LockSources, SleepSources and QuietSources name what reports the
	// session lock, sleep and do-not-disturb; empty when nothing does.
	LockSources  []string `json:"lock_sources"`
	SleepSources []string `json:"sleep_sources"`
	QuietSources []string `json:"quiet_sources"`
	// PassedOver lists the sources tried before Source, with the reason.
	PassedOver []PassedOver `json:"passed_over"`
}

// PassedOver is an idle source that was not used, and why.
type PassedOver struct {
	Source string `json:"source"`
	Reason string `json:"reason"`
}

// NotifyStatus says whether prompts reach the screen as notifications and
// whether those carry the answers, or the tray must.
type NotifyStatus struct {
	// Backend is how prompts are shown: "freedesktop", "toast",
	// "applescript", or "none" when only the tray can.
	Backend string `json:"backend"`
	// Server, Vendor and Version are what a freedesktop notification
	// server says of itself.
	Server  string `json:"server,omitempty"`
	Vendor  string `json:"vendor,omitempty"`
	Version string `json:"version,omitempty"`
	// Buttons is set when notifications carry working Done, Snooze and
	// Skip buttons; otherwise the answers are in the tray menu.
	Buttons bool `json:"buttons"`
	// Error is why notifications are degraded.
	Error string `json:"error,omitempty"`
}

// TrayStatus says whether the desktop shows microrest's tray icon. Where
// it does not (GNOME without the AppIndicator extension), a start of
// microrest from the app menu opens the progress window instead.
type TrayStatus struct {
	// Host is set while a tray host (a StatusNotifierWatcher) runs.
	Host bool `json:"host"`
}

// DayStatus is today's plan and how the person said they are.
type DayStatus struct {
	// Type is rest, easy or hard; Why says where it came from, like
	// "hard (Thursday)" or "easy (check-in)".
	Type string `json:"type"`
	Why  string `json:"why"`
	// Breathing is the guided breathing pattern for today: calm, sleep
	// or controlled.
	Breathing string `json:"breathing"`
	// CheckinOpen is set while today's check-in waits for an answer;
	// CheckedIn once it has one.
	CheckinOpen bool `json:"checkin_open"`
	CheckedIn   bool `json:"checked_in"`
	// Readiness is "lower than usual", "as usual", "higher than usual"
	// or "no reading"; ReadinessWords says it in a sentence, with the
	// items that moved or why there is no reading.
	Readiness      string   `json:"readiness"`
	ReadinessWords string   `json:"readiness_words"`
	Moved          []string `json:"moved,omitempty"`
	// LowReadiness is set when the plan follows [day_types.low_readiness].
	LowReadiness bool `json:"low_readiness"`
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
	Anchor string `json:"anchor"`
	// Title is the anchor's name as shown to a person.
	Title     string  `json:"title"`
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
// act on with an error that says what is wrong, in a sentence. It is
// stricter than encoding/json: field names match exactly (encoding/json
// would take "VERB" for "verb"), a field may appear once, and null is not
// a value.
func ParseRequest(line []byte) (Request, error) {
	if len(line) > MaxLine {
		return Request{}, errors.New(i18n.T("protocol.too_big", map[string]any{"Size": len(line), "Limit": MaxLine}))
	}
	fields, err := splitObject(line)
	if err != nil {
		return Request{}, err
	}
	var r Request
	for _, f := range fields {
		if err := r.set(f); err != nil {
			return Request{}, err
		}
	}
	if err := r.check(fields); err != nil {
		return Request{}, err
	}
	return r, nil
}

// rawField is one name and value of a request object, as sent.
type rawField struct {
	name  string
	value json.RawMessage
}

// splitObject reads the line as exactly one JSON object and returns its
// fields in order, refusing a name given twice: decoders disagree on
// which of two values wins, so neither may.
func splitObject(line []byte) ([]rawField, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil, errNotObject
	}
	var fields []rawField
	seen := map[string]bool{}
	for dec.More() {
		f, err := nextField(dec)
		if err != nil {
			return nil, err
		}
		if seen[f.name] {
			return nil, errors.New(i18n.T("protocol.field_twice", map[string]any{"Field": strconv.Quote(f.name)}))
		}
		seen[f.name] = true
		fields = append(fields, f)
	}
	if _, err := dec.Token(); err != nil {
		return nil, errNotObject
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New(i18n.T("protocol.many_values"))
	}
	return fields, nil
}

var errNotObject error = &localError{func() string {
	return i18n.T("protocol.not_object", map[string]any{"Example": `{"v":1,"verb":"status"}`})
}}

func nextField(dec *json.Decoder) (rawField, error) {
	tok, err := dec.Token()
	if err != nil {
		return rawField{}, errNotObject
	}
	name, _ := tok.(string)
	var value json.RawMessage
	if err := dec.Decode(&value); err != nil {
		return rawField{}, errNotObject
	}
	return rawField{name: name, value: value}, nil
}

// requestFields maps each json name of Request to its field index, read
// from the struct tags so the two cannot drift apart.
var requestFields = func() map[string]int {
	t := reflect.TypeFor[Request]()
	names := make(map[string]int, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		names[name] = i
	}
	return names
}()

// set decodes one field into r.
func (r *Request) set(f rawField) error {
	i, ok := requestFields[f.name]
	if !ok {
		return unknownField(f.name)
	}
	if string(f.value) == "null" {
		return errors.New(i18n.T("protocol.null", map[string]any{"Field": strconv.Quote(f.name)}))
	}
	field := reflect.ValueOf(r).Elem().Field(i)
	if err := json.Unmarshal(f.value, field.Addr().Interface()); err != nil {
		return errors.New(i18n.T("protocol.wrong_type", map[string]any{
			"Field": strconv.Quote(f.name), "Value": shorten(f.value), "Kind": kindName(field.Kind()),
		}))
	}
	return nil
}

// unknownField names the field, and the right spelling when only its
// case is wrong: that is the mistake encoding/json used to forgive.
func unknownField(name string) error {
	for known := range requestFields {
		if strings.EqualFold(name, known) {
			return errors.New(i18n.T("protocol.unknown_field_case", map[string]any{"Field": strconv.Quote(name), "Known": strconv.Quote(known)}))
		}
	}
	return errors.New(i18n.T("protocol.unknown_field", map[string]any{"Field": strconv.Quote(name), "Fields": fieldList()}))
}

func fieldList() string {
	names := make([]string, 0, len(requestFields))
	for name := range requestFields {
		names = append(names, name)
	}
	slices.SortFunc(names, func(a, b string) int { return requestFields[a] - requestFields[b] })
	return strings.Join(names, ", ")
}

func verbList() string {
	names := make([]string, len(allVerbs))
	for i, v := range allVerbs {
		names[i] = string(v)
	}
	return strings.Join(names, ", ")
}

func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Bool:
		return i18n.T("protocol.kind_bool")
	case reflect.String:
		return i18n.T("protocol.kind_string")
	case reflect.Uint64:
		return i18n.T("protocol.kind_uint")
	}
	return i18n.T("protocol.kind_int")
}

// shorten keeps an echoed value readable: a request line may be 64 KiB.
func shorten(value []byte) string {
	const most = 40
	if len(value) <= most {
		return string(value)
	}
	return string(value[:most]) + "…"
}

// fieldVerbs says which verbs take each optional field; v and verb go
// with every verb.
var fieldVerbs = map[string][]Verb{
	"anchor":         {VerbNow, VerbDone, VerbSnooze, VerbSkip, VerbSkipToday, VerbMoveToday},
	"for":            {VerbPause, VerbSnooze},
	"until_tomorrow": {VerbPause},
	"prompt":         {VerbDone, VerbSnooze, VerbSkip},
	"stiffness":      {VerbCheckin},
	"mood":           {VerbCheckin},
	"energy":         {VerbCheckin},
	"sleep_quality":  {VerbCheckin},
	"load":           {VerbCheckin},
	"at":             {VerbSkipToday, VerbMoveToday},
	"meal":           {VerbSkipToday, VerbMoveToday},
	"to":             {VerbMoveToday},
}

// check refuses a request with a missing or wrong version, an unknown
// verb, or a field its verb does not take.
func (r Request) check(fields []rawField) error {
	if !slices.ContainsFunc(fields, func(f rawField) bool { return f.name == "v" }) {
		return errors.New(i18n.T("protocol.no_version", map[string]any{"Version": Version}))
	}
	switch {
	case r.V > Version:
		return errors.New(i18n.T("protocol.newer", map[string]any{"Got": r.V, "Version": Version}))
	case r.V != Version:
		return errors.New(i18n.T("protocol.wrong_version", map[string]any{"Got": r.V, "Version": Version}))
	case !verbs[r.Verb]:
		return errors.New(i18n.T("protocol.unknown_verb", map[string]any{"Verb": strconv.Quote(string(r.Verb)), "Verbs": verbList()}))
	}
	for _, f := range fields {
		if allowed, ok := fieldVerbs[f.name]; ok && !slices.Contains(allowed, r.Verb) {
			return errors.New(i18n.T("protocol.verb_field", map[string]any{"Verb": string(r.Verb), "Field": strconv.Quote(f.name)}))
		}
	}
	return nil
}

// Fail builds an error reply.
func Fail(err error) Reply { return Reply{V: Version, Error: err.Error()} }

// marshalLine encodes one protocol line.
func marshalLine(v any) ([]byte, error) {
	data, err := json.Marshal(v)
	return append(data, '\n'), err
}
