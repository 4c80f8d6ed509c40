package cli

import (
	"strings"
	"testing"

	"github.com/microrest/microrest/control"
)

func TestACheckinSendsTheItemsGivenAndLeavesTheRestUnanswered(t *testing.T) {
	d := startFakeDaemon(t, running)
	code, _, stderr := run(d.dir, "checkin", "--stiffness", "2", "--mood=4", "--load", "hard")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	reqs := d.requests()
	want := control.Request{V: control.Version, Verb: control.VerbCheckin, Stiffness: 2, Mood: 4, Load: "hard"}
	if len(reqs) != 1 || reqs[0] != want {
		t.Fatalf("sent %+v, want %+v", reqs, want)
	}
}

func TestABadCheckinValueIsAUsageErrorNamingTheFlagAndTheRange(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"--mood", "9"}, `checkin: --mood takes a whole number from 1 to 5, not "9".`},
		{[]string{"--energy", "0"}, `--energy takes a whole number from 1 to 5, not "0"`},
		{[]string{"-sleep", "two"}, `--sleep takes a whole number from 1 to 5, not "two"`},
		{[]string{"--load", "heavy"}, `checkin: --load takes rest, easy or hard, not "heavy".`},
		{[]string{"--tiredness", "3"}, "checkin takes only --stiffness, --mood"},
		{[]string{"--mood"}, "checkin takes only --stiffness, --mood"},
		{[]string{"--mood", "3", "extra"}, "checkin takes only"},
	}
	d := startFakeDaemon(t, running)
	for _, tc := range tests {
		code, _, stderr := run(d.dir, append([]string{"checkin"}, tc.args...)...)
		if code != ExitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("checkin %v: exit %d, stderr %q; want exit %d naming %q", tc.args, code, stderr, ExitUsage, tc.want)
		}
	}
	if n := len(d.requests()); n != 0 {
		t.Fatalf("%d requests sent for bad command lines", n)
	}
}
