package ui

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/microrest/microrest/control"
	"github.com/microrest/microrest/internal/i18ntest"
	"github.com/microrest/microrest/settings"
)

// The Today timeline, the status lines and the Bedtime & wake tab write
// times on the region's clock: 12 hours in the US, 24 in Germany. The
// Move… field still takes "HH:MM".
func TestTimesFollowTheRegionsClock(t *testing.T) {
	tests := []struct {
		lang     string
		rows     []string // the first, an interval's and a clock time's row: their times
		next     string
		bedtime  string
		from, to string // the bedtime scale
	}{
		{"en_US.UTF-8", []string{"8:00 AM", "about 10:55 AM", "2:30 PM"}, "Rest at 2:30 PM", "typically 10:30 PM.", "10:00 PM", "1:00 AM"},
		{"de", []string{"08:00", "ca. 10:55", "14:30"}, "Ruhepause um 14:30", "meist um 22:30.", "22:00", "01:00"},
	}
	for _, tc := range tests {
		t.Run(tc.lang, func(t *testing.T) {
			i18ntest.Speak(t, tc.lang)
			st := todayStatus()
			st.Today.Timeline[7].Moved = true
			d := newFakeDaemon()
			d.setStatus(st)
			v, _ := openToday(t, d)
			rows := v.timeline.rows
			for i, want := range map[int]string{0: tc.rows[0], 3: tc.rows[1], 6: tc.rows[2]} {
				if got := rows[i].when.Text; got != want {
					t.Errorf("row %d reads %q, want %q", i, got, want)
				}
			}
			if got := rows[6].what.Text; tc.lang == "en_US.UTF-8" && !strings.Contains(got, "2:30 PM") {
				t.Errorf("the moved row says %q, want its planned time as 2:30 PM", got)
			}

			rest := clock(14, 30)
			d = newFakeDaemon()
			d.status = &control.Status{Now: now, Anchors: []control.AnchorStatus{{Anchor: "rest", Enabled: true, NextAt: &rest}}}
			n := newProgressView(loadProgress(filepath.Join(t.TempDir(), "none.jsonl"), now, 0), settings.Defaults())
			go n.fetchStatus(d)
			wait(t, n.settled, "the status")
			if !strings.Contains(n.next.Text, tc.next) {
				t.Errorf("next: %q, want it to hold %q", n.next.Text, tc.next)
			}

			p := newProgressView(loadProgress(writeLines(t, rhythmLines()), now, settings.Clock(4, 0)), settings.Defaults())
			w := test.NewWindow(p.view)
			defer w.Close()
			p.show(p.rhythm)
			if got := p.bedtimes.bedLine.Text; !strings.Contains(got, tc.bedtime) {
				t.Errorf("bedtime line %q, want it to hold %q", got, tc.bedtime)
			}
			bed := p.bedtimes.bedtime
			if got := []string{clockLabel(bed.lo), clockLabel(bed.hi)}; !slices.Equal(got, []string{tc.from, tc.to}) {
				t.Errorf("the bedtime scale reads %q, want %s to %s", got, tc.from, tc.to)
			}
		})
	}
}

// A person types a time in the Move… field as HH:MM in every language.
func TestTheMoveFieldTakesHHMMOnA12HourClock(t *testing.T) {
	i18ntest.Speak(t, "en_US.UTF-8")
	d := newFakeDaemon()
	d.setStatus(todayStatus())
	v, _ := openToday(t, d)
	r := row(t, v, "Rest")
	v.timeline.openMove(r)
	test.Type(r.moveTo, "15:15")
	if _, ok := v.timeline.checkMove(r); !ok {
		t.Fatalf("15:15 was refused: %q", r.moveMessage.Text)
	}
}
