package settings

import (
	"testing"
	"time"
)

func TestParseDurationReadsWhatPeopleWrite(t *testing.T) {
	tests := []struct {
		name, in string
		want     time.Duration
		wantErr  string
	}{
		{name: "minutes", in: "45m", want: 45 * time.Minute},
		{name: "seconds", in: "90s", want: 90 * time.Second},
		{name: "hours and minutes", in: "1h30m", want: 90 * time.Minute},
		{name: "off is zero", in: "off", want: 0},
		{name: "OFF in capitals", in: " OFF ", want: 0},
		{name: "sub-second rounds to whole seconds", in: "10.4s", want: 10 * time.Second},
		{name: "a bare number has no unit", in: "45", wantErr: `"45" has no unit`},
		{name: "an explicit zero is refused", in: "0s", wantErr: `write "off"`},
		{name: "negative", in: "-5m", wantErr: "negative"},
		{name: "garbage", in: "soon", wantErr: "not a duration"},
		{name: "empty", in: "", wantErr: "empty duration"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseDuration(tc.in)
			checkErr(t, err, tc.wantErr)
			if tc.wantErr == "" && got.D() != tc.want {
				t.Errorf("ParseDuration(%q) = %v, want %v", tc.in, got.D(), tc.want)
			}
		})
	}
}

func TestDurationStringIsTheShortestFormThatReadsBack(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "off"},
		{30 * time.Second, "30s"},
		{90 * time.Second, "1m30s"},
		{45 * time.Minute, "45m"},
		{time.Hour, "1h"},
		{90 * time.Minute, "1h30m"},
		{2*time.Hour + 5*time.Second, "2h5s"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			got := Duration(tc.in).String()
			if got != tc.want {
				t.Fatalf("String() = %q, want %q", got, tc.want)
			}
			back, err := ParseDuration(got)
			if err != nil || back.D() != tc.in {
				t.Fatalf("ParseDuration(%q) = %v, %v; want %v", got, back.D(), err, tc.in)
			}
		})
	}
}

func TestClockTimesAndSpans(t *testing.T) {
	tests := []struct {
		name, in string
		span     bool
		want     string
		wantErr  string
	}{
		{name: "lunch", in: "12:45", want: "12:45"},
		{name: "single-digit hour", in: "7:05", want: "07:05"},
		{name: "midnight", in: "00:00", want: "00:00"},
		{name: "24:00 is not a time of day", in: "24:00", wantErr: "not a time of day"},
		{name: "minute out of range", in: "12:60", wantErr: "not a time of day"},
		{name: "missing colon", in: "1245", wantErr: "not a time of day"},
		{name: "am/pm is not read", in: "1:00pm", wantErr: "not a time of day"},
		{name: "workday span", in: "08:00-18:00", span: true, want: "08:00-18:00"},
		{name: "a span may end at 24:00", in: "20:00-24:00", span: true, want: "20:00-24:00"},
		{name: "off span", in: "off", span: true, want: "off"},
		{name: "a span cannot cross midnight", in: "22:00-02:00", span: true, wantErr: "cannot cross midnight"},
		{name: "a span needs two ends", in: "08:00", span: true, wantErr: "not a span"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got string
			var err error
			if tc.span {
				var s Span
				err = s.UnmarshalText([]byte(tc.in))
				got = s.String()
			} else {
				var c ClockTime
				err = c.UnmarshalText([]byte(tc.in))
				got = c.String()
			}
			checkErr(t, err, tc.wantErr)
			if tc.wantErr == "" && got != tc.want {
				t.Errorf("read %q as %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestSpanContainsItsStartButNotItsEnd(t *testing.T) {
	s := Span{Start: Clock(8, 0), End: Clock(18, 0)}
	cases := map[ClockTime]bool{Clock(7, 59): false, Clock(8, 0): true, Clock(17, 59): true, Clock(18, 0): false}
	for c, want := range cases {
		if got := s.Contains(c); got != want {
			t.Errorf("Contains(%s) = %v, want %v", c, got, want)
		}
	}
	if (Span{}).Contains(Clock(12, 0)) {
		t.Error("an off span contains nothing")
	}
}

func TestKindsReadBackFromTheirNames(t *testing.T) {
	for _, k := range Kinds {
		got, err := ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v", k.String(), got, err)
		}
	}
	for _, alias := range []string{"winddown", "wind_down", "Wind-Down"} {
		if got, err := ParseKind(alias); err != nil || got != WindDown {
			t.Errorf("ParseKind(%q) = %v, %v; want wind-down", alias, got, err)
		}
	}
	if _, err := ParseKind("nap"); err == nil {
		t.Error("ParseKind(nap) should fail")
	}
}
