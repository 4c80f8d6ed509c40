package schemacheck

import (
	"slices"
	"strings"
	"testing"
)

const schema = `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "required": ["v", "items"],
  "additionalProperties": false,
  "properties": {
    "v": {"type": "integer", "const": 1},
    "at": {"type": "string", "format": "date-time"},
    "clock": {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$"},
    "items": {"type": "array", "items": {"$ref": "#/$defs/item"}}
  },
  "$defs": {
    "item": {
      "type": "object",
      "required": ["kind"],
      "additionalProperties": false,
      "properties": {
        "kind": {"type": "string", "enum": ["a", "b"]},
        "n": {"type": ["number", "null"], "minimum": 0}
      }
    }
  }
}`

func TestCheckNamesWhereADocumentBreaksTheSchema(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"a document that fits", `{"v": 1, "at": "2026-12-01T09:00:00+01:00", "items": [{"kind": "a", "n": 2.5}, {"kind": "b", "n": null}]}`, ""},
		{"a missing required property", `{"v": 1}`, `/: lacks the required property "items"`},
		{"a property the schema does not name", `{"v": 1, "items": [], "w": 2}`, `/: has the property "w"`},
		{"a wrong type", `{"v": "1", "items": []}`, `/v: "1" is not of type integer`},
		{"a fraction where an integer goes", `{"v": 1.5, "items": []}`, `/v: 1.5 is not of type integer`},
		{"another constant", `{"v": 2, "items": []}`, `/v: 2 is not the constant 1`},
		{"a bad date-time", `{"v": 1, "at": "yesterday", "items": []}`, `/at: "yesterday" is not an RFC 3339 date-time`},
		{"an item through $ref", `{"v": 1, "items": [{"kind": "c"}]}`, `/items/0/kind: "c" is not one of ["a","b"]`},
		{"a clock that fits the pattern", `{"v": 1, "clock": "23:59", "items": []}`, ""},
		{"a clock that breaks the pattern", `{"v": 1, "clock": "24:00", "items": []}`, `/clock: "24:00" does not match the pattern`},
		{"below the minimum", `{"v": 1, "items": [{"kind": "a", "n": -1}]}`, `/items/0/n: -1 is below the minimum 0`},
	}
	s, err := Parse([]byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Check([]byte(tc.doc))
			switch {
			case tc.want == "" && err != nil:
				t.Fatalf("Check: %v", err)
			case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
				t.Fatalf("Check: %v, want %q", err, tc.want)
			}
		})
	}
}

func TestParseRefusesWhatItCannotCheck(t *testing.T) {
	tests := []struct {
		name, schema, want string
	}{
		{"an unknown keyword", `{"type": "object", "properties": {"a": {"type": "string", "maxLength": 3}}}`, `the checker does not know the keyword "maxLength"`},
		{"a pattern that does not compile", `{"properties": {"a": {"type": "string", "pattern": "(["}}}`, `pattern "([": error parsing regexp`},
		{"a $ref to nothing", `{"properties": {"a": {"$ref": "#/$defs/none"}}}`, `$ref "#/$defs/none" resolves to nothing`},
		{"not JSON", `{`, "read the schema"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Parse([]byte(tc.schema)); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Parse: %v, want %q", err, tc.want)
			}
		})
	}
}

func TestUncoveredListsThePropertiesADocumentNeverShows(t *testing.T) {
	s, err := Parse([]byte(schema))
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Uncovered([]byte(`{"v": 1, "items": [{"kind": "a"}, {"kind": "b"}]}`))
	want := []string{"#/$defs/item/properties/n", "#/properties/at", "#/properties/clock"}
	if err != nil || !slices.Equal(got, want) {
		t.Fatalf("Uncovered = %v, %v; want %v", got, err, want)
	}
	if got, _ := s.Uncovered([]byte(`{"v": 1, "at": "2026-12-01T09:00:00Z", "clock": "07:05", "items": [{"kind": "a"}, {"kind": "b", "n": 1}]}`)); len(got) != 0 {
		t.Fatalf("Uncovered = %v for a document that shows every property", got)
	}
}
