package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	goi18n "github.com/nicksnyder/go-i18n/v2/i18n"
)

// userTextPackages are the packages, as directories under the module
// root, whose every word a person reads comes from the catalog. Add a
// package once its text goes through i18n.T and i18n.N. The engine
// (reminders) is not one: it speaks no language (its own test checks it
// imports no catalog), its strings are English for logs and tests, and
// what a person reads of it, its refusals and reasons, the daemon words.
var userTextPackages = []string{"tray", "autostart", "control", "notify", "daemon", "cli", "ui", "window", "settings", "journal",
	"activity", "internal/footprint", "internal/sessionbus", "internal/atomicfile"}

// userTextPending are files of userTextPackages, as paths under the
// module root, whose text does not come from the catalog yet, each with
// the reason. Remove a file once it passes.
var userTextPending = map[string]string{}

// userTextExempt are files of userTextPackages, as paths under the module
// root, that write a file's own format, whose words stay English in every
// language, each with the reason.
var userTextExempt = map[string]string{
	"settings/encode.go": "writes settings.toml, whose keys and comments stay English in every language, as the file's syntax does",
}

// allowedLiterals are strings that look like text but that no person
// reads as a sentence in their language, each with the reason.
var allowedLiterals = map[string]string{
	"microrest":              "the product's name is the same in every language",
	"[Desktop Entry]":        "the group header the Desktop Entry Specification requires",
	"tray click":             "a debug log line, for developers following a click",
	"toml: ":                 "the prefix the TOML decoder starts its errors with, which settings cuts off",
	"do-not-disturb (GNOME)": "names a reporter in status --json's quiet_sources, an identifier the same in every language; activity.Monitor.Quiet says it in words",
	"do-not-disturb (notifications inhibited)": "names a reporter in status --json's quiet_sources, an identifier the same in every language; activity.Monitor.Quiet says it in words",
	`"HIDIdleTime" = `:                         "the key activity looks for in ioreg's output",
}

// allowedFuncs are functions whose strings are a machine's format, each
// with the reason; keep them free of text for people.
var allowedFuncs = map[string]string{
	"tray.Action.String":                "names an action in debug logs and test failures",
	"autostart.plist":                   "launchd reads the LaunchAgent's property list; no person does",
	"notify.Action.String":              "names an answer in debug logs and test failures",
	"notify.displayScript":              "AppleScript source for osascript; the words it shows are its arguments",
	"cli.syntax":                        "command-line syntax: verbs, flags and values are typed as written in every language; ANCHOR comes from the catalog",
	"cli.windowSyntax":                  "command-line syntax: flags and values are typed as written in every language",
	"cli.ParseAppInfo":                  "reads FyneApp.toml, built into the binary: only a broken build fails it, and its developer reads the error",
	"settings.Duration.String":          "writes a duration in the file's own syntax (45m, 1h30m), which every language types as written",
	"settings.BreathMode.MarshalText":   "fails only for a value outside the constants, which no file or command can make",
	"settings.TrainingLoad.MarshalText": "fails only for a value outside the constants, which no file or command can make",
	"settings.Kind.MarshalText":         "fails only for a value outside the constants, which no file or command can make",
	"activity.alarmNotify.String":       "names an X11 event in debug output and test failures",
}

// textArgs says which arguments of a call a person reads.
type textArgs struct {
	first int  // the first such argument
	rest  bool // the ones after it too (Print-like calls)
}

