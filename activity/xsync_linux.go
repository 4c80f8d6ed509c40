package activity

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/jezek/xgb"
	"github.com/jezek/xgb/xproto"

	"github.com/microrest/microrest/i18n"
)

// xsync watches the X server's IDLETIME counter with two SYNC alarms, one
// as idle time rises past the threshold (the person left) and one as it
// falls back below it (they returned), so the X11 source wakes the engine
// as Mutter's watches do instead of being polled. GNOME's and KDE's idle
// monitors on X11 work this way. jezek/xgb has no SYNC package (the name
// would clash with Go's sync), so the few requests are written here.
type xsync struct {
	m       *Monitor
	conn    *xgb.Conn
	major   byte
	counter uint32
	away    uint32 // alarm: IDLETIME rises to the threshold
	back    uint32 // alarm: IDLETIME falls below it, at the next input

	mu        sync.Mutex
	threshold time.Duration
}

// SYNC minor opcodes, alarm attributes and test types (syncproto.h).
const (
	syncInitialize         = 0
	syncListSystemCounters = 1
	syncCreateAlarm        = 8
	syncChangeAlarm        = 9

	syncCACounter   = 1 << 0
	syncCAValueType = 1 << 1
	syncCAValue     = 1 << 2
	syncCATestType  = 1 << 3
	syncCADelta     = 1 << 4
	syncCAEvents    = 1 << 5

	syncAbsolute           = 0
	syncPositiveTransition = 0
	syncNegativeTransition = 1

	// syncAlarmNotify is AlarmNotify's offset from the first event.
	syncAlarmNotify = 1
)

// eventFuncs guards xgb.NewEventFuncs, a map shared by every connection.
var eventFuncs sync.Mutex

// watchXSync arms the alarms on x's connection and starts reading their
// events; an error means the server lacks SYNC or its IDLETIME counter,
// and the source is polled as before.
func watchXSync(m *Monitor, x *x11, threshold time.Duration) error {
	xs := &xsync{m: m, conn: x.conn, threshold: threshold}
	first, err := xs.init()
	if err != nil {
		return err
	}
	if xs.counter, err = xs.idleCounter(); err != nil {
		return err
	}
	eventFuncs.Lock()
	xgb.NewEventFuncs[int(first)+syncAlarmNotify] = newAlarmNotify
	eventFuncs.Unlock()
	if xs.away, err = xs.createAlarm(syncPositiveTransition); err != nil {
		return err
	}
	if xs.back, err = xs.createAlarm(syncNegativeTransition); err != nil {
		return err
	}
	go xs.read()
	x.sync = xs
	return nil
}

// init finds the extension and says which version of it we speak.
func (xs *xsync) init() (firstEvent byte, err error) {
	ext, err := xproto.QueryExtension(xs.conn, 4, "SYNC").Reply()
	if err != nil {
		return 0, i18n.Wrap(err, "activity.err.sync_query")
	}
	if !ext.Present {
		return 0, errors.New(i18n.T("activity.why.no_sync"))
	}
	xs.major = ext.MajorOpcode
	if _, err := xs.call(syncInitialize, []byte{3, 1, 0, 0}, true); err != nil {
		return 0, i18n.Wrap(err, "activity.err.sync_init")
	}
	return ext.FirstEvent, nil
}

// idleCounter finds the IDLETIME system counter, the milliseconds since
// the last input on any device.
func (xs *xsync) idleCounter() (uint32, error) {
	r, err := xs.call(syncListSystemCounters, nil, true)
	if err != nil {
		return 0, i18n.Wrap(err, "activity.err.sync_counters")
	}
	if len(r) < 32 {
		return 0, errors.New(i18n.Joined(i18n.T("activity.err.sync_counters"), i18n.T("activity.why.short_reply")))
	}
	n := binary.LittleEndian.Uint32(r[8:])
	for off := 32; n > 0 && off+14 <= len(r); n-- {
		id := binary.LittleEndian.Uint32(r[off:])
		size := int(binary.LittleEndian.Uint16(r[off+12:]))
		if off+14+size > len(r) {
			break
		}
		if string(r[off+14:off+14+size]) == "IDLETIME" {
			return id, nil
		}
		off += (14 + size + 3) &^ 3
	}
	return 0, errors.New(i18n.T("activity.why.no_idletime"))
}

