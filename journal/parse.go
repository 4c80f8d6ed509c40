package journal

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/reminders"
	"github.com/microrest/microrest/settings"
)

// parseLine reads one journal line of any kind. Lines the journal itself
// writes take the fast path; anything unusual (escapes, nulls, nested
// values, broken JSON) falls back to encoding/json, which then has the last
// word, so the fast path never has to be a complete JSON parser. practices,
// which may be nil, shares the strings of repeated practice texts. A line
// of a kind this version does not know is an *otherKindError.
func parseLine(b []byte, practices interner) (Line, error) {
	if raw, ok := scanLine(b); ok {
		return raw.line(practices)
	}
	return decodeLine(b)
}

// maxInterned bounds an interner; people keep a few dozen practice texts.
const maxInterned = 256

// interner shares one string among the lines that repeat a practice text,
// which saves an allocation on nearly every line of a long read.
type interner map[string]string

func (in interner) get(b []byte) string {
	if s, ok := in[string(b)]; ok {
		return s
	}
	s := string(b)
	if in != nil && len(in) < maxInterned {
		in[s] = s
	}
	return s
}

// decodeLine is the slow, complete path. It decodes into a map rather than
// a struct because encoding/json matches struct fields case-insensitively,
// and "TIME" must stay an unknown field as it is on the fast path. Only the
// fields of the line's own kind are decoded, so a field that belongs to
// another kind never makes a line unreadable.
func decodeLine(b []byte) (Line, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return Line{}, i18n.Wrap(err, "journal.problem.not_object")
	}
	var raw rawEntry
	if err := raw.decodeStrings(fields, stringField{"kind", seenKind, &raw.kind}); err != nil {
		return Line{}, err
	}
	kind, err := raw.kindOf()
	if err != nil {
		return Line{}, err
	}
	switch kind {
	case KindCheckin:
		err = raw.decodeCheckin(fields)
	case KindWake:
		err = raw.decodeStrings(fields, stringField{"time", seenTime, &raw.time})
	default:
		err = raw.decodeOutcome(fields)
	}
	if err != nil {
		return Line{}, err
	}
	return raw.line(nil)
}

// stringField is a key the slow path reads as a string, the bit that says
// it was present, and where its bytes go.
type stringField struct {
	key  string
	seen uint8
	dst  *[]byte
}

func (r *rawEntry) decodeStrings(fields map[string]json.RawMessage, want ...stringField) error {
	for _, f := range want {
		if err := decodeString(fields, f.key, f.dst); err != nil {
			return err
		}
		if *f.dst != nil {
			r.seen |= f.seen
		}
	}
	return nil
}

func (r *rawEntry) decodeOutcome(fields map[string]json.RawMessage) error {
	err := r.decodeStrings(fields,
		stringField{"time", seenTime, &r.time},
		stringField{"anchor", seenAnchor, &r.anchor},
		stringField{"outcome", seenOutcome, &r.outcome},
		stringField{"practice", 0, &r.practice},
	)
	if err != nil {
		return err
	}
	return decodeMinutes(fields, &r.active)
}

// decodeCheckin keeps each item's raw value; checkin judges it, on both
// paths alike.
func (r *rawEntry) decodeCheckin(fields map[string]json.RawMessage) error {
	for _, it := range reminders.CheckinItems {
		if v, ok := fields[lineKey(it)]; ok && string(v) != "null" {
			r.items[it] = v
		}
	}
	return r.decodeStrings(fields,
		stringField{"time", seenTime, &r.time},
		stringField{"load", seenLoad, &r.load},
	)
}

// decodeString leaves dst nil when the key is absent or null, which is how
// the caller tells "missing" from "empty".
func decodeString(fields map[string]json.RawMessage, key string, dst *[]byte) error {
	v, ok := fields[key]
	if !ok || string(v) == "null" {
		return nil
	}
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		return &FieldError{key, errors.New(i18n.T("journal.problem.not_string", map[string]any{"Value": string(v)}))}
	}
	*dst = append([]byte{}, s...)
	return nil
}

