package testdesk

import (
	"os"
	"path/filepath"
	"testing"
)

// FakeDBusLaunch puts a dbus-launch first on PATH for the rest of the test
// that only records that it ran and fails, and returns a check for that
// record. godbus runs dbus-launch to autolaunch a session bus; a test that
// must prove nothing does so looks at the record, and a mistake starts no
// real bus. It changes the process environment: not for parallel tests.
func FakeDBusLaunch(t testing.TB) (ran func() bool) {
	t.Helper()
	dir := t.TempDir()
	record := filepath.Join(dir, "ran")
	script := "#!/bin/sh\n: > '" + record + "'\nexit 1\n"
	if err := os.WriteFile(filepath.Join(dir, "dbus-launch"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	return func() bool {
		_, err := os.Stat(record)
		return err == nil
	}
}
