package main

import (
	"slices"
	"strings"
	"testing"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/internal/testdesk"
	"github.com/microrest/microrest/settings"
)

// inLocale is env with the desktop's locale set by LANG alone, as on most
// Linux desktops: LC_ALL, LC_MESSAGES and LANGUAGE, which come before or
// after it, are left out.
func inLocale(env []string, lang string) []string {
	out := slices.DeleteFunc(slices.Clone(env), func(kv string) bool {
		for _, name := range []string{"LANG=", "LC_ALL=", "LC_MESSAGES=", "LANGUAGE="} {
			if strings.HasPrefix(kv, name) {
				return true
			}
		}
		return false
	})
	return append(out, "LANG="+lang)
}

// said is what the catalog of tag says for id with data, checked to
// differ from English, so a check for it fails when the text comes out in
// English. A count makes it the plural message's form for that count.
func said(t *testing.T, tag, id string, data map[string]any, count ...int) string {
	t.Helper()
	in, en := i18n.For(tag), i18n.For(i18n.English)
	if in.Language() != tag {
		t.Fatalf("microrest ships no %s catalog", tag)
	}
	var got, english string
	if len(count) > 0 {
		got, english = in.N(id, count[0], data), en.N(id, count[0], data)
	} else {
		got, english = in.T(id, data), en.T(id, data)
	}
	if got == english {
		t.Fatalf("%s says %q as English does (%q): the test could not tell the languages apart", tag, id, got)
	}
	return got
}

// speaksIn runs microrest on a desktop with env and settings and checks
// that --help, status and a prompt's notification speak tag.
func speaksIn(t *testing.T, tag string, env func([]string) []string, settingsText string) {
	home, base, watcher, addr := newDesktop(t)
	s := &session{home: home, addr: addr, env: env(base), watcher: watcher}
	writeSettings(t, home, settingsText)
	server := testdesk.StartNotifyServer(t, addr, "actions", "body")
	s.daemon = start(t, s.env)
	s.item = waitForTray(t, watcher)

	help, _, code := run(t, s.env, "--help")
	for _, want := range []string{
		said(t, tag, "cli.help.usage", nil) + "\n",
		"microrest now " + said(t, tag, "cli.help.anchor", nil) + " ",
		said(t, tag, "cli.help.options", nil) + "\n",
		said(t, tag, "cli.help.exit", nil) + "\n",
	} {
		if code != 0 || !strings.Contains(help, want) {
			t.Errorf("--help: exit %d, lacks %q:\n%s", code, want, help)
		}
	}

	status, _, code := run(t, s.env, "status")
	for _, want := range []string{
		" — " + said(t, tag, "status.next", map[string]any{"Plan": ""}), // "microrest 0.1.0 — Next: …"
		"\n" + said(t, tag, "status.wins_today", nil, 0) + "\n",
		" " + said(t, tag, "cli.status.off", nil) + "\n", // the anchors left out of postureOnly
	} {
		if code != 0 || !strings.Contains(status, want) {
			t.Errorf("status: exit %d, lacks %q:\n%s", code, want, status)
		}
	}

	if _, stderr, code := run(t, s.env, "now", "posture"); code != 0 {
		t.Fatalf("now posture: exit %d: %s", code, stderr)
	}
	call := waitForNotification(t, server, i18n.For(tag).T("anchor.posture"))
	if done := "done," + said(t, tag, "answer.done", nil); !strings.Contains(strings.Join(call.Actions, ",")+",", done+",") {
		t.Errorf("the notification's buttons are %q, want %q among them", call.Actions, done)
	}
	var practices []string
	for _, id := range settings.PracticeKeys() {
		if strings.HasPrefix(id, "practice.posture.") {
			practices = append(practices, said(t, tag, id, nil))
		}
	}
	if !slices.ContainsFunc(practices, func(p string) bool { return strings.Contains(call.Body, p) }) {
		t.Errorf("the notification's body %q holds none of the posture practices in %s: %q", call.Body, tag, practices)
	}
	s.stop(t)
}

func TestI18nGermanFromLANGInStatusHelpAndNotifications(t *testing.T) {
	speaksIn(t, "de", func(env []string) []string { return inLocale(env, "de_DE.UTF-8") }, postureOnly)
}

func TestI18nFrenchFromLANGInStatusHelpAndNotifications(t *testing.T) {
	speaksIn(t, "fr", func(env []string) []string { return inLocale(env, "fr_FR.UTF-8") }, postureOnly)
}

func TestI18nTheSettingsLanguageOverridesLANG(t *testing.T) {
	speaksIn(t, "fr", func(env []string) []string { return inLocale(env, "de_DE.UTF-8") }, "language = \"fr\"\n"+postureOnly)
}
