package i18n

import (
	"runtime"
	"slices"
	"testing"
)

func TestDetectionOrder(t *testing.T) {
	tests := []struct {
		name   string
		env    map[string]string
		system []string
		want   locale
	}{
		{"nothing set is English", nil, nil, locale{lang: "en"}},
		{"LANG", map[string]string{"LANG": "de_DE.UTF-8"}, nil, locale{"de", "DE"}},
		{"LC_MESSAGES before LANG", map[string]string{"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, nil, locale{"fr", "FR"}},
		{"LC_ALL before LC_MESSAGES", map[string]string{"LC_ALL": "nl_NL.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, nil, locale{"nl", "NL"}},
		{"C is skipped", map[string]string{"LC_ALL": "C", "LANG": "it_IT.UTF-8"}, nil, locale{"it", "IT"}},
		{"C.UTF-8 and POSIX are skipped", map[string]string{"LC_ALL": "C.UTF-8", "LC_MESSAGES": "POSIX", "LANGUAGE": "es"}, nil, locale{lang: "es"}},
		{"LANGUAGE after LANG", map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "fr"}, nil, locale{"de", "DE"}},
		{"LANGUAGE's first shipped entry", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "ja:pt_BR:de"}, nil, locale{"pt-BR", "BR"}},
		{"an unshipped language falls through", map[string]string{"LANG": "ja_JP.UTF-8", "LANGUAGE": "ja:nl"}, nil, locale{lang: "nl"}},
		{"modifier and encoding", map[string]string{"LANG": "de_AT.ISO-8859-15@euro"}, nil, locale{"de", "AT"}},
		{"another Portuguese reads Brazilian", map[string]string{"LANG": "pt_PT.UTF-8"}, nil, locale{"pt-BR", "PT"}},
		{"English keeps its region", map[string]string{"LANG": "en_GB.UTF-8"}, nil, locale{"en", "GB"}},
		{"the system after the variables", map[string]string{"LANG": "C.UTF-8"}, []string{"it-IT", "en-US"}, locale{"it", "IT"}},
		{"the variables before the system", map[string]string{"LANG": "es_MX.UTF-8"}, []string{"it-IT"}, locale{"es", "MX"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			getenv := func(k string) string { return tc.env[k] }
			got := pick(candidates(getenv, true, func() []string { return tc.system }))
			if got != tc.want {
				t.Fatalf("%+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestWindowsReadsOnlyTheAccountsLanguages(t *testing.T) {
	getenv := func(k string) string { return map[string]string{"LANG": "en_US.UTF-8"}[k] }
	got := candidates(getenv, false, func() []string { return []string{"de-DE", "en-US"} })
	if !slices.Equal(got, []string{"de-DE", "en-US"}) {
		t.Fatalf("candidates %v", got)
	}
}

func TestDetectReadsTheEnvironment(t *testing.T) {
	if !readsEnv || runtime.GOOS == "darwin" {
		t.Skip("the system's own list decides here")
	}
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		t.Setenv(name, "")
	}
	t.Setenv("LANG", "nl_BE.UTF-8")
	if got := Detect(); got != "nl" {
		t.Fatalf("Detect() = %q under LANG=nl_BE.UTF-8", got)
	}
}

func TestAChosenLanguageKeepsTheSystemsRegionOnlyForItsOwnLanguage(t *testing.T) {
	tests := []struct {
		tag    string
		system locale
		want   locale
	}{
		{"en", locale{"en", "GB"}, locale{"en", "GB"}},
		{"en", locale{"de", "DE"}, locale{lang: "en"}},
		{"de", locale{"en", "US"}, locale{lang: "de"}},
		{"en-AU", locale{"en", "GB"}, locale{"en", "AU"}},
		{"pt-BR", locale{"pt-BR", "PT"}, locale{"pt-BR", "BR"}},
		{"fr_CA.UTF-8", locale{"en", "US"}, locale{"fr", "CA"}},
		{"system", locale{"it", "CH"}, locale{"it", "CH"}},
		{"", locale{"it", "CH"}, locale{"it", "CH"}},
		{"tlh", locale{"nl", "NL"}, locale{"nl", "NL"}},
		{"not a tag!", locale{"nl", "NL"}, locale{"nl", "NL"}},
	}
	for _, tc := range tests {
		if got := resolve(tc.tag, func() locale { return tc.system }); got != tc.want {
			t.Errorf("resolve(%q) on %+v = %+v, want %+v", tc.tag, tc.system, got, tc.want)
		}
	}
}

func TestAppleLanguagesAreReadInOrder(t *testing.T) {
	out := "(\n    \"en-GB\",\n    \"de-DE\",\n    fr\n)\n"
	if got := parseAppleLanguages(out); !slices.Equal(got, []string{"en-GB", "de-DE", "fr"}) {
		t.Fatalf("%q", got)
	}
	if got := parseAppleLanguages(""); len(got) != 0 {
		t.Fatalf("empty output gave %q", got)
	}
}

func FuzzParseLocale(f *testing.F) {
	for _, s := range []string{"de_DE.UTF-8@euro", "C", "pt-BR", "", "ja:pt_BR", "zh_Hant_TW"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if want, ok := parseLocale(s); ok {
			if lang, ok := match(want); ok && !slices.Contains(shipped(), lang) {
				t.Fatalf("%q matched %q, which is not shipped", s, lang)
			}
		}
	})
}
