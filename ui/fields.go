package ui

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// field is one editable setting: its input, the dotted keys whose problems
// it shows (the same keys settings.Validate reports, so the rules live in
// one place), and how its text is read into a candidate Settings.
type field struct {
	label string
	hint  string
	keys  []string
	input fyne.CanvasObject
	// message shows the field's problem inline; hidden while there is none.
	message *widget.Label
	// apply reads the input into s, or says why the text cannot be read.
	apply func(s *settings.Settings) string
	// entry is the input when it is a text entry, so tests can type into it.
	entry *entry
	// check is the input when it is a checkbox.
	check *checkbox
	// choice is the input when it is one of a few words.
	choice *choice
	// prefix is put before a problem's message that names no value, e.g.
	// "Movement" before "is enabled but has neither ..."; the label unless
	// set.
	prefix string
}

func newField(label, hint string, keys ...string) *field {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	return &field{label: label, hint: hint, keys: keys, message: msg, prefix: label}
}

// formItem puts the input above its message, so a problem shows right where
// it is fixed.
func (f *field) formItem() *widget.FormItem {
	item := widget.NewFormItem(f.label, newVBox(f.input, f.message))
	item.HintText = f.hint
	return item
}

// show sets the inline message; "" hides it.
func (f *field) show(msg string) {
	if msg == f.message.Text && f.message.Visible() == (msg != "") {
		return
	}
	f.message.SetText(msg)
	if msg == "" {
		f.message.Hide()
	} else {
		f.message.Show()
	}
}

// owns reports whether a problem belongs to this field: its key, or an
// item of the list it edits ("pause_choices[2]").
func (f *field) owns(p settings.Problem) (string, bool) {
	for _, k := range f.keys {
		switch {
		case p.Key == k:
			return f.prefixed(p.Message), true
		case strings.HasPrefix(p.Key, k+"["):
			return listItem(p.Key[len(k):], p.Message), true
		}
	}
	return "", false
}

// prefixed names the setting before a message that starts with its verb
// ("has 7 lengths"); messages that start with the value stand alone.
func (f *field) prefixed(msg string) string {
	if r, _ := utf8.DecodeRuneInString(msg); !unicode.IsLower(r) {
		return msg
	}
	return i18n.T("ui.field.prefixed", map[string]any{"Setting": f.prefix, "Message": msg})
}

// listItem puts "Item 3: " before the message of the list's item "[3]".
func listItem(index, msg string) string {
	return i18n.T("ui.field.item", map[string]any{"Number": strings.Trim(index, "[]"), "Message": msg})
}

// escaper hands Escape to the window from a focused field. A focused
// Fyne widget takes every key and ignores Escape, so without it Escape
// would close the settings window only while no field has the focus,
// which is never after a click into one.
type escaper struct {
	// onEscape runs on Escape; nil leaves the key to the widget.
	onEscape func()
}

// escape runs onEscape for Escape and reports whether it did.
func (x *escaper) escape(k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape || x.onEscape == nil {
		return false
	}
	x.onEscape()
	return true
}

// entry is a text entry that hands Escape to its window.
type entry struct {
	widget.Entry
	escaper
}

func newEntry(multiLine bool) *entry {
	e := &entry{}
	e.MultiLine = multiLine
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey implements fyne.Focusable.
func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if !e.escape(k) {
		e.Entry.TypedKey(k)
	}
}

// choice is a drop-down that hands Escape to its window, as entry does.
type choice struct {
	widget.Select
	escaper
	// fill, while set, lists every option the first time the list is
	// opened or stepped through; until then Options may hold only the
	// one selected, for a list that costs time to make.
	fill func()
}

// complete fills the options once, if they are filled on demand.
func (c *choice) complete() {
	if fill := c.fill; fill != nil {
		c.fill = nil
		fill()
	}
}

// Tapped implements fyne.Tappable.
func (c *choice) Tapped(e *fyne.PointEvent) {
	c.complete()
	c.Select.Tapped(e)
}

func newChoice(options []string) *choice {
	c := &choice{}
	c.Options = options
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *choice) TypedKey(k *fyne.KeyEvent) {
	if !c.escape(k) {
		c.complete()
		c.Select.TypedKey(k)
	}
}