// userTextSinks are the calls whose string arguments a person reads, as
// "package.Func" or, for methods, ".Method". Any literal with a letter
// passed to one must come from the catalog, even a single word.
var userTextSinks = map[string]textArgs{
	// Errors reach people as the sentences the command line and the windows show.
	"fmt.Errorf": {0, false}, "errors.New": {0, false},
	// Command-line output.
	"fmt.Print": {0, true}, "fmt.Println": {0, true}, "fmt.Printf": {0, false},
	"fmt.Fprint": {1, true}, "fmt.Fprintln": {1, true}, "fmt.Fprintf": {1, false},
	// Log lines a person is pointed to: the message, not slog's keys.
	"log.Print": {0, true}, "log.Println": {0, true}, "log.Printf": {0, false},
	"log.Fatal": {0, true}, "log.Fatalf": {0, false},
	".Info": {0, false}, ".Warn": {0, false}, ".Error": {0, false},
	// The tray.
	"systray.SetTitle": {0, false}, "systray.SetTooltip": {0, false},
	"systray.AddMenuItem": {0, true}, "systray.AddMenuItemCheckbox": {0, true},
	".AddSubMenuItem": {0, true}, ".AddSubMenuItemCheckbox": {0, true},
	".SetTitle": {0, false}, ".SetTooltip": {0, false},
	// Fyne windows and notifications.
	"widget.NewLabel": {0, false}, "widget.NewButton": {0, false}, "widget.NewButtonWithIcon": {0, false},
	"widget.NewCheck": {0, false}, "widget.NewCard": {0, true}, "widget.NewFormItem": {0, false},
	"widget.NewLabelWithStyle": {0, false}, "canvas.NewText": {0, false},
	".SetConfirmText": {0, false}, ".SetDismissText": {0, false},
	"widget.NewRichTextFromMarkdown": {0, false}, "widget.NewHyperlink": {0, false},
	"container.NewTabItem": {0, false}, "container.NewTabItemWithIcon": {0, false},
	"dialog.ShowInformation": {0, true}, "dialog.NewInformation": {0, true},
	"dialog.ShowConfirm": {0, true}, "dialog.NewConfirm": {0, true},
	"dialog.ShowCustom": {0, true}, "dialog.NewCustom": {0, true},
	"fyne.NewNotification": {0, true}, ".NewWindow": {0, false},
	".SetText": {0, false}, ".SetPlaceHolder": {0, false},
	// The windows' own helpers that make a label of their text, called
	// inside their package as "package.func".
	"ui.wrapped": {0, false}, "ui.heading": {0, false}, "ui.boldLabel": {0, false},
	"ui.boldWrapped": {0, false}, "ui.caption": {0, false}, "ui.setText": {1, false},
	"ui.newCheckbox": {0, false},
	// The command line's error lines.
	"cli.usageErr": {1, false}, "cli.errorLine": {1, false}, ".fail": {0, false},
}

// userTextFields are struct fields a person reads, in composite literals
// (tray.Item{Title: ...}, a notification's Body).
var userTextFields = map[string]bool{
	"Title": true, "Tooltip": true, "Body": true, "Summary": true, "Label": true, "Text": true,
	"Hint": true, "Message": true, "PlaceHolder": true, "Placeholder": true, "Subtitle": true,
}

