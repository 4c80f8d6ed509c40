// Package compact writes go-i18n messages as one string and reads them
// back. A compiled catalog is then a string constant: static data that
// costs nothing at start-up and that the garbage collector never scans,
// where a table of goi18n.Message values (eleven strings each, for every
// message of every language) would be scanned, and so kept resident, in
// every process all day. Only the languages a process speaks are read
// back, and their texts stay in the constant rather than being copied.
//
// A message is its id, then each non-empty field as the unit separator
// (U+001F), the field's name as go-i18n's message files spell it, '=' and
// its text, and last the record separator (U+001E):
//
//	count.wins\x1fone={{.Count}} win\x1fother={{.Count}} wins\x1e
package compact

import (
	"errors"
	"fmt"
	"strings"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// fieldSep starts each of a message's fields and messageEnd ends the
// message: control characters no catalog text has a reason to hold
// (Encode refuses one that does).
const (
	fieldSep   = "\x1f"
	messageEnd = "\x1e"
)

// fieldNames are the names of a message's fields other than its id, in
// the order Encode writes them: the plural forms in CLDR's order.
var fieldNames = [...]string{"hash", "description", "leftdelim", "rightdelim", "zero", "one", "two", "few", "many", "other"}

// Encode writes one message, its end included. It fails for an empty id,
// and for an id or text that holds either separator.
func Encode(m *goi18n.Message) (string, error) {
	if m.ID == "" {
		return "", errors.New("a message has no id: give every message one")
	}
	if err := checkText(m.ID, "its id", m.ID); err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString(m.ID)
	for _, name := range fieldNames {
		text := *fieldOf(m, name)
		if text == "" {
			continue
		}
		if err := checkText(m.ID, name, text); err != nil {
			return "", err
		}
		b.WriteString(fieldSep)
		b.WriteString(name)
		b.WriteByte('=')
		b.WriteString(text)
	}
	b.WriteString(messageEnd)
	return b.String(), nil
}

func checkText(id, field, text string) error {
	if i := strings.IndexAny(text, fieldSep+messageEnd); i >= 0 {
		return fmt.Errorf("message %q: %s holds the control character %U: remove it from the catalog", id, field, text[i])
	}
	return nil
}

// Decode reads back the messages Encode wrote into text, in their order.
// Their strings share text's memory.
func Decode(text string) ([]*goi18n.Message, error) {
	n := strings.Count(text, messageEnd)
	msgs := make([]goi18n.Message, n)
	ptrs := make([]*goi18n.Message, n)
	for i := range msgs {
		var msg string
		msg, text, _ = strings.Cut(text, messageEnd)
		if err := decodeMessage(&msgs[i], msg); err != nil {
			return nil, fmt.Errorf("message %d: %w", i+1, err)
		}
		ptrs[i] = &msgs[i]
	}
	if text != "" {
		return nil, fmt.Errorf("the text ends inside a message: %q", text)
	}
	return ptrs, nil
}

// decodeMessage reads one message, without its end, into m.
func decodeMessage(m *goi18n.Message, s string) error {
	id, rest, _ := strings.Cut(s, fieldSep)
	if id == "" {
		return errors.New("a message has no id")
	}
	m.ID = id
	for rest != "" {
		var field string
		field, rest, _ = strings.Cut(rest, fieldSep)
		name, text, _ := strings.Cut(field, "=")
		f := fieldOf(m, name)
		if f == nil {
			return fmt.Errorf("%q has a field %q, which is none of %v", id, field, fieldNames)
		}
		*f = text
	}
	return nil
}

// fieldOf is m's field called name, or nil.
func fieldOf(m *goi18n.Message, name string) *string {
	switch name {
	case "other":
		return &m.Other
	case "one":
		return &m.One
	case "many":
		return &m.Many
	case "few":
		return &m.Few
	case "two":
		return &m.Two
	case "zero":
		return &m.Zero
	case "description":
		return &m.Description
	case "hash":
		return &m.Hash
	case "leftdelim":
		return &m.LeftDelim
	case "rightdelim":
		return &m.RightDelim
	}
	return nil
}
