//go:build !windows && !darwin

package autostart

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/adrg/xdg"

	"github.com/microrest/microrest/i18n"
)

func tempConfig(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	xdg.Reload()
	t.Cleanup(xdg.Reload)
	return dir
}

func TestAutostartTogglesAnXDGEntryAndReadsItBack(t *testing.T) {
	dir := tempConfig(t)
	if on, err := Enabled(); err != nil || on {
		t.Fatalf("fresh home: enabled=%v err=%v", on, err)
	}
	exe := "/opt/micro rest/bin/microrest"
	if err := Set(true, exe); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "autostart", "microrest.desktop")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `Exec="/opt/micro rest/bin/microrest"`) || Where() != path {
		t.Fatalf("entry at %s:\n%s", Where(), data)
	}
	if on, err := Enabled(); err != nil || !on {
		t.Fatalf("after Set(true): enabled=%v err=%v", on, err)
	}
	if err := Set(false, ""); err != nil {
		t.Fatal(err)
	}
	if on, _ := Enabled(); on {
		t.Fatal("after Set(false) autostart is still on")
	}
	if err := Set(false, ""); err != nil {
		t.Fatalf("turning off twice: %v", err)
	}
}

func TestAnEntrySwitchedOffByTheDesktopReadsAsOff(t *testing.T) {
	for _, line := range []string{"Hidden=true", "X-GNOME-Autostart-enabled=false"} {
		t.Run(line, func(t *testing.T) {
			dir := tempConfig(t)
			if err := Set(true, "/usr/bin/microrest"); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, "autostart", "microrest.desktop")
			data, _ := os.ReadFile(path)
			edited := strings.Replace(string(data), "X-GNOME-Autostart-enabled=true", line, 1)
			if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
				t.Fatal(err)
			}
			if on, err := Enabled(); err != nil || on {
				t.Fatalf("enabled=%v err=%v with %s", on, err, line)
			}
		})
	}
}

func TestTheEntryValidates(t *testing.T) {
	validator, err := exec.LookPath("desktop-file-validate")
	if err != nil {
		t.Skip("desktop-file-validate is not installed (Debian package desktop-file-utils)")
	}
	path := filepath.Join(t.TempDir(), "microrest.desktop")
	if err := os.WriteFile(path, desktopEntry(`/home/a b/microrest`), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(validator, path).CombinedOutput(); err != nil || len(out) > 0 {
		t.Fatalf("desktop-file-validate: %v\n%s", err, out)
	}
}

func TestTheEntryDescribesMicrorestInEveryLanguage(t *testing.T) {
	entry := string(desktopEntry("/usr/bin/microrest"))
	for _, line := range []string{
		"GenericName=Recovery reminders",
		"GenericName[de]=Pausenerinnerungen",
		"GenericName[pt_BR]=Lembretes de pausa",
		"Comment=Short movement, breathing and posture breaks through the working day",
		"Comment[fr]=De courtes pauses pour bouger, respirer et se redresser tout au long de la journée de travail",
	} {
		if !strings.Contains(entry, "\n"+line+"\n") {
			t.Errorf("the entry lacks the line %q:\n%s", line, entry)
		}
	}
	for _, l := range i18n.Languages() {
		key := "Comment[" + strings.ReplaceAll(l.Tag, "-", "_") + "]="
		if l.Tag != i18n.English && !strings.Contains(entry, "\n"+key) {
			t.Errorf("no %s line for %s", key, l.Name)
		}
	}
}

func TestAFailureIsSaidInThePersonsLanguage(t *testing.T) {
	dir := tempConfig(t)
	// A file where the autostart directory should be: it cannot be made.
	if err := os.WriteFile(filepath.Join(dir, "autostart"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	i18n.SetLanguage("es")
	t.Cleanup(func() { i18n.SetLanguage(i18n.System) })
	err := Set(true, "/usr/bin/microrest")
	if want := "activar el inicio automático: "; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("err = %v, want it to start with %q", err, want)
	}
}

func TestExecQuotingFollowsTheDesktopEntrySpec(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/usr/bin/microrest", "/usr/bin/microrest"},
		{"/opt/a b/microrest", `"/opt/a b/microrest"`},
		{`/opt/a\b c`, `"/opt/a\\\\b c"`},
		{`/opt/$x y`, `"/opt/\\$x y"`},
		{`/opt/"q" y`, `"/opt/\\"q\\" y"`},
	}
	for _, tc := range tests {
		if got := quoteExec(tc.in); got != tc.want {
			t.Errorf("quoteExec(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}
