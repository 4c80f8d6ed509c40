package settings

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/atomicfile"
)

// Path returns where the settings file lives:
// $XDG_CONFIG_HOME/microrest/settings.toml.
func Path() string { return filepath.Join(xdg.ConfigHome, "microrest", "settings.toml") }

// Loaded is what Load found besides the settings themselves.
type Loaded struct {
	// Settings are the ones to run on: the file's, or the defaults.
	Settings Settings
	// Path is the file that was read.
	Path string
	// Created is true when the file was missing and defaults were written.
	Created bool
	// Unknown lists keys the file has but microrest does not know: typos or
	// settings of a newer version. They are reported, never rewritten.
	Unknown []Problem
}

// FileError says why a settings file is not used. The file is left exactly
// as it is; the caller runs on defaults (or the last good settings).
type FileError struct {
	Path     string
	Problems []Problem
}

func (e *FileError) Error() string {
	var b strings.Builder
	b.WriteString(i18n.T("settings_file.not_used", map[string]any{"Path": e.Path}))
	for _, p := range e.Problems {
		b.WriteString("\n  " + p.String())
	}
	return b.String()
}

// Load reads the settings file at path. A missing file means defaults,
// which are written out with comments so there is something to edit. A
// file that does not parse or validate yields defaults and a *FileError;
// it is never overwritten.
func Load(path string) (Loaded, error) {
	loaded := Loaded{Settings: Defaults(), Path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		loaded.Created = true
		if err := Save(path, loaded.Settings); err != nil {
			return loaded, i18n.Wrap(err, "settings_file.err_write_defaults")
		}
		return loaded, nil
	}
	if err != nil {
		return loaded, unreadable(path, err)
	}
	return fromBytes(path, data)
}

// unreadable is the FileError of a file that exists but cannot be read.
func unreadable(path string, err error) *FileError {
	return &FileError{Path: path, Problems: []Problem{{Message: i18n.T("settings_file.unreadable", map[string]any{"Error": err.Error()})}}}
}

// Reload reads the settings file again for a running daemon. Unlike Load
// it never writes: a file missing for a moment (an editor replacing it)
// is fs.ErrNotExist, and the caller keeps what it has.
func Reload(path string) (Loaded, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return Loaded{Settings: Defaults(), Path: path}, err
		}
		return Loaded{Settings: Defaults(), Path: path}, unreadable(path, err)
	}
	return fromBytes(path, data)
}

func fromBytes(path string, data []byte) (Loaded, error) {
	loaded := Loaded{Settings: Defaults(), Path: path}
	s, unknown, problems := Parse(data)
	loaded.Unknown = unknown
	if len(problems) > 0 {
		return loaded, &FileError{Path: path, Problems: problems}
	}
	loaded.Settings = s
	return loaded, nil
}

// Parse reads settings from TOML text. Keys the text leaves out keep their
// defaults. It returns the settings, the unknown keys, and the problems
// that make the text unusable (bad TOML, bad values, broken rules).
func Parse(data []byte) (Settings, []Problem, []Problem) {
	s := Defaults()
	md, err := toml.NewDecoder(bytes.NewReader(data)).Decode(&s)
	if err != nil {
		return Defaults(), nil, []Problem{decodeProblem(err)}
	}
	normalize(&s)
	lines := keyLines(data)
	var unknown []Problem
	for _, k := range md.Undecoded() {
		unknown = append(unknown, Problem{Key: k.String(), Line: lines[k.String()], Message: i18n.T("settings_file.unknown_key")})
	}
	problems := Validate(s)
	for i := range problems {
		problems[i].Line = lines[baseKey(problems[i].Key)]
	}
	if len(problems) > 0 {
		return Defaults(), unknown, problems
	}
	return s, unknown, nil
}

// normalize makes an empty list and a missing one the same value, so a
// file read back equals the settings it was written from.
func normalize(s *Settings) {
	if len(s.PauseChoices) == 0 {
		s.PauseChoices = nil
	}
	if len(s.Meals) == 0 {
		s.Meals = nil
	}
	for _, k := range Kinds {
		a := s.Anchors.Of(k)
		if len(a.At) == 0 {
			a.At = nil
		}
		if len(a.Practices) == 0 {
			a.Practices = nil
		}
	}
	for _, dt := range dayTypeKeys {
		t := dt.of(&s.DayTypes)
		for _, k := range Kinds {
			o := t.Of(k)
			if o.At != nil && len(*o.At) == 0 {
				o.At = new([]ClockTime)
			}
			if o.Practices != nil && len(*o.Practices) == 0 {
				o.Practices = new([]string)
			}
		}
	}
}

// tomlPrefix starts the decoder's errors; it names no key or line.
const tomlPrefix = "toml: "

func decodeProblem(err error) Problem {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return Problem{Key: pe.LastKey, Line: pe.Position.Line, Message: pe.Message}
	}
	// Type mismatches come as plain errors that already name line and
	// key, after the decoder's own prefix.
	return Problem{Message: strings.TrimPrefix(err.Error(), tomlPrefix)}
}

// baseKey strips a list index: "anchors.breath.practices[2]" is found on
// the line of "anchors.breath.practices".
func baseKey(key string) string {
	if i := strings.IndexByte(key, '['); i >= 0 {
		return key[:i]
	}
	return key
}

var (
	tableLine = regexp.MustCompile(`^\s*\[\s*([A-Za-z0-9_.\-"\x20]+?)\s*\]\s*(#.*)?$`)
	keyLine   = regexp.MustCompile(`^\s*([A-Za-z0-9_\-]+)\s*=`)
)

// keyLines maps each dotted key, and each table, to the line it is written
// on. It reads the plain layout people write (tables and key = value); the
// TOML decoder has already accepted the text, so it only has to find lines.
func keyLines(data []byte) map[string]int {
	lines := map[string]int{}
	table := ""
	for i, line := range strings.Split(string(data), "\n") {
		if m := tableLine.FindStringSubmatch(line); m != nil {
			table = strings.ReplaceAll(strings.ReplaceAll(m[1], `"`, ""), " ", "")
			lines[table] = i + 1
			continue
		}
		if m := keyLine.FindStringSubmatch(line); m != nil {
			key := m[1]
			if table != "" {
				key = table + "." + key
			}
			if _, seen := lines[key]; !seen {
				lines[key] = i + 1
			}
		}
	}
	return lines
}

// Save writes the settings atomically, so a crash leaves the old file or
// the new one, never half of each; the file is private to the user
// (0600). A settings.toml that is a link into the person's dotfiles stays
// one: the file it points to is written, and created if it is missing,
// since saving is what the person asked for.
func Save(path string, s Settings) error {
	if problems := Validate(s); len(problems) > 0 {
		return &FileError{Path: path, Problems: problems}
	}
	if err := atomicfile.Write(path, Encode(s), atomicfile.Options{CreateMissingTarget: true}); err != nil {
		return i18n.Wrap(err, "settings_file.err_save")
	}
	return nil
}
