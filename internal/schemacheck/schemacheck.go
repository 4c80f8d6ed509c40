// Package schemacheck checks JSON documents against the part of JSON
// Schema (draft 2020-12) that microrest's published schemas use, so tests
// can hold a script-facing format to its schema with no network and no
// heavy dependency. A schema that uses any other keyword is refused rather
// than half-checked.
package schemacheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Schema is a parsed schema, ready to check documents.
type Schema struct {
	root map[string]any
}

// keywords are the ones the checker understands; the annotations among
// them ($schema, $id, title, description, $comment) check nothing.
var keywords = []string{
	"$schema", "$id", "$comment", "title", "description", "$defs", "$ref",
	"type", "properties", "required", "additionalProperties", "items",
	"const", "enum", "format", "minimum", "pattern",
}

// Parse reads a schema and refuses one that uses a keyword the checker
// does not know or a $ref it cannot resolve.
func Parse(data []byte) (*Schema, error) {
	var root map[string]any
	if err := decode(data, &root); err != nil {
		return nil, fmt.Errorf("read the schema: %w", err)
	}
	s := &Schema{root: root}
	if err := s.lint(root, "#"); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Schema) lint(node map[string]any, at string) error {
	var errs []error
	for k, v := range node {
		if !slices.Contains(keywords, k) {
			errs = append(errs, fmt.Errorf("%s: the checker does not know the keyword %q", at, k))
		}
		if ref, ok := v.(string); ok && k == "$ref" && s.resolve(ref) == nil {
			errs = append(errs, fmt.Errorf("%s: $ref %q resolves to nothing", at, ref))
		}
		if k == "pattern" {
			if _, err := compilePattern(v); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", at, err))
			}
		}
	}
	for _, child := range children(node) {
		errs = append(errs, s.lint(child.schema, at+"/"+child.name))
	}
	return errors.Join(errs...)
}

type child struct {
	name   string
	schema map[string]any
}

// children are the subschemas of node: its definitions, properties and items.
func children(node map[string]any) []child {
	var list []child
	for _, group := range []string{"$defs", "properties"} {
		m, _ := node[group].(map[string]any)
		for name, sub := range m {
			if sub, ok := sub.(map[string]any); ok {
				list = append(list, child{group + "/" + name, sub})
			}
		}
	}
	for _, k := range []string{"items", "additionalProperties"} {
		if sub, ok := node[k].(map[string]any); ok {
			list = append(list, child{k, sub})
		}
	}
	return list
}

// resolve follows a local $ref such as "#/$defs/anchor".
func (s *Schema) resolve(ref string) map[string]any {
	path, ok := strings.CutPrefix(ref, "#")
	if !ok {
		return nil
	}
	node := s.root
	for _, part := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if part == "" {
			continue
		}
		next, ok := node[part].(map[string]any)
		if !ok {
			return nil
		}
		node = next
	}
	return node
}

// Check validates doc and names every place that breaks the schema, by
// JSON pointer.
func (s *Schema) Check(doc []byte) error {
	var v any
	if err := decode(doc, &v); err != nil {
		return fmt.Errorf("read the document: %w", err)
	}
	var errs []error
	s.check(s.root, v, "", &errs)
	return errors.Join(errs...)
}

func (s *Schema) check(node map[string]any, v any, at string, errs *[]error) {
	if ref, ok := node["$ref"].(string); ok {
		node = s.resolve(ref)
	}
	fail := func(format string, args ...any) {
		*errs = append(*errs, fmt.Errorf("%s: %s", pointer(at), fmt.Sprintf(format, args...)))
	}
	if t, ok := node["type"]; ok && !hasType(t, v) {
		fail("%s is not of type %v", shorten(v), t)
		return
	}
	if msg := checkValue(node, v); msg != "" {
		fail("%s", msg)
	}
	switch v := v.(type) {
	case map[string]any:
		s.object(node, v, at, fail, errs)
	case []any:
		if items, ok := node["items"].(map[string]any); ok {
			for i, item := range v {
				s.check(items, item, fmt.Sprintf("%s/%d", at, i), errs)
			}
		}
	}
}

func (s *Schema) object(node, v map[string]any, at string, fail func(string, ...any), errs *[]error) {
	required, _ := node["required"].([]any)
	for _, name := range required {
		if _, ok := v[name.(string)]; !ok {
			fail("lacks the required property %q", name)
		}
	}
	props, _ := node["properties"].(map[string]any)
	for name, value := range v {
		switch sub, known := props[name].(map[string]any); {
		case known:
			s.check(sub, value, at+"/"+name, errs)
		case node["additionalProperties"] == false:
			fail("has the property %q, which the schema does not name", name)
		default:
			if extra, ok := node["additionalProperties"].(map[string]any); ok {
				s.check(extra, value, at+"/"+name, errs)
			}
		}
	}
}

