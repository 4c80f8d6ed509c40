package locale

import "testing"

func TestFixSetsLanguageOnlyForTheCLocaleWithAnEncoding(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"C.UTF-8 from LANG", map[string]string{"LANG": "C.UTF-8"}, "en"},
		{"POSIX.utf8 from LC_ALL", map[string]string{"LC_ALL": "POSIX.utf8", "LANG": "de_DE.UTF-8"}, "en"},
		{"a real locale is left alone", map[string]string{"LANG": "de_DE.UTF-8"}, ""},
		{"LC_ALL wins over a C LANG", map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "C.UTF-8"}, ""},
		{"plain C is already handled upstream", map[string]string{"LANG": "C"}, ""},
		{"an explicit LANGUAGE is kept", map[string]string{"LANG": "C.UTF-8", "LANGUAGE": "nl"}, "nl"},
		{"nothing set", map[string]string{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{}
			for k, v := range tc.env {
				env[k] = v
			}
			Fix(func(k string) string { return env[k] }, func(k, v string) error { env[k] = v; return nil })
			if got := env["LANGUAGE"]; got != tc.want {
				t.Fatalf("LANGUAGE = %q, want %q", got, tc.want)
			}
		})
	}
}
