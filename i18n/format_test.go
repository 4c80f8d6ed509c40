package i18n

import (
	"testing"
	"time"
)

func TestClocksFollowTheRegion(t *testing.T) {
	tests := []struct {
		lang, region string
		at           string // 15:04
		want         string
	}{
		{"en", "US", "13:30", "1:30 PM"},
		{"en", "US", "00:05", "12:05 AM"},
		{"en", "US", "12:00", "12:00 PM"},
		{"en", "", "09:05", "09:05"}, // English in no region: the C locale's 24 hours
		{"en", "GB", "13:30", "13:30"},
		{"en", "IE", "09:05", "09:05"},
		{"en", "AU", "13:30", "1:30 PM"},
		{"en", "CA", "13:30", "1:30 PM"},
		{"de", "", "09:05", "09:05"},
		{"de", "AT", "13:30", "13:30"},
		{"fr", "FR", "13:30", "13:30"},
		{"fr", "CA", "13:30", "13:30"}, // French Canada keeps 24 hours
		{"es", "ES", "09:05", "9:05"},
		{"es", "MX", "13:30", "1:30 p.m."},
		{"it", "", "13:30", "13:30"},
		{"pt-BR", "", "09:05", "09:05"},
		{"nl", "BE", "13:30", "13:30"},
	}
	for _, tc := range tests {
		at, err := time.Parse("15:04", tc.at)
		if err != nil {
			t.Fatal(err)
		}
		tr := &Translator{lang: tc.lang, region: tc.region}
		if got := tr.Clock(at); got != tc.want {
			t.Errorf("%s-%s %s: %q, want %q", tc.lang, tc.region, tc.at, got, tc.want)
		}
	}
}

// From what the system and the settings name to what a person reads:
// where nothing names a language, clocks and dates are the C locale's.
func TestClocksAndDatesFromTheEnvironmentAndTheSetting(t *testing.T) {
	at := time.Date(2026, time.December, 5, 14, 30, 0, 0, time.UTC)
	tests := []struct {
		lang, setting       string // LANG; the language setting
		wantClock, wantDate string
	}{
		{"", "system", "14:30", "2026-12-05"},
		{"C", "system", "14:30", "2026-12-05"},
		{"C.UTF-8", "system", "14:30", "2026-12-05"},
		{"POSIX", "system", "14:30", "2026-12-05"},
		{"ja_JP.UTF-8", "system", "14:30", "2026-12-05"}, // no catalog: English, no region
		{"C.UTF-8", "en", "14:30", "2026-12-05"},
		{"", "C", "14:30", "2026-12-05"},
		{"en_US.UTF-8", "C", "14:30", "2026-12-05"},
		{"en_US.UTF-8", "system", "2:30 PM", "12/5/26"},
		{"C.UTF-8", "en_US.UTF-8", "2:30 PM", "12/5/26"},
		{"en_US.UTF-8", "en", "2:30 PM", "12/5/26"},
		{"en", "system", "14:30", "2026-12-05"}, // English named alone names no region
		{"en_GB.UTF-8", "system", "14:30", "05/12/2026"},
		{"de_DE.UTF-8", "system", "14:30", "05.12.26"},
		{"C.UTF-8", "de", "14:30", "05.12.26"},
		{"fr_FR.UTF-8", "system", "14:30", "05/12/2026"},
		{"it_IT.UTF-8", "system", "14:30", "05/12/26"},
		{"nl_NL.UTF-8", "system", "14:30", "05-12-2026"},
		{"pt_BR.UTF-8", "system", "14:30", "05/12/2026"},
		{"es_ES.UTF-8", "system", "14:30", "5/12/26"},
		{"C.UTF-8", "es", "14:30", "5/12/26"},
		{"es_MX.UTF-8", "system", "2:30 p.m.", "05/12/26"},
	}
	for _, tc := range tests {
		getenv := func(k string) string { return map[string]string{"LANG": tc.lang}[k] }
		system := func() locale { return pick(candidates(getenv, true, func() []string { return nil })) }
		tr := newTranslator(resolve(tc.setting, system))
		if got, date := tr.Clock(at), tr.Date(at); got != tc.wantClock || date != tc.wantDate {
			t.Errorf("LANG=%q language=%q: %q %q, want %q %q", tc.lang, tc.setting, got, date, tc.wantClock, tc.wantDate)
		}
	}
}

func TestShortDatesFollowTheLocale(t *testing.T) {
	at := time.Date(2026, time.December, 5, 10, 0, 0, 0, time.UTC)
	tests := []struct{ lang, region, want string }{
		{"en", "US", "12/5/26"},
		{"en", "", "2026-12-05"},
		{"en", "GB", "05/12/2026"},
		{"en", "DE", "05/12/2026"},
		{"en", "AU", "5/12/26"},
		{"en", "CA", "2026-12-05"},
		{"de", "", "05.12.26"},
		{"fr", "", "05/12/2026"},
		{"fr", "CA", "2026-12-05"},
		{"es", "", "5/12/26"},
		{"es", "MX", "05/12/26"},
		{"it", "", "05/12/26"},
		{"pt-BR", "", "05/12/2026"},
		{"pt-BR", "PT", "05/12/26"},
		{"nl", "", "05-12-2026"},
		{"nl", "BE", "5/12/2026"},
	}
	for _, tc := range tests {
		tr := &Translator{lang: tc.lang, region: tc.region}
		if got := tr.Date(at); got != tc.want {
			t.Errorf("%s-%s: %q, want %q", tc.lang, tc.region, got, tc.want)
		}
	}
}

// A language added without a date pattern would write ISO dates; the
// table should say how it writes them.
func TestEveryLanguageHasADatePattern(t *testing.T) {
	for _, lang := range shipped() {
		if _, ok := datePatterns[lang]; !ok {
			t.Errorf("%s has no entry in datePatterns: add its CLDR short date format", lang)
		}
	}
}

func TestThePackageLevelClockUsesTheCurrentLanguage(t *testing.T) {
	withSystem(t, locale{lang: "en", region: "US"})
	at := time.Date(2026, time.March, 1, 18, 45, 0, 0, time.UTC)
	if got := Clock(at); got != "6:45 PM" {
		t.Fatalf("en-US %q", got)
	}
	SetLanguage("de")
	if got, date := Clock(at), Date(at); got != "18:45" || date != "01.03.26" {
		t.Fatalf("de %q %q", got, date)
	}
	SetLanguage(CLocale)
	if got, date := Clock(at), Date(at); got != "18:45" || date != "2026-03-01" || Current() != English {
		t.Fatalf("C %q %q %s", got, date, Current())
	}
}

// Nothing named on the system: the package speaks English on the C
// locale's clock, also after English is chosen explicitly.
func TestThePackageLevelClockWithoutALanguageIs24Hours(t *testing.T) {
	withSystem(t, posixLocale)
	at := time.Date(2026, time.March, 1, 18, 45, 0, 0, time.UTC)
	if got, date := Clock(at), Date(at); got != "18:45" || date != "2026-03-01" {
		t.Fatalf("no language %q %q", got, date)
	}
	SetLanguage(English)
	if got := Clock(at); got != "18:45" {
		t.Fatalf("English chosen on a C system %q", got)
	}
	if got := TimeOfDay(7, 5); got != "07:05" {
		t.Fatalf("a planned time on a C system %q", got)
	}
	SetLanguage("en_US.UTF-8")
	if got := Clock(at); got != "6:45 PM" {
		t.Fatalf("en_US %q", got)
	}
	if got := TimeOfDay(12, 30); got != "12:30 PM" {
		t.Fatalf("a planned time in en_US %q", got)
	}
}
