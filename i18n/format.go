package i18n

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
)

// Clock writes a time of day on the clock the locale's region reads: 12
// hours ("1:30 PM") or 24 ("13:30"; Spanish "9:05", without a leading 0).
// English in no region (LANG unset or C, or "en" named alone) is written
// as the C locale writes it, on 24 hours, rather than guessing the US.
func (t *Translator) Clock(at time.Time) string {
	if t.cLocale() {
		return format(at, "HH:mm", nil)
	}
	if t.hour12() {
		return format(at, "h:mm a", t.dayPeriods())
	}
	if baseOf(t.lang) == "es" {
		return format(at, "H:mm", nil)
	}
	return format(at, "HH:mm", nil)
}

// Date writes a short numeric date as the locale does, after CLDR's
// short date formats: "12/5/26" (US), "05/12/2026" (Britain),
// "05.12.26" (Germany). English in no region, and a language without a
// pattern, write ISO 8601: "2026-12-05".
func (t *Translator) Date(at time.Time) string {
	return format(at, t.datePattern(), nil)
}

// hour12Regions read a 12-hour clock: the regions CLDR's timeData (44)
// prefers "h" for. hour24Locales override their region there.
var (
	hour12Regions = fields(`AS BT DJ ER GH IN LS PG PW SO TO VU WS AL TD CY GR 419 AR BO CL
		CO CR CU DO EC GT HN KP KR MX NA NI PA PE PR PY SV UY VE BD PK AG AU BB BM BS CA DM
		FJ FM GD GM GU GY JM KI KN KY LC LR MH MP MW NZ SB SG SL SS SZ TC TT UM US VC VG VI
		ZM AE BH DZ EG EH HK IQ JO KW LB LY MO MR OM PH PS QA SA SD SY TN YE KH BN MY ET TW`)
	hour24Locales = fields(`fr-CA`)
)

// usDateRegions write English dates month first, as the US does; other
// English-speaking regions follow CLDR's en-001 unless listed.
var usDateRegions = fields(`US AS GU MH MP PR UM VI`)

// datePatterns are CLDR short date patterns by catalog tag or by
// language-region; "en-001" is English outside the US.
var datePatterns = map[string]string{
	"en": "M/d/yy", "en-001": "dd/MM/y", "en-AU": "d/M/yy", "en-CA": "y-MM-dd",
	"en-IN": "dd/MM/yy", "en-NZ": "d/MM/yy", "en-ZA": "y/MM/dd",
	"de": "dd.MM.yy",
	"es": "d/M/yy", "es-MX": "dd/MM/yy", "es-US": "d/M/y",
	"fr": "dd/MM/y", "fr-CA": "y-MM-dd", "fr-CH": "dd.MM.yy", "fr-BE": "d/MM/yy",
	"it": "dd/MM/yy", "it-CH": "dd.MM.yy",
	"nl": "dd-MM-y", "nl-BE": "d/MM/y",
	"pt-BR": "dd/MM/y", "pt-PT": "dd/MM/yy",
}

// dayPeriodsByLang are the AM and PM marks where they differ from "AM"
// and "PM" (CLDR's abbreviated day periods for Latin America).
var dayPeriodsByLang = map[string][2]string{"es": {"a.m.", "p.m."}}

// regionOf is the region the Translator writes for: the one it was given,
// else its language's most likely one (en: US, es: ES, pt-BR: BR).
func (t *Translator) regionOf() string {
	if t.region != "" {
		return t.region
	}
	r, _ := language.Make(t.lang).Region()
	return r.String()
}

func (t *Translator) hour12() bool {
	region := t.regionOf()
	if hour24Locales[baseOf(t.lang)+"-"+region] {
		return false
	}
	return hour12Regions[region]
}

func (t *Translator) dayPeriods() []string {
	if p, ok := dayPeriodsByLang[baseOf(t.lang)]; ok {
		return p[:]
	}
	return []string{"AM", "PM"}
}

// cLocale tells whether t writes clocks and dates as the C locale does:
// English with no region named, which could be any of a hundred.
func (t *Translator) cLocale() bool { return t.region == "" && baseOf(t.lang) == English }

func (t *Translator) datePattern() string {
	if t.cLocale() {
		return "y-MM-dd"
	}
	base, region := baseOf(t.lang), t.regionOf()
	if p, ok := datePatterns[base+"-"+region]; ok {
		return p
	}
	if base == "en" && !usDateRegions[region] {
		return datePatterns["en-001"]
	}
	if p, ok := datePatterns[t.lang]; ok {
		return p
	}
	return "y-MM-dd"
}

// format writes at after a CLDR pattern limited to d dd M MM y yy H HH h
// mm a; any other character is copied. periods are the AM and PM marks.
func format(at time.Time, pattern string, periods []string) string {
	var b strings.Builder
	for i := 0; i < len(pattern); {
		c := pattern[i]
		n := 1
		for i+n < len(pattern) && pattern[i+n] == c {
			n++
		}
		i += n
		b.WriteString(field(at, c, n, periods))
	}
	return b.String()
}

func field(at time.Time, c byte, n int, periods []string) string {
	switch c {
	case 'd':
		return pad(at.Day(), n)
	case 'M':
		return pad(int(at.Month()), n)
	case 'y':
		if n == 2 {
			return pad(at.Year()%100, 2)
		}
		return strconv.Itoa(at.Year())
	case 'H':
		return pad(at.Hour(), n)
	case 'h':
		return pad((at.Hour()+11)%12+1, n)
	case 'm':
		return pad(at.Minute(), n)
	case 'a':
		if at.Hour() < 12 {
			return periods[0]
		}
		return periods[1]
	}
	return strings.Repeat(string(c), n)
}

// pad writes v with at least n digits.
func pad(v, n int) string {
	s := strconv.Itoa(v)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

func fields(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// weekdayShortIDs are the catalog ids of the weekdays' short names,
// Sunday first as time.Weekday counts.
var weekdayShortIDs = [...]string{
	"status.weekday_short.sun", "status.weekday_short.mon", "status.weekday_short.tue", "status.weekday_short.wed",
	"status.weekday_short.thu", "status.weekday_short.fri", "status.weekday_short.sat",
}

// WeekdayShort is a weekday's short name in the current language, as a
// clock time on another day or a chart's bar says it: "Wed", "Mi.".
func WeekdayShort(d time.Weekday) string { return T(weekdayShortIDs[d%7]) }
