package control

import (
	"encoding/json"
	"strings"
	"testing"
)

// parseTests is every rule of ParseRequest; they seed the fuzzer too. A
// case with want set is accepted as that request, one with wantErr is
// refused with an error that contains it.
var parseTests = []struct {
	name    string
	line    string
	want    Request
	wantErr string
}{
	{name: "a status request is accepted", line: `{"v":1,"verb":"status"}`, want: Request{V: 1, Verb: VerbStatus}},
	{name: "fields may come in any order", line: `{"verb":"status","v":1}`, want: Request{V: 1, Verb: VerbStatus}},
	{name: "the line's newline and spaces are fine", line: " {\"v\": 1, \"verb\": \"quit\"}\n", want: Request{V: 1, Verb: VerbQuit}},
	{name: "an escaped field name is the same name", line: `{"\u0076":1,"verb":"reload"}`, want: Request{V: 1, Verb: VerbReload}},
	{name: "a pause takes a length", line: `{"v":1,"verb":"pause","for":"30m"}`, want: Request{V: 1, Verb: VerbPause, For: "30m"}},
	{name: "a pause may last until tomorrow", line: `{"v":1,"verb":"pause","until_tomorrow":true}`, want: Request{V: 1, Verb: VerbPause, UntilTomorrow: true}},
	{name: "now takes an anchor", line: `{"v":1,"verb":"now","anchor":"breath"}`, want: Request{V: 1, Verb: VerbNow, Anchor: "breath"}},
	{name: "a snooze takes an anchor and a length", line: `{"v":1,"verb":"snooze","anchor":"movement","for":"5m"}`, want: Request{V: 1, Verb: VerbSnooze, Anchor: "movement", For: "5m"}},
	{name: "done names the prompt it answers", line: `{"v":1,"verb":"done","prompt":7}`, want: Request{V: 1, Verb: VerbDone, Prompt: 7}},
	{name: "snooze names the prompt it answers", line: `{"v":1,"verb":"snooze","prompt":8,"for":"10m"}`, want: Request{V: 1, Verb: VerbSnooze, Prompt: 8, For: "10m"}},
	{name: "skip names the prompt it answers", line: `{"v":1,"verb":"skip","prompt":18446744073709551615}`, want: Request{V: 1, Verb: VerbSkip, Prompt: 1<<64 - 1}},
	{name: "prompt 0 is the prompt on screen", line: `{"v":1,"verb":"done","prompt":0}`, want: Request{V: 1, Verb: VerbDone}},
	{name: "a check-in takes its four items and the load", line: `{"v":1,"verb":"checkin","stiffness":2,"mood":4,"energy":3,"sleep_quality":4,"load":"hard"}`, want: Request{V: 1, Verb: VerbCheckin, Stiffness: 2, Mood: 4, Energy: 3, SleepQuality: 4, Load: "hard"}},
	{name: "a check-in may leave items out", line: `{"v":1,"verb":"checkin","mood":5}`, want: Request{V: 1, Verb: VerbCheckin, Mood: 5}},
	{name: "an empty check-in declines it", line: `{"v":1,"verb":"checkin"}`, want: Request{V: 1, Verb: VerbCheckin}},
	{name: "a check-in item on done is refused", line: `{"v":1,"verb":"done","mood":3}`, wantErr: `done does not take the field "mood"`},
	{name: "a load on pause is refused", line: `{"v":1,"verb":"pause","load":"rest"}`, wantErr: `pause does not take the field "load"`},
	{name: "a prompt on a check-in is refused", line: `{"v":1,"verb":"checkin","prompt":3}`, wantErr: `checkin does not take the field "prompt"`},
	{name: "a check-in item as a string is refused", line: `{"v":1,"verb":"checkin","energy":"3"}`, wantErr: `request has "energy": "3", but it must be a whole number`},
	{name: "a fractional check-in item is refused", line: `{"v":1,"verb":"checkin","sleep_quality":2.5}`, wantErr: `request has "sleep_quality": 2.5, but it must be a whole number`},

	{name: "a missing version is refused", line: `{"verb":"status"}`, wantErr: `request has no protocol version; send "v": 1`},
	{name: "version 0 is refused", line: `{"v":0,"verb":"status"}`, wantErr: `request has "v": 0; this daemon speaks protocol 1, so send "v": 1`},
	{name: "a negative version is refused", line: `{"v":-1,"verb":"status"}`, wantErr: `request has "v": -1; this daemon speaks protocol 1, so send "v": 1`},
	{name: "a newer version is refused", line: `{"v":2,"verb":"status"}`, wantErr: "request speaks protocol 2; this daemon speaks 1 (update microrest)"},
	{name: "a version as a string is refused", line: `{"v":"1","verb":"status"}`, wantErr: `request has "v": "1", but it must be a whole number`},
	{name: "a fractional version is refused", line: `{"v":1.5,"verb":"status"}`, wantErr: `request has "v": 1.5, but it must be a whole number`},
	{name: "a null version is refused", line: `{"v":null,"verb":"status"}`, wantErr: `request has "v": null; leave the field out instead`},
	{name: "an upper-case field name is refused", line: `{"v":1,"VERB":"status"}`, wantErr: `request has an unknown field "VERB"; field names are case-sensitive: send "verb"`},
	{name: "a capitalised field name is refused", line: `{"v":1,"Verb":"status"}`, wantErr: `unknown field "Verb"; field names are case-sensitive: send "verb"`},
	{name: "an upper-case version name is refused", line: `{"V":1,"verb":"status"}`, wantErr: `unknown field "V"; field names are case-sensitive: send "v"`},
	{name: "an unknown field is refused by name", line: `{"v":1,"verb":"status","sudo":true}`, wantErr: `request has an unknown field "sudo"; the fields are v, verb, anchor, for, until_tomorrow, prompt`},
	{name: "a field given twice is refused", line: `{"v":1,"verb":"status","verb":"quit"}`, wantErr: `request has the field "verb" twice; send it once`},
	{name: "a version given twice is refused", line: `{"v":2,"v":1,"verb":"status"}`, wantErr: `request has the field "v" twice`},
	{name: "a verb in capitals is refused", line: `{"v":1,"verb":"STATUS"}`, wantErr: `"STATUS" is not a command the daemon knows; send one of status, pause, resume, now, done, snooze, skip, reload, quit`},
	{name: "an unknown verb is refused", line: `{"v":1,"verb":"explode"}`, wantErr: `"explode" is not a command the daemon knows`},
	{name: "a missing verb is refused", line: `{"v":1}`, wantErr: `"" is not a command the daemon knows`},
	{name: "a prompt on status is refused", line: `{"v":1,"verb":"status","prompt":3}`, wantErr: `status does not take the field "prompt"`},
	{name: "a prompt 0 on status is refused too", line: `{"v":1,"verb":"status","prompt":0}`, wantErr: `status does not take the field "prompt"`},
	{name: "a prompt on now is refused", line: `{"v":1,"verb":"now","anchor":"breath","prompt":3}`, wantErr: `now does not take the field "prompt"`},
	{name: "a prompt on pause is refused", line: `{"v":1,"verb":"pause","prompt":3}`, wantErr: `pause does not take the field "prompt"`},
	{name: "a negative prompt is refused", line: `{"v":1,"verb":"done","prompt":-3}`, wantErr: `request has "prompt": -3, but it must be a whole number from 0 up`},
	{name: "a prompt as a string is refused", line: `{"v":1,"verb":"done","prompt":"3"}`, wantErr: `request has "prompt": "3", but it must be a whole number from 0 up`},
	{name: "a length on done is refused", line: `{"v":1,"verb":"done","for":"5m"}`, wantErr: `done does not take the field "for"`},
	{name: "until_tomorrow on status is refused", line: `{"v":1,"verb":"status","until_tomorrow":false}`, wantErr: `status does not take the field "until_tomorrow"`},
	{name: "an anchor on pause is refused", line: `{"v":1,"verb":"pause","anchor":"movement"}`, wantErr: `pause does not take the field "anchor"`},
	{name: "a long wrong value is cut short in the error", line: `{"v":1,"verb":"pause","until_tomorrow":"` + strings.Repeat("y", 100) + `"}`, wantErr: `request has "until_tomorrow": "` + strings.Repeat("y", 39) + `…, but it must be true or false`},
	{name: "text that is not JSON is refused", line: "hello", wantErr: "not valid JSON"},
	{name: "an empty line is refused", line: "\n", wantErr: "not valid JSON"},
	{name: "an array is refused", line: `[{"v":1,"verb":"status"}]`, wantErr: "send one object per line"},
	{name: "null is refused", line: `null`, wantErr: "send one object per line"},
	{name: "a cut-off object is refused", line: `{"v":1,"verb":"status"`, wantErr: "not valid JSON"},
	{name: "a missing comma is refused", line: `{"v":1 "verb":"status"}`, wantErr: "not valid JSON"},
	{name: "two objects on a line are refused", line: `{"v":1,"verb":"status"} {"v":1}`, wantErr: "more than one JSON value on its line"},
	{name: "a stray brace after the object is refused", line: `{"v":1,"verb":"status"}}`, wantErr: "more than one JSON value on its line"},
	{name: "a stray bracket after the object is refused", line: `{"v":1,"verb":"status"}]`, wantErr: "more than one JSON value on its line"},
	{name: "a line over the limit is refused", line: `{"v":1,"verb":"status","anchor":"` + strings.Repeat("x", MaxLine) + `"}`, wantErr: "the limit is 65536"},
}

