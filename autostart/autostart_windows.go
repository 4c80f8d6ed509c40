package autostart

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows/registry"

	"github.com/microrest/microrest/i18n"
)

const runKey = `Software\Microsoft\Windows\CurrentVersion\Run`

func where() string { return `HKCU\` + runKey + `\microrest` }

func enable(exe string) error {
	k, _, err := registry.CreateKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if err != nil {
		return fmt.Errorf("%s: %w", i18n.T("autostart.err_on"), err)
	}
	defer k.Close()
	if err := k.SetStringValue("microrest", `"`+exe+`"`); err != nil {
		return fmt.Errorf("%s: %w", i18n.T("autostart.err_on"), err)
	}
	return nil
}

func disable() error {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("%s: %w", i18n.T("autostart.err_off"), err)
	}
	defer k.Close()
	if err := k.DeleteValue("microrest"); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return fmt.Errorf("%s: %w", i18n.T("autostart.err_off"), err)
	}
	return nil
}

func enabled() (bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("%s: %w", i18n.T("autostart.err_read"), err)
	}
	defer k.Close()
	_, _, err = k.GetStringValue("microrest")
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	return err == nil, err
}