// verbRE matches fmt's verbs, which are no words.
var verbRE = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]`)

type finding struct {
	pos  token.Position
	text string
	why  string
}

func (f finding) String() string { return fmt.Sprintf("%s: %q %s", f.pos, f.text, f.why) }

// scanner finds user text that bypasses the catalog in one package, and
// catalog calls that name no message.
type scanner struct {
	fset *token.FileSet
	pkg  string
	en   map[string]*goi18n.Message
	out  []finding
}

func (s *scanner) file(f *ast.File) {
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if _, ok := allowedFuncs[s.pkg+"."+funcName(d)]; !ok {
				s.walk(d)
			}
		case *ast.GenDecl:
			if d.Tok != token.IMPORT {
				s.walk(d)
			}
		}
	}
}

func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	if star, ok := t.(*ast.StarExpr); ok {
		t = star.X
	}
	if idx, ok := t.(*ast.IndexExpr); ok {
		t = idx.X
	}
	if id, ok := t.(*ast.Ident); ok {
		return id.Name + "." + d.Name.Name
	}
	return d.Name.Name
}

// walk checks every string literal under root. Parents come before
// children in ast.Inspect, so a call or a field marks its literals first.
func (s *scanner) walk(root ast.Node) {
	sink := map[*ast.BasicLit]bool{}
	skip := map[*ast.BasicLit]bool{}
	ast.Inspect(root, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			if n.Tag != nil {
				skip[n.Tag] = true
			}
		case *ast.CallExpr:
			if s.catalogCall(n, skip) {
				return true
			}
			if args, ok := sinkOf(n, s.pkg); ok {
				for i := args.first; i < len(n.Args) && (i == args.first || args.rest); i++ {
					literalsOf(n.Args[i], sink)
				}
			}
		case *ast.KeyValueExpr:
			if id, ok := n.Key.(*ast.Ident); ok && userTextFields[id.Name] {
				literalsOf(n.Value, sink)
			}
		case *ast.BasicLit:
			if n.Kind == token.STRING && !skip[n] {
				s.check(n, sink[n])
			}
		}
		return true
	})
}

// catalogCall recognises x.T(id, ...) and x.N(id, count, data): their id
// must be a message of the right kind, and the id and the data's keys
// are no text.
func (s *scanner) catalogCall(c *ast.CallExpr, skip map[*ast.BasicLit]bool) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "T" && sel.Sel.Name != "N") || len(c.Args) == 0 {
		return false
	}
	for _, a := range c.Args[1:] {
		ast.Inspect(a, func(n ast.Node) bool {
			if kv, ok := n.(*ast.KeyValueExpr); ok {
				if lit, ok := kv.Key.(*ast.BasicLit); ok {
					skip[lit] = true
				}
			}
			return true
		})
	}
	lit, ok := c.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return true // an id built at run time: the catalog tests cannot see it
	}
	skip[lit] = true
	id, _ := strconv.Unquote(lit.Value)
	m, found := s.en[id]
	switch {
	case !found:
		s.report(lit, id, "names no message in active.en.toml: add it there and in every other catalog")
	case sel.Sel.Name == "N" && !isPlural(m):
		s.report(lit, id, "is passed to N but has no plural forms: use T, or give it one/other")
	case sel.Sel.Name == "T" && isPlural(m):
		s.report(lit, id, "has plural forms but is passed to T: use N with the count")
	}
	return true
}

// sinkOf finds the sink a call in package pkg is: a function of pkg
// called by its bare name is "pkg.func".
func sinkOf(c *ast.CallExpr, pkg string) (textArgs, bool) {
	if id, ok := c.Fun.(*ast.Ident); ok {
		args, ok := userTextSinks[pkg+"."+id.Name]
		return args, ok
	}
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return textArgs{}, false
	}
	if x, ok := sel.X.(*ast.Ident); ok {
		if args, ok := userTextSinks[x.Name+"."+sel.Sel.Name]; ok {
			return args, true
		}
	}
	args, ok := userTextSinks["."+sel.Sel.Name]
	return args, ok
}

// literalsOf marks the string literals e is made of: itself, or the
// parts of a concatenation. A call inside is judged on its own.
func literalsOf(e ast.Expr, into map[*ast.BasicLit]bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		into[e] = true
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			literalsOf(e.X, into)
			literalsOf(e.Y, into)
		}
	case *ast.ParenExpr:
		literalsOf(e.X, into)
	}
}

// check decides whether a literal is user text: with a letter, given to
// a sink; or with a letter and a space anywhere, once fmt's verbs are
// taken out.
func (s *scanner) check(lit *ast.BasicLit, toSink bool) {
	v, err := strconv.Unquote(lit.Value)
	if err != nil {
		return
	}
	if _, ok := allowedLiterals[v]; ok {
		return
	}
	words := verbRE.ReplaceAllString(v, "")
	if !strings.ContainsFunc(words, unicode.IsLetter) {
		return
	}
	switch {
	case toSink:
		s.report(lit, v, "reaches a person: use i18n.T, or add it to allowedLiterals with the reason no person reads it")
	case strings.Contains(words, " "):
		s.report(lit, v, "reads as text for people: use i18n.T, or add it to allowedLiterals with the reason no person reads it")
	}
}

func (s *scanner) report(n ast.Node, text, why string) {
	s.out = append(s.out, finding{pos: s.fset.Position(n.Pos()), text: text, why: why})
}

// scanSource scans one file of package pkg.
func scanSource(t *testing.T, pkg, filename string, src any) []finding {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filename, src, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	s := &scanner{fset: fset, pkg: pkg, en: parsed(t, English)}
	s.file(f)
	return s.out
}

func TestNoUserTextBypassesTheCatalog(t *testing.T) {
	root := ".."
	for _, pkg := range userTextPackages {
		files, err := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		scanned := 0
		for _, path := range files {
			file := pkg + "/" + filepath.Base(path)
			if _, ok := userTextPending[file]; ok || strings.HasSuffix(path, "_test.go") {
				continue
			}
			if _, ok := userTextExempt[file]; ok {
				continue
			}
			scanned++
			for _, f := range scanSource(t, filepath.Base(pkg), path, nil) {
				t.Error(f)
			}
		}
		if scanned == 0 {
			t.Errorf("userTextPackages names %q, which has no Go files under the module root", pkg)
		}
	}
	for file := range userTextPending {
		if _, err := os.Stat(filepath.Join(root, file)); err != nil {
			t.Errorf("userTextPending names %s, which is gone: remove it from the list", file)
		}
	}
	for file := range userTextExempt {
		if _, err := os.Stat(filepath.Join(root, file)); err != nil {
			t.Errorf("userTextExempt names %s, which is gone: remove it from the list", file)
		}
	}
}

func TestTheScannerTellsTextFromMachineStrings(t *testing.T) {
	tests := []struct {
		name, src string
		flagged   []string
	}{
		{"a sentence", `var s = "Take a break now"`, []string{"Take a break now"}},
		{"a word given to a tray sink", `func f() { systray.SetTooltip("Paused") }`, []string{"Paused"}},
		{"a word given to a method sink", `func f() { mi.SetTitle("Pause") }`, []string{"Pause"}},
		{"an error prefix", `func f() error { return fmt.Errorf("read the entry: %w", err) }`, []string{"read the entry: %w"}},
		{"a one-word error", `func f() error { return errors.New("invalid") }`, []string{"invalid"}},
		{"a title field", `var i = tray.Item{Title: "Done"}`, []string{"Done"}},
		{"a concatenated title", `var i = tray.Item{Title: "For " + d}`, []string{"For "}},
		{"a log message but not its keys", `func f() { log.Warn("no tray", "err", err) }`, []string{"no tray"}},
		{"catalog calls", `func f() { _ = i18n.T("tray.quit"); _ = i18n.N("count.wins", 2, map[string]any{"Some Key": 1}) }`, nil},
		{"a catalog call in a sink", `func f() error { return fmt.Errorf("%s: %w", i18n.T("autostart.err_on"), err) }`, nil},
		{"an unknown id", `func f() { _ = i18n.T("no.such") }`, []string{"no.such"}},
		{"a plural id given to T", `func f() { _ = i18n.T("count.wins") }`, []string{"count.wins"}},
		{"a plain id given to N", `func f() { _ = i18n.N("tray.quit", 1, nil) }`, []string{"tray.quit"}},
		{"format verbs only", `func f() { fmt.Printf("%s: %d\n", a, b) }`, nil},
		{"names and paths", `var a, b, c = "org.freedesktop.DBus.NameHasOwner", "/usr/bin/defaults", "Hidden"`, nil},
		{"an allowed literal", `func f() { systray.SetTitle("microrest") }`, nil},
		{"an allowed function", `func (a Action) String() string { return "open " + a.w }`, nil},
		{"struct tags", "type s struct{ A int `toml:\"a b\"` }", nil},
		{"imports", `import x "fmt x"`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := "package tray\n" + tc.src + "\n"
			var got []string
			for _, f := range scanSource(t, "tray", "x.go", src) {
				got = append(got, f.text)
			}
			if fmt.Sprint(got) != fmt.Sprint(tc.flagged) {
				t.Fatalf("flagged %q, want %q", got, tc.flagged)
			}
		})
	}
}

func TestTheScannerKnowsAPackagesOwnLabelHelpers(t *testing.T) {
	src := "package ui\nfunc f() { setText(l, \"Finished\"); wrapped(i18n.T(\"tray.quit\")); setText(\"Done\", \"\") }\n"
	var got []string
	for _, f := range scanSource(t, "ui", "x.go", src) {
		got = append(got, f.text)
	}
	if fmt.Sprint(got) != fmt.Sprint([]string{"Finished"}) {
		t.Fatalf("flagged %q, want only the word given to setText", got)
	}
}

// The module root must be where the scanned packages are.
func TestTheModuleRootIsTheParentDirectory(t *testing.T) {
	if _, err := os.Stat(filepath.Join("..", "go.mod")); err != nil {
		t.Fatalf("the scan expects go.mod one level up: %v", err)
	}
}
