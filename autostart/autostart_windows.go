package autostart

import (
	"errors"

	"golang.org/x/sys/windows/registry"

	"github.com/microrest/microrest/i18n"
)

const runKey = `Software\Microsoft\Windows\CurrentVersion\Run`

func where() string { return `HKCU\` + runKey + `\microrest` }

func enable(exe string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return i18n.Wrap(err, "autostart.err_on")
	}
	defer k.Close()
	if err := k.SetStringValue("microrest", `"`+exe+`"`); err != nil {
		return i18n.Wrap(err, "autostart.err_on")
	}
	return nil
}

func disable() error {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return i18n.Wrap(err, "autostart.err_off")
	}
	defer k.Close()
	if err := k.DeleteValue("microrest"); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return i18n.Wrap(err, "autostart.err_off")
	}
	return nil
}

func enabled() (bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, i18n.Wrap(err, "autostart.err_read")
	}
	defer k.Close()
	_, _, err = k.GetStringValue("microrest")
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}
