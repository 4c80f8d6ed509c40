package testdesk

import (
	"testing"

	"github.com/microrest/microrest/settings"
)

func TestOneAnchorIsAValidFileWithOnlyThatAnchorOn(t *testing.T) {
	text := OneAnchor(settings.Posture, "idle_threshold = \"30s\"\n", "every = \"1m\"\n")
	s, unknown, problems := settings.Parse([]byte(text))
	if len(unknown) > 0 || len(problems) > 0 {
		t.Fatalf("unknown %v, problems %v in:\n%s", unknown, problems, text)
	}
	for _, k := range settings.Kinds {
		if s.Anchors.Of(k).Enabled != (k == settings.Posture) {
			t.Errorf("%s enabled = %v", k, s.Anchors.Of(k).Enabled)
		}
	}
	if s.Anchors.Posture.Every.String() != "1m" || s.IdleThreshold.String() != "30s" || s.ActiveHours.Sun.String() != "00:00-24:00" {
		t.Fatalf("settings not applied: %+v", s)
	}
}
