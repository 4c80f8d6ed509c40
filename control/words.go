package control

import (
	"strings"

	"github.com/microrest/microrest/i18n"
	"github.com/microrest/microrest/settings"
)

// AnchorTitle is an anchor's name in the process's language, for the key
// the protocol and the settings file spell ("wind-down"); "" for a key
// that names no anchor.
func AnchorTitle(anchor string) string {
	if k, ok := kindOf(anchor); ok {
		return k.Title()
	}
	return ""
}

// anchorInText is an anchor's name inside a sentence: lower case in
// English ("hydration 3/8"), a capital in German; "" for no anchor.
func anchorInText(anchor string) string {
	if k, ok := kindOf(anchor); ok {
		return k.InText()
	}
	return ""
}

// kindOf reads a key exactly as the daemon sends it.
func kindOf(anchor string) (settings.Kind, bool) {
	k, err := settings.ParseKind(anchor)
	return k, err == nil && k.String() == anchor
}

// title is the anchor's name in this process's language, from its key;
// a status without a known key has the daemon's title.
func (a AnchorStatus) title() string {
	if t := AnchorTitle(a.Anchor); t != "" {
		return t
	}
	if a.Title != "" {
		return a.Title
	}
	return a.Anchor
}

// inText is the anchor's name inside a sentence; a status without a key
// has the daemon's title, in lower case as English writes it.
func (a AnchorStatus) inText() string {
	if t := anchorInText(a.Anchor); t != "" {
		return t
	}
	return strings.ToLower(a.title())
}

// title is the prompt's heading as the daemon gave it, which can say more
// than its anchors' names ("Walk after your meal"), or else those names.
func (p *PromptStatus) title() string {
	if p.Title != "" || len(p.Anchors) == 0 {
		return p.Title
	}
	names := make([]string, len(p.Anchors))
	for i, a := range p.Anchors {
		names[i] = AnchorStatus{Anchor: a}.title()
	}
	return strings.Join(names, " + ")
}

// BreathingName is a breathing pattern's name in the process's language,
// for its key ("calm"); an unknown key comes back as it is.
func BreathingName(pattern string) string {
	switch pattern {
	case "calm":
		return i18n.T("status.pattern.calm")
	case "sleep":
		return i18n.T("status.pattern.sleep")
	case "controlled":
		return i18n.T("status.pattern.controlled")
	}
	return pattern
}

// localError is an error whose sentence is read from the catalog each
// time it is said, so an error made at start, such as ErrNotRunning,
// speaks the language chosen after it. Compare it with errors.Is.
type localError struct{ say func() string }

func (e *localError) Error() string { return e.say() }

// wrapError is a sentence from the catalog that names err inside it, and
// wraps it for errors.Is.
type wrapError struct {
	msg string
	err error
}

func (e *wrapError) Error() string { return e.msg }
func (e *wrapError) Unwrap() error { return e.err }