// checkbox is a check box that hands Escape to its window, as entry does.
type checkbox struct {
	widget.Check
	escaper
}

func newCheckbox(text string) *checkbox {
	c := &checkbox{}
	c.Text = text
	c.ExtendBaseWidget(c)
	return c
}

// TypedKey implements fyne.Focusable.
func (c *checkbox) TypedKey(k *fyne.KeyEvent) {
	if !c.escape(k) {
		c.Check.TypedKey(k)
	}
}

// entryField is a one-line text entry; changed is called on every edit
// and submit when Enter is pressed.
func entryField(label, hint, text string, keys ...string) *field {
	f := newField(label, hint, keys...)
	f.entry = newEntry(false)
	f.entry.SetText(text)
	f.input = f.entry
	return f
}

func durationField(key, label string, l settings.Limits, get func(*settings.Settings) *settings.Duration, s *settings.Settings) *field {
	f := entryField(label, l.Describe(), get(s).String(), key)
	f.entry.SetPlaceHolder(i18n.T("ui.field.like_duration"))
	f.apply = func(s *settings.Settings) string {
		d, err := settings.ParseDuration(f.entry.Text)
		if err != nil {
			return capital(err.Error())
		}
		*get(s) = d
		return ""
	}
	return f
}

func clockField(key, label, hint string, get func(*settings.Settings) *settings.ClockTime, s *settings.Settings) *field {
	f := entryField(label, hint, get(s).String(), key)
	f.entry.SetPlaceHolder(i18n.T("ui.field.like_clock"))
	f.apply = func(s *settings.Settings) string {
		c, err := settings.ParseClock(f.entry.Text)
		if err != nil {
			return capital(err.Error())
		}
		*get(s) = c
		return ""
	}
	return f
}

func spanField(key, label string, get func(*settings.Settings) *settings.Span, s *settings.Settings) *field {
	f := entryField(label, "", get(s).String(), key)
	f.entry.SetPlaceHolder(i18n.T("ui.field.like_span"))
	f.apply = func(s *settings.Settings) string {
		var span settings.Span
		if err := span.UnmarshalText([]byte(f.entry.Text)); err != nil {
			return capital(err.Error())
		}
		*get(s) = span
		return ""
	}
	return f
}

func countField(key, label, hint string, get func(*settings.Settings) *int, s *settings.Settings) *field {
	f := entryField(label, hint, strconv.Itoa(*get(s)), key)
	f.apply = func(s *settings.Settings) string {
		text := strings.TrimSpace(f.entry.Text)
		n, err := strconv.Atoi(text)
		if err != nil {
			return i18n.T("ui.field.not_whole", map[string]any{"Text": strconv.Quote(text)})
		}
		*get(s) = n
		return ""
	}
	return f
}

func checkField(key, label, text string, get func(*settings.Settings) *bool, s *settings.Settings) *field {
	f := newField(label, "", key)
	f.check = newCheckbox(text)
	f.check.SetChecked(*get(s))
	f.input = f.check
	f.apply = func(s *settings.Settings) string {
		*get(s) = f.check.Checked
		return ""
	}
	return f
}

// loadField picks a weekday's training load: rest, easy or hard.
func loadField(key, label string, get func(*settings.Settings) *settings.TrainingLoad, s *settings.Settings) *field {
	f := newField(label, "", key)
	names := make([]string, len(settings.Loads))
	for i, l := range settings.Loads {
		names[i] = loadName(l)
	}
	f.choice = newChoice(names)
	f.choice.SetSelected(loadName(*get(s)))
	f.input = f.choice
	f.apply = func(s *settings.Settings) string {
		// The drop-down has no empty choice: its index is always one.
		if i := f.choice.SelectedIndex(); i >= 0 {
			*get(s) = settings.Loads[i]
		}
		return ""
	}
	return f
}

