package i18n

import "golang.org/x/sys/windows"

// readsEnv: Windows programs follow the account's display language; a
// LANG left by a Unix-style shell is not the person's choice.
const readsEnv = false

// systemLanguages lists the account's display languages, most wanted
// first ("de-DE", "en-US"). Its first entry is the language
// GetUserDefaultUILanguage names, as a name rather than a LANGID; without
// a user list, the system's is used.
func systemLanguages() []string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		langs, _ = windows.GetSystemPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	}
	return langs
}