// compilePattern reads a pattern keyword. The patterns microrest
// publishes stay within what both ECMA-262 and RE2 read alike.
func compilePattern(v any) (*regexp.Regexp, error) {
	p, ok := v.(string)
	if !ok {
		return nil, fmt.Errorf("pattern %s is not a string", shorten(v))
	}
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", p, err)
	}
	return re, nil
}

// checkValue applies const, enum, format, pattern and minimum.
func checkValue(node map[string]any, v any) string {
	if c, ok := node["const"]; ok && !equal(c, v) {
		return fmt.Sprintf("%s is not the constant %s", shorten(v), shorten(c))
	}
	if enum, ok := node["enum"].([]any); ok && !slices.ContainsFunc(enum, func(e any) bool { return equal(e, v) }) {
		return fmt.Sprintf("%s is not one of %s", shorten(v), shorten(enum))
	}
	if str, ok := v.(string); ok && node["format"] == "date-time" {
		if _, err := time.Parse(time.RFC3339Nano, str); err != nil {
			return fmt.Sprintf("%q is not an RFC 3339 date-time", str)
		}
	}
	if str, ok := v.(string); ok && node["pattern"] != nil {
		if re, err := compilePattern(node["pattern"]); err == nil && !re.MatchString(str) {
			return fmt.Sprintf("%q does not match the pattern %s", str, re)
		}
	}
	if n, ok := v.(json.Number); ok {
		if least, ok := node["minimum"].(json.Number); ok && compare(n, least) < 0 {
			return fmt.Sprintf("%s is below the minimum %s", n, least)
		}
	}
	return ""
}

// hasType reports whether v is of the type t names, or of one of the
// types it lists.
func hasType(t, v any) bool {
	if list, ok := t.([]any); ok {
		return slices.ContainsFunc(list, func(t any) bool { return hasType(t, v) })
	}
	switch v := v.(type) {
	case nil:
		return t == "null"
	case bool:
		return t == "boolean"
	case string:
		return t == "string"
	case []any:
		return t == "array"
	case map[string]any:
		return t == "object"
	case json.Number:
		return t == "number" || t == "integer" && isInteger(v)
	}
	return false
}

func isInteger(n json.Number) bool {
	f, ok := new(big.Float).SetString(n.String())
	return ok && f.IsInt()
}

func compare(a, b json.Number) int {
	x, _ := new(big.Float).SetString(a.String())
	y, _ := new(big.Float).SetString(b.String())
	if x == nil || y == nil {
		return 0
	}
	return x.Cmp(y)
}

func equal(a, b any) bool {
	x, errX := json.Marshal(a)
	y, errY := json.Marshal(b)
	return errX == nil && errY == nil && bytes.Equal(x, y)
}

// decode reads exactly one JSON value, keeping numbers exact.
func decode(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value")
	}
	return nil
}

func pointer(at string) string {
	if at == "" {
		return "/"
	}
	return at
}

func shorten(v any) string {
	data, _ := json.Marshal(v)
	const most = 60
	if len(data) > most {
		return string(data[:most]) + "…"
	}
	return string(data)
}

// Uncovered lists the properties the schema names that doc never shows,
// each by its place in the schema, so a golden example can be held to
// show every field.
func (s *Schema) Uncovered(doc []byte) ([]string, error) {
	var v any
	if err := decode(doc, &v); err != nil {
		return nil, fmt.Errorf("read the document: %w", err)
	}
	shown := map[string]bool{}
	s.cover(s.root, "#", v, shown)
	var missing []string
	for _, place := range s.properties(s.root, "#", map[string]bool{}) {
		if !shown[place] {
			missing = append(missing, place)
		}
	}
	slices.Sort(missing)
	return missing, nil
}

// cover marks the properties v shows, by their place in the schema.
func (s *Schema) cover(node map[string]any, place string, v any, shown map[string]bool) {
	if ref, ok := node["$ref"].(string); ok {
		node, place = s.resolve(ref), ref
	}
	switch v := v.(type) {
	case map[string]any:
		props, _ := node["properties"].(map[string]any)
		for name, sub := range props {
			if value, ok := v[name]; ok {
				at := place + "/properties/" + name
				shown[at] = true
				s.cover(sub.(map[string]any), at, value, shown)
			}
		}
	case []any:
		if items, ok := node["items"].(map[string]any); ok {
			for _, item := range v {
				s.cover(items, place+"/items", item, shown)
			}
		}
	}
}

// properties lists the places of every property reachable from node.
func (s *Schema) properties(node map[string]any, place string, seen map[string]bool) []string {
	if ref, ok := node["$ref"].(string); ok {
		if seen[ref] {
			return nil
		}
		seen[ref] = true
		node, place = s.resolve(ref), ref
	}
	var list []string
	props, _ := node["properties"].(map[string]any)
	for name, sub := range props {
		at := place + "/properties/" + name
		list = append(list, at)
		list = append(list, s.properties(sub.(map[string]any), at, seen)...)
	}
	if items, ok := node["items"].(map[string]any); ok {
		list = append(list, s.properties(items, place+"/items", seen)...)
	}
	return list
}