// createAlarm makes an alarm at the threshold that fires on the given
// transition; with no delta it stays armed and fires at each crossing.
func (xs *xsync) createAlarm(test uint32) (uint32, error) {
	id, err := xs.conn.NewId()
	if err != nil {
		return 0, i18n.Wrap(err, "activity.err.sync_alarm")
	}
	mask := uint32(syncCACounter | syncCAValueType | syncCAValue | syncCATestType | syncCADelta | syncCAEvents)
	body := words(id, mask, xs.counter, syncAbsolute)
	body = append(body, xs.thresholdValue()...)
	body = append(body, words(test, 0, 0, 1)...)
	if _, err := xs.call(syncCreateAlarm, body, false); err != nil {
		return 0, i18n.Wrap(err, "activity.err.sync_alarm")
	}
	return id, nil
}

// setThreshold moves both alarms; the engine compares idle time itself,
// so an alarm left behind only wakes it early or late.
func (xs *xsync) setThreshold(_ context.Context, d time.Duration) error {
	xs.mu.Lock()
	xs.threshold = d
	xs.mu.Unlock()
	for _, a := range []uint32{xs.away, xs.back} {
		if _, err := xs.call(syncChangeAlarm, append(words(a, syncCAValue), xs.thresholdValue()...), false); err != nil {
			return i18n.Wrap(err, "activity.err.sync_move")
		}
	}
	return nil
}

// thresholdValue is the threshold as a SYNC INT64: high word, low word.
func (xs *xsync) thresholdValue() []byte {
	xs.mu.Lock()
	ms := uint64(xs.threshold / time.Millisecond)
	xs.mu.Unlock()
	return words(uint32(ms>>32), uint32(ms))
}

// read wakes the engine at each of our alarms until the connection
// closes. Some X servers leave a fired alarm inactive; an empty change
// arms it again (as Mutter's xsync monitor does).
func (xs *xsync) read() {
	for {
		ev, err := xs.conn.WaitForEvent()
		if ev == nil && err == nil {
			return
		}
		a, ok := ev.(alarmNotify)
		if !ok || (a.alarm != xs.away && a.alarm != xs.back) {
			continue
		}
		xs.m.poke()
		if _, err := xs.call(syncChangeAlarm, words(a.alarm, 0), false); err != nil {
			xs.m.log.Debug(i18n.T("activity.log.sync_not_rearmed"), "err", err)
		}
	}
}

// call sends one SYNC request and, when it has one, waits for its reply;
// a request without one is checked, so an error comes back here.
func (xs *xsync) call(minor byte, body []byte, reply bool) ([]byte, error) {
	buf := make([]byte, 4, 4+len(body))
	buf[0], buf[1] = xs.major, minor
	binary.LittleEndian.PutUint16(buf[2:], uint16((4+len(body))/4))
	buf = append(buf, body...)
	cookie := xs.conn.NewCookie(true, reply)
	xs.conn.NewRequest(buf, cookie)
	if reply {
		return cookie.Reply()
	}
	return nil, cookie.Check()
}

// words encodes CARD32s in the byte order xgb always speaks.
func words(vs ...uint32) []byte {
	b := make([]byte, 0, 4*len(vs))
	for _, v := range vs {
		b = binary.LittleEndian.AppendUint32(b, v)
	}
	return b
}

// alarmNotify is the SYNC AlarmNotify event, reduced to its alarm.
type alarmNotify struct {
	alarm uint32
	raw   []byte
}

func newAlarmNotify(buf []byte) xgb.Event {
	a := alarmNotify{raw: buf}
	if len(buf) >= 8 {
		a.alarm = binary.LittleEndian.Uint32(buf[4:])
	}
	return a
}

func (a alarmNotify) Bytes() []byte  { return a.raw }
func (a alarmNotify) String() string { return fmt.Sprintf("SYNC AlarmNotify {alarm %d}", a.alarm) }
