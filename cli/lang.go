package cli

import (
	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// useLanguage makes the command line speak the language the settings file
// at path names, or the desktop's when it names none ("system", the
// default). It reads the file as the daemon's reload does, so a missing
// file is not written and a file with a mistake reads as the defaults:
// the desktop's language. It returns what Reload did, so a window this
// process opens need not read the file again.
func useLanguage(path string) (settings.Loaded, error) {
	loaded, err := settings.Reload(path)
	i18n.SetLanguage(loaded.Settings.Language)
	return loaded, err
}
