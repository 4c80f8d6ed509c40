package control

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/microrest/microrest/internal/schemacheck"
)

var update = flag.Bool("update", false, "rewrite testdata/status.golden.json from goldenStatus")

// goldenStatus fills every field, so the golden example shows them all.
func goldenStatus() Status {
	at := func(h, m, s int) time.Time { return time.Date(2026, 12, 1, h, m, s, 0, time.FixedZone("CET", 3600)) }
	until, next, shown, sample := at(17, 0, 0), at(22, 0, 0), at(9, 20, 0), at(9, 22, 41)
	in := 12.5
	return Status{
		Schema: StatusSchema, Version: "1.4.0", Now: at(9, 22, 42),
		Paused: true, PausedUntil: &until, Quiet: false, DND: false, TodayActiveMin: 94.3,
		Prompt: &PromptStatus{
			ID: 7, Title: "Posture", Anchors: []string{"posture"},
			Texts: []string{"Roll your shoulders back and down."}, Repeat: 1, CanSkip: true, Shown: shown,
		},
		Anchors: []AnchorStatus{
			{Anchor: "movement", Title: "Movement", Enabled: true, ActiveMin: 32.5, NextInMin: &in, TodayWins: 2},
			{Anchor: "hydration", Title: "Hydration", Enabled: true, Due: true, ActiveMin: 60, TodayWins: 3, Goal: 8},
			{Anchor: "wind-down", Title: "Wind-down", Enabled: true, NextAt: &next},
		},
		Activity: ActivityStatus{
			Source: "gnome-mutter", EventDriven: true, LastSample: &sample, IdleS: 1.2,
			Locked: false, Asleep: false, Quiet: true, QuietWhy: "do-not-disturb (GNOME)",
			Error:       "the idle monitor did not answer in time",
			LockSources: []string{"logind-session"}, SleepSources: []string{"logind"},
			QuietSources: []string{"do-not-disturb (GNOME)", "fullscreen"},
			PassedOver:   []PassedOver{{Source: "wayland-idle", Reason: "the compositor offers neither ext_idle_notifier_v1 nor org_kde_kwin_idle"}},
		},
		Notifications: NotifyStatus{
			Backend: "freedesktop", Server: "dunst", Vendor: "Dunst", Version: "1.9.0", Buttons: true,
			Error: "GetCapabilities: timed out",
		},
		Tray:          &TrayStatus{Host: true},
		SettingsError: `line 12: every = "5s" is too short; use 1m to 8h; running on the last good settings`,
		JournalError:  "open journal: disk full", Unjournaled: 2,
		Day: &DayStatus{
			Type: "hard", Why: "hard (check-in)", Breathing: "controlled", CheckedIn: true,
			Readiness: "lower than usual", ReadinessWords: "lower than usual: energy lower than usual",
			Moved: []string{"energy lower than usual"}, LowReadiness: true,
		},
		Memory: &MemoryStatus{ResidentKB: 14336, ProgramKB: 6144, AnonKB: 7168},
		Today: &TodayStatus{Timeline: []TimelineEntry{
			{Anchor: "posture", Time: at(8, 41, 0), State: "done"},
			{Anchor: "breath", Time: at(10, 5, 0), State: "upcoming"},
			{Anchor: "movement", Time: at(13, 15, 0), At: "12:30", Meal: true, Moved: true, State: "upcoming"},
			{Anchor: "rest", Time: at(15, 0, 0), At: "15:00", State: "skipped"},
		}},
	}
}

func statusSchema(t *testing.T) (*schemacheck.Schema, map[string]any) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "status.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := schemacheck.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	return s, raw
}

func TestTheStatusJSONIsItsGoldenExample(t *testing.T) {
	got, err := json.MarshalIndent(goldenStatus(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "status.golden.json")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("status JSON changed; if on purpose, update the schema and run go test ./control -run Golden -update\ngot:\n%s\nwant:\n%s", got, want)
	}
}

func TestTheGoldenExampleMeetsTheSchemaAndShowsEveryField(t *testing.T) {
	schema, _ := statusSchema(t)
	golden, err := os.ReadFile(filepath.Join("testdata", "status.golden.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Check(golden); err != nil {
		t.Fatalf("the golden example breaks the schema:\n%v", err)
	}
	missing, err := schema.Uncovered(golden)
	if err != nil || len(missing) > 0 {
		t.Fatalf("the golden example does not show %v (%v); fill them in goldenStatus", missing, err)
	}
}

// The schema names exactly Status's fields, with their JSON types, and
// requires exactly those that are always sent: a field added or renamed
// in Go fails here until the schema says the same.
func TestTheSchemaNamesEveryStatusFieldWithItsType(t *testing.T) {
	_, raw := statusSchema(t)
	matchSchema(t, reflect.TypeFor[Status](), raw, raw, "Status")
}

func matchSchema(t *testing.T, typ reflect.Type, node, root map[string]any, at string) {
	t.Helper()
	node = deref(node, root)
	for typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	want := jsonType(typ)
	if got, _ := node["type"].(string); got != want {
		t.Errorf("%s: the schema says type %q, Go sends %q", at, got, want)
		return
	}
	switch {
	case typ == reflect.TypeFor[time.Time]():
		if node["format"] != "date-time" {
			t.Errorf("%s: a time needs format date-time", at)
		}
	case typ.Kind() == reflect.Slice:
		items, _ := node["items"].(map[string]any)
		matchSchema(t, typ.Elem(), items, root, at+"[]")
	case typ.Kind() == reflect.Struct:
		matchFields(t, typ, node, root, at)
	}
}

func matchFields(t *testing.T, typ reflect.Type, node, root map[string]any, at string) {
	t.Helper()
	props, _ := node["properties"].(map[string]any)
	var names, required []string
	for f := range typ.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		names = append(names, name)
		if opts != "omitempty" {
			required = append(required, name)
		}
		sub, ok := props[name].(map[string]any)
		if !ok {
			t.Errorf("%s.%s: the schema has no property %q", at, f.Name, name)
			continue
		}
		matchSchema(t, f.Type, sub, root, at+"."+f.Name)
	}
	for name := range props {
		if !slices.Contains(names, name) {
			t.Errorf("%s: the schema has %q, which Go does not send", at, name)
		}
	}
	var req []string
	for _, r := range node["required"].([]any) {
		req = append(req, r.(string))
	}
	slices.Sort(req)
	slices.Sort(required)
	if !slices.Equal(req, required) {
		t.Errorf("%s: the schema requires %v; Go always sends %v", at, req, required)
	}
	if node["additionalProperties"] != false {
		t.Errorf("%s: the schema must refuse properties it does not name", at)
	}
}

func deref(node, root map[string]any) map[string]any {
	ref, ok := node["$ref"].(string)
	if !ok {
		return node
	}
	defs, _ := root["$defs"].(map[string]any)
	def, _ := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	return def
}

func jsonType(typ reflect.Type) string {
	switch {
	case typ == reflect.TypeFor[time.Time](), typ.Kind() == reflect.String:
		return "string"
	case typ.Kind() == reflect.Bool:
		return "boolean"
	case typ.Kind() == reflect.Float64:
		return "number"
	case typ.Kind() >= reflect.Int && typ.Kind() <= reflect.Uint64:
		return "integer"
	case typ.Kind() == reflect.Slice:
		return "array"
	case typ.Kind() == reflect.Struct:
		return "object"
	}
	return typ.Kind().String()
}