func TestParseRequestAcceptsOnlyWhatTheProtocolSays(t *testing.T) {
	for _, tc := range parseTests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseRequest([]byte(tc.line))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want one containing %q (request %+v)", err, tc.wantErr, got)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("got %+v, %v; want %+v", got, err, tc.want)
			}
		})
	}
}

func TestEveryRequestFieldIsNamedInTheErrorForAnUnknownOne(t *testing.T) {
	_, err := ParseRequest([]byte(`{"v":1,"verb":"status","x":1}`))
	for name := range requestFields {
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("err = %v, does not name %q", err, name)
		}
	}
}

// FuzzParseRequest holds ParseRequest to three promises: it never panics,
// every refusal says why, and whatever it accepts means the same thing to
// a plain encoding/json decoder and survives a round trip through the
// client's encoding.
func FuzzParseRequest(f *testing.F) {
	for _, tc := range parseTests {
		f.Add([]byte(tc.line))
	}
	for _, tc := range malformedLines {
		f.Add([]byte(tc.line))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		r, err := ParseRequest(line)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("an error must say what is wrong")
			}
			return
		}
		if r.V != Version || !verbs[r.Verb] {
			t.Fatalf("accepted an invalid request: %+v", r)
		}
		var loose Request
		if err := json.Unmarshal(line, &loose); err != nil || loose != r {
			t.Fatalf("accepted %q as %+v, but encoding/json reads %+v (%v)", line, r, loose, err)
		}
		again, err := marshalLine(r)
		if err != nil {
			t.Fatal(err)
		}
		if back, err := ParseRequest(again); err != nil || back != r {
			t.Fatalf("accepted request does not round-trip: %+v -> %+v (%v)", r, back, err)
		}
	})
}
