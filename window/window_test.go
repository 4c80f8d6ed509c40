package window

import (
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

func TestEveryVerbReadsBackWhatItWrites(t *testing.T) {
	for _, v := range All {
		if got, ok := Parse(v.String()); !ok || got != v {
			t.Errorf("Parse(%q) = %v, %v; want %v", v.String(), got, ok, v)
		}
	}
	for _, s := range []string{"", "window(0)", "Settings", "status", "done"} {
		if v, ok := Parse(s); ok {
			t.Errorf("Parse(%q) = %v, want no window", s, v)
		}
	}
}

func TestGuidedAnchorsOpenTheirSessionAndOthersNone(t *testing.T) {
	want := map[settings.Kind]Verb{settings.Breath: Breathe, settings.Movement: Move, settings.Posture: Posture, settings.WindDown: Breathe}
	for _, k := range settings.Kinds {
		v, ok := For(k)
		if v != want[k] || ok != (want[k] != 0) {
			t.Errorf("For(%s) = %v, %v; want %v", k, v, ok, want[k])
		}
	}
}

func TestNoWindowIsLaunchedForAVerbThatNamesNone(t *testing.T) {
	if err := Launch(0, 0); err == nil {
		t.Fatal("Launch(0, 0) started a process")
	}
}

func FuzzParse(f *testing.F) {
	for _, v := range All {
		f.Add(v.String())
	}
	f.Add("window(9)")
	f.Fuzz(func(t *testing.T, s string) {
		if v, ok := Parse(s); ok && v.String() != s {
			t.Errorf("Parse(%q) = %v, which writes %q", s, v, v.String())
		}
	})
}

func TestAGuidedSessionIsToldThePromptItAnswers(t *testing.T) {
	tests := []struct {
		v      Verb
		prompt uint64
		want   string
	}{
		{Breathe, 7, "breathe --prompt 7"},
		{Move, 0, "move"},
		{Settings, 7, "settings"},
		{Prompt, 7, "prompt"},
		{Checkin, 7, "checkin"},
	}
	for _, tc := range tests {
		if got := strings.Join(Args(tc.v, Opts{Prompt: tc.prompt}), " "); got != tc.want {
			t.Errorf("Args(%s, %d) = %q, want %q", tc.v, tc.prompt, got, tc.want)
		}
	}
}

func TestTheWindDownBreathesInTheSleepPattern(t *testing.T) {
	controlled := settings.BreathControlled
	tests := []struct {
		name string
		v    Verb
		o    Opts
		want string
	}{
		{"the wind-down's session", Breathe, Opts{Prompt: 9, Mode: ModeFor(settings.WindDown)}, "breathe --mode sleep --prompt 9"},
		{"the breath anchor's session uses the day's pattern", Breathe, Opts{Prompt: 9, Mode: ModeFor(settings.Breath)}, "breathe --prompt 9"},
		{"a pattern chosen by hand", Breathe, Opts{Mode: &controlled}, "breathe --mode controlled"},
		{"only the breathing session takes a pattern", Move, Opts{Mode: &controlled}, "move"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := strings.Join(Args(tc.v, tc.o), " "); got != tc.want {
				t.Errorf("Args = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestOnlyTheSettingsWindowOpensOnThePlan(t *testing.T) {
	for v, want := range map[Verb]string{Settings: "settings --plan", Progress: "progress", Move: "move"} {
		if got := strings.Join(Args(v, Opts{Plan: true}), " "); got != want {
			t.Errorf("Args(%s, Plan) = %q, want %q", v, got, want)
		}
	}
}

func TestTitlesAreInTheProcesssLanguageAndEnglishStaysAsScriptsKnowIt(t *testing.T) {
	t.Cleanup(func() { i18n.SetLanguage(i18n.English) })
	i18n.SetLanguage(i18n.English)
	for _, v := range All {
		if got, want := v.Title(), "microrest "+v.String(); got != want {
			t.Errorf("English title of %s is %q, want %q", v, got, want)
		}
	}
	i18n.SetLanguage("de")
	if got, want := Settings.Title(), "microrest – Einstellungen"; got != want {
		t.Errorf("German settings title %q, want %q", got, want)
	}
	if got, want := Settings.TitleIn(i18n.For("fr")), "microrest – Réglages"; got != want {
		t.Errorf("French settings title %q, want %q", got, want)
	}
	seen := map[string]Verb{}
	for _, v := range All {
		if w, ok := seen[v.Title()]; ok {
			t.Errorf("%s and %s share the German title %q", v, w, v.Title())
		}
		seen[v.Title()] = v
	}
}

func TestAWindowSpeaksTheLanguageTheSettingsChoseNotTheDesktops(t *testing.T) {
	env := []string{"HOME=/home/a", "LANG=en_US.UTF-8", "LANGUAGE=en", "LC_MESSAGES=en_US.UTF-8"}
	tests := []struct {
		name         string
		env          []string
		lang, system string
		want         []string
	}{
		{"the desktop's language changes nothing", env, "de", "de", env},
		{"another language is set for Fyne and the catalog",
			env, "pt-BR", "en",
			[]string{"HOME=/home/a", "LANG=en_US.UTF-8", "LANGUAGE=pt_BR", "LC_MESSAGES=pt_BR.UTF-8"}},
		{"a C LC_ALL would hide LANGUAGE from Fyne",
			[]string{"LC_ALL=C", "LANG=C"}, "fr", "en",
			[]string{"LC_ALL=C.UTF-8", "LANG=C", "LANGUAGE=fr", "LC_MESSAGES=fr.UTF-8"}},
		{"a real LC_ALL stays", []string{"LC_ALL=en_GB.UTF-8"}, "nl", "en",
			[]string{"LC_ALL=en_GB.UTF-8", "LANGUAGE=nl", "LC_MESSAGES=nl.UTF-8"}},
		{"no system: always", []string{"LANG=de_DE.UTF-8", "LANGUAGE=fr:de"}, "de", "",
			[]string{"LANG=de_DE.UTF-8", "LANGUAGE=de", "LC_MESSAGES=de.UTF-8"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := LanguageEnv(tc.env, tc.lang, tc.system); !slices.Equal(got, tc.want) {
				t.Errorf("LanguageEnv = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestAWindowCanShowOnlyWithADisplayOnLinux(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the display variables decide on Linux only")
	}
	for _, tc := range []struct {
		display, wayland string
		want             bool
	}{{"", "", false}, {":9", "", true}, {"", "wayland-1", true}} {
		t.Setenv("DISPLAY", tc.display)
		t.Setenv("WAYLAND_DISPLAY", tc.wayland)
		if got := CanShow(); got != tc.want {
			t.Errorf("DISPLAY=%q WAYLAND_DISPLAY=%q: CanShow = %v, want %v", tc.display, tc.wayland, got, tc.want)
		}
	}
}