func decodeMinutes(fields map[string]json.RawMessage, dst *float64) error {
	v, ok := fields["active_min"]
	if !ok || string(v) == "null" {
		return nil
	}
	if err := json.Unmarshal(v, dst); err != nil {
		return &FieldError{"active_min", errors.New(i18n.T("journal.problem.not_minutes", map[string]any{"Value": string(v)}))}
	}
	return nil
}

// scanner walks one line the way the journal writes it: a flat object of
// plain strings and numbers. It gives up (bad) on anything else.
type scanner struct {
	b   []byte
	i   int
	bad bool
}

// scanLine reports ok only when the line is a flat object that
// encoding/json would decode to the same fields.
func scanLine(b []byte) (rawEntry, bool) {
	s := scanner{b: b}
	var raw rawEntry
	s.expect('{')
	if s.skip('}') {
		return raw, s.end()
	}
	for !s.bad {
		key := s.str()
		s.expect(':')
		s.field(&raw, key)
		if s.skip('}') {
			return raw, s.end()
		}
		s.expect(',')
	}
	return raw, false
}

// field fills in a known key and skips an unknown one. A later duplicate
// wins, as it does in encoding/json.
func (s *scanner) field(raw *rawEntry, key []byte) {
	switch string(key) {
	case "time":
		raw.time, raw.seen = s.str(), raw.seen|seenTime
	case "anchor":
		raw.anchor, raw.seen = s.str(), raw.seen|seenAnchor
	case "outcome":
		raw.outcome, raw.seen = s.str(), raw.seen|seenOutcome
	case "practice":
		raw.practice = s.str()
	case "active_min":
		raw.active = s.float()
	case "kind":
		raw.kind, raw.seen = s.str(), raw.seen|seenKind
	case "load":
		raw.load, raw.seen = s.str(), raw.seen|seenLoad
	default:
		if it, ok := itemOfKey(key); ok {
			raw.items[it] = s.answer()
		} else {
			s.value()
		}
	}
}

// itemOfKey finds the item a line key names, comparing bytes so that no
// line allocates.
func itemOfKey(key []byte) (reminders.CheckinItem, bool) {
	for it, k := range lineKeys {
		if string(key) == k {
			return reminders.CheckinItem(it), true
		}
	}
	return 0, false
}

// answer reads a check-in item's number token; any other value (a string,
// null) hands the line to the slow path, which knows whether the line's
// kind cares.
func (s *scanner) answer() []byte {
	s.ws()
	if s.i < len(s.b) && (s.b[s.i] == '-' || (s.b[s.i] >= '0' && s.b[s.i] <= '9')) {
		return s.number()
	}
	s.fail()
	return nil
}

