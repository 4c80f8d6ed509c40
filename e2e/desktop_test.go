package e2e

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"

	"github.com/microrest/microrest/internal/testdesk"
)

// desktop is a private desktop session: an X server, a session bus whose
// activated services see this session's HOME and DISPLAY, a notification
// server and a tray host.
type desktop struct {
	display, bus string
	conn         *dbus.Conn
	dunst        *testdesk.Dunst
	// host names the tray host in use, for the log.
	host string
	// double is the watcher double when xfce4-panel is not installed.
	double *testdesk.Watcher
}

// startDesktop brings the session up; each part is stopped when the test
// ends.
func startDesktop(t *testing.T) *desktop {
	t.Helper()
	d := &desktop{display: testdesk.Display(t)}
	home := t.TempDir()
	d.bus = startBus(t, home, d.display)
	d.conn = testdesk.Connect(t, d.bus)
	d.dunst = testdesk.StartDunst(t, d.bus, d.display)
	d.startHost(t, home)
	return d
}

// busConfig is a session bus that can activate only the services copied
// into its own service directory. The system's directories would let the
// bus start a second dunst on its own the moment the test kills the first.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%s</listen>
  <auth>EXTERNAL</auth>
  <servicedir>%s</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// xfconfService is where Debian's xfconf package installs the activation
// file of xfconfd, the settings daemon xfce4-panel reads its layout from.
const xfconfService = "/usr/share/dbus-1/services/org.xfce.Xfconf.service"

func startBus(t *testing.T, home, display string) string {
	t.Helper()
	dir := t.TempDir()
	services := filepath.Join(dir, "services")
	if err := os.MkdirAll(services, 0o700); err != nil {
		t.Fatal(err)
	}
	if data, err := os.ReadFile(xfconfService); err == nil {
		write(t, filepath.Join(services, filepath.Base(xfconfService)), string(data))
	}
	cfg := filepath.Join(dir, "bus.conf")
	write(t, cfg, fmt.Sprintf(busConfig, dir, services))
	cmd := exec.Command("dbus-daemon", "--config-file="+cfg, "--nofork", "--print-address=1")
	cmd.Env = sessionEnv(home, display, "")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = logWriter(t, "dbus-daemon: ")
	startCleanly(t, cmd)
	line := make(chan string, 1)
	go func() {
		s, _ := bufio.NewReader(out).ReadString('\n')
		line <- strings.TrimSpace(s)
	}()
	select {
	case addr := <-line:
		if addr == "" {
			t.Fatal("dbus-daemon printed no address")
		}
		return addr
	case <-time.After(testdesk.StartTimeout):
		t.Fatal("dbus-daemon did not print its address")
		return ""
	}
}

// sessionEnv is the environment of a desktop program: this machine's PATH,
// the session's HOME and display, and the bus once there is one.
func sessionEnv(home, display, bus string) []string {
	env := []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, ".config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, ".cache"),
		"DISPLAY=" + display,
		"LANG=C.UTF-8",
		"NO_AT_BRIDGE=1", // GTK would start an accessibility bus per program
	}
	if bus != "" {
		env = append(env, "DBUS_SESSION_BUS_ADDRESS="+bus)
	}
	return env
}

// startHost runs xfce4-panel with only its systray plugin, the real
// StatusNotifierItem host, or the watcher double where the panel is not
// installed.
func (d *desktop) startHost(t *testing.T, home string) {
	t.Helper()
	if _, err := exec.LookPath("xfce4-panel"); err != nil {
		t.Log("xfce4-panel is not installed (apt-get install xfce4-panel); the tray registers with testdesk's watcher double instead")
		d.host, d.double = "testdesk watcher double", testdesk.StartWatcher(t, d.bus)
		return
	}
	layout, err := os.ReadFile(filepath.Join("testdata", "xfce4-panel.xml"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(home, ".config", "xfce4", "xfconf", "xfce-perchannel-xml", "xfce4-panel.xml"), string(layout))
	cmd := exec.Command("xfce4-panel", "--disable-wm-check")
	cmd.Env = sessionEnv(home, d.display, d.bus)
	out := logWriter(t, "xfce4-panel: ")
	cmd.Stdout, cmd.Stderr = out, out
	startCleanly(t, cmd)
	d.host = "xfce4-panel (systray plugin)"
	testdesk.WaitFor(t, 30*time.Second, "xfce4-panel's systray to own "+watcherName, func() bool {
		return d.hasOwner(watcherName)
	})
}

const (
	watcherName  = "org.kde.StatusNotifierWatcher"
	watcherPath  = dbus.ObjectPath("/StatusNotifierWatcher")
	notifierName = "org.freedesktop.Notifications"
)

func (d *desktop) hasOwner(name string) bool {
	var has bool
	err := d.conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, name).Store(&has)
	return err == nil && has
}

// trayItems reads what the host's watcher holds, as "busname/path"
// strings, the form xfce4-panel's watcher keeps.
func (d *desktop) trayItems() ([]testdesk.Item, error) {
	if d.double != nil {
		return d.double.Items(), nil
	}
	v, err := d.conn.Object(watcherName, watcherPath).GetProperty(watcherName + ".RegisteredStatusNotifierItems")
	if err != nil {
		return nil, err
	}
	names, _ := v.Value().([]string)
	items := make([]testdesk.Item, 0, len(names))
	for _, n := range names {
		it := testdesk.Item{Sender: n, Path: "/StatusNotifierItem"}
		if i := strings.Index(n, "/"); i > 0 {
			it.Sender, it.Path = n[:i], dbus.ObjectPath(n[i:])
		}
		items = append(items, it)
	}
	return items, nil
}

// hostRegistered asks the watcher whether a host (the panel's tray) is
// there to show items.
func (d *desktop) hostRegistered() bool {
	v, err := d.conn.Object(watcherName, watcherPath).GetProperty(watcherName + ".IsStatusNotifierHostRegistered")
	return err == nil && v.Value() == true
}

// killNotifier kills the process that owns org.freedesktop.Notifications,
// as a crash of dunst would.
func (d *desktop) killNotifier(t *testing.T) {
	t.Helper()
	var pid uint32
	if err := d.conn.BusObject().Call("org.freedesktop.DBus.GetConnectionUnixProcessID", 0, notifierName).Store(&pid); err != nil {
		t.Fatalf("find dunst's process: %v", err)
	}
	if err := syscall.Kill(int(pid), syscall.SIGKILL); err != nil {
		t.Fatalf("kill dunst: %v", err)
	}
	testdesk.WaitFor(t, 5*time.Second, "dunst to leave the bus", func() bool { return !d.hasOwner(notifierName) })
}

// startCleanly starts cmd and ends it, and anything it started in its
// process group, when the test ends.
func startCleanly(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", cmd.Path, err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		_ = cmd.Wait()
	})
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// logWriter keeps a helper's output and shows it if the test fails.
func logWriter(t *testing.T, prefix string) *testdesk.Buffer {
	b := &testdesk.Buffer{}
	t.Cleanup(func() {
		if t.Failed() && b.String() != "" {
			t.Logf("%s\n%s", prefix, b.String())
		}
	})
	return b
}
