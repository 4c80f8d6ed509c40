package sessionbus

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"testing"
)

// These tests set the process environment: none of them is parallel.

// runtimeDir makes an XDG_RUNTIME_DIR, with a listening bus socket in it
// when withBus. Its path is short, as a Unix socket path must be.
func runtimeDir(t *testing.T, withBus bool) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "sb-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if withBus {
		ln, err := net.Listen("unix", filepath.Join(dir, "bus"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ln.Close() })
	}
	return dir
}

// setenv sets key for the test, or unsets it when unset; t.Setenv first,
// so the old value comes back either way.
func setenv(t *testing.T, key, value string, unset bool) {
	t.Setenv(key, value)
	if unset {
		if err := os.Unsetenv(key); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTheAddressIsTheEnvironmentsElseTheRuntimeBusElseNone(t *testing.T) {
	cases := []struct {
		name       string
		env        string
		unset      bool
		runtimeBus bool
		want       string // "bus" stands for the runtime bus
		noBus      bool
	}{
		{name: "set", env: "unix:path=/tmp/elsewhere", runtimeBus: true, want: "unix:path=/tmp/elsewhere"},
		{name: "set to what Guard leaves without a bus", env: refused, noBus: true},
		{name: "empty, with a runtime bus", env: "", runtimeBus: true, want: "bus"},
		{name: "empty, without", env: "", noBus: true},
		{name: "autolaunch:, with a runtime bus", env: "autolaunch:", runtimeBus: true, want: "bus"},
		{name: "autolaunch:, without", env: "autolaunch:", noBus: true},
		{name: "unset, with a runtime bus", unset: true, runtimeBus: true, want: "bus"},
		{name: "unset, without", unset: true, noBus: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := runtimeDir(t, c.runtimeBus)
			t.Setenv("XDG_RUNTIME_DIR", dir)
			setenv(t, envVar, c.env, c.unset)
			want := c.want
			if want == "bus" {
				want = "unix:path=" + filepath.Join(dir, "bus")
			}
			got, err := Address()
			if c.noBus != errors.Is(err, ErrNoBus) || got != want {
				t.Fatalf("Address() = %q, %v; want %q, no bus %t", got, err, want, c.noBus)
			}
		})
	}
}

func TestAFileThatIsNotASocketIsNoRuntimeBus(t *testing.T) {
	dir := runtimeDir(t, false)
	if err := os.WriteFile(filepath.Join(dir, "bus"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("XDG_RUNTIME_DIR", dir)
	t.Setenv(envVar, "")
	if got, err := Address(); !errors.Is(err, ErrNoBus) {
		t.Fatalf("Address() = %q, %v with a leftover regular file", got, err)
	}
}

func TestAPathIsEscapedAsTheDBusSpecSays(t *testing.T) {
	cases := []struct{ path, want string }{
		{"/run/user/1000/bus", "/run/user/1000/bus"},
		{"/tmp/a b/bus", "/tmp/a%20b/bus"},
		{"/tmp/x,y=z;w/bus", "/tmp/x%2Cy%3Dz%3Bw/bus"},
		{"/tmp/é", "/tmp/%C3%A9"},
	}
	for _, c := range cases {
		if got := escape(c.path); got != c.want {
			t.Errorf("escape(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}
