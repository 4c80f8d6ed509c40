package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/settings"
)

// texts collects every label and form caption under obj, including the
// content of tabs that are not selected.
func texts(obj fyne.CanvasObject) []string {
	var out []string
	switch o := obj.(type) {
	case *widget.Label:
		out = append(out, o.Text)
	case *widget.Form:
		for _, it := range o.Items {
			out = append(out, it.Text)
			out = append(out, texts(it.Widget)...)
		}
	case *container.AppTabs:
		for _, it := range o.Items {
			out = append(out, "tab:"+it.Text)
			out = append(out, texts(it.Content)...)
		}
	case *container.Scroll:
		out = append(out, texts(o.Content)...)
	case *fyne.Container:
		for _, c := range o.Objects {
			out = append(out, texts(c)...)
		}
	}
	return out
}

func TestSettingsViewShowsEveryAnchorAndItsValues(t *testing.T) {
	test.NewTempApp(t)
	s := settings.Defaults()
	s.Anchors.Movement.Every = settings.Duration(50 * time.Minute)
	view := SettingsView(settings.Loaded{Settings: s, Path: "/home/x/.config/microrest/settings.toml"}, nil)
	w := test.NewWindow(view)
	defer w.Close()
	all := strings.Join(texts(view), "\n")
	for _, want := range []string{
		"tab:General", "tab:Active hours", "tab:Movement", "tab:Wind-down",
		"50m", "Idle threshold\n3m", "Daily goal\n8 a day", "Monday\n08:00-19:00", "Sunday\noff",
		"edit /home/x/.config/microrest/settings.toml",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("settings view lacks %q", want)
		}
	}
	if strings.Contains(all, "is not used") {
		t.Error("a good file must not show the problem banner")
	}
}

func TestSettingsViewNamesTheProblemsOfABrokenFile(t *testing.T) {
	test.NewTempApp(t)
	fe := &settings.FileError{Path: "/x/settings.toml", Problems: []settings.Problem{{Key: "anchors.movement.every", Line: 3, Message: `"0s" is zero`}}}
	view := SettingsView(settings.Loaded{Settings: settings.Defaults(), Path: fe.Path}, fe)
	all := strings.Join(texts(view), "\n")
	if !strings.Contains(all, "these are the defaults") || !strings.Contains(all, `line 3: anchors.movement.every: "0s" is zero`) {
		t.Fatalf("banner missing or incomplete:\n%s", all)
	}
}
