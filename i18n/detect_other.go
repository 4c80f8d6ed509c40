//go:build !windows && !darwin

package i18n

// readsEnv: on Linux and other Unix the locale variables are the system's
// language.
const readsEnv = true

// systemLanguages has nothing to add to the locale variables here.
func systemLanguages() []string { return nil }