func (s *scanner) ws() {
	for s.i < len(s.b) && s.b[s.i] <= ' ' {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// skip consumes c (after whitespace) if it is next.
func (s *scanner) skip(c byte) bool {
	s.ws()
	if !s.bad && s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *scanner) expect(c byte) {
	if !s.skip(c) {
		s.fail()
	}
}

func (s *scanner) fail() { s.bad = true }

func (s *scanner) end() bool {
	s.ws()
	return !s.bad && s.i == len(s.b)
}

// str reads a string without escapes. Escapes, control bytes and invalid
// UTF-8 (which encoding/json would rewrite) hand the line to the slow path.
func (s *scanner) str() []byte {
	s.expect('"')
	if s.bad {
		return nil
	}
	b, ascii := s.b, true
	for i := s.i; i < len(b); i++ {
		class := strClass[b[i]]
		if class == 0 {
			continue
		}
		switch class {
		case nonASCII:
			ascii = false
		case unusual:
			s.fail()
			return nil
		case quote:
			v := b[s.i:i]
			s.i = i + 1
			if !ascii && !utf8.Valid(v) {
				s.fail()
			}
			return v
		}
	}
	s.fail()
	return nil
}

// strClass sorts bytes inside a JSON string by what str must do about them;
// a table keeps the loop over long practice texts tight.
var strClass = func() (class [256]uint8) {
	for c := range 0x20 {
		class[c] = unusual
	}
	class['\\'] = unusual
	class['"'] = quote
	for c := utf8.RuneSelf; c < 256; c++ {
		class[c] = nonASCII
	}
	return class
}()

const (
	_ uint8 = iota
	quote
	nonASCII
	unusual
)

func (s *scanner) float() float64 {
	s.ws()
	tok := s.number()
	if s.bad {
		return 0
	}
	if tenths, ok := tenthsOf(tok); ok {
		return float64(tenths) / 10
	}
	f, err := strconv.ParseFloat(string(tok), 64)
	if err != nil {
		s.fail()
	}
	return f
}

// tenthsOf reads the forms appendMinutes writes ("58", "58.5") without
// strconv. Division is correctly rounded and 585/10 is the same real
// number as "58.5", so the result is bit for bit what ParseFloat gives.
func tenthsOf(tok []byte) (int64, bool) {
	whole, frac, hasFrac := bytes.Cut(tok, []byte{'.'})
	if len(whole) == 0 || len(whole) > 9 || (hasFrac && len(frac) != 1) {
		return 0, false
	}
	n, ok := decimal(whole)
	d, dok := decimal(frac)
	return n*10 + d, ok && dok
}

// decimal reads plain digits; no digits read as 0.
func decimal(b []byte) (int64, bool) {
	var n int64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	return n, true
}

// number reads a token of JSON number grammar exactly, because
// strconv.ParseFloat also takes forms JSON forbids ("+1", ".5", "Inf").
func (s *scanner) number() []byte {
	start := s.i
	s.optional('-')
	if !s.optional('0') && s.digits() == 0 {
		s.fail()
	}
	if s.optional('.') && s.digits() == 0 {
		s.fail()
	}
	if s.optional('e') || s.optional('E') {
		if !s.optional('+') {
			s.optional('-')
		}
		if s.digits() == 0 {
			s.fail()
		}
	}
	return s.b[start:s.i]
}

func (s *scanner) optional(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

func (s *scanner) digits() int {
	start := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i - start
}

// value skips an unknown field's value; nested objects and arrays are left
// to the slow path, which is fine because the journal writes none.
func (s *scanner) value() {
	s.ws()
	if s.i >= len(s.b) {
		s.fail()
		return
	}
	switch c := s.b[s.i]; {
	case c == '"':
		s.str()
	case c == '-' || (c >= '0' && c <= '9'):
		s.number()
	default:
		s.literal()
	}
}

func (s *scanner) literal() {
	for _, lit := range []string{"true", "false", "null"} {
		if len(s.b)-s.i >= len(lit) && string(s.b[s.i:s.i+len(lit)]) == lit {
			s.i += len(lit)
			return
		}
	}
	s.fail()
}

// rawEntry holds a line's known fields before they are checked, so the
// fast tokenizer and the encoding/json fallback share one set of rules.
type rawEntry struct {
	seen                                        uint8
	time, anchor, outcome, practice, kind, load []byte
	active                                      float64
	// items are the raw JSON numbers of a check-in's answers; nil when
	// absent or null.
	items [len(lineKeys)][]byte
}

const (
	seenTime uint8 = 1 << iota
	seenAnchor
	seenOutcome
	seenKind
	seenLoad
)

// line judges the line by its kind before anything else, so the fields of
// a kind this version does not know are never taken for damage.
func (r *rawEntry) line(practices interner) (Line, error) {
	kind, err := r.kindOf()
	if err != nil {
		return Line{}, err
	}
	switch kind {
	case KindCheckin:
		c, err := r.checkin()
		return Line{Kind: KindCheckin, Checkin: c}, err
	case KindWake:
		t, err := r.timeField()
		return Line{Kind: KindWake, Wake: t}, err
	}
	e, err := r.entry(practices)
	return Line{Kind: KindOutcome, Entry: e}, err
}

// kindOf reads "kind": absent or "outcome" for an outcome, "checkin" for
// a check-in, "wake" for a wake time, and anything else is a kind of the
// future.
func (r *rawEntry) kindOf() (Kind, error) {
	switch {
	case r.seen&seenKind == 0 || string(r.kind) == "outcome":
		return KindOutcome, nil
	case string(r.kind) == kindCheckin:
		return KindCheckin, nil
	case string(r.kind) == kindWake:
		return KindWake, nil
	}
	return 0, &otherKindError{kind: string(r.kind)}
}

// checkin checks time, the items in line order, then the load, as entry
// checks its fields in a fixed order.
func (r *rawEntry) checkin() (Checkin, error) {
	t, err := r.timeField()
	if err != nil {
		return Checkin{}, err
	}
	c := Checkin{Time: t}
	for _, it := range reminders.CheckinItems {
		if tok := r.items[it]; tok != nil {
			v, err := parseAnswer(tok)
			if err != nil {
				return Checkin{}, &FieldError{lineKey(it), err}
			}
			c.setAnswer(it, v)
		}
	}
	if r.seen&seenLoad != 0 {
		if c.Load, err = parseLoad(r.load); err != nil {
			return Checkin{}, &FieldError{"load", err}
		}
	}
	if !c.answered() {
		return Checkin{}, ErrNoAnswers
	}
	return c, nil
}

func (r *rawEntry) timeField() (time.Time, error) {
	if r.seen&seenTime == 0 {
		return time.Time{}, &FieldError{"time", errMissing}
	}
	t, err := parseTime(r.time)
	if err != nil {
		return time.Time{}, &FieldError{"time", err}
	}
	return t, nil
}

// entry checks the fields in a fixed order so both tokenizers report the
// same first problem.
func (r *rawEntry) entry(practices interner) (Entry, error) {
	t, err := r.timeField()
	if err != nil {
		return Entry{}, err
	}
	if r.seen&seenAnchor == 0 {
		return Entry{}, &FieldError{"anchor", errMissing}
	}
	anchor, err := parseAnchor(r.anchor)
	if err != nil {
		return Entry{}, &FieldError{"anchor", err}
	}
	if r.seen&seenOutcome == 0 {
		return Entry{}, &FieldError{"outcome", errMissing}
	}
	outcome, err := parseOutcome(r.outcome)
	if err != nil {
		return Entry{}, &FieldError{"outcome", err}
	}
	active, err := parseMinutes(r.active)
	if err != nil {
		return Entry{}, &FieldError{"active_min", err}
	}
	return Entry{Time: t, Anchor: anchor, Outcome: outcome, Practice: practices.get(r.practice), Active: active}, nil
}

// parseTime drops sub-second digits because the writer does not keep them;
// a line that re-marshals must read back as the same Entry.
func parseTime(b []byte) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, string(b))
	if err != nil {
		return time.Time{}, errors.New(i18n.T("journal.problem.not_time", map[string]any{"Value": strconv.Quote(string(b))}))
	}
	if ns := t.Nanosecond(); ns != 0 {
		t = t.Add(-time.Duration(ns))
	}
	if t.IsZero() {
		return time.Time{}, errors.New(i18n.T("journal.problem.zero_time"))
	}
	return t, nil
}

// parseAnchor tries the canonical keys first because settings.ParseKind
// builds a replacer on every call, which shows on a 100,000-line read.
func parseAnchor(b []byte) (settings.Kind, error) {
	for _, k := range settings.Kinds {
		if string(b) == k.String() {
			return k, nil
		}
	}
	return settings.ParseKind(string(b))
}

// parseOutcome matches bytes first because converting them for
// ParseOutcome allocates on every line.
func parseOutcome(b []byte) (reminders.Outcome, error) {
	for _, o := range reminders.Outcomes {
		if string(b) == o.String() {
			return o, nil
		}
	}
	return 0, errors.New(i18n.T("journal.problem_outcome.unknown", map[string]any{"Value": strconv.Quote(string(b))}))
}

// minutesRange refuses active minutes out of range.
func minutesRange(m float64) error {
	return errors.New(i18n.T("journal.problem.minutes_range", map[string]any{"Value": strconv.FormatFloat(m, 'g', -1, 64), "Max": MaxActiveMinutes}))
}

func parseMinutes(m float64) (time.Duration, error) {
	if !(m >= 0 && m <= MaxActiveMinutes) {
		return 0, minutesRange(m)
	}
	return time.Duration(math.Round(m*10)) * tenth, nil
}
