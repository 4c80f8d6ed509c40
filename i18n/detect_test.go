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
		{"nothing set is the C locale", nil, nil, posixLocale},
		{"C is the C locale", map[string]string{"LANG": "C.UTF-8"}, nil, posixLocale},
		{"only unshipped languages are the C locale", map[string]string{"LANG": "ja_JP.UTF-8", "LANGUAGE": "ja"}, nil, posixLocale},
		{"English named alone names no region", map[string]string{"LANG": "en"}, nil, posixLocale},
		{"so does LANGUAGE's", map[string]string{"LANG": "C", "LANGUAGE": "en"}, nil, posixLocale},
		{"LANG", map[string]string{"LANG": "de_DE.UTF-8"}, nil, locale{lang: "de", region: "DE"}},
		{"LC_MESSAGES before LANG", map[string]string{"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}, nil, locale{lang: "fr", region: "FR"}},
		{"LC_ALL before LC_MESSAGES", map[string]string{"LC_ALL": "nl_NL.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, nil, locale{lang: "nl", region: "NL"}},
		{"C is skipped", map[string]string{"LC_ALL": "C", "LANG": "it_IT.UTF-8"}, nil, locale{lang: "it", region: "IT"}},
		{"C.UTF-8 and POSIX are skipped", map[string]string{"LC_ALL": "C.UTF-8", "LC_MESSAGES": "POSIX", "LANGUAGE": "es"}, nil, locale{lang: "es"}},
		{"LANGUAGE after LANG", map[string]string{"LANG": "de_DE.UTF-8", "LANGUAGE": "fr"}, nil, locale{lang: "de", region: "DE"}},
		{"LANGUAGE's first shipped entry", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "ja:pt_BR:de"}, nil, locale{lang: "pt-BR", region: "BR"}},
		{"an unshipped language falls through", map[string]string{"LANG": "ja_JP.UTF-8", "LANGUAGE": "ja:nl"}, nil, locale{lang: "nl"}},
		{"modifier and encoding", map[string]string{"LANG": "de_AT.ISO-8859-15@euro"}, nil, locale{lang: "de", region: "AT"}},
		{"another Portuguese reads Brazilian", map[string]string{"LANG": "pt_PT.UTF-8"}, nil, locale{lang: "pt-BR", region: "PT"}},
		{"English keeps its region", map[string]string{"LANG": "en_GB.UTF-8"}, nil, locale{lang: "en", region: "GB"}},
		{"the system after the variables", map[string]string{"LANG": "C.UTF-8"}, []string{"it-IT", "en-US"}, locale{lang: "it", region: "IT"}},
		{"the variables before the system", map[string]string{"LANG": "es_MX.UTF-8"}, []string{"it-IT"}, locale{lang: "es", region: "MX"}},
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
		{"en", locale{lang: "en", region: "GB"}, locale{lang: "en", region: "GB"}},
		{"en", locale{lang: "de", region: "DE"}, locale{lang: "en"}},
		{"en", posixLocale, posixLocale},
		{"en_US.UTF-8", posixLocale, locale{lang: "en", region: "US"}},
		{"de", posixLocale, locale{lang: "de"}},
		{"system", posixLocale, posixLocale},
		{"C", locale{lang: "de", region: "DE"}, posixLocale},
		{"POSIX", locale{lang: "en", region: "US"}, posixLocale},
		{"de", locale{lang: "en", region: "US"}, locale{lang: "de"}},
		{"en-AU", locale{lang: "en", region: "GB"}, locale{lang: "en", region: "AU"}},
		{"pt-BR", locale{lang: "pt-BR", region: "PT"}, locale{lang: "pt-BR", region: "BR"}},
		{"fr_CA.UTF-8", locale{lang: "en", region: "US"}, locale{lang: "fr", region: "CA"}},
		{"system", locale{lang: "it", region: "CH"}, locale{lang: "it", region: "CH"}},
		{"", locale{lang: "it", region: "CH"}, locale{lang: "it", region: "CH"}},
		{"tlh", locale{lang: "nl", region: "NL"}, locale{lang: "nl", region: "NL"}},
		{"not a tag!", locale{lang: "nl", region: "NL"}, locale{lang: "nl", region: "NL"}},
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