// languageField picks the language of the tray, the notifications and
// the windows: the desktop's, or one microrest ships, each named in
// itself. Listing every language reads every catalog, so the list is
// made when it is first opened; until then it holds the choice shown.
func languageField(s *settings.Settings) *field {
	f := newField(i18n.T("ui.settings.language"), i18n.T("ui.settings.language_hint"), "language")
	system := i18n.T("language.system")
	tags, names := []string{i18n.System}, []string{system}
	if tag := s.Language; tag != i18n.System {
		name := tag
		if tag == i18n.Current() {
			name = i18n.T("language.name")
		}
		tags, names = append(tags, tag), append(names, name)
	}
	f.choice = newChoice(names)
	f.choice.SetSelectedIndex(len(names) - 1)
	f.choice.fill = func() {
		tags, names = []string{i18n.System}, []string{system}
		for _, l := range i18n.Languages() {
			tags, names = append(tags, l.Tag), append(names, l.Name)
		}
		f.choice.Options = names
	}
	f.input = f.choice
	f.apply = func(s *settings.Settings) string {
		// A language the list does not offer (a tag the file names that
		// microrest does not ship) stays as the file has it.
		if i := f.choice.SelectedIndex(); i >= 0 {
			s.Language = tags[i]
		}
		return ""
	}
	return f
}

// numberField edits a decimal number, such as a breathing rate.
func numberField(key, label, hint string, get func(*settings.Settings) *float64, s *settings.Settings) *field {
	f := entryField(label, hint, strconv.FormatFloat(*get(s), 'f', -1, 64), key)
	f.apply = func(s *settings.Settings) string {
		text := strings.TrimSpace(f.entry.Text)
		n, err := strconv.ParseFloat(text, 64)
		if err != nil {
			return i18n.T("ui.field.not_number", map[string]any{"Text": strconv.Quote(text)})
		}
		*get(s) = n
		return ""
	}
	return f
}

// splitList reads a comma-separated list; spaces alone also separate, as
// people type "12:45 22:00".
func splitList(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ' ' || r == ';' })
}

func clockListField(key string, get func(*settings.Settings) *[]settings.ClockTime, s *settings.Settings) *field {
	f := listField(key, i18n.T("ui.settings.at"), i18n.T("ui.settings.at_hint"), settings.ParseClock, get, s)
	f.entry.SetPlaceHolder(i18n.T("ui.field.like_clocks"))
	return f
}

func durationListField(key, label, hint string, get func(*settings.Settings) *[]settings.Duration, s *settings.Settings) *field {
	return listField(key, label, hint, settings.ParseDuration, get, s)
}

// listField edits a list of values as comma-separated text, each item
// read by parse; the first item that does not parse is the message.
func listField[T fmt.Stringer](key, label, hint string, parse func(string) (T, error), get func(*settings.Settings) *[]T, s *settings.Settings) *field {
	parts := make([]string, len(*get(s)))
	for i, v := range *get(s) {
		parts[i] = v.String()
	}
	f := entryField(label, hint, strings.Join(parts, ", "), key)
	f.apply = func(s *settings.Settings) string {
		var out []T
		for _, p := range splitList(f.entry.Text) {
			v, err := parse(p)
			if err != nil {
				return capital(err.Error())
			}
			out = append(out, v)
		}
		*get(s) = out
		return ""
	}
	return f
}

// practicesField edits the suggestions as one per line: a list that the
// keyboard alone can edit, with no add and remove buttons to tab through.
// Blank lines are dropped, as an empty row in a list would be. A default
// practice shows in the window's language and is saved as the file had
// it, so opening the tab in German changes nothing; an edited line is
// the person's own and is saved as typed.
func practicesField(key string, get func(*settings.Settings) *[]string, s *settings.Settings) *field {
	f := newField(i18n.T("ui.settings.practices"), i18n.T("ui.settings.practices_hint"), key)
	f.entry = newEntry(true)
	f.entry.Wrapping = fyne.TextWrapWord
	f.entry.SetMinRowsVisible(6)
	stored := map[string]string{}
	shown := make([]string, len(*get(s)))
	for i, p := range *get(s) {
		shown[i] = settings.PracticeText(p)
		stored[shown[i]] = p
	}
	f.entry.SetText(strings.Join(shown, "\n"))
	f.input = f.entry
	f.apply = func(s *settings.Settings) string {
		var out []string
		for _, line := range strings.Split(f.entry.Text, "\n") {
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			if p, ok := stored[line]; ok {
				line = p
			}
			out = append(out, line)
		}
		*get(s) = out
		return ""
	}
	return f
}
